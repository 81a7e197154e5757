/** A subcommand: yargs flags here, the implementation imported only when it runs. */
import type { Argv } from 'yargs';
import type { Io } from './io.js';

export interface CommandImpl {
  run(args: Record<string, unknown>, io: Io): Promise<number>;
}

export interface CommandSpec {
  command: string | string[];
  describe: string;
  builder?: (y: Argv) => Argv;
  load: () => Promise<CommandImpl>;
}

export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}
