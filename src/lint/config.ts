/**
 * Lint configuration → the rules to run: a preset (recommended by default) turns rules on at their
 * default severity; per-rule entries change level and options; per-service excludes carry a reason.
 */
import type { Diagnostic } from '../diagnostics.js';
import { settingOf, type RuleSetting } from './run.js';
import type { PresetName, Rule, RuleLevel, RuleSeverity } from './types.js';
import { validateRuleOptions } from './rule-options.js';

export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'security'];

export type RuleEntry = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>] | { level?: RuleLevel; options?: Record<string, unknown> };

export interface ServiceExclude {
  service: string;
  /** Rules excluded for the service; omitted = all rules. */
  rules?: string[];
  reason: string;
}

export interface LintConfig {
  preset?: PresetName;
  rules?: Record<string, RuleEntry>;
  exclude?: ServiceExclude[];
  /** Severity of `unused-directive` findings (default warning). */
  reportUnusedDirectives?: RuleLevel;
}

export interface ResolvedConfig {
  preset: PresetName;
  settings: RuleSetting[];
  excludes: ServiceExclude[];
  unusedDirectives: RuleLevel;
}

/** Turn a config (plus `--rule name:level` overrides) into settings; unknown rules and bad options are errors. */
export function resolveConfig(config: LintConfig, registry: readonly Rule[], overrides: Record<string, RuleLevel> = {}): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const preset = config.preset ?? 'recommended';
  const byName = new Map(registry.map((r) => [r.name, r]));
  const entries: Record<string, { level?: RuleLevel; options?: Record<string, unknown> }> = {};
  for (const [name, e] of Object.entries(config.rules ?? {})) entries[name] = normalizeEntry(e);
  for (const [name, level] of Object.entries(overrides)) entries[name] = { ...entries[name], level };
  for (const name of Object.keys(entries)) {
    if (!byName.has(name)) diagnostics.push(configError('lint_config_unknown_rule', `unknown rule "${name}"`, `rules.${name}`));
  }
  for (const x of config.exclude ?? []) {
    for (const r of x.rules ?? []) if (!byName.has(r)) diagnostics.push(configError('lint_config_unknown_rule', `unknown rule "${r}" in exclude of service ${x.service}`, 'exclude'));
  }
  const settings: RuleSetting[] = [];
  for (const rule of registry) {
    const e = entries[rule.name];
    const level: RuleLevel = e?.level ?? (rule.meta.presets.includes(preset) ? rule.meta.defaultSeverity : 'off');
    if (level === 'off') continue;
    if (e?.options) diagnostics.push(...validateRuleOptions(rule, e.options));
    settings.push(settingOf(rule, level as RuleSeverity, e?.options));
  }
  return { config: { preset, settings, excludes: config.exclude ?? [], unusedDirectives: config.reportUnusedDirectives ?? 'warning' }, diagnostics };
}

function normalizeEntry(e: RuleEntry): { level?: RuleLevel; options?: Record<string, unknown> } {
  if (typeof e === 'string') return { level: e };
  if (Array.isArray(e)) return e[1] ? { level: e[0], options: e[1] } : { level: e[0] };
  return e;
}

function configError(code: string, message: string, path: string): Diagnostic {
  return { code, severity: 'error', message, path };
}

/** Parse `name:level` (the `--rule` flag). */
export function parseRuleFlag(s: string): [string, RuleLevel] | undefined {
  const i = s.lastIndexOf(':');
  if (i <= 0) return undefined;
  const level = s.slice(i + 1).trim();
  if (!['error', 'warning', 'info', 'off', 'warn'].includes(level)) return undefined;
  return [s.slice(0, i).trim(), (level === 'warn' ? 'warning' : level) as RuleLevel];
}
