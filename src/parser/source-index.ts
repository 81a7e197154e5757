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

const SPAN = 2 ** 25; // > the largest file offset (files are capped at 16 MiB)

/**
 * Positions stored as offset spans and turned into line:col only when asked: a 1000-service file has
 * ~100k nodes, and building a range object for each one cost more than reading the positions ever does.
 */
export class PositionMap implements PositionLookup {
  private readonly spans = new Map<string, number>();
  private readonly ranges = new Map<string, SourceRange>();

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  setSpan(key: string, start: number, end: number): void {
    this.spans.set(key, start * SPAN + end);
  }

  set(key: string, range: SourceRange): this {
    if (range.file === this.file && range.offset !== undefined && range.endOffset !== undefined) {
      this.ranges.delete(key);
      this.setSpan(key, range.offset, range.endOffset);
    } else {
      this.spans.delete(key);
      this.ranges.set(key, range);
    }
    return this;
  }

  has(key: string): boolean {
    return this.spans.has(key) || this.ranges.has(key);
  }

  /** Every path with a recorded position (the differential parser test compares them). */
  keys(): string[] {
    return [...this.spans.keys(), ...this.ranges.keys()];
  }

  get(key: string): SourceRange | undefined {
    const v = this.spans.get(key);
    if (v === undefined) return this.ranges.get(key);
    const start = Math.floor(v / SPAN);
    const end = v - start * SPAN;
    const a = this.lineCounter.linePos(start);
    const b = this.lineCounter.linePos(end);
    return { file: this.file, line: a.line, col: a.col, offset: start, endLine: b.line, endCol: b.col, endOffset: end };
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
      const k = pathKey(prefix) + (opts.key && n === path.length ? SEP + '#key' : '');
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

  /** True when the value at `path` held a `${...}` / `$VAR` in its file (followed through redirects). */
  isInterpolated(path: Path, file?: string, depth = 0): boolean {
    const key = pathKey(path);
    if (depth > 16) return false; // redirects may point at the same path (include)
    for (const f of this.files) if ((!file || f.path === file) && f.interpolated?.has(key)) return true;
    for (let n = path.length; n >= 0; n--) {
      const via = this.redirects.get(pathKey(path.slice(0, n)));
      for (const v of via ?? []) if (this.isInterpolated([...v.path, ...path.slice(n)], v.file, depth + 1)) return true;
    }
    return false;
  }

  /** The range of the key of the node at `path` (e.g. the `enviroment` in `enviroment:`). */
  locateKey(path: Path, file?: string): SourceRange | undefined {
    return this.locate(path, { file, key: true });
  }
}

export const PATH_SEPARATOR = SEP;
