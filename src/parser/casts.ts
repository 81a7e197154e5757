/**
 * Type casts applied after interpolation (compose-go loader/interpolate.go): a string at one of
 * these paths becomes an int, float or bool, as Go's strconv would parse it.
 * Patterns: `*` matches any key or list item, `[]` any list item; first match wins.
 */

export type CastResult = { ok: true; value: number | boolean; warning?: string } | { ok: false; error: string };
type Cast = (s: string) => CastResult;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi / ParseInt(s, 10, 64): optional sign, decimal digits, 64-bit range. */
export function toInt(s: string): CastResult {
  if (!/^[+-]?[0-9]+$/.test(s)) return { ok: false, error: `invalid integer ${JSON.stringify(s)}` };
  const n = BigInt(s);
  if (n < INT64_MIN || n > INT64_MAX) return { ok: false, error: `integer ${JSON.stringify(s)} out of range` };
  return { ok: true, value: Number(n) };
}

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/;
const SPECIAL = /^(?:[+-]?(?:inf|infinity)|nan)$/i;

/** strconv.ParseFloat(s, 64): decimal, hex with `p` exponent, inf/infinity/nan; overflow is an error. */
export function toFloat(s: string): CastResult {
  const bad: CastResult = { ok: false, error: `invalid number ${JSON.stringify(s)}` };
  let v: number;
  if (SPECIAL.test(s)) {
    const t = s.toLowerCase();
    v = t === 'nan' ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  } else if (DECIMAL.test(s)) {
    v = Number(s);
  } else {
    const m = HEX.exec(s);
    if (!m || (m[2] === '' && !m[3])) return bad;
    const digits = m[2]! + (m[3] ?? '');
    v = parseInt(digits, 16) * 2 ** (Number(m[4]) - 4 * (m[3]?.length ?? 0));
    if (m[1] === '-') v = -v;
  }
  if (!Number.isFinite(v) && !SPECIAL.test(s)) return { ok: false, error: `number ${JSON.stringify(s)} out of range` };
  return { ok: true, value: v };
}

/** strconv.ParseFloat(s, 32): the value as Go's float32 prints it (shortest round-trip form). */
export function toFloat32(s: string): CastResult {
  const r = toFloat(s);
  if (!r.ok || !Number.isFinite(r.value as number)) return r;
  const f = Math.fround(r.value as number);
  if (!Number.isFinite(f)) return { ok: false, error: `number ${JSON.stringify(s)} out of range` };
  for (let p = 1; p <= 9; p++) {
    const n = Number(f.toPrecision(p));
    if (Math.fround(n) === f) return { ok: true, value: n };
  }
  return { ok: true, value: f };
}

/** YAML 1.1 booleans are accepted with a warning, as compose does. */
export function toBoolean(s: string): CastResult {
  const t = s.toLowerCase();
  if (t === 'true') return { ok: true, value: true };
  if (t === 'false') return { ok: true, value: false };
  if (t === 'y' || t === 'yes' || t === 'on') return { ok: true, value: true, warning: `${JSON.stringify(s)} for boolean is not supported by YAML 1.2, please use \`true\`` };
  if (t === 'n' || t === 'no' || t === 'off') return { ok: true, value: false, warning: `${JSON.stringify(s)} for boolean is not supported by YAML 1.2, please use \`false\`` };
  return { ok: false, error: `invalid boolean ${JSON.stringify(s)}` };
}

const svc = (p: string): string => `services.*.${p}`;

export const CAST_TABLE: readonly (readonly [pattern: string, cast: Cast])[] = [
  [svc('cpu_count'), toInt],
  [svc('cpu_percent'), toFloat],
  [svc('cpu_period'), toInt],
  [svc('cpu_quota'), toInt],
  [svc('cpu_rt_period'), toInt],
  [svc('cpu_rt_runtime'), toInt],
  [svc('cpus'), toFloat32],
  [svc('cpu_shares'), toInt],
  [svc('init'), toBoolean],
  [svc('depends_on.*.required'), toBoolean],
  [svc('depends_on.*.restart'), toBoolean],
  [svc('deploy.replicas'), toInt],
  [svc('deploy.update_config.parallelism'), toInt],
  [svc('deploy.update_config.max_failure_ratio'), toFloat],
  [svc('deploy.rollback_config.parallelism'), toInt],
  [svc('deploy.rollback_config.max_failure_ratio'), toFloat],
  [svc('deploy.restart_policy.max_attempts'), toInt],
  [svc('deploy.placement.max_replicas_per_node'), toInt],
  [svc('healthcheck.retries'), toInt],
  [svc('healthcheck.disable'), toBoolean],
  [svc('oom_kill_disable'), toBoolean],
  [svc('oom_score_adj'), toInt],
  [svc('pids_limit'), toInt],
  [svc('ports.[].target'), toInt],
  [svc('privileged'), toBoolean],
  [svc('read_only'), toBoolean],
  [svc('scale'), toInt],
  [svc('stdin_open'), toBoolean],
  [svc('tty'), toBoolean],
  [svc('ulimits.*'), toInt],
  [svc('ulimits.*.hard'), toInt],
  [svc('ulimits.*.soft'), toInt],
  [svc('volumes.[].read_only'), toBoolean],
  [svc('volumes.[].volume.nocopy'), toBoolean],
  ['networks.*.external', toBoolean],
  ['networks.*.internal', toBoolean],
  ['networks.*.attachable', toBoolean],
  ['networks.*.enable_ipv4', toBoolean],
  ['networks.*.enable_ipv6', toBoolean],
  ['volumes.*.external', toBoolean],
  ['secrets.*.external', toBoolean],
  ['configs.*.external', toBoolean],
];

const COMPILED = CAST_TABLE.map(([p, cast]) => ({ parts: p.split('.'), cast }));
/** Path length → last segment → the table rows that can match, in table order: built on first use. */
const CANDIDATES = new Map<number, Map<string, typeof COMPILED>>();

/** The cast for a model path (list indexes count as `[]`), if any. */
export function castFor(path: readonly (string | number)[]): Cast | undefined {
  const last = path[path.length - 1];
  const seg = typeof last === 'number' ? '[]' : String(last);
  let bySeg = CANDIDATES.get(path.length);
  if (!bySeg) CANDIDATES.set(path.length, (bySeg = new Map()));
  let rows = bySeg.get(seg);
  if (!rows) {
    rows = COMPILED.filter(({ parts }) => parts.length === path.length && (parts[parts.length - 1] === '*' || parts[parts.length - 1] === seg));
    bySeg.set(seg, rows);
  }
  // Rows are already of this length and last segment: only the segments before it remain to match.
  for (const { parts, cast } of rows) {
    let ok = true;
    for (let i = 0; i < parts.length - 1 && ok; i++) {
      const seg = typeof path[i] === 'number' ? '[]' : path[i];
      ok = parts[i] === '*' || parts[i] === seg;
    }
    if (ok) return cast;
  }
  return undefined;
}
