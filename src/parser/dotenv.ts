/**
 * `.env` files as compose reads them (compose-go dotenv/parser.go): `export`, comments,
 * `KEY=value` / `KEY: value`, single/double/unquoted values, escapes in double quotes,
 * multi-line quoted values, `${}` inside values, `KEY` alone inherits from the lookup.
 */
import { readFileSync, statSync } from 'node:fs';
import { substitute, type Lookup } from './template.js';

export interface DotenvError {
  kind: 'syntax' | 'interpolation' | 'not_found' | 'is_directory' | 'unreadable';
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface DotenvResult {
  /** Parsed variables, in file order; on error, those read before it. */
  values: Record<string, string>;
  /** Variables referenced in values but unset (compose warns and uses ""), with the value's line. */
  unset: { name: string; line: number }[];
  error?: DotenvError;
}

class DotenvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly kind: 'syntax' | 'interpolation' = 'syntax',
  ) {
    super(message);
  }
}

/**
 * Parse env-file text into `into` (later keys overwrite). `${}` in values is resolved with
 * `lookup` first, then the variables already in `into`.
 */
export function parseDotenv(text: string, lookup: Lookup = () => undefined, into: Record<string, string> = Object.create(null)): DotenvResult {
  const parser = new Parser(lookup, into);
  try {
    parser.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
    return { values: into, unset: parser.unset };
  } catch (e) {
    if (!(e instanceof DotenvSyntaxError)) throw e;
    return { values: into, unset: parser.unset, error: { kind: e.kind, message: e.message, line: e.line } };
  }
}

/** A failed env file read, thrown by `readEnvFile`; `line` is set for syntax errors. */
export class DotenvFileError extends Error {
  override name = 'DotenvFileError';
  constructor(
    readonly kind: DotenvError['kind'],
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Read one env file (service `env_file:`): the variables, or a thrown DotenvFileError
 * (missing file, directory, syntax). `${}` in values: `lookup` first, then earlier keys.
 */
export function readEnvFile(path: string, lookup: Lookup = () => undefined, into: Record<string, string> = Object.create(null)): Record<string, string> {
  const r = loadEnvFile(path, lookup, into);
  if (r.error) throw new DotenvFileError(r.error.kind, r.error.message, r.error.line);
  return r.values;
}

/** Read one env file without throwing: a missing file or a directory is an error in the result. */
export function loadEnvFile(path: string, lookup: Lookup = () => undefined, into: Record<string, string> = Object.create(null)): DotenvResult {
  let text: string;
  try {
    if (statSync(path).isDirectory()) {
      return { values: into, unset: [], error: { kind: 'is_directory', message: `${path} is a directory` } };
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { values: into, unset: [], error: { kind: 'not_found', message: `couldn't find env file: ${path}` } };
    return { values: into, unset: [], error: { kind: 'unreadable', message: `cannot read env file ${path}: ${code ?? (e as Error).message}` } };
  }
  return parseDotenv(text, lookup, into);
}

// Go's unicode.IsSpace minus the newline, as the parser's isSpace.
const isSpace = (c: string): boolean => c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === ' ' || c === '\u0085' || c === '\u00a0';
// Go's unicode.IsSpace: JavaScript's \s has U+FEFF and lacks U+0085.
const isUnicodeSpace = (c: string): boolean => c === '\u0085' || (c !== '\ufeff' && /\s/u.test(c));
const KEY_CHAR = /[\p{L}\p{N}]/u;
const EXPORT = /^export[\t\n\f\r ]+/;

class Parser {
  line = 1;
  readonly unset: { name: string; line: number }[] = [];

  constructor(
    private readonly lookup: Lookup,
    private readonly out: Record<string, string>,
  ) {}

  parse(src: string): void {
    let rest = src;
    for (;;) {
      rest = this.statementStart(rest);
      if (rest === '') return;
      const { key, left, inherited } = this.keyName(rest);
      if (key.includes(' ')) throw new DotenvSyntaxError(`line ${this.line}: key cannot contain a space`, this.line);
      if (inherited) {
        const v = this.lookup(key); // only the caller's lookup, not earlier keys (as compose)
        if (v !== undefined) this.out[key] = v;
        rest = left;
        continue;
      }
      const { value, left: after } = this.value(left);
      this.out[key] = value;
      rest = after;
    }
  }

  /** Skip blank space and comment lines, counting newlines. */
  private statementStart(src: string): string {
    for (;;) {
      let pos = 0;
      while (pos < src.length && isUnicodeSpace(src[pos]!)) {
        if (src[pos] === '\n') this.line++;
        pos++;
      }
      if (pos >= src.length) return '';
      src = src.slice(pos);
      if (src[0] !== '#') return src;
      const nl = src.indexOf('\n');
      if (nl === -1) return '';
      src = src.slice(nl);
    }
  }

  private keyName(src: string): { key: string; left: string; inherited: boolean } {
    if (EXPORT.test(src)) src = trimLeft(src.slice('export'.length), isSpace);
    let key = '';
    let offset = 0;
    let inherited = false;
    for (const [i, c] of codePoints(src)) {
      if (isSpace(c)) continue;
      if (c === '=' || c === ':' || c === '\n') {
        key = src.slice(0, i);
        offset = i + 1;
        inherited = c === '\n';
        break;
      }
      if (c === '_' || c === '.' || c === '-' || c === '[' || c === ']' || KEY_CHAR.test(c)) continue;
      const first = src.split('\n')[0]!;
      throw new DotenvSyntaxError(`line ${this.line}: unexpected character ${JSON.stringify(c)} in variable name ${JSON.stringify(first)}`, this.line);
    }
    if (inherited && !key.includes(' ')) this.line++;
    key = trimRight(key);
    return { key, left: trimLeft(src.slice(offset), isSpace), inherited };
  }

  private value(src: string): { value: string; left: string } {
    const startLine = this.line;
    const quote = src[0];
    if (quote !== '"' && quote !== "'") {
      const nl = src.indexOf('\n');
      let value = nl === -1 ? src : src.slice(0, nl);
      const left = nl === -1 ? '' : src.slice(nl + 1);
      this.line++;
      const comment = value.indexOf(' #');
      if (comment !== -1) value = value.slice(0, comment);
      return { value: this.expand(trimRight(value), startLine), left };
    }
    let escaped = false;
    let chars = '';
    for (let i = 1; i < src.length; i++) {
      const c = src[i]!;
      if (c === '\n') this.line++;
      if (c !== quote) {
        if (!escaped && c === '\\') {
          escaped = true;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars += '\\';
        }
        chars += c;
        continue;
      }
      if (escaped) {
        escaped = false;
        chars += c;
        continue;
      }
      const value = quote === '"' ? this.expand(expandEscapes(chars), startLine) : chars;
      return { value, left: src.slice(i + 1) };
    }
    // Reported at the opening quote (compose names the line where the file ends).
    const nl = src.indexOf('\n');
    throw new DotenvSyntaxError(`line ${startLine}: unterminated quoted value ${nl === -1 ? src : src.slice(0, nl)}`, startLine);
  }

  private ownValue(key: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.out, key) ? this.out[key] : undefined;
  }

  private expand(value: string, line: number): string {
    const r = substitute(value, (k) => this.lookup(k) ?? this.ownValue(k));
    for (const name of r.unset) this.unset.push({ name, line });
    const err = r.errors[0];
    if (err) {
      const what = err.kind === 'invalid' ? `invalid interpolation format: ${JSON.stringify(err.template ?? value)}` : err.message;
      throw new DotenvSyntaxError(`line ${line}: ${what}`, line, 'interpolation');
    }
    return r.value;
  }
}

/** `[offset, char]` by code point, like Go's `range` over a string. */
function* codePoints(s: string): Generator<[number, string]> {
  let i = 0;
  for (const c of s) {
    yield [i, c];
    i += c.length;
  }
}

function trimRight(s: string): string {
  let i = s.length;
  while (i > 0 && isUnicodeSpace(s[i - 1]!)) i--;
  return s.slice(0, i);
}

function trimLeft(s: string, pred: (c: string) => boolean): string {
  let i = 0;
  while (i < s.length && pred(s[i]!)) i++;
  return s.slice(i);
}

const ESCAPE = /\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g;
const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** Shell escapes in double quotes; `\$` becomes `$$` so interpolation leaves a literal `$`. */
function expandEscapes(s: string): string {
  return s.replace(ESCAPE, (m) => {
    const c = m[1]!;
    if (c === '$') return '$$';
    if (c === '0') {
      // `\0ddd` is an octal byte; anything shorter or out of range stays as written.
      const digits = m.slice(2);
      if (!/^[0-7]{3}$/.test(digits)) return m;
      const n = parseInt(digits, 8);
      return n > 255 ? m : String.fromCharCode(n);
    }
    return SIMPLE[c] ?? m; // `\c` is no Go escape: kept as written
  });
}
