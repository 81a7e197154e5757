/**
 * `assert` as yargs' platform shim imports it: two checks yargs makes on every parse. node:assert
 * pulls in its error colouring, which opens stderr, ~2 ms of every start-up; it is loaded only when a
 * check fails, to throw node's own AssertionError. assert's strict equality is Object.is. The
 * bundle aliases `assert` here (scripts/cli-bundle-options.mjs); nothing else in it imports `assert`.
 */
/** The two checks, typed as plain functions (node's are assertion signatures, which TS restricts). */
interface Assert {
  strictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
  notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
}

// A require (not an import): esbuild keeps it in place, so node:assert loads only on a failure.
const nodeAssert = (): Assert => require('node:assert') as Assert;

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) nodeAssert().notStrictEqual(actual, expected, message);
}

export function strictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!Object.is(actual, expected)) nodeAssert().strictEqual(actual, expected, message);
}
