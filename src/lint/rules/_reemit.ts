/** Correctness rules that surface what the loader already found, each at the loader's exact range. */
import type { Diagnostic } from '../../diagnostics.js';
import type { RuleContext } from '../types.js';

/** Report every loader diagnostic whose code matches, with `{{message}}` set to the loader's text. */
export function reemit(ctx: RuleContext, matches: (code: string) => boolean, messageId: string, extra?: (d: Diagnostic) => Record<string, string>): void {
  for (const d of ctx.loadDiagnostics) {
    if (!matches(d.code)) continue;
    const data = { message: d.message, code: d.code, ...(extra?.(d) ?? {}) };
    const file = ctx.files.find((f) => f.displayPath === d.range?.file || f.path === d.range?.file);
    if (d.range) ctx.report({ messageId, data, range: d.range, file: file?.path, service: serviceOf(d.path) });
    else if (d.path) ctx.report({ messageId, data, path: d.path.split('.'), service: serviceOf(d.path) });
    else {
      const f = ctx.files[0];
      const range = { file: f?.displayPath ?? '', line: 1, col: 1, offset: 0 };
      ctx.report({ messageId, data, range, file: f?.path });
    }
  }
}

function serviceOf(path: string | undefined): string | undefined {
  const m = /^services\.([^.]+)/.exec(path ?? '');
  return m?.[1];
}
