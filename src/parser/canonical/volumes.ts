/**
 * `services.*.volumes.*`: short syntax `[source:]target[:options]` → long syntax, parsed like
 * compose-go `format.ParseVolume`; bind sources resolved against the project directory and `~`.
 */
import type { VolumeMount } from '../../model/project.js';
import type { Path } from '../types.js';
import { absHostPath, cleanTarget } from './paths.js';
import { toBool, toInt, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';
import { parseBytes } from './units.js';

const PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];

export function canonicalVolumeMount(value: unknown, path: Path, c: CanonContext): unknown {
  let mount: Record<string, unknown>;
  if (typeof value === 'string') {
    try {
      mount = parseVolumeSpec(value) as unknown as Record<string, unknown>;
    } catch (e) {
      if (c.lenient) return value;
      c.ctx.report({ code: 'invalid_volume', message: `invalid volume "${value}": ${(e as Error).message}`, path });
      return undefined;
    }
  } else if (isObject(value)) {
    mount = longMount(value);
  } else {
    c.ctx.report({ code: 'invalid_type', message: 'a volume must be a string or a mapping', path });
    return undefined;
  }
  if (typeof mount.target === 'string') mount.target = cleanTarget(mount.target);
  if (mount.type === 'bind' && typeof mount.source === 'string') mount.source = absHostPath(mount.source, c);
  return mount;
}

function longMount(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v };
  if (out.read_only !== undefined) out.read_only = toBool(out.read_only) ?? out.read_only;
  if (out.read_only === false) delete out.read_only;
  if (isObject(out.bind)) {
    const bind = { ...out.bind };
    bind.create_host_path = toBool(bind.create_host_path) ?? true;
    out.bind = bind;
  }
  if (isObject(out.tmpfs)) {
    const tmpfs = { ...out.tmpfs };
    if (tmpfs.size !== undefined) tmpfs.size = parseBytes(tmpfs.size) ?? tmpfs.size;
    if (tmpfs.mode !== undefined) tmpfs.mode = toInt(tmpfs.mode) ?? tmpfs.mode;
    out.tmpfs = tmpfs;
  }
  if (isObject(out.volume) && out.volume.nocopy !== undefined) {
    out.volume = { ...out.volume, nocopy: toBool(out.volume.nocopy) ?? out.volume.nocopy };
  }
  return out;
}

/** compose-go `format.ParseVolume`: colons split fields, except a Windows drive and inside `${…}`. */
export function parseVolumeSpec(spec: string): VolumeMount {
  if (spec.length === 0) throw new Error('invalid empty volume spec');
  const vol: Partial<VolumeMount> & { source?: string } = {};
  if (spec.length <= 2) return { type: 'volume', target: spec, volume: {} };
  const fields: string[] = [];
  let buf = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === '$' && spec[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0 && !(buf.length === 1 && /\p{L}/u.test(buf))) {
      fields.push(buf);
      buf = '';
      continue;
    }
    buf += ch;
  }
  fields.push(buf);
  if (fields.some((f) => f === '')) throw new Error('empty section between colons');
  if (fields.length > 3) throw new Error('too many colons');
  if (fields.length === 1) vol.target = fields[0];
  else [vol.source, vol.target] = [fields[0], fields[1]];
  if (fields.length === 3) applyOptions(vol, fields[2]!);
  return withType(vol);
}

function applyOptions(vol: Partial<VolumeMount>, options: string): void {
  for (const option of options.split(',')) {
    if (option === 'ro') vol.read_only = true;
    else if (option === 'rw') vol.read_only = false;
    else if (option === 'nocopy') vol.volume = { nocopy: true };
    else if (PROPAGATIONS.includes(option)) vol.bind = { ...vol.bind, propagation: option };
    else if (option === 'z' || option === 'Z') vol.bind = { ...vol.bind, selinux: option };
    // compose-go ignores any other option silently
  }
}

function withType(vol: Partial<VolumeMount>): VolumeMount {
  const out = vol as VolumeMount;
  if (!out.read_only) delete out.read_only;
  if (isFilePath(out.source ?? '')) {
    out.type = 'bind';
    out.bind = { ...out.bind, create_host_path: true };
  } else {
    out.type = 'volume';
    out.volume = out.volume ?? {};
  }
  return order(out);
}

function order(v: VolumeMount): VolumeMount {
  const { type, source, target, read_only, bind, volume } = v;
  const out = { type, ...(source !== undefined ? { source } : {}), target } as VolumeMount;
  if (read_only) out.read_only = read_only;
  if (bind) out.bind = bind;
  if (volume) out.volume = volume;
  return out;
}

function isFilePath(source: string): boolean {
  if (!source) return false;
  if ('./~'.includes(source[0]!) || source.startsWith('\\\\')) return true;
  return /^\p{L}:/u.test(source);
}

/** `services.*.tmpfs`: a string alone becomes a list. */
export function canonicalTmpfs(value: unknown): unknown {
  return typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(toStr) : value;
}
