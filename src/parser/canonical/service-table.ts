/**
 * The path table for services: each attribute path → its canonical handler (first match wins).
 * Attributes not listed are kept as written.
 */
import type { Path } from '../types.js';
import { canonicalBuild } from './build.js';
import { canonicalCommand, canonicalDuration, canonicalHealthcheck } from './command.js';
import { canonicalDependsOn } from './depends-on.js';
import { canonicalDeploy } from './deploy.js';
import { canonicalEnvFiles, canonicalEnvironment, canonicalLabelFiles, canonicalStringMap } from './environment.js';
import { canonicalConfigMount, canonicalDevice, canonicalExtraHosts, canonicalGpus, canonicalLogging, canonicalSecretMount, canonicalUlimitsHandler } from './misc.js';
import { canonicalNameMap } from './networks.js';
import { absPath } from './paths.js';
import { canonicalPorts } from './ports.js';
import { stringList, toBool, toFloat, toInt, toStr } from './scalars.js';
import type { CanonContext, Handler, PathTable } from './table.js';
import { parseBytes } from './units.js';
import { canonicalTmpfs, canonicalVolumeMount } from './volumes.js';

const BYTES = ['mem_limit', 'mem_reservation', 'memswap_limit', 'mem_swappiness', 'shm_size'];
const INTS = ['cpu_count', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'oom_score_adj', 'pids_limit', 'scale'];
const FLOATS = ['cpus', 'cpu_percent'];
const BOOLS = ['attach', 'init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty', 'use_api_socket'];
const STRING_LISTS = ['dns', 'dns_search', 'dns_opt', 'expose', 'cap_add', 'cap_drop', 'device_cgroup_rules', 'external_links', 'group_add', 'links', 'security_opt', 'volumes_from', 'profiles'];
const STRING_MAPS = ['labels', 'annotations', 'sysctls', 'storage_opt'];

function cast(fn: (v: unknown) => unknown, what: string): Handler {
  return (value, path, c) => {
    const out = fn(value);
    if (out !== undefined) return out;
    if (!c.lenient) c.ctx.report({ code: 'invalid_type', message: `${String(path[path.length - 1])}: expected ${what}, got "${toStr(value)}"`, path });
    return value;
  };
}

/** `dns` drops empty entries, as compose-go's OmitEmpty does. */
function dnsList(value: unknown): unknown {
  return stringList(value)?.filter((s) => s !== '');
}

function pullPolicy(value: unknown): unknown {
  return value === 'if_not_present' ? 'missing' : value;
}

function watchPath(value: unknown, _path: Path, c: CanonContext): unknown {
  return typeof value === 'string' ? absPath(value, c) : value;
}

export const SERVICE_TABLE: PathTable = [
  ['services.*.build', canonicalBuild],
  ['services.*.command', canonicalCommand],
  ['services.*.entrypoint', canonicalCommand],
  ['services.*.healthcheck', canonicalHealthcheck],
  ['services.*.stop_grace_period', canonicalDuration],
  ['services.*.ports', canonicalPorts],
  ['services.*.volumes.*', canonicalVolumeMount],
  ['services.*.tmpfs', canonicalTmpfs],
  ['services.*.environment', canonicalEnvironment],
  ['services.*.env_file', canonicalEnvFiles],
  ['services.*.label_file', canonicalLabelFiles],
  ['services.*.depends_on', canonicalDependsOn],
  ['services.*.networks', canonicalNameMap],
  ['services.*.models', canonicalNameMap],
  ['services.*.secrets.*', canonicalSecretMount],
  ['services.*.configs.*', canonicalConfigMount],
  ['services.*.devices.*', canonicalDevice],
  ['services.*.ulimits', canonicalUlimitsHandler],
  ['services.*.gpus', canonicalGpus],
  ['services.*.extra_hosts', canonicalExtraHosts],
  ['services.*.logging', canonicalLogging],
  ['services.*.deploy', canonicalDeploy],
  ['services.*.pull_policy', pullPolicy],
  ['services.*.dns', dnsList],
  ...['pre_start', 'post_start', 'pre_stop'].flatMap((hook) => [
    [`services.*.${hook}.*.command`, canonicalCommand] as const,
    [`services.*.${hook}.*.environment`, canonicalEnvironment] as const,
  ]),
  ['services.*.develop.watch.*.exec.command', canonicalCommand],
  ['services.*.develop.watch.*.path', watchPath],
  ['services.*.develop.watch.*.ignore', (v) => stringList(v) ?? v],
  ['services.*.develop.watch.*.include', (v) => stringList(v) ?? v],
  ...BYTES.map((k) => [`services.*.${k}`, cast(parseBytes, 'a byte size')] as const),
  ...INTS.map((k) => [`services.*.${k}`, cast(toInt, 'an integer')] as const),
  ...FLOATS.map((k) => [`services.*.${k}`, cast(toFloat, 'a number')] as const),
  ...BOOLS.map((k) => [`services.*.${k}`, cast(toBool, 'a boolean')] as const),
  ...STRING_LISTS.map((k) => [`services.*.${k}`, cast(stringList, 'a string or a list')] as const),
  ...STRING_MAPS.map((k) => [`services.*.${k}`, canonicalStringMap] as const),
];
