/**
 * Stage 2: YAML text → raw tree + a position for every model path.
 * Block-style files go through the fast path (fast-yaml.ts); the rest are parsed once with yaml's
 * Document API, and merge keys, aliases and !reset/!override resolved here by walking the nodes,
 * so positions of aliased content are the alias site.
 */
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, isPair, type Node, type Document, type Alias } from 'yaml';
import type { Diagnostic, SourceRange } from '../diagnostics.js';
import { PATH_SEPARATOR, PositionMap, childPathKey, type SourceFile } from './source-index.js';
import { OverrideTag, ResetTag, newRawMap, type RawMap, type RawValue } from './types.js';
import { MAX_NESTING, aliasTargets, countLines, findDeepNesting } from './yaml-guards.js';
import { asFileMode, fastParseYaml } from './fast-yaml.js';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 512;
const MIN_ALIAS_BUDGET = 100_000;
const ALIASED_POSITIONS = 20_000;

export interface ParsedYaml {
  value: RawMap | undefined;
  source: SourceFile;
  diagnostics: Diagnostic[];
}

class WalkAbort extends Error {}

/** Parse one compose file. Never throws for bad input: every problem is a located diagnostic. */
export function parseYamlFile(absPath: string, text: string, displayPath = absPath, opts: { fast?: boolean } = {}): ParsedYaml {
  const lineCounter = new LineCounter();
  let positions = new PositionMap(displayPath, lineCounter);
  const source: SourceFile = { path: absPath, displayPath, text, lineCounter, positions };
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, end?: number): SourceRange => rangeOf(displayPath, lineCounter, offset, end);
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    lineCounter.addNewLine(0);
    diagnostics.push(err('file_too_large', `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, at(0)));
    return { value: undefined, source, diagnostics };
  }
  if (text.includes('\u0000')) {
    lineCounter.addNewLine(0);
    const off = text.indexOf('\u0000');
    return { value: undefined, source, diagnostics: [err('yaml_binary', 'file is not text (it contains NUL bytes)', at(off))] };
  }
  // The fast path gives up on anything deeper than a few dozen levels, before this guard would judge it.
  const fast = opts.fast === false ? undefined : fastParseYaml(text, positions);
  if (fast) {
    countLines(lineCounter, text, text.length);
    parseDocumentOnDemand(source);
    return { value: fast, source, diagnostics };
  }
  const deep = findDeepNesting(text);
  if (deep !== undefined) {
    countLines(lineCounter, text, deep);
    return { value: undefined, source, diagnostics: [err('yaml_too_deep', `nesting deeper than ${MAX_NESTING} levels`, at(deep))] };
  }
  // Outside the fast subset: yaml's parser, and positions from its nodes instead of any partial ones.
  positions = source.positions = new PositionMap(displayPath, lineCounter);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, ...DOCUMENT_OPTIONS });
  } catch (e) {
    // yaml throws RangeError on pathological nesting; report it as input, not as a crash.
    return { value: undefined, source, diagnostics: [err('yaml_syntax', `cannot parse YAML: ${(e as Error).message}`, at(0))] };
  }
  source.doc = doc;
  for (const e of doc.errors) {
    const tooDeep = e.message.includes('Maximum call stack size exceeded');
    diagnostics.push(err(tooDeep ? 'yaml_too_deep' : 'yaml_syntax', tooDeep ? 'nesting too deep' : firstLine(e.message), at(e.pos[0], e.pos[1])));
  }
  if (diagnostics.length) return { value: undefined, source, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    diagnostics.push(err('empty_file', 'empty compose file', at(0)));
    return { value: undefined, source, diagnostics };
  }
  if (!isMap(doc.contents)) {
    diagnostics.push(err('not_a_mapping', 'top-level value must be a mapping', at(doc.contents.range?.[0] ?? 0)));
    return { value: undefined, source, diagnostics };
  }
  const walker = new Walker(source, positions, diagnostics, at);
  try {
    const value = walker.node(doc.contents, '', 0, undefined) as RawMap;
    return { value, source, diagnostics };
  } catch (e) {
    if (e instanceof WalkAbort) return { value: undefined, source, diagnostics };
    throw e;
  }
}

const DOCUMENT_OPTIONS = { uniqueKeys: false, merge: false, prettyErrors: false, keepSourceTokens: false } as const;

/** Lint's style rules read yaml nodes; a file the fast path parsed gets its Document when first asked. */
function parseDocumentOnDemand(source: SourceFile): void {
  let doc: Document.Parsed | undefined;
  Object.defineProperty(source, 'doc', {
    configurable: true,
    enumerable: true,
    get: () => (doc ??= parseDocument(source.text, DOCUMENT_OPTIONS)),
  });
}

function err(code: string, message: string, range: SourceRange): Diagnostic {
  return { code, severity: 'error', message, range };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function rangeOf(file: string, lc: LineCounter, offset: number, end?: number): SourceRange {
  const a = lc.linePos(offset);
  const r: SourceRange = { file, line: a.line, col: a.col, offset };
  if (end !== undefined) {
    const b = lc.linePos(end);
    r.endLine = b.line;
    r.endCol = b.col;
    r.endOffset = end;
  }
  return r;
}

/** An offset span [start, end) in the file being walked. */
type Span = readonly [number, number];

class Walker {
  private aliasBudget: number;
  private readonly recordAliasedUntil: number;
  private aliasMap?: Map<Alias, Node>;

  constructor(
    private readonly source: SourceFile,
    private readonly positions: PositionMap,
    private readonly diagnostics: Diagnostic[],
    private readonly at: (offset: number, end?: number) => SourceRange,
  ) {
    this.aliasBudget = Math.max(MIN_ALIAS_BUDGET, source.text.length);
    this.recordAliasedUntil = this.aliasBudget - ALIASED_POSITIONS;
  }

  /** Past ALIASED_POSITIONS aliased nodes, positions are skipped: they all equal their alias site anyway. */
  private recordsAliased(aliasSite: Span | undefined): boolean {
    return !aliasSite || this.aliasBudget > this.recordAliasedUntil;
  }

  /** Convert a node; `aliasSite` is set while inside aliased content, so positions point at the alias. */
  node(n: Node | null, pk: string, depth: number, aliasSite: Span | undefined): RawValue {
    if (depth > MAX_DEPTH) this.abort('yaml_too_deep', `nesting deeper than ${MAX_DEPTH} levels`, n);
    if (aliasSite && --this.aliasBudget < 0) {
      // Located at the outermost alias being expanded: the one the user can remove.
      this.diagnostics.push(err('yaml_alias_bomb', 'aliases expand to too many nodes (a "billion laughs" document?)', this.at(aliasSite[0], aliasSite[1])));
      throw new WalkAbort('alias bomb');
    }
    if (n === null) return null;
    if (isAlias(n)) {
      const target = this.aliasTarget(n);
      if (!target) this.abort('yaml_alias_unknown', `unknown alias *${n.source}`, n);
      return this.node(target as Node, pk, depth + 1, aliasSite ?? spanOf(n));
    }
    if (this.recordsAliased(aliasSite)) this.record(pk, aliasSite ?? spanOf(n));
    const tag = n.tag;
    if (tag === '!reset') return new ResetTag(this.plain(n, pk, depth, aliasSite));
    if (tag === '!override') return new OverrideTag(this.plain(n, pk, depth, aliasSite));
    return this.plain(n, pk, depth, aliasSite);
  }

  private plain(n: Node, pk: string, depth: number, aliasSite: Span | undefined): RawValue {
    if (isScalar(n)) return n.type === 'PLAIN' ? asFileMode(scalarValue(n.value), n.source ?? '') : scalarValue(n.value);
    if (isSeq(n)) return n.items.map((item, i) => this.node(item as Node, childPathKey(pk, i), depth + 1, aliasSite));
    if (isMap(n)) return this.map(n.items, pk, depth, aliasSite);
    return null;
  }

  private map(items: readonly unknown[], pk: string, depth: number, aliasSite: Span | undefined): RawMap {
    const out: RawMap = newRawMap();
    const seen = new Map<string, Span | undefined>();
    const merges: RawMap[] = [];
    // Merge sources first, so positions of explicit keys overwrite those of merged ones.
    for (const pair of items) {
      if (isPair(pair) && isMergeKey(pair.key as Node | null)) {
        merges.push(...this.mergeSources(pair.value as Node, pk, depth, aliasSite));
      }
    }
    for (const pair of items) {
      if (!isPair(pair) || isMergeKey(pair.key as Node | null)) continue;
      const keyNode = pair.key as Node | null;
      const key = keyText(keyNode);
      const keySpan = aliasSite ?? spanOf(keyNode);
      if (seen.has(key) && !aliasSite) this.reportDuplicate(pk, key, seen.get(key), keySpan);
      seen.set(key, keySpan);
      const child = childPathKey(pk, key);
      if (keySpan && this.recordsAliased(aliasSite)) this.positions.setKeySpan(child, keySpan[0], keySpan[1]);
      out[key] = this.node(pair.value as Node | null, child, depth + 1, aliasSite);
      if (pair.value === null) this.record(child, keySpan);
    }
    // Merge keys: explicit keys win, then earlier merge sources over later ones.
    for (const src of merges) {
      for (const k of Object.keys(src)) if (!Object.hasOwn(out, k)) out[k] = src[k]!;
    }
    return out;
  }

  private reportDuplicate(pk: string, key: string, first: Span | undefined, second: Span | undefined): void {
    const firstLine = first ? this.at(first[0]).line : 0;
    this.diagnostics.push({
      code: 'yaml_duplicate_key',
      severity: 'error',
      message: `duplicate key "${key}" (first defined at line ${firstLine})`,
      range: second ? this.at(second[0], second[1]) : this.at(0),
      path: (pk === '' ? [] : pk.split(PATH_SEPARATOR)).concat(key).join('.'),
    });
  }

  private mergeSources(v: Node, pk: string, depth: number, aliasSite: Span | undefined): RawMap[] {
    const nodes = isSeq(v) ? (v.items as Node[]) : [v];
    const out: RawMap[] = [];
    for (const item of nodes) {
      const site = aliasSite ?? spanOf(item);
      const target = isAlias(item) ? this.aliasTarget(item) : item;
      if (!target || !isMap(target)) {
        this.abort('yaml_merge_not_mapping', 'merge key "<<" needs a mapping or a list of mappings', item);
      }
      out.push(this.map((target as { items: unknown[] }).items, pk, depth + 1, site));
    }
    return out;
  }

  /** Built on the first alias only: most compose files have none. */
  private aliasTarget(a: Alias): Node | undefined {
    this.aliasMap ??= aliasTargets(this.source.doc!);
    return this.aliasMap.get(a);
  }

  private record(pk: string, span: Span | undefined): void {
    if (span) this.positions.setSpan(pk, span[0], span[1]);
  }

  private range(n: Node | null | undefined): SourceRange | undefined {
    const r = n?.range;
    return r ? this.at(r[0], r[1]) : undefined;
  }

  private abort(code: string, message: string, n: Node | null | undefined): never {
    this.diagnostics.push({ code, severity: 'error', message, range: this.range(n) ?? this.at(0) });
    throw new WalkAbort(message);
  }
}

function spanOf(n: Node | null | undefined): Span | undefined {
  const r = n?.range;
  return r ? [r[0], r[1]] : undefined;
}

function isMergeKey(k: Node | null): boolean {
  return isScalar(k) && k.value === '<<' && k.type === 'PLAIN';
}

function keyText(k: Node | null): string {
  if (k === null) return '';
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return String(k);
}

function scalarValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}
