/** The CLI entry: parses flags with yargs, runs one command, returns its exit code. */
import yargs from 'yargs';
import { InternalError, NcomposeError, formatDiagnostic } from '../diagnostics.js';
import { COMMANDS } from './commands/index.js';
import { globalOptions } from './global-options.js';
import { processIo, type Io } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
const VERSION = '0.1.0';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  let usageError: string | undefined;
  const debug = argv.includes('--debug');
  const parser = globalOptions(yargs(argv))
    .scriptName('ncompose')
    .usage('Usage: ncompose [OPTIONS] COMMAND')
    // No `-v` alias: `down -v` and `rm -v` mean volumes, as in compose.
    .version(VERSION)
    .help()
    .alias('help', 'h')
    .strict()
    .demandCommand(1, 'Missing command: see ncompose --help')
    .recommendCommands()
    .parserConfiguration({ 'greedy-arrays': false })
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg ?? 'usage error';
    });
  for (const spec of COMMANDS) {
    parser.command({
      command: spec.command,
      describe: spec.describe,
      builder: (y) => (spec.builder ? spec.builder(y) : y),
      handler: async (args) => {
        const impl = await spec.load();
        exitCode = await impl.run(args as Record<string, unknown>, io);
      },
    });
  }
  try {
    await parser.parseAsync();
  } catch (e) {
    return reportError(e, io, debug);
  }
  if (usageError) {
    io.err(`ncompose: ${usageError}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}

function reportError(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof NcomposeError) {
    for (const d of e.diagnostics) io.err(formatDiagnostic(d) + '\n');
    if (e.message) io.err(`ncompose: ${e.message}\n`);
    if (debug && e.stack) io.err(e.stack + '\n');
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new InternalError(String(e));
  io.err(`ncompose: internal error: ${err.message}\n${err.stack ?? ''}\n`);
  return EXIT_FAILED;
}
