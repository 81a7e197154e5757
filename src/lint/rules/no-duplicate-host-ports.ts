import { defineRule, type RuleContext } from '../types.js';
import { ipsOverlap, portBindings, UNKNOWN, type PortBinding } from './_ports.js';
import { canRunTogether, services } from './_util.js';

type Known = PortBinding & { hostIp: string; published: { start: number; end: number } };

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
    // Bindings by `protocol/port`, ranges expanded: only bindings of the same port are compared.
    const byPort = new Map<string, Known[]>();
    for (const s of services(ctx)) {
      for (const b of portBindings(ctx, s)) {
        if (b.hostIp === UNKNOWN || b.published === UNKNOWN || b.published === undefined) continue;
        const clash = findClash(byPort, b as Known);
        if (clash) report(ctx, b as Known, clash.other, clash.port);
      }
    }
  },
});

function findClash(byPort: Map<string, Known[]>, b: Known): { other: Known; port: number } | undefined {
  let found: { other: Known; port: number } | undefined;
  const end = Math.min(b.published.end, b.published.start + 65535);
  for (let port = b.published.start; port <= end; port++) {
    const key = `${b.protocol}/${port}`;
    const list = byPort.get(key);
    if (!list) {
      byPort.set(key, [b]);
      continue;
    }
    const other = found ? undefined : list.find((o) => ipsOverlap(o.hostIp, b.hostIp) && canRunTogether(o.svc, b.svc));
    if (other) found = { other, port };
    list.push(b);
  }
  return found;
}

function report(ctx: RuleContext, b: Known, clash: Known, port: number): void {
  const at = ctx.locate(clash.at);
  ctx.report({
    messageId: 'duplicate',
    data: {
      port,
      protocol: b.protocol,
      ip: b.hostIp ? ` on ${b.hostIp}` : '',
      other: clash.service,
      where: at ? `line ${at.line}` : clash.at.join('.'),
    },
    path: b.at,
    service: b.service,
  });
}
