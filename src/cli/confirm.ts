/** A y/N question on the terminal, for commands that destroy something (rollback, rm). */
import { createInterface } from 'node:readline/promises';
import { NcomposeError } from '../diagnostics.js';

/**
 * True when the user answers y/yes. Without a terminal on stdin there is nobody to ask: throws
 * `refusal` (a script must pass the command's --yes/--force instead of piping answers).
 */
export async function confirm(question: string, refusal: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new NcomposeError(refusal);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
