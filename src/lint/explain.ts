/** `--explain RULE`: the rule's documentation page, docs/rules/RULE.md, shipped with the package. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest ancestor of this module (source or bundle) holding docs/rules. */
export function packageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'docs'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function ruleDoc(name: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return undefined;
  const root = packageRoot();
  const file = root && path.join(root, 'docs', 'rules', `${name}.md`);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
