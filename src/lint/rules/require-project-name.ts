import { defineRule } from '../types.js';

export default defineRule({
  name: 'require-project-name',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'info',
    fixable: false,
    docs: { description: 'Set the top-level `name`, so the project does not change its name (and its containers) when the folder is renamed.' },
    messages: { missing: 'no top-level "name": the project name comes from the folder name' },
    presets: ['strict'],
  },
  create(ctx) {
    if (!ctx.raw || ctx.raw.name !== undefined) return;
    const first = Object.keys(ctx.raw)[0];
    if (first !== undefined) ctx.report({ messageId: 'missing', path: [first], atKey: true });
  },
});
