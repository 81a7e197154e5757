import type { Diagnostic } from '../../diagnostics.js';
import { defineRule } from '../types.js';
import { reemit } from './_reemit.js';

export default defineRule({
  name: 'no-unset-variables',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A `${VAR}` without a default must be set in the environment or `.env`; otherwise it becomes an empty string.' },
    messages: { unset: 'variable "{{name}}" is not set and has no default: it becomes an empty string' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    reemit(ctx, (d) => d.code === 'interpolation_unset', 'unset', (d) => ({ name: variableName(d) }));
  },
});

/** The variable's name from the loader's message (`"FOO"`, `${FOO}` or `$FOO`). */
function variableName(d: Diagnostic): string {
  const m = /"([^"]+)"/.exec(d.message) ?? /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(d.message);
  return m?.[1] ?? d.message;
}
