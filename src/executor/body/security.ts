/** Privileges, restart policy, logging, runtime and the other host settings. */
import type { Mapper } from './context.js';

export const mapSecurity: Mapper = (ctx, spec) => {
  const { svc } = ctx;
  const hc = spec.body.HostConfig;
  if (svc.cap_add) hc.CapAdd = svc.cap_add;
  if (svc.cap_drop) hc.CapDrop = svc.cap_drop;
  if (svc.privileged !== undefined) hc.Privileged = svc.privileged;
  if (svc.security_opt) hc.SecurityOpt = svc.security_opt;
  if (svc.read_only !== undefined) hc.ReadonlyRootfs = svc.read_only;
  if (svc.group_add) hc.GroupAdd = svc.group_add;
  if (svc.userns_mode !== undefined) hc.UsernsMode = svc.userns_mode;
  if (svc.cgroup !== undefined) hc.CgroupnsMode = svc.cgroup;
  if (svc.cgroup_parent !== undefined) hc.CgroupParent = svc.cgroup_parent;
  if (svc.runtime !== undefined) hc.Runtime = svc.runtime;
  if (svc.isolation !== undefined) hc.Isolation = svc.isolation;
  const restart = restartPolicy(svc.restart, svc.deploy?.restart_policy);
  if (restart) hc.RestartPolicy = restart;
  if (svc.logging?.driver || svc.logging?.options) {
    hc.LogConfig = { Type: svc.logging.driver ?? 'json-file', Config: svc.logging.options ?? {} };
  }
};

/** `no | always | on-failure[:N] | unless-stopped`, else deploy.restart_policy (none | on-failure | any). */
export function restartPolicy(
  restart: string | undefined,
  deploy: { condition?: string; max_attempts?: number } | undefined,
): { Name: string; MaximumRetryCount?: number } | undefined {
  if (restart) {
    const [name, count] = restart.split(':');
    if (name === 'on-failure') return { Name: 'on-failure', MaximumRetryCount: count ? Number(count) : 0 };
    return { Name: name === 'no' ? '' : name! };
  }
  if (!deploy?.condition) return undefined;
  if (deploy.condition === 'none') return { Name: '' };
  if (deploy.condition === 'on-failure') return { Name: 'on-failure', MaximumRetryCount: deploy.max_attempts ?? 0 };
  return { Name: 'always' };
}
