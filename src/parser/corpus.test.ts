import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/capture-io.js';
import { run as runConfig } from '../commands/config.js';
import { withoutUnusedResources } from '../model/prune.js';
import { projectToJson, projectToYaml } from '../model/serialize.js';
import { loadProject } from './load.js';

/** Every real-world file of the awesome-compose corpus (compose.yaml or .yml, found by discovery) loads, prints with `config` and round-trips. */
const corpus = path.resolve(__dirname, '../../../shared/corpus/awesome-compose');
const files = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((d) => ['compose.yaml', 'compose.yml'].some((f) => existsSync(path.join(corpus, d, f))))
      .sort()
  : [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ncompose-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { HOME: '/home/tester', PATH: '/usr/bin:/bin' };


describe('awesome-compose corpus', () => {
  it('has the 39 files', () => expect(files.length).toBe(39));

  it.each(files)('%s: config exits 0 and its YAML and JSON load back to the same model', async (dir) => {
    const cwd = path.join(corpus, dir);
    const loaded = loadProject({ cwd, env });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const format of ['yaml', 'json'] as const) {
      const io = captureIo(cwd, env);
      expect(await runConfig({ format }, io)).toBe(0);
      expect(io.stdout).toContain(`name: ${loaded.project!.name}`.replace('name: ', format === 'json' ? '"name": "' : 'name: '));
    }
    expect(await runConfig({ quiet: true }, captureIo(cwd, env))).toBe(0);
    const shown = withoutUnusedResources(loaded.project!);
    for (const [ext, text] of [['yaml', projectToYaml(shown, { escapeDollars: true })], ['json', projectToJson(shown, { escapeDollars: true })]] as const) {
      const out = path.join(scratch, `${dir}.${ext}`);
      writeFileSync(out, text);
      const again = loadProject({ files: [out], cwd: scratch, env });
      expect(again.diagnostics.filter((d) => d.severity === 'error'), ext).toEqual([]);
      expect(again.project, `${ext} round trip`).toEqual(shown);
    }
  });
});
