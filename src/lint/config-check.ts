/**
 * A direct check that a lint config conforms to schemas/lint-config.schema.json. Compiling the schema
 * with ajv costs ~100 ms at every start (a pre-commit hook runs lint on every commit), so a valid config
 * (the usual case) is accepted here and ajv runs only to explain an invalid one.
 * config-check.test.ts checks that this agrees with ajv on generated configs.
 */
const LEVELS = new Set(['error', 'warning', 'info', 'off']);
const PRESETS = new Set(['recommended', 'strict', 'security']);
const RULE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLevel = (v: unknown): boolean => typeof v === 'string' && LEVELS.has(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const onlyKeys = (o: Obj, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

/** True exactly when the schema accepts `value`. */
export function conformsToConfigSchema(value: unknown): boolean {
  if (!isObject(value) || !onlyKeys(value, ['$schema', 'preset', 'rules', 'exclude', 'reportUnusedDirectives'])) return false;
  if ('$schema' in value && typeof value.$schema !== 'string') return false;
  if ('preset' in value && !(typeof value.preset === 'string' && PRESETS.has(value.preset))) return false;
  if ('reportUnusedDirectives' in value && !isLevel(value.reportUnusedDirectives)) return false;
  if ('rules' in value && !validRules(value.rules)) return false;
  return !('exclude' in value) || (Array.isArray(value.exclude) && value.exclude.every(validExclude));
}

function validRules(rules: unknown): boolean {
  return isObject(rules) && Object.entries(rules).every(([name, entry]) => RULE_NAME.test(name) && validEntry(entry));
}

/** A level, [level] or [level, options], or {level?, options?}. */
function validEntry(e: unknown): boolean {
  if (Array.isArray(e)) return e.length >= 1 && e.length <= 2 && isLevel(e[0]) && (e.length === 1 || isObject(e[1]));
  if (isObject(e)) return onlyKeys(e, ['level', 'options']) && (!('level' in e) || isLevel(e.level)) && (!('options' in e) || isObject(e.options));
  return isLevel(e);
}

function validExclude(x: unknown): boolean {
  if (!isObject(x) || !onlyKeys(x, ['service', 'rules', 'reason'])) return false;
  if (!nonEmpty(x.service) || !nonEmpty(x.reason)) return false;
  return !('rules' in x) || (Array.isArray(x.rules) && x.rules.length >= 1 && x.rules.every(nonEmpty));
}
