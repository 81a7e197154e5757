/**
 * The `${VAR}` substitution engine, with compose-go's semantics (template/template.go):
 * `$V ${V} ${V:-d} ${V-d} ${V:?e} ${V?e} ${V:+a} ${V+a}`, nesting, `$$`.
 * Pure: no I/O, never throws for any input; problems come back as typed errors.
 */

/** Looks a variable up; `undefined` means unset (an empty string is set). */
export type Lookup = (name: string) => string | undefined;

export type TemplateErrorKind = 'invalid' | 'required';

export interface TemplateError {
  kind: TemplateErrorKind;
  /** For `invalid`: the (sub)template that holds the bad `${`. */
  template?: string;
  /** For `required`: the variable and the message written after `:?` / `?`. */
  variable?: string;
  reason?: string;
  message: string;
}

export interface SubstituteResult {
  value: string;
  /** Variables that were read but unset (compose warns and uses ""), in order, without repeats. */
  unset: string[];
  /** Errors in the order met; compose stops at the first. */
  errors: TemplateError[];
  /** True when the template held a variable reference (anything but `$$`), evaluated or not. */
  hasVariables: boolean;
}

/** Deeper nesting than this is reported as invalid instead of exhausting the stack. */
const MAX_DEPTH = 200;

interface BracedMatch {
  kind: 'braced';
  end: number;
  nameEnd: number;
  /** 0 (no operator), 1 (`-` `+` `?`) or 2 (`:-` `:+` `:?`). */
  opLen: number;
}

type Match = { kind: 'escaped'; end: number } | { kind: 'named'; name: string; end: number } | BracedMatch | { kind: 'invalid'; end: number };

interface State {
  lookup: Lookup;
  unset: string[];
  errors: TemplateError[];
  hasVariables: boolean;
  depth: number;
}

export function substitute(template: string, lookup: Lookup): SubstituteResult {
  const state: State = { lookup, unset: [], errors: [], hasVariables: false, depth: 0 };
  const value = substituteIn(template, state);
  return { value, unset: state.unset, errors: state.errors, hasVariables: state.hasVariables };
}

/** Messages as compose prints them (without the path prefix the caller adds). */
export function requiredMessage(variable: string, reason: string): string {
  return reason ? `required variable ${variable} is missing a value: ${reason}` : `required variable ${variable} is missing a value`;
}

/** Replace every match, left to right; a failed match yields "" and the first error is kept. */
function substituteIn(template: string, state: State): string {
  if (!template.includes('$')) return template;
  if (state.depth >= MAX_DEPTH) {
    state.errors.push({ kind: 'invalid', template, message: `invalid interpolation format: nesting deeper than ${MAX_DEPTH} levels` });
    return '';
  }
  state.depth++;
  const lines = new LineBraces(template);
  let out = '';
  let i = 0;
  let from = 0;
  while ((i = template.indexOf('$', i)) !== -1) {
    const m = matchAt(template, i, lines);
    if (!m) {
      i++;
      continue;
    }
    out += template.slice(from, i);
    const errorsBefore = state.errors.length;
    const r = replace(template, i, m, state);
    out += r.value;
    const newError = state.errors.length > errorsBefore ? state.errors[errorsBefore] : undefined;
    if (newError?.kind === 'invalid' && newError.template === '') newError.template = template;
    i = from = r.end;
  }
  state.depth--;
  return out + template.slice(from);
}

function replace(template: string, start: number, m: Match, state: State): { value: string; end: number } {
  switch (m.kind) {
    case 'escaped':
      return { value: '$', end: m.end };
    case 'named':
      state.hasVariables = true;
      return { value: lookupOrWarn(m.name, state), end: m.end };
    case 'invalid':
      state.hasVariables = true;
      state.errors.push({ kind: 'invalid', template: '', message: 'invalid interpolation format' });
      return { value: '', end: m.end };
    case 'braced':
      state.hasVariables = true;
      return replaceBraced(template, start, m, state);
  }
}

function lookupOrWarn(name: string, state: State): string {
  const v = state.lookup(name);
  if (v === undefined) {
    if (!state.unset.includes(name)) state.unset.push(name);
    return '';
  }
  return v;
}

/**
 * A braced match may run to the last `}` of the line (compose's greedy pattern): compose cuts
 * it at the brace that closes the first `{` and substitutes the rest separately. The rest
 * always ends at that same last `}`, so scanning on from the cut gives the same matches.
 */
function replaceBraced(template: string, start: number, m: BracedMatch, state: State): { value: string; end: number } {
  const close = firstClosingBrace(template, start, m.end);
  const end = close > -1 ? close + 1 : m.end;
  const name = template.slice(start + 2, m.nameEnd);
  if (m.opLen === 0) return { value: lookupOrWarn(name, state), end };
  const op = template.slice(m.nameEnd, m.nameEnd + m.opLen);
  const arg = template.slice(m.nameEnd + m.opLen, end - 1);
  const errorsBefore = state.errors.length;
  const value = applyOperator(op, name, arg, state);
  return { value: state.errors.length > errorsBefore ? '' : value, end };
}

function applyOperator(op: string, name: string, arg: string, state: State): string {
  const v = state.lookup(name);
  switch (op) {
    case ':-':
      return v === undefined || v === '' ? substituteIn(arg, state) : v;
    case '-':
      return v === undefined ? substituteIn(arg, state) : v;
    case ':+':
      return v !== undefined && v !== '' ? substituteIn(arg, state) : (v ?? '');
    case '+':
      return v !== undefined ? substituteIn(arg, state) : '';
    default: {
      // ':?' and '?'
      if (v !== undefined && (op === '?' || v !== '')) return v;
      const before = state.errors.length;
      const reason = substituteIn(arg, state);
      if (state.errors.length > before) return '';
      state.errors.push({ kind: 'required', variable: name, reason, message: requiredMessage(name, reason) });
      return '';
    }
  }
}

/** Index of the `}` closing the first `{`; a `{` skips the character after it, as compose does. */
function firstClosingBrace(s: string, from: number, to: number): number {
  let open = 0;
  for (let i = from; i < to; i++) {
    if (s[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (s[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

/**
 * compose's pattern `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))`,
 * matched by hand at a `$` so that it runs in linear time.
 */
function matchAt(s: string, i: number, lines: LineBraces): Match | undefined {
  const c = s[i + 1];
  if (c === undefined) return undefined;
  if (c === '$') return { kind: 'escaped', end: i + 2 };
  if (isNameStart(c)) {
    const end = nameEnd(s, i + 1);
    return { kind: 'named', name: s.slice(i + 1, end), end };
  }
  if (c !== '{') return undefined;
  const nameStart = i + 2;
  if (nameStart >= s.length || !isNameStart(s[nameStart]!)) return { kind: 'invalid', end: i + 2 };
  const j = nameEnd(s, nameStart);
  if (s[j] === '}') return { kind: 'braced', end: j + 1, nameEnd: j, opLen: 0 };
  const opLen = s[j] === ':' && isOpChar(s[j + 1]) ? 2 : isOpChar(s[j]) ? 1 : 0;
  if (opLen === 0) return { kind: 'invalid', end: i + 2 };
  // `(.*)}` is greedy and `.` stops at a newline: the match runs to the line's last `}`.
  const lastBrace = lines.lastBraceFrom(j + opLen);
  if (lastBrace >= 0) return { kind: 'braced', end: lastBrace + 1, nameEnd: j, opLen };
  return { kind: 'invalid', end: i + 2 };
}

/** The last `}` of each line, found once per line so that matching stays linear. */
class LineBraces {
  private lineStart = -1;
  private lineEnd = -1;
  private lastBrace = -1;

  constructor(private readonly s: string) {}

  /** The last `}` at or after `pos` on pos's line, or -1. */
  lastBraceFrom(pos: number): number {
    if (pos < this.lineStart || pos > this.lineEnd) this.scanLine(pos);
    return this.lastBrace >= pos ? this.lastBrace : -1;
  }

  private scanLine(pos: number): void {
    const s = this.s;
    const prevNl = pos > 0 ? s.lastIndexOf('\n', pos - 1) : -1;
    this.lineStart = prevNl + 1;
    const nl = s.indexOf('\n', pos);
    this.lineEnd = nl === -1 ? s.length : nl;
    this.lastBrace = -1;
    for (let k = this.lineEnd - 1; k >= this.lineStart; k--) {
      if (s[k] === '}') {
        this.lastBrace = k;
        break;
      }
    }
  }
}

function isOpChar(c: string | undefined): boolean {
  return c === '-' || c === '+' || c === '?';
}

// Go's case-insensitive [_a-z] also matches the Kelvin sign and the long s (Unicode case folding).
function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '\u212a' || c === '\u017f';
}

function nameEnd(s: string, from: number): number {
  let j = from;
  while (j < s.length && (isNameStart(s[j]!) || (s[j]! >= '0' && s[j]! <= '9'))) j++;
  return j;
}
