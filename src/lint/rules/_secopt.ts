/** `security_opt` items as key/value: `no-new-privileges`, `seccomp:unconfined`, `apparmor=unconfined`. */
import type { Path } from '../../parser/types.js';
import { listItems, type ServiceEntry } from './_util.js';

export interface SecurityOpt {
  key: string;
  value: string;
  path: Path;
}

export function securityOpts(s: ServiceEntry): SecurityOpt[] {
  return listItems(s, 'security_opt').map((item) => {
    const m = /^([^:=]+)[:=]?(.*)$/.exec(item.value.trim());
    return { key: (m?.[1] ?? item.value).toLowerCase(), value: m?.[2] ?? '', path: item.path };
  });
}
