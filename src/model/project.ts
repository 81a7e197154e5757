/**
 * The canonical project model: what the loader produces and every later stage consumes.
 * Field names and shapes follow `docker compose config --format json` (compose-go), so
 * serialising this model *is* the `config` output and it loads back to itself.
 */

export type Extensions = { [key: `x-${string}`]: unknown };

export interface Project extends Extensions {
  name: string;
  services: Record<string, ServiceConfig>;
  networks?: Record<string, NetworkConfig>;
  volumes?: Record<string, VolumeConfig>;
  secrets?: Record<string, FileObjectConfig>;
  configs?: Record<string, FileObjectConfig>;
  models?: Record<string, unknown>;
}

/** `secrets.NAME` / `configs.NAME` → the variable an included definition names and its value there. */
export type IncludedValues = Record<string, { variable: string; value: string }>;

/** Where a project came from; not part of the serialised model. */
export interface ProjectMeta {
  workingDir: string;
  configFiles: string[];
  environment: Record<string, string>;
  /** Secrets/configs from `environment` in included files, with the value in the include's environment. */
  includedValues?: IncludedValues;
  /** Services filtered out by profiles (still validated, not deployed). */
  disabledServices: Record<string, ServiceConfig>;
  activeProfiles: string[];
}

export interface ServiceConfig extends Extensions {
  // Compose-go always emits these two, as null when unset.
  command: string[] | null;
  entrypoint: string[] | null;
  image?: string;
  build?: BuildConfig;
  profiles?: string[];
  annotations?: Record<string, string>;
  attach?: boolean;
  blkio_config?: Record<string, unknown>;
  cap_add?: string[];
  cap_drop?: string[];
  cgroup?: string;
  cgroup_parent?: string;
  cpu_count?: number;
  cpu_percent?: number;
  cpu_period?: number;
  cpu_quota?: number;
  cpu_rt_period?: number;
  cpu_rt_runtime?: number;
  cpus?: number;
  cpuset?: string;
  cpu_shares?: number;
  configs?: FileReference[];
  container_name?: string;
  credential_spec?: Record<string, string>;
  depends_on?: Record<string, ServiceDependency>;
  deploy?: DeployConfig;
  develop?: unknown;
  device_cgroup_rules?: string[];
  devices?: DeviceMapping[];
  dns?: string[];
  dns_opt?: string[];
  dns_search?: string[];
  domainname?: string;
  environment?: Record<string, string | null>;
  env_file?: EnvFileRef[];
  expose?: string[];
  extends?: { service: string; file?: string };
  external_links?: string[];
  extra_hosts?: Record<string, string[]>;
  gpus?: unknown[];
  group_add?: string[];
  healthcheck?: HealthCheckConfig;
  hostname?: string;
  init?: boolean;
  ipc?: string;
  isolation?: string;
  labels?: Record<string, string>;
  label_file?: string[];
  links?: string[];
  logging?: { driver?: string; options?: Record<string, string> };
  mac_address?: string;
  mem_limit?: number;
  mem_reservation?: number;
  memswap_limit?: number;
  mem_swappiness?: number;
  /** Service → model name (`models:` list → map with null values). */
  models?: Record<string, unknown>;
  network_mode?: string;
  networks?: Record<string, ServiceNetworkConfig | null>;
  oom_kill_disable?: boolean;
  oom_score_adj?: number;
  pid?: string;
  pids_limit?: number;
  platform?: string;
  ports?: PortConfig[];
  post_start?: unknown[];
  pre_stop?: unknown[];
  privileged?: boolean;
  provider?: Record<string, unknown>;
  pull_policy?: string;
  read_only?: boolean;
  restart?: string;
  runtime?: string;
  scale?: number;
  secrets?: FileReference[];
  security_opt?: string[];
  shm_size?: number;
  stdin_open?: boolean;
  stop_grace_period?: string;
  stop_signal?: string;
  storage_opt?: Record<string, string>;
  sysctls?: Record<string, string>;
  tmpfs?: string[];
  tty?: boolean;
  ulimits?: Record<string, UlimitConfig>;
  use_api_socket?: boolean;
  user?: string;
  userns_mode?: string;
  uts?: string;
  volume_driver?: string;
  volumes?: VolumeMount[];
  volumes_from?: string[];
  working_dir?: string;
}

export interface BuildConfig extends Extensions {
  context: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  args?: Record<string, string | null>;
  ssh?: string[];
  labels?: Record<string, string>;
  cache_from?: string[];
  cache_to?: string[];
  no_cache?: boolean;
  additional_contexts?: Record<string, string>;
  network?: string;
  pull?: boolean;
  target?: string;
  shm_size?: number;
  extra_hosts?: Record<string, string[]>;
  isolation?: string;
  privileged?: boolean;
  secrets?: FileReference[];
  tags?: string[];
  ulimits?: Record<string, UlimitConfig>;
  platforms?: string[];
}

export interface ServiceDependency {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  required: boolean;
  restart?: boolean;
}

export interface HealthCheckConfig {
  test?: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
  start_interval?: string;
  disable?: boolean;
}

export interface PortConfig {
  name?: string;
  mode: string; // 'ingress' | 'host'
  host_ip?: string;
  target: number;
  published?: string; // a port or a range "8000-8010"; compose-go keeps it a string
  protocol: string; // 'tcp' | 'udp' | 'sctp'
  app_protocol?: string;
}

export interface VolumeMount {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: { propagation?: string; create_host_path?: boolean; selinux?: string; recursive?: string };
  volume?: { nocopy?: boolean; subpath?: string; labels?: Record<string, string> };
  tmpfs?: { size?: number; mode?: number };
  image?: { subpath?: string };
}

export interface ServiceNetworkConfig {
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  link_local_ips?: string[];
  mac_address?: string;
  driver_opts?: Record<string, string>;
  priority?: number;
  gw_priority?: number;
  interface_name?: string;
}

export interface FileReference {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface EnvFileRef {
  path: string;
  required: boolean;
  format?: string;
}

export interface DeviceMapping {
  source: string;
  target: string;
  permissions: string;
}

export interface UlimitConfig {
  single?: number;
  soft?: number;
  hard?: number;
}

export interface DeployConfig {
  mode?: string;
  replicas?: number;
  labels?: Record<string, string>;
  update_config?: UpdateConfig;
  rollback_config?: UpdateConfig;
  resources?: {
    limits?: ResourceSpec;
    reservations?: ResourceSpec & { devices?: unknown[]; generic_resources?: unknown[] };
  };
  restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string };
  placement?: Record<string, unknown>;
  endpoint_mode?: string;
}

export interface UpdateConfig {
  parallelism?: number;
  delay?: string;
  failure_action?: string;
  monitor?: string;
  max_failure_ratio?: number;
  order?: 'start-first' | 'stop-first';
}

export interface ResourceSpec {
  cpus?: number;
  memory?: number;
  pids?: number;
}

export interface NetworkConfig extends Extensions {
  name: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  ipam: { driver?: string; config?: IpamPool[]; options?: Record<string, string> };
  external?: boolean;
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
  enable_ipv4?: boolean;
  enable_ipv6?: boolean;
}

export interface IpamPool {
  subnet?: string;
  gateway?: string;
  ip_range?: string;
  aux_addresses?: Record<string, string>;
}

export interface VolumeConfig extends Extensions {
  name: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  external?: boolean;
  labels?: Record<string, string>;
}

export interface FileObjectConfig extends Extensions {
  name: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
  labels?: Record<string, string>;
  driver?: string;
  driver_opts?: Record<string, string>;
  template_driver?: string;
}
