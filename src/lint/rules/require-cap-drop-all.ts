import { defineRule } from '../types.js';
import { normalizeCap } from './no-dangerous-capabilities.js';
import { listItems, services } from './_util.js';

export default defineRule({
  name: 'require-cap-drop-all',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Services should drop every capability (`cap_drop: [ALL]`) and add back only what they need.' },
    messages: { missing: 'service "{{service}}" does not drop all capabilities (cap_drop: [ALL])' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      if (listItems(s, 'cap_drop').some((c) => normalizeCap(c.value) === 'ALL')) continue;
      const has = s.svc.cap_drop !== undefined;
      ctx.report({ messageId: 'missing', data: { service: s.name }, path: has ? [...s.path, 'cap_drop'] : s.path, atKey: true, service: s.name });
    }
  },
});
