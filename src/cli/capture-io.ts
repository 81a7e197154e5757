/** An Io that records what a command prints (tests): no TTY, the given environment and directory. */
import type { Io } from './io.js';

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env,
    cwd,
  };
  return io;
}
