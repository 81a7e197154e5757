/**
 * Stage 4 (extends), per file after include: `extends: name` or `extends: {service, file?}`.
 * The base (same file, or another file parsed and interpolated on its own, its relative paths made
 * absolute against its directory) is resolved first, recursively, then the service is merged onto
 * it with the merge rules (compose-go `loader/extends.go`). Cycles name the whole chain.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { interpolateTree } from './interpolate.js';
import { parseFile } from './load.js';
import { mergeAt } from './merge.js';
import { copyMap } from './merge-rules.js';
import { rebaseService, resolveLocal } from './rebase-paths.js';
import type { LoadContext, Path, RawMap, RawValue } from './types.js';
import { isMap } from './types.js';

/** The services of one file while their extends are being resolved. */
interface Scope {
  file: string;
  /** Relative `extends.file` values resolve against it: the project directory for the loaded files, else the file's own directory. */
  baseDir: string;
  services: RawMap;
  done: Set<string>;
}

interface Link {
  file: string;
  service: string;
}

export function applyExtends(raw: RawMap, ctx: LoadContext, file: string): RawMap {
  if (!isMap(raw.services)) return raw;
  const scope: Scope = { file, baseDir: ctx.workingDir, services: copyMap(raw.services as RawMap), done: new Set() };
  const ext = new Extender(ctx);
  for (const name of Object.keys(scope.services)) ext.resolve(scope, name, []);
  const out = copyMap(raw);
  out.services = scope.services;
  return out;
}

class Extender {
  private readonly reportedCycles = new Set<string>();

  constructor(private readonly ctx: LoadContext) {}

  /** The service `name` of `scope` with its extends chain applied (memoized in the scope). */
  resolve(scope: Scope, name: string, chain: Link[]): RawValue {
    const service = Object.hasOwn(scope.services, name) ? scope.services[name] : undefined;
    if (scope.done.has(name) || !isMap(service) || !('extends' in service)) return service ?? null;
    const link: Link = { file: scope.file, service: name };
    const at = chain.findIndex((l) => l.file === link.file && l.service === link.service);
    if (at >= 0) return this.cycle([...chain.slice(at), link], scope, name);
    const merged = this.extendService(scope, name, service as RawMap, [...chain, link]);
    scope.services[name] = merged;
    scope.done.add(name);
    return merged;
  }

  private extendService(scope: Scope, name: string, service: RawMap, chain: Link[]): RawMap {
    const own = withoutExtends(service);
    const extPath: Path = ['services', name, 'extends'];
    const ref = parseExtends(service.extends ?? null);
    if (!ref) {
      this.report('extends_invalid', 'extends must be a service name or a mapping with a "service" key', extPath, scope.file);
      return own;
    }
    const target = ref.file === undefined ? scope : this.otherScope(scope, ref.file, [...extPath, 'file']);
    if (!target) return own;
    if (!Object.hasOwn(target.services, ref.service)) {
      const where = target === scope ? '' : ` in ${ref.file}`;
      this.report('extends_unknown_service', `service "${name}" extends "${ref.service}", which is not defined${where}`, extPath, scope.file);
      return own;
    }
    let base = this.resolve(target, ref.service, chain);
    if (!isMap(base)) return own;
    if (target !== scope) base = rebaseService(base as RawMap, path.dirname(target.file));
    this.redirectInherited(['services', name], target.file, ['services', ref.service], base as RawMap, own);
    return withoutExtends(mergeAt(base as RawMap, own, ['services', name], this.ctx));
  }

  /** Parse and interpolate another file (once per load) and open a scope on its services. */
  private otherScope(from: Scope, file: string, filePath: Path): Scope | undefined {
    const abs = resolveLocal(from.baseDir, file);
    const cache = scopeCache(this.ctx);
    if (cache.has(abs)) return cache.get(abs) ?? undefined;
    if (!existsSync(abs) && this.ctx.options.overrides?.[abs] === undefined) {
      this.report('extends_file_not_found', `extends file ${file} not found (${abs})`, filePath, from.file);
      return undefined;
    }
    const parsed = parseFile(abs, this.ctx);
    // A file that does not parse is reported once, however many services extend it.
    if (!parsed) return void cache.set(abs, null);
    const raw = this.ctx.options.interpolate === false ? parsed : interpolateTree(parsed, this.ctx, abs);
    const services = isMap(raw.services) ? copyMap(raw.services as RawMap) : copyMap({});
    const scope: Scope = { file: abs, baseDir: path.dirname(abs), services, done: new Set() };
    cache.set(abs, scope);
    return scope;
  }

  private cycle(links: Link[], scope: Scope, name: string): RawValue {
    const key = links.map((l) => `${l.file}\u0000${l.service}`).sort().join('\u0001');
    if (!this.reportedCycles.has(key)) {
      this.reportedCycles.add(key);
      const names = links.map((l) => `${l.service} (${this.where(l)})`).join(' → ');
      const first = links[0]!;
      this.report('extends_cycle', `extends cycle: ${names}`, ['services', first.service, 'extends'], first.file);
    }
    const service = withoutExtends(scope.services[name] as RawMap);
    scope.services[name] = service;
    scope.done.add(name);
    return service;
  }

  /** Values the service inherits point at the base's file: one redirect per inherited key. */
  private redirectInherited(to: Path, file: string, from: Path, base: RawMap, own: RawValue): void {
    this.ctx.sources.redirect(to, file, from);
    for (const [k, v] of Object.entries(base)) {
      const mine = isMap(own) ? (own as RawMap)[k] : undefined;
      if (mine === undefined) this.ctx.sources.redirect([...to, k], file, [...from, k]);
      else if (isMap(v) && isMap(mine)) this.redirectInherited([...to, k], file, [...from, k], v as RawMap, mine);
    }
  }

  private where(l: Link): string {
    const r = this.ctx.sources.locateKey(['services', l.service, 'extends'], l.file);
    return r ? `${r.file}:${r.line}` : l.file;
  }

  /** At the key (`extends:`, `file:`), where a reader looks for the reference. */
  private report(code: string, message: string, p: Path, file: string): void {
    this.ctx.report({ code, message, path: p, file, range: this.ctx.sources.locateKey(p, file) });
  }
}

const scopeCaches = new WeakMap<LoadContext, Map<string, Scope | null>>();

function scopeCache(ctx: LoadContext): Map<string, Scope | null> {
  let cache = scopeCaches.get(ctx);
  if (!cache) scopeCaches.set(ctx, (cache = new Map()));
  return cache;
}

function parseExtends(v: RawValue): { service: string; file?: string } | undefined {
  if (typeof v === 'string') return { service: v };
  if (!isMap(v) || typeof v.service !== 'string') return undefined;
  return typeof v.file === 'string' ? { service: v.service, file: v.file } : { service: v.service };
}

function withoutExtends(service: RawMap): RawMap {
  if (!('extends' in service)) return service;
  const out = copyMap(service);
  delete out.extends;
  return out;
}
