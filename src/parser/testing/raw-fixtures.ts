/**
 * Table-driven fixtures for the raw loader stages (merge, extends, include): files in, the raw
 * merged model (JSON) or the diagnostics (code + file + line) out. Test-only helper.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncludedValues } from '../../model/project.js';
import { createContext, loadRawFiles } from '../load.js';

export interface Expected {
  /** Files loaded as `-f`, in order (default: compose.yaml). */
  files?: string[];
  model?: unknown;
  /** Errors and warnings, by code, file (relative to the case directory) and line. */
  diagnostics?: { code: string; file: string; line: number }[];
  env?: Record<string, string>;
  /** Secrets/configs of included files that read the include's environment (checked when given). */
  includedValues?: IncludedValues;
}

export interface RawCase {
  name: string;
  dir: string;
  /** In-memory files by absolute path (multi-document merge cases). */
  overrides?: Record<string, string>;
  expected: Expected;
}

/** `<area>/<case>/` directories with an `expected.json`. */
export function dirCases(root: string): RawCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'expected.json')))
    .map((d) => ({ name: d.name, dir: path.join(root, d.name), expected: readJson(path.join(root, d.name, 'expected.json')) as Expected }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `<case>.yaml` with one YAML document per `-f` file and `<case>.json` expected. */
export function multiDocCases(root: string): RawCase[] {
  return readdirSync(root)
    .filter((f) => f.endsWith('.yaml') && existsSync(path.join(root, f.replace(/\.yaml$/, '.json'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.yaml$/, '');
      const dir = path.join(root, name);
      const docs = splitDocuments(readFileSync(path.join(root, f), 'utf8'));
      const overrides: Record<string, string> = {};
      const files = docs.map((text, i) => {
        const file = `${i + 1}.yaml`;
        overrides[path.join(dir, file)] = text;
        return file;
      });
      const expected = readJson(path.join(root, `${name}.json`)) as Expected;
      return { name, dir, overrides, expected: { files, ...expected } };
    });
}

export interface RawOutcome {
  model: unknown;
  diagnostics: { code: string; file: string; line: number }[];
  /** Messages, for reading (tests assert codes and lines, not wording). */
  messages: string[];
  includedValues: IncludedValues;
}

/** Load the case's files up to the raw merged model, with paths shown relative to the case dir. */
export function runRawCase(c: RawCase): RawOutcome {
  const files = (c.expected.files ?? ['compose.yaml']).map((f) => path.join(c.dir, f));
  const ctx = createContext({ files, cwd: c.dir, env: c.expected.env ?? {}, overrides: c.overrides });
  ctx.workingDir = c.dir;
  ctx.environment = { ...(c.expected.env ?? {}) };
  const model = loadRawFiles(files, ctx, []);
  const diagnostics = ctx.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => ({ code: d.code, file: relative(c.dir, d.range?.file ?? ''), line: d.range?.line ?? 0 }));
  const messages = ctx.diagnostics.map((d) => d.message.split(c.dir).join('<dir>'));
  return { model: model === undefined ? undefined : relativize(JSON.parse(JSON.stringify(model)), c.dir), diagnostics, messages, includedValues: ctx.includedValues };
}

function relative(dir: string, file: string): string {
  return path.isAbsolute(file) ? path.relative(dir, file) : file;
}

/** Absolute paths under the case directory become `<dir>/...`, so fixtures are machine-independent. */
function relativize(v: unknown, dir: string): unknown {
  if (typeof v === 'string') return v.split(dir).join('<dir>');
  if (Array.isArray(v)) return v.map((x) => relativize(x, dir));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, relativize(x, dir)]));
  return v;
}

/** Split on `---` lines, padding each document with blank lines so its line numbers are the fixture's. */
function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (!/^---\s*$/.test(line)) return void current.push(line);
    docs.push(current.join('\n'));
    current = new Array<string>(index + 1).fill('');
  });
  docs.push(current.join('\n'));
  return docs;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
