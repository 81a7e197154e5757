import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineRule } from '../types.js';
import { buildInfo, isDirectory } from './_build.js';
import { isDynamic, services } from './_util.js';

export default defineRule({
  name: 'build-context-exists',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A local `build` context must be an existing folder, and its Dockerfile must exist.' },
    messages: {
      missingContext: 'build context "{{context}}" of service "{{service}}" is not a folder ({{dir}})',
      missingDockerfile: 'Dockerfile "{{dockerfile}}" of service "{{service}}" does not exist in the build context',
    },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const info = buildInfo(ctx, s);
      if (!info?.dir) continue;
      if (!isDirectory(info.dir)) {
        const data = { context: info.context, service: s.name, dir: info.dir };
        ctx.report({ messageId: 'missingContext', data, path: info.contextPath, service: s.name });
        continue;
      }
      const df = info.dockerfile;
      if (info.inline || (df && isDynamic(ctx, df.path, df.value))) continue;
      const file = path.resolve(info.dir, df?.value ?? 'Dockerfile');
      if (existsSync(file)) continue;
      const at = df?.path ?? info.contextPath;
      ctx.report({ messageId: 'missingDockerfile', data: { dockerfile: df?.value ?? 'Dockerfile', service: s.name }, path: at, service: s.name });
    }
  },
});
