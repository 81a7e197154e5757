/**
 * Request bodies in the Docker Engine API's own JSON shape (API 1.41), typed here so the executor
 * can build them without importing dockerode. Only the fields ncompose sets are listed.
 */

export interface EndpointSettings {
  Aliases?: string[];
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] };
  Links?: string[];
  MacAddress?: string;
  DriverOpts?: Record<string, string>;
}

export interface PortBinding {
  HostIp?: string;
  HostPort?: string;
}

export interface Mount {
  Type: 'bind' | 'volume' | 'tmpfs' | 'npipe';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; CreateMountpoint?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; Subpath?: string };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface HostConfig {
  Binds?: string[];
  Mounts?: Mount[];
  PortBindings?: Record<string, PortBinding[]>;
  PublishAllPorts?: boolean;
  NetworkMode?: string;
  Links?: string[];
  VolumesFrom?: string[];
  IpcMode?: string;
  PidMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  CgroupnsMode?: string;
  CgroupParent?: string;
  RestartPolicy?: { Name: string; MaximumRetryCount?: number };
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  MemorySwappiness?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetCpus?: string;
  CpuCount?: number;
  CpuPercent?: number;
  PidsLimit?: number;
  OomKillDisable?: boolean;
  OomScoreAdj?: number;
  BlkioWeight?: number;
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
  Sysctls?: Record<string, string>;
  CapAdd?: string[];
  CapDrop?: string[];
  Privileged?: boolean;
  SecurityOpt?: string[];
  Devices?: { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }[];
  DeviceCgroupRules?: string[];
  DeviceRequests?: { Driver?: string; Count?: number; DeviceIDs?: string[]; Capabilities?: string[][]; Options?: Record<string, string> }[];
  Dns?: string[];
  DnsOptions?: string[];
  DnsSearch?: string[];
  ExtraHosts?: string[];
  GroupAdd?: string[];
  Init?: boolean;
  LogConfig?: { Type: string; Config?: Record<string, string> };
  ShmSize?: number;
  Tmpfs?: Record<string, string>;
  ReadonlyRootfs?: boolean;
  Runtime?: string;
  Isolation?: string;
  StorageOpt?: Record<string, string>;
  VolumeDriver?: string;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number; // nanoseconds
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
  StartInterval?: number;
}

/** POST /containers/create body. */
export interface ContainerCreateBody {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  User?: string;
  WorkingDir?: string;
  Labels: Record<string, string>;
  Hostname?: string;
  Domainname?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Volumes?: Record<string, Record<string, never>>;
  Healthcheck?: HealthConfig;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  StopSignal?: string;
  StopTimeout?: number;
  MacAddress?: string;
  HostConfig: HostConfig;
  NetworkingConfig?: { EndpointsConfig: Record<string, EndpointSettings> };
}

/** POST /networks/create body. */
export interface NetworkCreateBody {
  Name: string;
  Driver?: string;
  Options?: Record<string, string>;
  IPAM?: { Driver?: string; Config?: { Subnet?: string; Gateway?: string; IPRange?: string; AuxiliaryAddresses?: Record<string, string> }[]; Options?: Record<string, string> };
  Internal?: boolean;
  Attachable?: boolean;
  EnableIPv6?: boolean;
  Labels?: Record<string, string>;
  CheckDuplicate?: boolean;
}

/** POST /volumes/create body. */
export interface VolumeCreateBody {
  Name: string;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  Labels?: Record<string, string>;
}
