/** Every subcommand, in the order `--help` lists them. Each loads its implementation lazily. */
import type { CommandSpec } from '../command.js';
import { configCommand } from './config.js';
import { lintCommand } from './lint.js';
import { graphCommand } from './graph.js';
import { planCommand } from './plan.js';
import { upCommand } from './up.js';
import { downCommand } from './down.js';
import { psCommand } from './ps.js';
import { logsCommand } from './logs.js';
import { restartCommand, rmCommand, startCommand, stopCommand } from './lifecycle.js';
import { buildCommand, pullCommand } from './images.js';
import { execCommand } from './exec.js';
import { historyCommand } from './history.js';
import { rollbackCommand } from './rollback.js';

export const COMMANDS: CommandSpec[] = [configCommand, planCommand, graphCommand, lintCommand,
  upCommand, downCommand, psCommand, logsCommand, startCommand, stopCommand, restartCommand, rmCommand, pullCommand, buildCommand, execCommand,
  historyCommand, rollbackCommand];
