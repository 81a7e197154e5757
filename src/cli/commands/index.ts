/** Every subcommand, in the order `--help` lists them. Each loads its implementation lazily. */
import type { CommandSpec } from '../command.js';
import { configCommand } from './config.js';
import { lintCommand } from './lint.js';
import { graphCommand } from './graph.js';
import { planCommand } from './plan.js';

export const COMMANDS: CommandSpec[] = [configCommand, planCommand, graphCommand, lintCommand];
