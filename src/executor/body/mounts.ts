/**
 * Storage: bind, named, anonymous and tmpfs volumes, `tmpfs:`, volumes_from, and secrets/configs:
 * from files as read-only binds, from `environment`/`content` as files written before start.
 * Anonymous volumes of a replaced container are reused (unless -V).
 */
import path from 'node:path';
import type { Mount } from '../../engine/api-types.js';
import type { FileObjectConfig, FileReference, VolumeMount } from '../../model/project.js';
import { volumeConfig } from '../../planner/names.js';
import type { BodyContext, ContainerSpec, Mapper } from './context.js';

export const mapMounts: Mapper = (ctx, spec) => {
  const hc = spec.body.HostConfig;
  const binds: string[] = [];
  const mounts: Mount[] = [];
  for (const v of ctx.svc.volumes ?? []) {
    const bind = toBind(ctx, v);
    if (bind) binds.push(bind);
    else mounts.push(toMount(ctx, v, spec.unapplied));
  }
  mounts.push(...fileObjects(ctx, 'secrets', spec), ...fileObjects(ctx, 'configs', spec));
  mounts.push(...reusedAnonymous(ctx, [...mounts.map((m) => m.Target), ...binds.map((b) => b.split(':')[1]!)]));
  if (binds.length) hc.Binds = binds;
  if (mounts.length) hc.Mounts = mounts;
  if (ctx.svc.tmpfs?.length) hc.Tmpfs = Object.fromEntries(ctx.svc.tmpfs.map(splitTmpfs));
  const from = (ctx.svc.volumes_from ?? []).flatMap((v) => volumesFrom(ctx, v));
  if (from.length) hc.VolumesFrom = from;
  if (ctx.svc.volume_driver) hc.VolumeDriver = ctx.svc.volume_driver;
};

/** Binds that may create their host path use the legacy `Binds` form: `Mounts` refuses a missing source. */
function toBind(ctx: BodyContext, v: VolumeMount): string | undefined {
  if (v.type !== 'bind' || !v.bind?.create_host_path) return undefined;
  const opts = [v.read_only ? 'ro' : 'rw'];
  if (v.bind.propagation) opts.push(v.bind.propagation);
  if (v.bind.selinux) opts.push(v.bind.selinux);
  if (v.consistency) opts.push(v.consistency);
  return `${hostPath(ctx, v.source ?? '')}:${v.target}:${opts.join(',')}`;
}

function toMount(ctx: BodyContext, v: VolumeMount, unapplied: string[]): Mount {
  const m: Mount = { Type: v.type === 'npipe' ? 'npipe' : (v.type as Mount['Type']), Target: v.target };
  if (v.read_only) m.ReadOnly = true;
  if (v.consistency) m.Consistency = v.consistency;
  if (v.type === 'bind') {
    m.Source = hostPath(ctx, v.source ?? '');
    if (v.bind?.propagation) m.BindOptions = { Propagation: v.bind.propagation };
  } else if (v.type === 'volume') {
    if (v.source) m.Source = ctx.project.volumes?.[v.source] ? volumeConfig(ctx.project, v.source).name : v.source;
    else m.Source = previousVolume(ctx, v.target);
    const opts: NonNullable<Mount['VolumeOptions']> = {};
    if (v.volume?.nocopy) opts.NoCopy = true;
    if (v.volume?.labels) opts.Labels = v.volume.labels;
    if (v.volume?.subpath) unapplied.push(`volumes.${v.target}.volume.subpath (needs Engine API 1.45)`);
    if (Object.keys(opts).length) m.VolumeOptions = opts;
  } else if (v.type === 'tmpfs') {
    const opts: NonNullable<Mount['TmpfsOptions']> = {};
    if (v.tmpfs?.size !== undefined) opts.SizeBytes = v.tmpfs.size;
    if (v.tmpfs?.mode !== undefined) opts.Mode = v.tmpfs.mode;
    if (Object.keys(opts).length) m.TmpfsOptions = opts;
  } else {
    unapplied.push(`volumes.${v.target} of type ${v.type}`);
  }
  if (!m.Source) delete m.Source;
  return m;
}

function hostPath(ctx: BodyContext, source: string): string {
  return path.isAbsolute(source) ? source : path.resolve(ctx.workingDir, source);
}

function previousVolume(ctx: BodyContext, target: string): string | undefined {
  return ctx.previousMounts?.find((m) => m.type === 'volume' && m.destination === target)?.name;
}

/** Volumes of the old container at targets the new config does not mount (e.g. image VOLUMEs). */
function reusedAnonymous(ctx: BodyContext, taken: string[]): Mount[] {
  const named = new Set(Object.keys(ctx.project.volumes ?? {}).map((k) => volumeConfig(ctx.project, k).name));
  return (ctx.previousMounts ?? [])
    .filter((m) => m.type === 'volume' && m.name && !named.has(m.name) && !taken.includes(m.destination))
    .map((m) => ({ Type: 'volume' as const, Source: m.name, Target: m.destination }));
}

/**
 * Secrets at /run/secrets/<name>, configs at /<name>: a file is a read-only bind; `environment` and
 * `content` become a file written into the container before it starts (mode 0444 unless set), as compose does.
 */
function fileObjects(ctx: BodyContext, kind: 'secrets' | 'configs', spec: ContainerSpec): Mount[] {
  const out: Mount[] = [];
  for (const ref of (ctx.svc[kind] ?? []) as FileReference[]) {
    const def = ctx.project[kind]?.[ref.source];
    if (def?.environment !== undefined || def?.content !== undefined) {
      const what = `${kind.slice(0, -1)} ${ref.source}`;
      // The engine refuses to write into a read-only root filesystem: say so before creating anything.
      if (ctx.svc.read_only) throw new Error(`${what}: cannot be written into a read-only root filesystem (read_only: true); use a file-based ${kind.slice(0, -1)}`);
      spec.files.push({ path: fileTarget(kind, ref), content: inlineContent(ctx, `${kind}.${ref.source}`, what, def), mode: ref.mode ?? 0o444, uid: id(ref.uid), gid: id(ref.gid) });
      continue;
    }
    if (!def?.file) {
      spec.unapplied.push(`${kind}.${ref.source} (only file, environment and content ${kind} exist outside Swarm)`);
      continue;
    }
    if (ref.uid !== undefined || ref.gid !== undefined || ref.mode !== undefined) spec.unapplied.push(`${kind}.${ref.source}.uid/gid/mode (bind mounts keep the file's own)`);
    out.push({ Type: 'bind', Source: hostPath(ctx, def.file), Target: fileTarget(kind, ref), ReadOnly: true });
  }
  return out;
}

/** `content` as written, or the value of `environment`: the include's own when an included file defined it. */
function inlineContent(ctx: BodyContext, key: string, what: string, def: FileObjectConfig): string {
  if (def.content !== undefined) return def.content;
  const included = ctx.includedValues?.[key];
  if (included && included.variable === def.environment) return included.value;
  const value = ctx.environment[def.environment!];
  if (value === undefined) throw new Error(`${what}: environment variable ${def.environment} is not set`);
  return value;
}

/** A numeric uid/gid; anything else is 0, as compose's strconv.Atoi leaves it. */
const id = (v: string | undefined): number => (v !== undefined && /^\d+$/.test(v) ? Number(v) : 0);

export function fileTarget(kind: 'secrets' | 'configs', ref: FileReference): string {
  const target = ref.target ?? ref.source;
  if (path.posix.isAbsolute(target)) return target;
  return kind === 'secrets' ? `/run/secrets/${target}` : `/${target}`;
}

function splitTmpfs(entry: string): [string, string] {
  const i = entry.indexOf(':');
  return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
}

/** `svc`, `svc:ro`, `container:name[:mode]` → container references the engine understands. */
function volumesFrom(ctx: BodyContext, entry: string): string[] {
  const parts = entry.split(':');
  if (parts[0] === 'container') return [parts.slice(1).join(':')];
  const [svc, mode] = parts as [string, string | undefined];
  if (!ctx.project.services[svc]) return [entry];
  return ctx.containersOf(svc).slice(0, 1).map((id) => (mode ? `${id}:${mode}` : id));
}
