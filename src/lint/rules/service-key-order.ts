import { defineRule } from '../types.js';
import { keyOf, pairs } from './_reorder.js';
import { allServiceNodes, reportUnsorted } from './_style.js';

/** Every service key of the specification, grouped: what it runs, what it needs, how it runs, where it keeps data. */
const ORDER = [
  '<<',
  ...['extends', 'image', 'build', 'platform', 'pull_policy', 'pull_refresh_after', 'provider', 'container_name', 'hostname', 'domainname', 'profiles', 'scale'],
  ...['depends_on', 'links', 'external_links'],
  ...['entrypoint', 'command', 'working_dir', 'user', 'group_add', 'init', 'stdin_open', 'tty', 'stop_signal', 'stop_grace_period', 'pre_start', 'post_start', 'pre_stop'],
  ...['env_file', 'environment', 'label_file', 'labels', 'annotations'],
  ...['network_mode', 'networks', 'ports', 'expose', 'dns', 'dns_opt', 'dns_search', 'extra_hosts', 'mac_address'],
  ...['volumes', 'volumes_from', 'volume_driver', 'tmpfs', 'configs', 'secrets', 'devices', 'device_cgroup_rules', 'gpus', 'storage_opt', 'models', 'use_api_socket'],
  ...['privileged', 'read_only', 'cap_add', 'cap_drop', 'security_opt', 'userns_mode', 'ipc', 'pid', 'uts', 'cgroup', 'cgroup_parent', 'isolation', 'credential_spec', 'runtime', 'sysctls', 'ulimits'],
  ...['cpu_count', 'cpu_percent', 'cpu_shares', 'cpu_quota', 'cpu_period', 'cpu_rt_period', 'cpu_rt_runtime', 'cpus', 'cpuset'],
  ...['mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'oom_kill_disable', 'oom_score_adj', 'pids_limit', 'shm_size', 'blkio_config'],
  ...['restart', 'healthcheck', 'logging', 'deploy', 'develop', 'attach'],
];
export const SERVICE_KEY_ORDER: readonly string[] = ORDER;
const RANK = new Map(ORDER.map((k, i) => [k, i]));

/** Unknown keys and x-* extensions go last, in their written order. */
export function serviceKeyRank(key: string): number {
  return RANK.get(key) ?? ORDER.length;
}

export default defineRule({
  name: 'service-key-order',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Keys of a service in one conventional order: merge key `<<` first, then image/build, dependencies, process, environment, network, storage, security, resources, lifecycle.' },
    messages: { order: 'key "{{key}}" of service "{{service}}" should come before "{{prev}}"' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of allServiceNodes(ctx)) {
      const items = pairs(s.node);
      const compare = (a: (typeof items)[number], b: (typeof items)[number]) => serviceKeyRank(keyOf(a)) - serviceKeyRank(keyOf(b));
      const i = items.findIndex((p, k) => k > 0 && compare(items[k - 1]!, p) > 0);
      if (i < 0) continue;
      reportUnsorted(ctx, s.file, s.node, items, compare, (p) => p.key, {
        messageId: 'order',
        data: { key: keyOf(items[i]!), service: s.name, prev: keyOf(items[i - 1]!) },
        service: s.name,
      });
    }
  },
});
