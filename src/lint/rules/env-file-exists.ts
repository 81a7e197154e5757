import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Path } from '../../parser/types.js';
import { defineRule } from '../types.js';
import { isDynamic, isObj, projectDir, scalarText, services } from './_util.js';

export default defineRule({
  name: 'env-file-exists',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every required `env_file` of a service must exist.' },
    messages: { missing: 'env_file "{{file}}" of service "{{service}}" does not exist' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const dir = projectDir(ctx);
    for (const s of services(ctx)) {
      for (const ref of envFiles(s.svc.env_file, [...s.path, 'env_file'])) {
        if (!ref.required || isDynamic(ctx, ref.path, ref.file)) continue;
        if (existsSync(path.resolve(dir, ref.file))) continue;
        ctx.report({ messageId: 'missing', data: { file: ref.file, service: s.name }, path: ref.path, service: s.name });
      }
    }
  },
});

interface EnvFileRef {
  file: string;
  path: Path;
  required: boolean;
}

function envFiles(v: unknown, base: Path): EnvFileRef[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.flatMap((item, i): EnvFileRef[] => {
    const at: Path = Array.isArray(v) ? [...base, i] : base;
    if (isObj(item)) {
      const file = scalarText(item.path);
      const required = item.required !== false && item.required !== 'false';
      return file === undefined ? [] : [{ file, path: [...at, 'path'], required }];
    }
    const file = scalarText(item);
    return file === undefined ? [] : [{ file, path: at, required: true }];
  });
}
