import { defineRule } from '../types.js';
import { ipsOverlap, portBindings, UNKNOWN, type PortBinding } from './_ports.js';
import { canRunTogether, services, type Obj } from './_util.js';

type Known = PortBinding & { hostIp: string; published: { start: number; end: number }; svc: Obj };

export default defineRule({
  name: 'no-duplicate-host-ports',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Two port mappings must not publish the same host port on the same host IP and protocol (ranges expanded), unless the services are alternatives behind different profiles.' },
    messages: {
      duplicate: 'host port {{port}}/{{protocol}}{{ip}} is already published by service "{{other}}" ({{where}})',
    },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const seen: Known[] = [];
    for (const s of services(ctx)) {
      for (const b of portBindings(ctx, s)) {
        if (b.hostIp === UNKNOWN || b.published === UNKNOWN || b.published === undefined) continue;
        const known = { ...b, svc: s.svc } as Known;
        const clash = seen.find((o) => collide(o, known) && canRunTogether(o.svc, known.svc));
        seen.push(known);
        if (!clash) continue;
        const port = Math.max(clash.published.start, known.published.start);
        const at = ctx.locate(clash.at);
        ctx.report({
          messageId: 'duplicate',
          data: {
            port,
            protocol: known.protocol,
            ip: known.hostIp ? ` on ${known.hostIp}` : '',
            other: clash.service,
            where: at ? `line ${at.line}` : clash.at.join('.'),
          },
          path: b.at,
          service: s.name,
        });
      }
    }
  },
});

function collide(a: Known, b: Known): boolean {
  return (
    a.protocol === b.protocol &&
    a.published.start <= b.published.end &&
    b.published.start <= a.published.end &&
    ipsOverlap(a.hostIp, b.hostIp)
  );
}
