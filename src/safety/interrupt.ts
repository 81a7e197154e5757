/**
 * Ctrl-C / SIGTERM during a mutating command: the first one aborts the signal (no new step
 * starts, in-flight engine calls finish, the caller rolls back) and removes the handlers, so a
 * second one kills the process at once with the default action.
 */
export interface InterruptWatch {
  signal: AbortSignal;
  /** The signal that arrived, once one did. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

export function watchInterrupts(onFirst: (sig: NodeJS.Signals) => void): InterruptWatch {
  const ac = new AbortController();
  let got: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    got = sig;
    dispose();
    onFirst(sig);
    ac.abort();
  };
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { signal: ac.signal, received: () => got, dispose };
}
