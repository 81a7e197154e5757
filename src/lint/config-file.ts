/**
 * Find and read the lint config: the nearest directory (from the project upward) holding
 * ncompose.config.yaml / .yml / .json, or a package.json with an "ncompose" key.
 * The config is validated against schemas/lint-config.schema.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import schema from '../../schemas/lint-config.schema.json' with { type: 'json' };
import type { LintConfig } from './config.js';

export const CONFIG_NAMES = ['ncompose.config.yaml', 'ncompose.config.yml', 'ncompose.config.json'];

export interface LoadedConfig {
  config: LintConfig;
  /** Where it came from (undefined: built-in defaults). */
  file?: string;
  diagnostics: Diagnostic[];
}

/** The config for a project in `start` (searched upward); `explicit` (`--config`) skips the search. */
export function loadLintConfig(start: string, explicit?: string): LoadedConfig {
  if (explicit) return readConfigFile(path.resolve(start, explicit));
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    for (const n of CONFIG_NAMES) {
      const f = path.join(dir, n);
      if (existsSync(f)) return readConfigFile(f);
    }
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const found = fromPackageJson(pkg);
      if (found) return found;
    }
    if (path.dirname(dir) === dir) return { config: {}, diagnostics: [] };
  }
}

function fromPackageJson(file: string): LoadedConfig | undefined {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (json.ncompose === undefined) return undefined;
    return validated(json.ncompose, file);
  } catch {
    return undefined;
  }
}

export function readConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return failed(file, 'lint_config_unreadable', `cannot read lint config ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  let value: unknown;
  try {
    value = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return failed(file, 'lint_config_syntax', `cannot parse lint config ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  return validated(value ?? {}, file);
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Check a config value against the schema; every error is reported. */
export function validateLintConfig(value: unknown): Diagnostic[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validator(value)) return [];
  return (validator.errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => ({
      code: 'lint_config_invalid',
      severity: 'error' as const,
      message: `lint config${e.instancePath ? ' at ' + e.instancePath.slice(1).replace(/\//g, '.') : ''}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
      path: e.instancePath.slice(1).replace(/\//g, '.'),
    }));
}

function validated(value: unknown, file: string): LoadedConfig {
  const diagnostics = validateLintConfig(value).map((d) => ({ ...d, range: { file, line: 1, col: 1 } }));
  return { config: diagnostics.length ? {} : (value as LintConfig), file, diagnostics };
}

function failed(file: string, code: string, message: string): LoadedConfig {
  return { config: {}, file, diagnostics: [{ code, severity: 'error', message, range: { file, line: 1, col: 1 } }] };
}
