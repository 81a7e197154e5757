/** Labels: the service's own plus every `com.docker.compose.*` label docker compose sets, and ncompose's. */
import { hashableService, stableStringify } from '../../model/config-hash.js';
import { LABELS } from '../../planner/names.js';
import type { Mapper } from './context.js';

export const COMPOSE_LABELS = {
  ...LABELS,
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  version: 'com.docker.compose.version',
} as const;

export const mapLabels: Mapper = (ctx, spec) => {
  const deps = Object.entries(ctx.svc.depends_on ?? {})
    .map(([name, d]) => `${name}:${d.condition}:${Boolean(d.restart)}`)
    .sort();
  spec.body.Labels = {
    ...(ctx.svc.labels ?? {}),
    [COMPOSE_LABELS.project]: ctx.project.name,
    [COMPOSE_LABELS.service]: ctx.service,
    [COMPOSE_LABELS.number]: String(ctx.number),
    [COMPOSE_LABELS.oneoff]: 'False',
    [COMPOSE_LABELS.configHash]: ctx.configHash,
    [COMPOSE_LABELS.dependsOn]: deps.join(','),
    [COMPOSE_LABELS.image]: ctx.imageId ?? spec.body.Image,
    [COMPOSE_LABELS.workingDir]: ctx.workingDir,
    [COMPOSE_LABELS.configFiles]: ctx.configFiles.join(','),
    [COMPOSE_LABELS.version]: ctx.version,
    [COMPOSE_LABELS.serviceConfig]: stableStringify(hashableService(ctx.svc)),
  };
};
