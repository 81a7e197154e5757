/** Correctness rules that surface what the loader already found, each at the loader's exact range. */
import type { Diagnostic } from '../../diagnostics.js';
import type { RuleContext } from '../types.js';

/** Report every loader diagnostic whose code matches; `{{message}}` is the loader's text (plus its hint). */
export function reemit(ctx: RuleContext, matches: (d: Diagnostic) => boolean, messageId: string, extra?: (d: Diagnostic) => Record<string, string>): void {
  for (const d of ctx.loadDiagnostics) {
    if (!matches(d)) continue;
    const message = d.hint ? `${d.message} (${d.hint})` : d.message;
    ctx.report({ messageId, diagnostic: d, data: { message, ...(extra?.(d) ?? {}) }, service: serviceOf(d.path) });
  }
}

function serviceOf(path: string | undefined): string | undefined {
  const m = /^services\.([^.]+)/.exec(path ?? '');
  return m?.[1];
}

/** Codes that a rule of its own reports (from the model, at the exact node): the catch-all skips them. */
export const OWN_CODES = new Set([
  'yaml_duplicate_key', 'empty_file', 'not_a_mapping', 'file_too_large', 'file_unreadable', 'interpolation_unset',
  'undefined_network', 'undefined_volume', 'undefined_secret', 'undefined_config',
  'depends_on_undefined', 'links_undefined', 'volumes_from_undefined', 'network_mode_undefined', 'ipc_undefined', 'pid_undefined',
  'dependency_cycle', 'network_mode_with_networks', 'container_name_scaled', 'container_name_duplicate', 'env_file_not_found',
]);

export function isYamlCode(code: string): boolean {
  return (code.startsWith('yaml_') && code !== 'yaml_duplicate_key') || ['empty_file', 'not_a_mapping', 'file_too_large', 'file_unreadable'].includes(code);
}
