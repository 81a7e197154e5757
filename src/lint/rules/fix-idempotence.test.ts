/**
 * `--fix` over every fixture and every corpus file with all rules on (strict): the result parses,
 * means the same (style fixes only move things), and a second `--fix` changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText, type LintTextOptions } from '../testing.js';
import { RULES } from './index.js';
import { corpusFiles, loadCases, optionsOf } from './_fixtures.js';

const all = (o: LintTextOptions): LintTextOptions => ({ ...o, rules: RULES, config: { preset: 'strict' } });

const inputs: [string, string, LintTextOptions][] = [
  ...loadCases().map((c): [string, string, LintTextOptions] => [`${c.rule}/${c.name}`, c.yaml, all(optionsOf(c))]),
  ...corpusFiles().map((f): [string, string, LintTextOptions] => [
    `corpus/${f.project}`,
    readFileSync(f.file, 'utf8'),
    all({ rules: RULES, cwd: path.dirname(f.file), file: path.basename(f.file) }),
  ]),
];

/** Mapping key order does not matter; sequences may be re-sorted; `80` and `"80"` mean the same port. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).map((x) => JSON.stringify(x)).sort();
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)]));
  return typeof v === 'number' ? String(v) : v;
}

function meaning(text: string): unknown {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  try {
    const js = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null;
    if (js && typeof js === 'object') delete js.version; // no-obsolete-version removes it
    return canonical(js);
  } catch {
    return 'unresolvable';
  }
}

describe('fix idempotence', () => {
  it('covers fixtures and corpus', () => expect(inputs.length).toBeGreaterThan(100));

  it.each(inputs)('%s', (_label, yaml, opts) => {
    const once = fixText(yaml, opts);
    const twice = fixText(once, opts);
    expect(twice).toBe(once);
    if (parseDocument(yaml).errors.length === 0) {
      expect(parseDocument(once).errors).toEqual([]);
      expect(meaning(once)).toEqual(meaning(yaml));
    }
  });
});
