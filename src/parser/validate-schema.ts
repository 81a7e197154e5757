/**
 * Stage 7a: the merged raw model (after interpolation, short and long syntax) against
 * schemas/compose-spec.json. The schema is compiled at build time (scripts/gen-schema-validator.mjs);
 * ajv reports every error of the document, which are collapsed to one diagnostic per node.
 */
import { validate, type SchemaError } from './generated/compose-validator.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath, type LoadContext, type Path, type RawMap } from './types.js';

interface Finding {
  code: string;
  message: string;
  path: Path;
  /** Report at the key (unknown or invalid names), not at the value. */
  atKey?: boolean;
  hint?: string;
}

const COMPOSITE = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);

const FORMAT_NAMES: Record<string, string> = {
  boolean: 'a boolean (true/false)',
  integer: 'an integer',
  number: 'a number',
  duration: 'a duration such as 10s or 1m30s',
  'integer-or-duration': 'an integer (microseconds) or a duration such as 400ms',
  'byte-size': 'a byte value such as 512m or 1gb',
  port: 'a port mapping such as 8080:80, 127.0.0.1:8080:80/udp or 3000-3005',
  'port-range': 'a port or port range such as 80 or 8000-8010',
  expose: 'a port or range with an optional protocol, such as 3000 or 8000-8010/udp',
  'restart-policy': 'one of no, always, on-failure[:max-retries], unless-stopped',
  'pull-policy': 'one of always, never, missing, build, refresh, daily, weekly, every_<duration>',
  'container-name': 'a container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  ip: 'an IP address',
  cidr: 'a subnet in CIDR form such as 172.28.0.0/16',
};

/** Service-level keys people write at the wrong level: where they belong. */
const MOVED_SERVICE_KEYS: Record<string, string> = {
  replicas: 'deploy.replicas',
  resources: 'deploy.resources',
  placement: 'deploy.placement',
  update_config: 'deploy.update_config',
  restart_policy: 'deploy.restart_policy',
  context: 'build.context',
  dockerfile: 'build.dockerfile',
  args: 'build.args',
  target: 'build.target',
  aliases: 'networks.<network>.aliases',
  ipv4_address: 'networks.<network>.ipv4_address',
  test: 'healthcheck.test',
  interval: 'healthcheck.interval',
  driver: 'logging.driver',
  memory: 'deploy.resources.limits.memory',
};

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', null: 'null', integer: 'an integer' };

/** Validate the raw model; every error goes to ctx with its path and position. */
export function validateSchema(raw: RawMap, ctx: LoadContext): void {
  rejectProtoNames(raw, ctx);
  if (validate(raw)) return;
  for (const f of collapse(validate.errors ?? [])) {
    const range = f.atKey ? (ctx.sources.locateKey(f.path) ?? ctx.sources.locate(f.path)) : undefined;
    ctx.report({ code: f.code, message: f.message, path: f.path, range, hint: f.hint });
  }
}

const NAMED_SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'];

/** The spec's name pattern allows `__proto__`, but it cannot be a key of the model's plain objects: say so, not lose it. */
function rejectProtoNames(raw: RawMap, ctx: LoadContext): void {
  for (const section of NAMED_SECTIONS) {
    const names = raw[section];
    if (!names || typeof names !== 'object' || Array.isArray(names) || !Object.hasOwn(names, '__proto__')) continue;
    const path = [section, '__proto__'];
    ctx.report({ code: 'reserved_name', message: `${section}: the name "__proto__" is not supported`, path, range: ctx.sources.locateKey(path) });
  }
}

/** ajv errors → one finding per node: composite fan-out dropped, type alternatives merged. */
export function collapse(errors: readonly SchemaError[]): Finding[] {
  const relevant = errors.filter((e) => e.propertyName === undefined || e.keyword === 'propertyNames');
  const findings = new Map<string, Finding>();
  for (const e of relevant) {
    const path = parsePointer(e.instancePath);
    if (COMPOSITE.has(e.keyword)) {
      if (relevant.some((o) => o !== e && !COMPOSITE.has(o.keyword) && isWithin(o.instancePath, e.instancePath))) continue;
    } else if (e.keyword === 'type' && relevant.some((o) => o.instancePath.startsWith(e.instancePath + '/'))) {
      continue; // another alternative matched the type and failed deeper: that failure is the useful one
    }
    const f = toFinding(e, path);
    const key = formatPath(f.path) + (f.atKey ? '#key' : '');
    const prev = findings.get(key);
    if (!prev) findings.set(key, f);
    else if (prev.code === 'schema_type' && f.code === 'schema_type') prev.message = mergeTypeMessages(prev.message, f.message);
  }
  return [...findings.values()];
}

type Finder = (p: Record<string, unknown>, path: Path, where: string, e: SchemaError) => Finding;

/** One ajv keyword → one diagnostic shape. */
const FINDERS: Record<string, Finder> = {
  additionalProperties: (p, path, where, e) => {
    const key = String(p['additionalProperty']);
    const guess = didYouMean(key, Object.keys(e.parentSchema?.properties ?? {}));
    const moved = path.length === 2 && path[0] === 'services' ? MOVED_SERVICE_KEYS[key] : undefined;
    const hint = guess ? `did you mean "${guess}"?` : moved ? `it belongs under ${moved}` : undefined;
    return { code: 'schema_unknown_key', message: `unknown key "${key}" in ${where}`, path: [...path, key], atKey: true, hint };
  },
  propertyNames: (p, path, where) => {
    const name = String(p['propertyName']);
    const message = `invalid name "${name}" in ${where}: use only a-z, A-Z, 0-9, ".", "_" and "-"`;
    return { code: 'schema_invalid_name', message, path: [...path, name], atKey: true };
  },
  type: (p, path, where) => ({ code: 'schema_type', message: `${where} must be ${typeList(p['type'])}`, path }),
  enum: (p, path, where, e) => {
    const allowed = (p['allowedValues'] as unknown[]).map(String);
    const guess = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
    return { code: 'schema_enum', message: `${where} must be one of: ${allowed.join(', ')}`, path, hint: guess ? `did you mean "${guess}"?` : undefined };
  },
  format: (p, path, where) => ({ code: 'schema_format', message: `${where} must be ${FORMAT_NAMES[String(p['format'])] ?? String(p['format'])}`, path }),
  required: (p, path, where) => ({ code: 'schema_required', message: `${where} is missing the required key "${String(p['missingProperty'])}"`, path }),
  uniqueItems: (p, path, where) => {
    const [a, b] = [Number(p['i']), Number(p['j'])].sort((x, y) => x - y);
    return { code: 'schema_duplicate_item', message: `${where} has the same item twice (entries ${a} and ${b})`, path: [...path, b!] };
  },
  minimum: (p, path, where) => ({ code: 'schema_range', message: `${where} must be ${String(p['comparison'])} ${String(p['limit'])}`, path }),
  pattern: (p, path, where) => ({ code: 'schema_pattern', message: `${where} must match ${String(p['pattern'])}`, path }),
  minLength: (_p, path, where) => ({ code: 'schema_empty', message: `${where} must not be empty`, path }),
};
FINDERS['maximum'] = FINDERS['minimum']!;

function toFinding(e: SchemaError, path: Path): Finding {
  const where = formatPath(path) || 'the top level';
  const finder = FINDERS[e.keyword];
  return finder ? finder(e.params, path, where, e) : { code: 'schema_invalid', message: `${where} is invalid (${e.keyword})`, path };
}

function typeList(t: unknown): string {
  const names = (Array.isArray(t) ? t : String(t).split(',')).map((x) => TYPE_NAMES[x] ?? `a ${x}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]!;
}

function mergeTypeMessages(a: string, b: string): string {
  const tail = b.slice(b.indexOf(' must be ') + ' must be '.length);
  return a.includes(tail) ? a : `${a} or ${tail}`;
}

function isWithin(p: string, ancestor: string): boolean {
  return p === ancestor || p.startsWith(ancestor + '/');
}

/** JSON pointer → model path (`/services/web/ports/0` → ['services','web','ports',0]). */
export function parsePointer(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
