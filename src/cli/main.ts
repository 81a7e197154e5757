/** The CLI entry: parses flags with yargs, runs one command, returns its exit code. */
import yargs from 'yargs';
import { InternalError, NcomposeError, formatDiagnostic } from '../diagnostics.js';
import { didYouMean } from '../parser/did-you-mean.js';
import { COMMANDS } from './commands/index.js';
import { expandGlobalShortFlags, globalOptions } from './global-options.js';
import { processIo, type Io } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
const VERSION = '0.1.0';
/** Commands with their own `-f`/`-p` (after the command name they mean this, not --file/--project-name). */
const LOCAL_SHORT_FLAGS: Record<string, string[]> = { logs: ['f'], rm: ['f'] };

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = argv.includes('--debug');
  const parser = globalOptions(yargs(expandGlobalShortFlags(argv, LOCAL_SHORT_FLAGS)))
    .scriptName('ncompose')
    .usage('Usage: ncompose [OPTIONS] COMMAND')
    // No `-v` alias: `down -v` and `rm -v` mean volumes, as in compose.
    .version(VERSION)
    .help()
    .alias('help', 'h')
    .strict()
    .demandCommand(1, 'Missing command: see ncompose --help')
    .parserConfiguration({ 'greedy-arrays': false })
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      // yargs reports its own argument errors as YError: those are usage errors, not bugs.
      if (err && err.name !== 'YError') throw err;
      // Throwing (not recording) keeps yargs from running the command after a usage error.
      throw new UsageError(unknownCommand(msg, argv) ?? msg ?? err?.message ?? 'usage error');
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
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (e) {
    return reportError(e, io, debug);
  }
  return exitCode;
}

class UsageError extends Error {}

const COMMAND_NAMES = COMMANDS.map((c) => String(Array.isArray(c.command) ? c.command[0] : c.command).split(' ')[0]!);

/**
 * yargs calls a mistyped command an unknown argument (and its own suggestion is any command within 3
 * edits: `bogus` → `logs`): say it is an unknown command, and suggest one only when it is a typo.
 */
function unknownCommand(msg: string | undefined, argv: string[]): string | undefined {
  const word = /^Unknown arguments?: ([^,\s]+)/.exec(msg ?? '')?.[1];
  const at = word === undefined ? -1 : argv.indexOf(word);
  if (at < 0 || argv.slice(0, at).some((a) => COMMAND_NAMES.includes(a))) return undefined;
  const near = didYouMean(word!, COMMAND_NAMES);
  return `unknown command "${word}"${near ? ` (did you mean ${near}?)` : ''}: see ncompose --help`;
}

function reportError(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof UsageError) {
    io.err(`ncompose: ${e.message}\n`);
    return EXIT_USAGE;
  }
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

/**
 * yargs renders the whole help text after every command, to show it on a later failure; ncompose never
 * prints help on a command's failure, and the rendering cost ~20 ms of every run.
 */
function skipHelpCache(parser: unknown): void {
  const internal = (parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
