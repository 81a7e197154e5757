/** `ncompose config`: the loaded project in compose's canonical form, or parts of it. */
import { writeFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { configHash } from '../model/config-hash.js';
import type { Project } from '../model/project.js';
import { projectToJson, projectToYaml } from '../model/serialize.js';
import { loadOrFail } from './load-or-fail.js';

interface ConfigArgs extends GlobalArgs {
  services?: boolean | string[];
  format?: 'yaml' | 'json';
  quiet?: boolean;
  volumes?: boolean;
  networks?: boolean;
  images?: boolean;
  profiles?: boolean;
  hash?: string;
  interpolate?: boolean;
  output?: string;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as ConfigArgs;
  // yargs puts both `--services` (flag) and the positional SERVICE… under `services`.
  const positional = (rawArgs['services..'] as string[] | undefined) ?? (Array.isArray(args.services) ? args.services : []);
  const listServices = args.services === true || rawArgs['services'] === true;
  const { project, meta } = loadOrFail(args, io, positional, { interpolate: args.interpolate !== false });
  const selected = positional.length ? selectServices(project, positional) : project;
  if (args.quiet) return 0;
  const text = render(selected, args, listServices, Object.keys(meta.disabledServices));
  if (args.output) writeFileSync(args.output, text);
  else io.out(text);
  return 0;
}

function render(project: Project, args: ConfigArgs, listServices: boolean, disabled: string[]): string {
  const lines = (xs: Iterable<string>) => [...xs].map((x) => x + '\n').join('');
  if (listServices) return lines(Object.keys(project.services));
  if (args.volumes) return lines(Object.keys(project.volumes ?? {}));
  if (args.networks) return lines(Object.keys(project.networks ?? {}));
  if (args.images) return lines(Object.entries(project.services).map(([n, s]) => s.image ?? `${project.name}-${n}`));
  if (args.profiles) {
    const all = new Set<string>();
    for (const s of Object.values(project.services)) for (const p of s.profiles ?? []) all.add(p);
    return lines([...all].sort());
  }
  if (args.hash !== undefined) return renderHashes(project, args.hash);
  void disabled;
  return args.format === 'json' ? projectToJson(project) : projectToYaml(project);
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

function selectServices(project: Project, names: string[]): Project {
  const services: Project['services'] = {};
  for (const n of names) {
    if (!project.services[n]) throw new NcomposeError(`no such service: ${n}`);
  }
  for (const [n, s] of Object.entries(project.services)) if (names.includes(n) || isDependency(project, names, n)) services[n] = s;
  return { ...project, services };
}

function isDependency(project: Project, roots: string[], name: string): boolean {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...Object.keys(project.services[s]?.depends_on ?? {}));
  }
  return seen.has(name);
}
