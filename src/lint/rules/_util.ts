/**
 * Shared helpers for lint rules: walking the merged raw model (short syntax as written,
 * anchors and `<<` resolved) defensively, since rules also run when the schema check failed.
 */
import path from 'node:path';
import { didYouMean } from '../../parser/did-you-mean.js';
import type { RuleContext } from '../types.js';
import type { Path } from '../../parser/types.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface ServiceEntry {
  name: string;
  svc: Obj;
  path: Path;
}

/** Built once per model: some thirty rules ask for the same list. */
const serviceLists = new WeakMap<object, readonly ServiceEntry[]>();

/** Every service of the merged raw model that is a mapping (shared between rules: do not mutate). */
export function services(ctx: RuleContext): readonly ServiceEntry[] {
  const all = ctx.raw?.services;
  if (!isObj(all)) return [];
  let out = serviceLists.get(all);
  if (!out) {
    const list: ServiceEntry[] = [];
    for (const [name, svc] of Object.entries(all)) {
      if (isObj(svc)) list.push({ name, svc, path: ['services', name] });
    }
    out = Object.freeze(list);
    serviceLists.set(all, out);
  }
  return out;
}

/** Names defined under a top-level section (`networks`, `volumes`, `secrets`, `configs`, `services`). */
export function topLevelNames(ctx: RuleContext, section: string): Set<string> {
  const v = ctx.raw?.[section];
  return new Set(isObj(v) ? Object.keys(v) : []);
}

/** A scalar as text (numbers and booleans too); undefined for mappings, lists and null. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Entries of a "list or mapping" attribute: `[a, b]` → a, b at their index; `{a: …}` → a at key `a`. */
export function listOrMapEntries(v: unknown): { name: string; seg: string | number; value: unknown }[] {
  if (Array.isArray(v)) {
    return v.flatMap((item, i) => {
      const t = scalarText(item);
      return t === undefined ? [] : [{ name: t, seg: i, value: item }];
    });
  }
  if (isObj(v)) return Object.entries(v).map(([k, value]) => ({ name: k, seg: k, value }));
  return [];
}

/** Entries of `environment` (list `K=V` or mapping); `value` undefined when only the name is given. */
export function envEntries(v: unknown): { name: string; seg: string | number; value: string | undefined }[] {
  if (Array.isArray(v)) {
    return v.flatMap((item, i) => {
      const t = scalarText(item);
      if (t === undefined) return [];
      const eq = t.indexOf('=');
      return [{ name: eq < 0 ? t : t.slice(0, eq), seg: i, value: eq < 0 ? undefined : t.slice(eq + 1) }];
    });
  }
  if (isObj(v)) {
    return Object.entries(v).map(([name, value]) => ({ name, seg: name, value: value === null ? undefined : scalarText(value) }));
  }
  return [];
}

/** The value at `path` came from a `${VAR}`, or still contains one (loaded without interpolation). */
export function isDynamic(ctx: RuleContext, p: Path, value?: unknown): boolean {
  if (ctx.isInterpolated(p)) return true;
  return typeof value === 'string' && /\$\{[^}]*\}|\$[A-Za-z_]/.test(value.replace(/\$\$/g, ''));
}

/** The project directory: the loader's working dir, else the folder of the first file. */
export function projectDir(ctx: RuleContext): string {
  if (ctx.meta?.workingDir) return ctx.meta.workingDir;
  const first = ctx.files[0]?.path;
  return first ? path.dirname(first) : process.cwd();
}

/** A service-level string attribute, with its path; undefined when absent or not a scalar. */
export function attr(s: ServiceEntry, key: string): { value: string; path: Path } | undefined {
  const t = scalarText(s.svc[key]);
  return t === undefined ? undefined : { value: t, path: [...s.path, key] };
}

/** Lists of scalars: the items with their paths. */
export function listItems(s: ServiceEntry, key: string): { value: string; path: Path }[] {
  const v = s.svc[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i) => {
    const t = scalarText(item);
    return t === undefined ? [] : [{ value: t, path: [...s.path, key, i] }];
  });
}

/** Whether a boolean-ish attribute is true (`true`, "true"). */
export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/** The effective replica count: `scale`, else `deploy.replicas`, else 1. */
export function replicas(svc: Obj): number {
  const deploy = isObj(svc.deploy) ? svc.deploy : {};
  const n = Number(scalarText(svc.scale ?? deploy.replicas) ?? 1);
  return Number.isFinite(n) ? n : 1;
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ` (did you mean "x"?)` for a misspelt name, else ''. */
export function hint(name: string, known: Iterable<string>): string {
  const guess = didYouMean(name, known);
  return guess ? ` (did you mean "${guess}"?)` : '';
}

/** The service's profiles (empty: always active). */
export function profilesOf(svc: Obj): string[] {
  return Array.isArray(svc.profiles) ? svc.profiles.flatMap((p) => (scalarText(p) === undefined ? [] : [scalarText(p)!])) : [];
}

/**
 * Whether two services are meant to run together: not when both are behind profiles and share
 * none (the usual `dev` / `prod` alternatives publishing the same port or name).
 */
export function canRunTogether(a: Obj, b: Obj): boolean {
  const pa = profilesOf(a);
  const pb = profilesOf(b);
  return pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p));
}
