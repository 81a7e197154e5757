/**
 * Source positions that survive every stage: one map per file from model path to range,
 * looked up by the nearest defined ancestor, last file first (the file whose value won the merge).
 */
import type { SourceRange } from '../diagnostics.js';
import type { Document, LineCounter } from 'yaml';
import type { Path } from './types.js';

const SEP = '\u001f';

export function pathKey(path: Path): string {
  return path.join(SEP);
}

/** The path key of a child, from its parent's: parsers build keys per node, never path arrays. */
export function childPathKey(parent: string, seg: string | number): string {
  return parent === '' ? String(seg) : parent + SEP + seg;
}

export interface SourceFile {
  path: string; // absolute
  displayPath: string; // relative to cwd when shorter
  text: string;
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
  /** Path (as `pathKey`) → range of the value node; keys: `${pathKey}${SEP}#key` → range of the key. */
  positions: PositionLookup;
  /** Paths (as `pathKey`) whose value held a `$` expression before interpolation → that value as written. */
  interpolated?: Map<string, string>;
}

/** What stages need of a file's positions; a plain Map fits (tests), PositionMap is the fast one. */
export interface PositionLookup {
  get(key: string): SourceRange | undefined;
  has(key: string): boolean;
  set(key: string, range: SourceRange): unknown;
}

const KEY_SUFFIX = SEP + '#key';
/** `${pairKey}${SEP}#key` addresses the key of that pair, not its value. */
const isKeyAddress = (key: string): boolean => key.endsWith(KEY_SUFFIX);
const pairOf = (keyAddress: string): string => keyAddress.slice(0, -KEY_SUFFIX.length);

/**
 * Positions stored as offset spans and turned into line:col only when asked: a 1000-service file has
 * ~100k nodes, and building a range object for each one cost more than reading the positions ever does.
 * Offsets live in two small-integer arrays (a Map value that is a slot number allocates nothing), and a
 * key's span is filed under its pair's path in a second map, so no `#key` string is built per pair.
 */
export class PositionMap implements PositionLookup {
  private readonly values = new Map<string, number>();
  private readonly keys_ = new Map<string, number>();
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly ranges = new Map<string, SourceRange>();

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The span of the value at path `key` (a `pathKey`; `…${SEP}#key` addresses the key instead). */
  setSpan(key: string, start: number, end: number): void {
    if (isKeyAddress(key)) this.setKeySpan(pairOf(key), start, end);
    else this.values.set(key, this.slot(start, end));
  }

  /** The span of the key of the pair at path `pairKey`. */
  setKeySpan(pairKey: string, start: number, end: number): void {
    this.keys_.set(pairKey, this.slot(start, end));
  }

  private slot(start: number, end: number): number {
    this.starts.push(start);
    this.ends.push(end);
    return this.starts.length - 1;
  }

  set(key: string, range: SourceRange): this {
    if (range.file === this.file && range.offset !== undefined && range.endOffset !== undefined) {
      this.ranges.delete(key);
      this.setSpan(key, range.offset, range.endOffset);
    } else {
      if (isKeyAddress(key)) this.keys_.delete(pairOf(key));
      else this.values.delete(key);
      this.ranges.set(key, range);
    }
    return this;
  }

  has(key: string): boolean {
    return this.slotOf(key) !== undefined || this.ranges.has(key);
  }

  /** Every path with a recorded position (the differential parser test compares them). */
  keys(): string[] {
    return [...this.values.keys(), ...[...this.keys_.keys()].map((k) => k + KEY_SUFFIX), ...this.ranges.keys()];
  }

  get(key: string): SourceRange | undefined {
    const i = this.slotOf(key);
    if (i === undefined) return this.ranges.get(key);
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const a = this.lineCounter.linePos(start);
    const b = this.lineCounter.linePos(end);
    return { file: this.file, line: a.line, col: a.col, offset: start, endLine: b.line, endCol: b.col, endOffset: end };
  }

  private slotOf(key: string): number | undefined {
    return isKeyAddress(key) ? this.keys_.get(pairOf(key)) : this.values.get(key);
  }
}

export class SourceIndex {
  readonly files: SourceFile[] = [];
  /** Model path prefix → where it really came from (extends, include): [file, path in that file]. */
  private readonly redirects = new Map<string, { file: string; path: Path }[]>();

  add(file: SourceFile): void {
    this.files.push(file);
  }

  get(absPath: string): SourceFile | undefined {
    return this.files.find((f) => f.path === absPath);
  }

  /** Record that `path` in the merged model was taken from `fromPath` in `file` (e.g. extends). */
  redirect(path: Path, file: string, fromPath: Path): void {
    const k = pathKey(path);
    const list = this.redirects.get(k) ?? [];
    list.push({ file, path: fromPath });
    this.redirects.set(k, list);
  }

  /** The range of the node at `path`, or of its nearest ancestor; `file` narrows the search. */
  locate(path: Path, opts: { file?: string; key?: boolean } = {}): SourceRange | undefined {
    const files = opts.file ? this.files.filter((f) => f.path === opts.file) : [...this.files].reverse();
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      const k = pathKey(prefix) + (opts.key && n === path.length ? KEY_SUFFIX : '');
      for (const f of files) {
        const r = f.positions.get(k);
        if (r) return r;
      }
      const via = this.redirects.get(pathKey(prefix));
      if (via) {
        for (const v of [...via].reverse()) {
          const r = this.locate([...v.path, ...path.slice(n)], { file: v.file, key: opts.key });
          if (r) return r;
        }
      }
    }
    return undefined;
  }

  /** The range of the key of the node at `path` (e.g. the `enviroment` in `enviroment:`). */
  locateKey(path: Path, file?: string): SourceRange | undefined {
    return this.locate(path, { file, key: true });
  }
}

export const PATH_SEPARATOR = SEP;
