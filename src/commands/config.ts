/** `ncompose config`: the loaded project in compose's canonical form, or parts of it. */
import { writeFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { configHash } from '../model/config-hash.js';
import type { Project, ProjectMeta } from '../model/project.js';
import { servicesInDependencyOrder, withSelectedServices, withoutUnusedResources } from '../model/prune.js';
import { projectToJson, projectToYaml } from '../model/serialize.js';
import { loadOrFail } from './load-or-fail.js';

export interface ConfigArgs extends GlobalArgs {
  service?: string[];
  format?: 'yaml' | 'json';
  quiet?: boolean;
  services?: boolean;
  volumes?: boolean;
  networks?: boolean;
  images?: boolean;
  profiles?: boolean;
  hash?: string;
  interpolate?: boolean;
  'path-resolution'?: boolean;
  output?: string;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as ConfigArgs;
  const selected = args.service ?? [];
  const { project, meta } = loadOrFail(args, io, selected, {
    interpolate: args.interpolate !== false,
    resolvePaths: args['path-resolution'] !== false,
  });
  for (const n of selected) {
    if (!project.services[n]) throw new NcomposeError(`no such service: ${n}`);
  }
  if (args.quiet) return 0;
  const shown = withSelectedServices(withoutUnusedResources(project), selected);
  const text = render(shown, meta, args);
  if (args.output) writeFileSync(args.output, text);
  else io.out(text);
  return 0;
}

/** What `config` prints for the given flags; the first listing flag wins, else the whole model. */
export function render(project: Project, meta: ProjectMeta, args: ConfigArgs): string {
  const lines = (xs: Iterable<string>) => [...xs].map((x) => x + '\n').join('');
  if (args.services) return lines(servicesInDependencyOrder(project));
  if (args.volumes) return lines(Object.keys(project.volumes ?? {}).sort());
  if (args.networks) return lines(Object.keys(project.networks ?? {}).sort());
  if (args.images) return lines(Object.keys(project.services).sort().map((n) => project.services[n]!.image ?? `${project.name}-${n}`));
  if (args.profiles) return lines(allProfiles(project, meta));
  if (args.hash !== undefined) return renderHashes(project, args.hash);
  // compose escapes `$` so that the output, interpolated again, gives the same values.
  const options = { escapeDollars: args.interpolate !== false };
  return args.format === 'json' ? projectToJson(project, options) : projectToYaml(project, options);
}

/** Every profile any service (enabled or not) declares. */
function allProfiles(project: Project, meta: ProjectMeta): string[] {
  const all = new Set<string>();
  for (const s of [...Object.values(project.services), ...Object.values(meta.disabledServices)]) for (const p of s.profiles ?? []) all.add(p);
  return [...all].sort();
}

function renderHashes(project: Project, which: string): string {
  const names = which === '*' ? Object.keys(project.services).sort() : which.split(',').map((s) => s.trim());
  return names
    .map((n) => {
      const s = project.services[n];
      if (!s) throw new NcomposeError(`no such service: ${n}`);
      return `${n} ${configHash(s)}\n`;
    })
    .join('');
}
