import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-build-and-image',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service with both `build` and `image` should say whether to pull or build (`pull_policy: build`): by default compose first pulls `image` from a registry.' },
    messages: { both: 'service "{{service}}" has build and image "{{image}}": compose pulls "{{image}}" from a registry before building; set pull_policy: build' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const image = attr(s, 'image');
      const policy = attr(s, 'pull_policy')?.value;
      if (!image || s.svc.build === undefined || policy === 'build' || policy === 'never') continue;
      ctx.report({ messageId: 'both', data: { service: s.name, image: image.value }, path: image.path, service: s.name });
    }
  },
});
