/**
 * Byte sizes (docker/go-units `RAMInBytes`) and durations: parsed like compose-go
 * (str2duration: Go units plus `d` and `w`) and printed like Go's `time.Duration.String()`.
 */

const BYTE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const BYTES_RE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;

/** `512m` → 536870912; a number or a string of digits is already bytes. */
export function parseBytes(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^-?\d+$/.test(s)) return Number.parseInt(s, 10);
  const m = BYTES_RE.exec(s);
  if (!m) return undefined;
  return Math.trunc(Number.parseFloat(m[1]!) * BYTE_UNITS[(m[2] ?? '').toLowerCase()]!);
}

const NS = 1n;
const US = 1000n * NS;
const MS = 1000n * US;
const SEC = 1000n * MS;
const MIN = 60n * SEC;
const HOUR = 60n * MIN;
const DURATION_UNITS: Record<string, bigint> = {
  ns: NS, us: US, 'µs': US, 'μs': US, ms: MS, s: SEC, m: MIN, h: HOUR, d: 24n * HOUR, w: 168n * HOUR,
};

/** `1m30s`, `1.5h`, `2d` → nanoseconds; undefined when not a duration. */
export function parseDuration(v: unknown): bigint | undefined {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  if (s === undefined || s === '') return undefined;
  let rest = s;
  let sign = 1n;
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1n;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  let total = 0n;
  const re = /^(\d*)(?:\.(\d*))?([a-z\u00b5\u03bc]+)/; // µ (micro sign) and μ (Greek mu), escaped: the bundle is ASCII
  if (!rest) return undefined;
  while (rest) {
    const m = re.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = DURATION_UNITS[m[3]!];
    if (unit === undefined) return undefined;
    const whole = BigInt(m[1] || '0') * unit;
    const frac = m[2] ? (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length) : 0n;
    total += whole + frac;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** Go's `time.Duration.String()`: `0s`, `500ms`, `1.5s`, `1m30s`, `1h0m0s`. */
export function formatDuration(ns: bigint): string {
  if (ns < 0n) return '-' + formatDuration(-ns);
  if (ns === 0n) return '0s';
  if (ns < SEC) {
    if (ns < US) return `${ns}ns`;
    if (ns < MS) return fraction(ns, US, 3) + 'µs';
    return fraction(ns, MS, 6) + 'ms';
  }
  const seconds = fraction(ns % MIN, SEC, 9) + 's';
  const minutes = ns / MIN;
  if (minutes === 0n) return seconds;
  const hours = minutes / 60n;
  if (hours === 0n) return `${minutes}m${seconds}`;
  return `${hours}h${minutes % 60n}m${seconds}`;
}

function fraction(value: bigint, unit: bigint, digits: number): string {
  const whole = value / unit;
  const frac = (value % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Normalise a duration string; undefined when it does not parse. */
export function normalizeDuration(v: unknown): string | undefined {
  const ns = parseDuration(v);
  return ns === undefined ? undefined : formatDuration(ns);
}
