/**
 * The project as `docker compose config` prints it (compose-go's Go types marshalled):
 * struct fields in compose-go's field order, maps sorted, byte sizes and file modes as
 * strings, ulimits `{single}` as a number, extra_hosts as sorted `host=ip` lists.
 * JSON keeps what Go's encoding/json keeps (`command: null`, `ipam: {}`), YAML what yaml.v3 keeps.
 */
import { Document, isScalar, visit } from 'yaml';
import type { Project } from './project.js';

type Format = 'json' | 'yaml';
type Obj = Record<string, unknown>;

const SERVICE_ORDER = [
  'profiles', 'annotations', 'attach', 'build', 'develop', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup_parent', 'cgroup',
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpus', 'cpuset', 'cpu_shares',
  'command', 'configs', 'container_name', 'credential_spec', 'depends_on', 'deploy', 'device_cgroup_rules', 'devices', 'dns',
  'dns_opt', 'dns_search', 'dockerfile', 'domainname', 'entrypoint', 'provider', 'environment', 'env_file', 'expose', 'extends',
  'external_links', 'extra_hosts', 'group_add', 'gpus', 'hostname', 'healthcheck', 'image', 'init', 'ipc', 'isolation', 'labels',
  'label_file', 'links', 'logging', 'log_driver', 'log_opt', 'mem_limit', 'mem_reservation', 'memswap_limit', 'mem_swappiness',
  'mac_address', 'models', 'net', 'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform',
  'ports', 'privileged', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size',
  'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user',
  'userns_mode', 'uts', 'volume_driver', 'volumes', 'volumes_from', 'working_dir', 'pre_start', 'post_start', 'pre_stop',
];
const BUILD_ORDER = [
  'context', 'dockerfile', 'dockerfile_inline', 'entitlements', 'args', 'provenance', 'sbom', 'ssh', 'labels', 'cache_from', 'cache_to',
  'no_cache', 'no_cache_filter', 'additional_contexts', 'pull', 'extra_hosts', 'isolation', 'network', 'target', 'secrets', 'shm_size',
  'tags', 'ulimits', 'platforms', 'privileged',
];
const PORT_ORDER = ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'];
const MOUNT_ORDER = ['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs', 'image'];
const BIND_ORDER = ['selinux', 'propagation', 'create_host_path', 'recursive'];
const HEALTH_ORDER = ['test', 'timeout', 'interval', 'retries', 'start_period', 'start_interval', 'disable'];
const DEPENDENCY_ORDER = ['condition', 'restart', 'required'];
const FILE_REF_ORDER = ['source', 'target', 'uid', 'gid', 'mode'];
const DEPLOY_ORDER = ['mode', 'replicas', 'labels', 'update_config', 'rollback_config', 'resources', 'restart_policy', 'placement', 'endpoint_mode'];
const NETWORK_ORDER = ['name', 'driver', 'driver_opts', 'ipam', 'external', 'internal', 'attachable', 'labels', 'enable_ipv4', 'enable_ipv6'];
const VOLUME_ORDER = ['name', 'driver', 'driver_opts', 'external', 'labels'];
const FILE_OBJECT_ORDER = ['name', 'file', 'environment', 'content', 'external', 'labels', 'driver', 'driver_opts', 'template_driver'];
const SERVICE_BYTES = ['mem_limit', 'mem_reservation', 'memswap_limit', 'mem_swappiness', 'shm_size'];

/** The plain object compose would marshal, keys in compose's order. */
export function composeShape(project: Project, format: Format): Obj {
  const out: Obj = { name: project.name, services: sortedMap(project.services, (s) => shapeService(s as unknown as Obj, format)) };
  const resources: [string, string[]][] = [['networks', NETWORK_ORDER], ['volumes', VOLUME_ORDER], ['secrets', FILE_OBJECT_ORDER], ['configs', FILE_OBJECT_ORDER]];
  for (const [kind, order] of resources) {
    const map = (project as unknown as Obj)[kind] as Obj | undefined;
    if (map && Object.keys(map).length) out[kind] = sortedMap(map, (r) => shapeResource(kind, r as Obj, order, format));
  }
  for (const k of Object.keys(project).sort()) {
    if (!(k in out) && !['networks', 'volumes', 'secrets', 'configs'].includes(k)) out[k] = sortDeep((project as unknown as Obj)[k]);
  }
  // encoding/json marshals compose's top-level map with its keys sorted.
  return format === 'json' ? ordered(out, []) : out;
}

/** Kept for callers that want the YAML-ordered model. */
export function orderedProject(project: Project): Obj {
  return composeShape(project, 'yaml');
}

function shapeService(s: Obj, format: Format): Obj {
  const out: Obj = { ...s };
  if (format === 'yaml') for (const k of ['command', 'entrypoint']) if (out[k] === null) delete out[k];
  for (const k of SERVICE_BYTES) if (typeof out[k] === 'number') out[k] = String(out[k]);
  if (isObj(out.build)) out.build = shapeBuild(out.build, format);
  if (Array.isArray(out.ports)) out.ports = out.ports.map((p) => ordered(p, PORT_ORDER));
  if (Array.isArray(out.volumes)) out.volumes = out.volumes.map(shapeMount);
  if (isObj(out.healthcheck)) out.healthcheck = ordered(out.healthcheck, HEALTH_ORDER);
  if (isObj(out.depends_on)) out.depends_on = sortedMap(out.depends_on, (d) => ordered(d, DEPENDENCY_ORDER));
  for (const k of ['secrets', 'configs']) if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(shapeFileRef);
  if (isObj(out.ulimits)) out.ulimits = shapeUlimits(out.ulimits);
  if (isObj(out.extra_hosts)) out.extra_hosts = hostsList(out.extra_hosts);
  if (isObj(out.deploy)) out.deploy = shapeDeploy(out.deploy, format);
  return ordered(out, SERVICE_ORDER);
}

function shapeBuild(b: Obj, _format: Format): Obj {
  const out: Obj = { ...b };
  if (typeof out.shm_size === 'number') out.shm_size = String(out.shm_size);
  if (isObj(out.extra_hosts)) out.extra_hosts = hostsList(out.extra_hosts);
  if (Array.isArray(out.secrets)) out.secrets = out.secrets.map(shapeFileRef);
  if (isObj(out.ulimits)) out.ulimits = shapeUlimits(out.ulimits);
  return ordered(out, BUILD_ORDER);
}

function shapeMount(m: unknown): unknown {
  if (!isObj(m)) return m;
  const out: Obj = { ...m };
  if (isObj(out.bind)) out.bind = ordered(out.bind, BIND_ORDER);
  if (isObj(out.tmpfs) && typeof out.tmpfs.size === 'number') out.tmpfs = { ...out.tmpfs, size: String(out.tmpfs.size) };
  return ordered(out, MOUNT_ORDER);
}

function shapeFileRef(r: unknown): unknown {
  if (!isObj(r)) return r;
  const out: Obj = { ...r };
  if (typeof out.mode === 'number') out.mode = '0' + out.mode.toString(8);
  return ordered(out, FILE_REF_ORDER);
}

function shapeUlimits(u: Obj): Obj {
  return sortedMap(u, (v) => (isObj(v) && typeof v.single === 'number' ? v.single : ordered(v, ['soft', 'hard'])));
}

function hostsList(hosts: Obj): string[] {
  const list: string[] = [];
  for (const [host, ips] of Object.entries(hosts)) for (const ip of ips as string[]) list.push(`${host}=${ip}`);
  return list.sort();
}

function shapeDeploy(d: Obj, format: Format): Obj {
  const out: Obj = { ...d };
  // Go structs (not pointers) in DeployConfig: encoding/json always prints them.
  if (format === 'json') {
    out.resources ??= {};
    out.placement ??= {};
  }
  if (isObj(out.resources)) {
    const r: Obj = { ...out.resources };
    for (const k of ['limits', 'reservations']) {
      const spec = r[k];
      if (isObj(spec) && typeof spec.memory === 'number') r[k] = { ...spec, memory: String(spec.memory) };
    }
    out.resources = r;
  }
  return ordered(out, DEPLOY_ORDER);
}

function shapeResource(kind: string, r: Obj, order: string[], format: Format): Obj {
  const out: Obj = { ...r };
  // IPAMConfig is a struct: JSON always prints it, yaml.v3 omits it when empty.
  if (kind === 'networks' && format === 'yaml' && isObj(out.ipam) && Object.keys(out.ipam).length === 0) delete out.ipam;
  if (kind === 'networks' && format === 'json') out.ipam ??= {};
  // Content read from the environment is never printed (compose-go's Secret/ConfigObjConfig marshallers).
  if ((kind === 'secrets' || kind === 'configs') && typeof out.environment === 'string' && out.environment !== '') delete out.content;
  return ordered(out, order);
}

/** Known keys first in `order`, then the rest sorted; nested values sorted unless already shaped. */
function ordered(v: unknown, order: string[]): Obj {
  const obj = v as Obj;
  const out: Obj = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = sortDeep(obj[k]);
  for (const k of Object.keys(obj).sort()) if (!(k in out) && obj[k] !== undefined) out[k] = sortDeep(obj[k]);
  SHAPED.add(out);
  return out;
}

function sortedMap(map: Obj, fn: (v: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const k of Object.keys(map).sort()) out[k] = fn(map[k]);
  SHAPED.add(out);
  return out;
}

/** Plain maps get sorted keys; objects already shaped (in SHAPED) keep their order. */
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isObj(v) || SHAPED.has(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortDeep(v[k]);
  return out;
}

const SHAPED = new WeakSet<object>();

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface SerializeOptions {
  /** `$` → `$$`, so that the output, interpolated again, gives the same values (compose does this unless --no-interpolate). */
  escapeDollars?: boolean;
}

export function projectToJson(project: Project, options: SerializeOptions = {}): string {
  return escape(JSON.stringify(composeShape(project, 'json'), null, 2) + '\n', options);
}

export function projectToYaml(project: Project, options: SerializeOptions = {}): string {
  // yaml quotes strings that would read back as another type, so the output round-trips;
  // sequences indented under their key, as compose's yaml.v3 encoder (indent 2) prints them.
  const doc = new Document(composeShape(project, 'yaml'), { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && YAML11_NOT_STRING.some((re) => re.test(node.value as string))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return escape(doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, nullStr: 'null' }), options);
}

/** Strings a YAML 1.1 reader (yaml.v3's encoder guards against them, docker-compose 1.x reads them) would take as another type. */
const YAML11_NOT_STRING = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
];

function escape(text: string, options: SerializeOptions): string {
  return options.escapeDollars ? text.split('$').join('$$') : text;
}
