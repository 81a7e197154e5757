import { defineRule } from '../types.js';
import { writtenInterpolation } from '../source-nodes.js';
import { attr, services } from './_util.js';

const FLOATING = ['latest', 'stable', 'edge', 'nightly', 'main', 'master', 'dev', 'develop', 'mainline', 'lts', 'current', 'rolling', 'beta', 'testing', 'unstable'];

export default defineRule({
  name: 'no-floating-image-tag',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Images should name a version tag or a digest, not rely on the implicit or explicit `latest` (or another moving tag).' },
    messages: {
      missing: 'image "{{image}}" of service "{{service}}" has no tag: it means "latest", which changes without notice',
      floating: 'image "{{image}}" of service "{{service}}" uses the moving tag "{{tag}}": pin a version',
    },
    options: { type: 'object', properties: { floating: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { floating: FLOATING },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const floating = new Set((ctx.options.floating as string[] | undefined) ?? FLOATING);
    for (const s of services(ctx)) {
      const a = attr(s, 'image');
      // With `build`, the image names what is built here, not something pulled.
      if (!a || s.svc.build !== undefined) continue;
      // Judge what was written: `app:${TAG}` has an unknown tag, not its default.
      const written = writtenInterpolation(ctx.files, a.path) ?? a.value;
      const ref = parseImageRef(written);
      if (ref.digest || ref.name.includes('$') || ref.tag?.includes('$')) continue;
      const data = { image: a.value, service: s.name, tag: ref.tag ?? '' };
      if (ref.tag === undefined) ctx.report({ messageId: 'missing', data, path: a.path, service: s.name });
      else if (floating.has(ref.tag)) ctx.report({ messageId: 'floating', data, path: a.path, service: s.name });
    }
  },
});

/** `[registry[:port]/]name[:tag][@digest]`: a `:` after the last `/` starts the tag. */
export function parseImageRef(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/') && !rest.slice(colon).includes('}')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}
