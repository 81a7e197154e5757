/**
 * After merging, compose makes some sequences unique by a key (compose-go `override/uncity.go`):
 * a later entry with the same key replaces the earlier one in place. An ordered table of path
 * patterns → key functions, first match wins.
 */
import { copyMap } from './merge-rules.js';
import type { Path, RawMap, RawValue } from './types.js';
import { isMap } from './types.js';

/** The identity of one entry; undefined keeps the entry as it is (left to validation). */
export type Indexer = (entry: RawValue) => string | undefined;

/** `K=V` → K; `K` → K. */
const byKeyValue: Indexer = (e) => (typeof e === 'string' || typeof e === 'number' ? String(e).split('=')[0] : undefined);

/** A volume by its target path (short syntax `src:dst:mode` or `dst`, or long syntax). */
const byVolumeTarget: Indexer = (e) => {
  if (isMap(e)) return typeof e.target === 'string' ? e.target : undefined;
  if (typeof e !== 'string') return undefined;
  const parts = splitVolumeSpec(e);
  return parts.length === 1 ? parts[0] : parts[1];
};

/** A device by its container path (`host:container[:perms]`). */
const byDeviceTarget: Indexer = (e) => {
  if (isMap(e)) return typeof e.target === 'string' ? e.target : undefined;
  if (typeof e !== 'string') return undefined;
  const parts = e.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
};

const byExpose: Indexer = (e) => (typeof e === 'string' || typeof e === 'number' ? String(e) : undefined);

const byEnvFilePath: Indexer = (e) => (typeof e === 'string' ? e : isMap(e) && typeof e.path === 'string' ? e.path : undefined);

/** secrets/configs: by target, else by `<default dir>/<source>`. */
function byMountTarget(defaultDir: string): Indexer {
  return (e) => {
    if (typeof e === 'string') return `${defaultDir}/${e}`;
    if (!isMap(e)) return undefined;
    if (e.target !== undefined && e.target !== null) return String(e.target);
    return `${defaultDir}/${String(e.source)}`;
  };
}

/** A port by host_ip:published:target/protocol, the same for short and long syntax. */
const byPort: Indexer = (e) => {
  if (typeof e === 'number') return portKey('', '', String(e), 'tcp');
  if (typeof e === 'string') return parseShortPort(e) ?? e;
  if (!isMap(e) || e.target === undefined) return undefined;
  const published = e.published === undefined || e.published === null ? '' : String(e.published);
  return portKey(str(e.host_ip), published, String(e.target), str(e.protocol) || 'tcp');
};

export const UNIQUE_RULES: readonly (readonly [string, Indexer])[] = [
  ['services.*.annotations', byKeyValue],
  ['services.*.build.args', byKeyValue],
  ['services.*.build.additional_contexts', byKeyValue],
  ['services.*.build.tags', byKeyValue],
  ['services.*.build.labels', byKeyValue],
  ['services.*.cap_add', byKeyValue],
  ['services.*.cap_drop', byKeyValue],
  ['services.*.configs', byMountTarget('')],
  ['services.*.secrets', byMountTarget('/run/secrets')],
  ['services.*.deploy.labels', byKeyValue],
  ['services.*.devices', byDeviceTarget],
  ['services.*.dns', byKeyValue],
  ['services.*.dns_opt', byKeyValue],
  ['services.*.dns_search', byKeyValue],
  ['services.*.environment', byKeyValue],
  ['services.*.env_file', byEnvFilePath],
  ['services.*.expose', byExpose],
  ['services.*.labels', byKeyValue],
  ['services.*.links', byKeyValue],
  ['services.*.networks.*.aliases', byKeyValue],
  ['services.*.networks.*.link_local_ips', byKeyValue],
  ['services.*.ports', byPort],
  ['services.*.profiles', byKeyValue],
  ['services.*.sysctls', byKeyValue],
  ['services.*.tmpfs', byKeyValue],
  ['services.*.volumes', byVolumeTarget],
  ['networks.*.labels', byKeyValue],
];

/** The table as a trie over path segments (literal before `*`), so the walk only enters paths that can match. */
interface TrieNode {
  children: Map<string, TrieNode>;
  indexer?: Indexer;
}

const TRIE = buildTrie();

function buildTrie(): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const [pattern, indexer] of UNIQUE_RULES) {
    let node = root;
    for (const seg of pattern.split('.')) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { children: new Map() }));
      node = next;
    }
    node.indexer ??= indexer;
  }
  return root;
}

/** Dedupe every sequence whose path has a rule; copy-on-write, untouched parts are shared. */
export function enforceUnicity(value: RawValue, node: TrieNode = TRIE): RawValue {
  if (Array.isArray(value)) return node.indexer ? dedupe(value, node.indexer) : value;
  if (!isMap(value) || node.children.size === 0) return value;
  let out: RawMap | undefined;
  for (const k in value) {
    const child = node.children.get(k) ?? node.children.get('*');
    if (!child) continue;
    const v = (value as RawMap)[k]!;
    const u = enforceUnicity(v, child);
    if (u === v) continue;
    out ??= copyMap(value as RawMap);
    out[k] = u;
  }
  return out ?? value;
}

function dedupe(items: RawValue[], indexer: Indexer): RawValue[] {
  if (items.length < 2) return items;
  const out: RawValue[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = indexer(item);
    const at = key === undefined ? undefined : seen.get(key);
    if (at !== undefined) {
      out[at] = item;
      continue;
    }
    if (key !== undefined) seen.set(key, out.length);
    out.push(item);
  }
  return out.length === items.length ? items : out;
}

/** Split a short volume spec on `:`, keeping a Windows drive letter (`C:`) and `${...}` whole. */
export function splitVolumeSpec(spec: string): string[] {
  if (spec.length <= 2) return [spec];
  const parts: string[] = [];
  let buf = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === '$' && spec[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === ':' && depth === 0 && !(buf.length === 1 && /[a-z]/i.test(buf))) {
      parts.push(buf);
      buf = '';
    } else buf += c;
  }
  parts.push(buf);
  return parts;
}

/** `[ip:][published:]target[/proto]` without ranges → key; ranges and odd input → undefined. */
function parseShortPort(spec: string): string | undefined {
  const slash = spec.lastIndexOf('/');
  const proto = slash >= 0 ? spec.slice(slash + 1) : 'tcp';
  const body = slash >= 0 ? spec.slice(0, slash) : spec;
  if (body.includes('-')) return undefined;
  const colon = body.lastIndexOf(':');
  const target = body.slice(colon + 1);
  if (colon < 0) return portKey('', '', target, proto);
  const rest = body.slice(0, colon);
  const hostColon = rest.lastIndexOf(':');
  if (hostColon < 0) return portKey('', rest, target, proto);
  const host = rest.slice(0, hostColon).replace(/^\[(.*)\]$/, '$1');
  return portKey(host, rest.slice(hostColon + 1), target, proto);
}

function portKey(host: string, published: string, target: string, proto: string): string {
  return `${host}:${published}:${target}/${proto}`;
}

function str(v: RawValue | undefined): string {
  return v === undefined || v === null ? '' : String(v);
}
