/**
 * Every awesome-compose file lints without a crash, with all rules (strict); the findings of the
 * default preset are a committed, reviewed snapshot per file (fixtures/lint/corpus-findings/).
 * The corpus holds only the compose files, not the apps' source folders, so build-context-exists
 * would flag every `build:`; it is off here and proven on fixtures instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, type LintTextOptions } from '../testing.js';
import { corpusFiles } from './_fixtures.js';
import { RULES } from './index.js';

const SNAPSHOTS = path.resolve(__dirname, '../../../fixtures/lint/corpus-findings');
const files = corpusFiles();

function options(file: string, preset: 'recommended' | 'strict'): LintTextOptions {
  return {
    rules: RULES,
    cwd: path.dirname(file),
    file: path.basename(file),
    config: { preset, rules: { 'build-context-exists': 'off' } },
  };
}

describe('awesome-compose corpus', () => {
  it('has the 39 projects', () => expect(files.length).toBeGreaterThanOrEqual(39));

  it.each(files.map((f) => [f.project, f.file] as const))('%s', async (project, file) => {
    const yaml = readFileSync(file, 'utf8');
    const strict = lintText(yaml, options(file, 'strict'));
    expect(strict.every((f) => f.line >= 1 && f.col >= 1)).toBe(true);
    const findings = lintText(yaml, options(file, 'recommended'));
    const text = findings.map((f) => `${f.line}:${f.col}-${f.endLine}:${f.endCol} ${f.severity} ${f.rule}: ${f.message}`).join('\n');
    await expect(text + '\n').toMatchFileSnapshot(path.join(SNAPSHOTS, `${project}.txt`));
  });
});
