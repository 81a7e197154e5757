/** Test support for rule tests: the fixture table and the corpus files (not a rule). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintTextOptions } from '../testing.js';
import { RULES_BY_NAME } from './index.js';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/lint/rules');

export interface CaseSpec {
  findings?: (number[] | { at: number[]; message?: string; file?: string })[];
  options?: Record<string, unknown>;
  env?: Record<string, string>;
  files?: Record<string, string>;
  /** Compose files loaded after the case's own (`-f compose.yaml -f other.yaml`), contents in `files`. */
  extraFiles?: string[];
  /** Project folder relative to the rule's fixture folder (for build contexts and env files on disk). */
  cwd?: string;
}

export interface Case {
  rule: string;
  name: string;
  file: string;
  yaml: string;
  spec: CaseSpec;
  fixed?: string;
}

export function loadCases(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, rule);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml') && !n.endsWith('.fixed.yaml')).sort()) {
      const name = f.slice(0, -5);
      const json = path.join(dir, `${name}.json`);
      const fixed = path.join(dir, `${name}.fixed.yaml`);
      out.push({
        rule,
        name,
        file: path.join(dir, f),
        yaml: readFileSync(path.join(dir, f), 'utf8'),
        spec: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as CaseSpec) : {},
        fixed: existsSync(fixed) ? readFileSync(fixed, 'utf8') : undefined,
      });
    }
  }
  return out;
}

export function optionsOf(c: Case): LintTextOptions {
  const rule = RULES_BY_NAME.get(c.rule);
  if (!rule) throw new Error(`fixture folder ${c.rule} names no rule`);
  return {
    rules: [rule],
    options: c.spec.options,
    env: c.spec.env,
    files: c.spec.files,
    extraFiles: c.spec.extraFiles,
    cwd: c.spec.cwd ? path.resolve(FIXTURES, c.rule, c.spec.cwd) : undefined,
  };
}


export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/awesome-compose');
const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** One compose file per corpus project (the first of the standard names that exists). */
export function corpusFiles(): { project: string; file: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .sort()
    .flatMap((project) => {
      const name = COMPOSE_NAMES.find((n) => existsSync(path.join(CORPUS, project, n)));
      return name ? [{ project, file: path.join(CORPUS, project, name) }] : [];
    });
}
