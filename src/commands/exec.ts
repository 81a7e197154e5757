/** `ncompose exec SERVICE COMMAND…`: run a command in a running container of the service; its exit code is ours. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { openSession, projectContainers } from './engine/session.js';

interface ExecArgs extends GlobalArgs {
  service: string;
  command?: string[];
  index?: number;
  T?: boolean;
  tty?: boolean;
  user?: string;
  workdir?: string;
  env?: string[];
  privileged?: boolean;
  detach?: boolean;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as unknown as ExecArgs;
  // The CLI passes everything after SERVICE behind `--` (so `-e` in `grep -e` stays the command's): yargs leaves it in `_`.
  const afterDashes = ((rawArgs._ as unknown[] | undefined) ?? []).slice(1);
  const cmd = [...(args.command ?? []), ...afterDashes].map(String);
  if (!cmd.length) throw new NcomposeError('exec: a command is required: ncompose exec SERVICE COMMAND [ARGS…]', [], 2);
  const s = await openSession(args, io);
  const list = (await projectContainers(s, { all: false, services: [args.service] })).filter((c) => c.state === 'running');
  const index = args.index ?? 1;
  const c = list.find((x) => Number(x.labels['com.docker.compose.container-number']) === index);
  if (!c) throw new NcomposeError(`service ${args.service} has no running container number ${index}`);
  const noTty = args.T === true || args.tty === false;
  const tty = !noTty && Boolean(process.stdin.isTTY) && io.stdoutIsTTY;
  const interactive = !args.detach && !noTty && Boolean(process.stdin.isTTY);
  if (interactive && process.stdin.isTTY) process.stdin.setRawMode?.(true);
  try {
    return await s.engine.exec(c.id, {
      cmd, user: args.user, workingDir: args.workdir, env: args.env, privileged: args.privileged, tty,
      stdin: interactive ? process.stdin : undefined,
      stdout: (b) => io.out(b.toString()),
      stderr: (b) => io.err(b.toString()),
    });
  } finally {
    if (interactive) {
      process.stdin.setRawMode?.(false);
      process.stdin.pause();
    }
  }
}
