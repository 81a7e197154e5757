/** Scalar casts as compose-go's mapstructure hooks do them: numbers and booleans may arrive as strings. */

/** Go's `fmt.Sprint` for the scalars YAML can hold. */
export function toStr(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^[-+]?\d+$/.test(v.trim())) return Number.parseInt(v, 10);
  return undefined;
}

export function toFloat(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** strconv.ParseBool plus YAML 1.1 words, as compose-go's cast does. */
export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.toLowerCase();
  if (['1', 't', 'true', 'y', 'yes', 'on'].includes(s)) return true;
  if (['0', 'f', 'false', 'n', 'no', 'off'].includes(s)) return false;
  return undefined;
}

/** `StringList`: a string alone becomes a one-element list. */
export function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map(toStr);
  return undefined;
}

/** `Mapping`: list of `k=v` (a bare `k` → "") or map with values as strings (null → ""). */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (Array.isArray(v)) {
    const out: Record<string, string> = {};
    for (const e of v) {
      const s = toStr(e);
      const i = s.indexOf('=');
      if (i < 0) out[s] = '';
      else out[s.slice(0, i)] = s.slice(i + 1);
    }
    return out;
  }
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, string> = {};
    for (const [k, e] of Object.entries(v)) out[k] = toStr(e);
    return out;
  }
  return undefined;
}
