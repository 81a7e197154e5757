/** Tiny rule doubles for engine tests (not real rules: the registry lives in src/lint/rules/). */
import { isMap, isScalar, type Node } from 'yaml';
import { defineRule } from '../types.js';

/** Reports every published port item, by model path (lands at the alias site inside anchors). */
export const portRule = defineRule({
  name: 'test-port',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'test double: every port' },
    messages: { port: 'port #{{index}} of {{service}}' },
    presets: ['recommended', 'security'],
  },
  create(ctx) {
    for (const [name, svc] of Object.entries(ctx.project?.services ?? {})) {
      (svc.ports ?? []).forEach((_p, i) => ctx.report({ messageId: 'port', data: { index: i, service: name }, path: ['services', name, 'ports', i] }));
    }
  },
});

/** Re-emits loader diagnostics of some codes at their exact range. */
export const loadErrorRule = defineRule({
  name: 'test-load-error',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'test double: loader errors' },
    messages: { load: '{{message}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const d of ctx.loadDiagnosticsOf((c) => c.startsWith('yaml_'))) ctx.report({ messageId: 'load', diagnostic: d });
  },
});

/** Style double: quote unquoted `image:` values (a fixable rule). */
export const quoteImageRule = defineRule({
  name: 'test-quote-image',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'test double: quote image' },
    messages: { quote: 'quote the image of {{service}}' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const f of ctx.files) {
      const services = f.doc ? ctx.nodeAt(f.path, ['services']) : undefined;
      if (!services || !isMap(services)) continue;
      for (const pair of services.items) {
        const name = String((pair.key as { value?: unknown }).value);
        const img = ctx.nodeAt(f.path, ['services', name, 'image']) as Node | undefined;
        if (!isScalar(img) || img.type !== 'PLAIN') continue;
        ctx.report({ messageId: 'quote', data: { service: name }, node: img, file: f.path, service: name, fix: (fx) => fx.replaceNode(img, JSON.stringify(String(img.value))) });
      }
    }
  },
});

/** Key-order double: reports `image` after other keys and swaps it with the first key's line (multi-edit fix). */
export const privilegedRule = defineRule({
  name: 'test-privileged',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    fixable: true,
    docs: { description: 'test double: privileged' },
    messages: { priv: 'service {{service}} is privileged' },
    options: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { allow: [] },
    presets: ['recommended', 'security'],
  },
  create(ctx) {
    const allow = (ctx.options.allow as string[]) ?? [];
    for (const [name, svc] of Object.entries(ctx.project?.services ?? {})) {
      if (!svc.privileged || allow.includes(name)) continue;
      const file = ctx.fileOf(['services', name, 'privileged']);
      const n = file ? ctx.nodeAt(file.path, ['services', name, 'privileged']) : undefined;
      ctx.report({
        messageId: 'priv',
        data: { service: name },
        path: ['services', name, 'privileged'],
        fix: n ? (fx) => fx.replaceNode(n, 'false') : undefined,
      });
    }
  },
});
