// `npm run bench -- NAME…`: run benchmarks by name (config, plan, up, lint, atomic); no name lists them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMES = ['config', 'plan', 'up', 'lint', 'atomic'];
const asked = process.argv.slice(2);
if (!asked.length) {
  console.log(`usage: npm run bench -- ${NAMES.join('|')} [...]   (or npm run bench:NAME)`);
  process.exit(0);
}
for (const name of asked) {
  const file = path.join(root, 'bench', `${name}.mjs`);
  if (!NAMES.includes(name) || !existsSync(file)) {
    console.error(`no benchmark named ${name}; one of: ${NAMES.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench:${name}`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
