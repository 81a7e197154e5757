/** The registry of lint rules, sorted by name (a meta-test checks the order and the file names). */
import type { Rule } from '../types.js';
import buildContextExists from './build-context-exists.js';
import envFileExists from './env-file-exists.js';
import noBuildAndImage from './no-build-and-image.js';
import noContainerNameWithScale from './no-container-name-with-scale.js';
import noDangerousCapabilities from './no-dangerous-capabilities.js';
import noDangerousDevices from './no-dangerous-devices.js';
import noDependencyCycles from './no-dependency-cycles.js';
import noDockerSocket from './no-docker-socket.js';
import noDuplicateContainerNames from './no-duplicate-container-names.js';
import noDuplicateHostPorts from './no-duplicate-host-ports.js';
import noDuplicateKeys from './no-duplicate-keys.js';
import noFloatingImageTag from './no-floating-image-tag.js';
import noHealthyWithoutHealthcheck from './no-healthy-without-healthcheck.js';
import noHostCgroup from './no-host-cgroup.js';
import noHostIpc from './no-host-ipc.js';
import noHostNetwork from './no-host-network.js';
import noHostPid from './no-host-pid.js';
import noHostUserns from './no-host-userns.js';
import noHostUts from './no-host-uts.js';
import noLoadErrors from './no-load-errors.js';
import noLoggingDriverNone from './no-logging-driver-none.js';
import noNetworkModeWithNetworks from './no-network-mode-with-networks.js';
import noObsoleteVersion from './no-obsolete-version.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noPortsOnAllInterfaces from './no-ports-on-all-interfaces.js';
import noPrivileged from './no-privileged.js';
import noQuotesInVolumes from './no-quotes-in-volumes.js';
import noRootUser from './no-root-user.js';
import noSelinuxDisabled from './no-selinux-disabled.js';
import noSensitiveHostMounts from './no-sensitive-host-mounts.js';
import noSharedMountPropagation from './no-shared-mount-propagation.js';
import noUnconfinedApparmor from './no-unconfined-apparmor.js';
import noUnconfinedSeccomp from './no-unconfined-seccomp.js';
import noUndefinedConfigs from './no-undefined-configs.js';
import noUndefinedDependsOn from './no-undefined-depends-on.js';
import noUndefinedNetworks from './no-undefined-networks.js';
import noUndefinedSecrets from './no-undefined-secrets.js';
import noUndefinedServiceRefs from './no-undefined-service-refs.js';
import noUndefinedVolumes from './no-undefined-volumes.js';
import noUnsetVariables from './no-unset-variables.js';
import quotedPorts from './quoted-ports.js';
import requireCapDropAll from './require-cap-drop-all.js';
import requireHealthcheck from './require-healthcheck.js';
import requireNoNewPrivileges from './require-no-new-privileges.js';
import requireProjectName from './require-project-name.js';
import requireReadOnlyRootfs from './require-read-only-rootfs.js';
import requireResourceLimits from './require-resource-limits.js';
import requireRestartPolicy from './require-restart-policy.js';
import schema from './schema.js';
import serviceKeyOrder from './service-key-order.js';
import sortedDependsOn from './sorted-depends-on.js';
import sortedPorts from './sorted-ports.js';
import sortedServices from './sorted-services.js';
import topLevelKeyOrder from './top-level-key-order.js';
import yamlSyntax from './yaml-syntax.js';

export const RULES: Rule[] = [
  buildContextExists,
  envFileExists,
  noBuildAndImage,
  noContainerNameWithScale,
  noDangerousCapabilities,
  noDangerousDevices,
  noDependencyCycles,
  noDockerSocket,
  noDuplicateContainerNames,
  noDuplicateHostPorts,
  noDuplicateKeys,
  noFloatingImageTag,
  noHealthyWithoutHealthcheck,
  noHostCgroup,
  noHostIpc,
  noHostNetwork,
  noHostPid,
  noHostUserns,
  noHostUts,
  noLoadErrors,
  noLoggingDriverNone,
  noNetworkModeWithNetworks,
  noObsoleteVersion,
  noPlaintextSecrets,
  noPortsOnAllInterfaces,
  noPrivileged,
  noQuotesInVolumes,
  noRootUser,
  noSelinuxDisabled,
  noSensitiveHostMounts,
  noSharedMountPropagation,
  noUnconfinedApparmor,
  noUnconfinedSeccomp,
  noUndefinedConfigs,
  noUndefinedDependsOn,
  noUndefinedNetworks,
  noUndefinedSecrets,
  noUndefinedServiceRefs,
  noUndefinedVolumes,
  noUnsetVariables,
  quotedPorts,
  requireCapDropAll,
  requireHealthcheck,
  requireNoNewPrivileges,
  requireProjectName,
  requireReadOnlyRootfs,
  requireResourceLimits,
  requireRestartPolicy,
  schema,
  serviceKeyOrder,
  sortedDependsOn,
  sortedPorts,
  sortedServices,
  topLevelKeyOrder,
  yamlSyntax,
];

export const RULES_BY_NAME: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.name, r]));
