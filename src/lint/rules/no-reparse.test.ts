/**
 * Lint reuses the loader's parse: no rule and no fix parses YAML again. Every way `yaml` parses text
 * (parse, parseDocument, parseAllDocuments, new Parser) goes through its Lexer, so its calls are counted.
 * A generated 300-service file, with anchors, merge keys, aliases and quoted volumes so every style fix runs.
 */
import path from 'node:path';
import { Lexer } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../../parser/load.js';
import { resolveConfig } from '../config.js';
import { MAX_FIX_PASSES } from '../fix.js';
import { lintLoaded, lintProject } from '../lint-project.js';
import { runRules } from '../run.js';
import { VIRTUAL_CWD } from '../testing.js';
import { RULES } from './index.js';
// @ts-expect-error: a plain .mjs helper shared with the benchmarks
import { generateCompose } from '../../../bench/lib.mjs';

function composeText(n: number): string {
  const head = 'x-defaults: &defaults\n  restart: always\n  logging: &log\n    driver: json-file\n';
  const body = (generateCompose(n) as string)
    .replace(/(\n {2}svc(\d+):\n {4}image: [^\n]+\n)/g, (_m, a: string, i: string) => `${a}    <<: *defaults\n    ports: [${9000 + Number(i)}:80, "${1000 + Number(i)}:81"]\n    logging: *log\n`)
    .replace(/- (data\d+):\/data/g, "- '$1:/data'\n      - \"./x$1:/x\"");
  return head + body + 'version: "3.8"\n';
}

const file = path.join(VIRTUAL_CWD, 'compose.yaml');
const options = { files: [file], cwd: VIRTUAL_CWD, env: {}, overrides: { [file]: composeText(300) }, skipEnvFiles: true };
const strict = resolveConfig({ preset: 'strict' }, RULES).config;

describe('no rule parses YAML again', () => {
  const lex = vi.spyOn(Lexer.prototype, 'lex');
  afterEach(() => lex.mockClear());

  it('the loader parses each file once (the spy sees parsing)', () => {
    loadProject(options);
    expect(lex).toHaveBeenCalledTimes(1);
  });

  it('every rule of the strict preset, with its fixes computed, on 300 services', () => {
    const load = loadProject(options);
    lex.mockClear();
    const findings = runRules(load, strict.settings, { computeFixes: true });
    const fixed = new Set(findings.filter((f) => f.fix).map((f) => f.rule));
    // Every style rule found something and offered a fix: each fix code path ran.
    const style = RULES.filter((r) => r.meta.category === 'style').map((r) => r.name);
    expect([...fixed].filter((r) => style.includes(r)).sort()).toEqual(style.sort());
    lintLoaded(load, strict, { computeFixes: true });
    expect(lex).not.toHaveBeenCalled();
  }, 30_000);

  it('--fix parses only when it reloads a fixed text (once per pass)', () => {
    // 50 services: still hundreds of fixes, and each --fix pass reloads the whole file.
    const r = lintProject({ ...options, overrides: { [file]: composeText(50) } }, strict, true);
    expect(r.fixed.size).toBe(1);
    // The first load plus one per round of fixes; a parse per rule or per fix would be thousands.
    expect(lex.mock.calls.length).toBeGreaterThan(1);
    expect(lex.mock.calls.length).toBeLessThanOrEqual(1 + MAX_FIX_PASSES);
    expect(r.findings.filter((f) => f.category === 'style')).toEqual([]);
  }, 30_000);
});
