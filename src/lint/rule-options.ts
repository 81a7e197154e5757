/** A rule's options checked against its `meta.options` JSON schema (compiled once per rule). */
import type { ValidateFunction } from 'ajv';
import { lintAjv } from './load-ajv.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Rule } from './types.js';

const compiled = new WeakMap<Rule, ValidateFunction>();

export function validateRuleOptions(rule: Rule, options: Record<string, unknown>): Diagnostic[] {
  if (!rule.meta.options) return [];
  let validate = compiled.get(rule);
  if (!validate) {
    validate = lintAjv().compile(rule.meta.options);
    compiled.set(rule, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e) => ({
    code: 'lint_config_rule_options',
    severity: 'error' as const,
    message: `options of rule "${rule.name}"${e.instancePath ? ' at ' + e.instancePath : ''}: ${e.message ?? 'invalid'}`,
    path: `rules.${rule.name}`,
  }));
}
