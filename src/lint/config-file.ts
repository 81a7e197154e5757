/**
 * Find and read the lint config: the nearest directory (from the project upward) holding
 * ncompose.config.yaml / .yml / .json, or a package.json with an "ncompose" key.
 * The config is validated against schemas/lint-config.schema.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv } from 'ajv';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceRange } from '../diagnostics.js';
import schema from '../../schemas/lint-config.schema.json' with { type: 'json' };
import type { LintConfig } from './config.js';
import { conformsToConfigSchema } from './config-check.js';
import { lintAjv } from './load-ajv.js';

export const CONFIG_NAMES = ['ncompose.config.yaml', 'ncompose.config.yml', 'ncompose.config.json'];

export interface LoadedConfig {
  config: LintConfig;
  /** Where it came from (undefined: built-in defaults). */
  file?: string;
  diagnostics: Diagnostic[];
  /** The range of the node a JSON pointer names in the file (or of its nearest ancestor). */
  locate?: (pointer: string) => SourceRange;
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
  // JSON is YAML: one parser gives the value and the positions of both forms.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lineCounter.linePos(syntax.pos[0]);
    return failed(file, 'lint_config_syntax', `cannot parse lint config: ${syntax.message.split('\n')[0]}`, at);
  }
  return validated(doc.toJS() ?? {}, file, (ptr) => locate(doc, lineCounter, file, ptr));
}

/** The range of the node a JSON pointer names, or of its nearest existing ancestor. */
function locate(doc: Document, lc: LineCounter, file: string, pointer: string): SourceRange {
  const segs: (string | number)[] = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segs.length; n >= 0; n--) {
    const node = (n ? doc.getIn(segs.slice(0, n), true) : doc.contents) as Node | undefined;
    const r = node?.range;
    if (r) {
      const a = lc.linePos(r[0]);
      const b = lc.linePos(r[1]);
      return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
    }
  }
  return { file, line: 1, col: 1 };
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Check a config value against the schema; every error is reported (`pointer`: the JSON pointer of the node). */
export function validateLintConfig(value: unknown): (Diagnostic & { pointer: string })[] {
  if (conformsToConfigSchema(value)) return [];
  validator ??= lintAjv().compile(schema);
  if (validator(value)) return [];
  // One diagnostic per node: the branches of a oneOf (a rule entry's three forms) say one thing.
  const byPath = new Map<string, string>();
  for (const e of validator.errors ?? []) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const entry = e.schemaPath.includes('/ruleEntry/oneOf/') && /^\/rules\/[^/]+$/.test(e.instancePath);
    const text = entry ? 'must be a level (error, warning, info, off), [level, options] or {level, options}' : describe(e);
    if (!byPath.has(e.instancePath) || entry) byPath.set(e.instancePath, text);
  }
  return [...byPath].map(([pointer, text]) => {
    const path = pointer.slice(1).replace(/\//g, '.');
    return { code: 'lint_config_invalid', severity: 'error' as const, message: `lint config${path ? ' at ' + path : ''}: ${text}`, path, pointer };
  });
}

function describe(e: { message?: string; params: Record<string, unknown> }): string {
  let text = e.message ?? 'invalid';
  if ('additionalProperty' in e.params) text += ` "${String(e.params.additionalProperty)}"`;
  if ('allowedValues' in e.params) text += ` (${(e.params.allowedValues as unknown[]).join(', ')})`;
  return text;
}

function validated(value: unknown, file: string, at?: (pointer: string) => SourceRange): LoadedConfig {
  const diagnostics = validateLintConfig(value).map(({ pointer, ...d }): Diagnostic => ({ ...d, range: at ? at(pointer) : { file, line: 1, col: 1 } }));
  return { config: diagnostics.length ? {} : (value as LintConfig), file, diagnostics, locate: at };
}

function failed(file: string, code: string, message: string, at = { line: 1, col: 1 }): LoadedConfig {
  return { config: {}, file, diagnostics: [{ code, severity: 'error', message, range: { file, line: at.line, col: at.col } }] };
}
