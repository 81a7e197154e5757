import type { Path } from '../../parser/types.js';
import { defineRule } from '../types.js';
import { isObj, scalarText, services } from './_util.js';

/** Raw memory, I/O ports and whole disks: access to them is access to the host. */
const DANGEROUS = [/^\/dev\/(k?mem|port)$/, /^\/dev\/(sd|hd|vd|xvd)[a-z]+\d*$/, /^\/dev\/nvme\d+(n\d+(p\d+)?)?$/, /^\/dev\/(dm-\d+|mapper\/.+|disk\/.+|md\d+|loop\d+|mmcblk\d+.*)$/, /^\/dev\/(cpu|msr)(\/.*)?$/];

export default defineRule({
  name: 'no-dangerous-devices',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not get host memory, I/O port or block devices (`/dev/mem`, `/dev/sda`, …) through `devices`.' },
    messages: { device: 'service "{{service}}" gets host device {{device}}: raw access to host memory or disks' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const list = s.svc.devices;
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        const long = isObj(item);
        const text = long ? scalarText(item.source) : scalarText(item);
        const p: Path = long ? [...s.path, 'devices', i, 'source'] : [...s.path, 'devices', i];
        const device = text?.split(':')[0];
        if (device && DANGEROUS.some((re) => re.test(device))) ctx.report({ messageId: 'device', data: { service: s.name, device }, path: p, service: s.name });
      });
    }
  },
});
