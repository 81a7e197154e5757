/**
 * Stage 2, fast path: a parser for the block-style YAML compose files are written in. It builds the
 * same raw tree and the same position spans as the walk over yaml's Document (parse-yaml.ts), several
 * times faster on a cold process. It only accepts what it fully understands; on anything else (anchors,
 * tags, merge keys, multi-line plain or quoted scalars, multi-line flow collections, tabs, CRLF, duplicate
 * keys, errors) it gives up and the caller parses with `yaml`. fast-yaml.test.ts holds both to the
 * same output on every fixture, the corpus and generated documents.
 */
import { childPathKey } from './source-index.js';
import { newRawMap, type RawMap, type RawValue } from './types.js';

/** Where spans go, as PositionMap has them: a value's by its path, a key's by its pair's path. */
export interface SpanSink {
  setSpan(key: string, start: number, end: number): void;
  setKeySpan(pairKey: string, start: number, end: number): void;
}

const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const QMARK = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const PIPE = 0x7c;
const GT = 0x3e;

/** Deeper documents go to yaml's path, where the nesting guard (yaml-guards.ts) judges them. */
const MAX_DEPTH = 48;

/** Thrown (one shared instance, no stack) when the input is outside the subset. */
const GIVE_UP = Object.freeze({ giveUp: true });

/** Characters that cannot start a plain scalar in block context (indicators). */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** The raw tree of `text`, or undefined when the file is outside the fast subset. */
export function fastParseYaml(text: string, spans: SpanSink): RawMap | undefined {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new FastParser(text, spans).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class FastParser {
  private pos = 0;
  private lineStart = 0;
  /** End of the node just parsed, including what yaml counts into it (trailing comment, newline). */
  private nodeEnd = 0;
  private depth = 0;
  private readonly len: number;

  constructor(
    private readonly s: string,
    private readonly spans: SpanSink,
  ) {
    this.len = s.length;
  }

  document(): RawMap | undefined {
    let col = this.skipToContent();
    if (col < 0) return undefined;
    if (this.startsWith('---') && this.isBreakOrSpace(this.pos + 3)) {
      this.pos += 3;
      this.skipSpaces();
      if (!this.atLineEnd()) throw GIVE_UP;
      col = this.skipToContent();
      if (col < 0) return undefined;
    }
    const c = this.s.charCodeAt(this.pos);
    if (c === 0x25 /* % */ || this.startsWith('...') || !this.lineIsMapKey(this.pos)) throw GIVE_UP;
    const value = this.blockMap(col, '');
    if (this.skipToContent() >= 0) throw GIVE_UP;
    return value;
  }

  // ── Block collections ──────────────────────────────────────────────────────────────────

  /** A block mapping whose keys sit at column `indent`; `pos` is at its first key. */
  private blockMap(indent: number, pk: string): RawMap {
    this.enter();
    const out = newRawMap();
    const start = this.pos;
    let end = start;
    for (;;) {
      const keyStart = this.pos;
      const key = this.mapKey();
      const keyEnd = this.nodeEnd;
      // Duplicates: yaml's path reports them. An empty key at the root would share the root's path.
      if (Object.hasOwn(out, key) || (key === '' && pk === '')) throw GIVE_UP;
      const child = childPathKey(pk, key);
      this.spans.setKeySpan(child, keyStart, keyEnd);
      out[key] = this.valueAfterIndicator(indent, child, false);
      end = this.nodeEnd;
      const col = this.skipToContent();
      if (col < indent) break;
      if (col > indent || this.isSeqIndicator(this.pos)) throw GIVE_UP;
    }
    this.collectionEnd(indent, end);
    this.spans.setSpan(pk, start, end);
    this.depth--;
    return out;
  }

  /** A block sequence whose `-` sit at column `indent`; `pos` is at the first `-`. */
  private blockSeq(indent: number, pk: string): RawValue[] {
    this.enter();
    const out: RawValue[] = [];
    const start = this.pos;
    let end = start;
    let nullAfterComment = false;
    for (;;) {
      const itemStart = this.pos++; // the `-`
      const item = this.valueAfterIndicator(indent, childPathKey(pk, out.length), true);
      nullAfterComment = item === null && out.length > 0 && this.s.lastIndexOf('#', itemStart) >= end;
      out.push(item);
      end = this.nodeEnd;
      const col = this.skipToContent();
      // Comments in or after the items of a sequence at column 0 regroup yaml's tokens: its path decides.
      if (indent === 0 && this.s.lastIndexOf('#', this.pos) > itemStart) throw GIVE_UP;
      // At the same column, anything but `-` ends a sequence that is a mapping value (`key:\n- a\nnext:`).
      if (col < indent || (col === indent && !this.isSeqIndicator(this.pos))) break;
      if (col > indent) throw GIVE_UP;
    }
    // yaml ends a sequence whose last item is empty and follows a comment past the blank lines after it.
    if (nullAfterComment) throw GIVE_UP;
    this.collectionEnd(indent, end);
    this.spans.setSpan(pk, start, end);
    this.depth--;
    return out;
  }

  /**
   * yaml counts the blank and comment lines after a collection's last item into the collection when
   * one of those comments is indented at least as deep as the collection (and not at column 0); the
   * run then ends at the next content, its indentation included.
   */
  private collectionEnd(indent: number, valueEnd: number): void {
    let deep = false;
    // Comments at column 0 are the document's: never a collection's, nor anything after them at column 0.
    const run = indent === 0 ? valueEnd : this.commentRun(valueEnd, (col) => {
      if (col > 0 && col >= indent) deep = true;
      return true;
    });
    this.nodeEnd = deep ? run : valueEnd;
  }

  /** yaml keeps the comment lines indented deeper than the collection with the scalar before them. */
  private scalarTrail(indent: number, lineEnd: number): number {
    let end = lineEnd;
    this.commentRun(lineEnd, (col, next) => {
      if (col <= indent) return false;
      end = next;
      return true;
    });
    return end;
  }

  /**
   * Walks the blank and comment lines from `from` (a line start), calling `onComment(column, next line)`
   * per comment line until it returns false; returns where the run ends (the next content line's start).
   */
  private commentRun(from: number, onComment: (col: number, next: number) => boolean): number {
    const s = this.s;
    let i = from;
    while (i < this.len) {
      let j = i;
      while (s.charCodeAt(j) === SPACE) j++;
      if (j >= this.len) return this.len;
      const c = s.charCodeAt(j);
      if (c === LF) {
        i = j + 1;
        continue;
      }
      if (c !== HASH) return j;
      const eol = this.lineEnd(j);
      const next = eol < this.len ? eol + 1 : eol;
      if (!onComment(j - i, next)) return i;
      i = next;
    }
    return i;
  }

  /** The value after a `key:` or a `-`; `indent` is the column of the collection holding it. */
  private valueAfterIndicator(indent: number, pk: string, inSeq: boolean): RawValue {
    this.skipSpaces();
    const at = this.pos;
    const c = this.s.charCodeAt(at);
    if (at >= this.len || c === LF || c === HASH) return this.valueOnNextLines(indent, pk, inSeq, at);
    if (inSeq) {
      if (this.isSeqIndicator(at)) return this.blockSeq(at - this.lineStart, pk);
      if (this.lineIsMapKey(at)) return this.blockMap(at - this.lineStart, pk);
    }
    if (c === PIPE || c === GT) return this.blockScalar(indent, pk);
    let value: RawValue;
    if (c === DQUOTE || c === SQUOTE) value = this.quoted(pk);
    else if (c === LBRACKET || c === LBRACE) value = this.flow(pk);
    else value = this.plainInBlock(pk);
    this.nodeEnd = this.scalarTrail(indent, this.endOfValueLine());
    return value;
  }

  /** Nothing after the indicator on its line: a nested block collection follows, or the value is null. */
  private valueOnNextLines(indent: number, pk: string, inSeq: boolean, at: number): RawValue {
    const col = this.skipToContent();
    if (col > indent) {
      if (this.isSeqIndicator(this.pos)) return this.blockSeq(col, pk);
      if (this.lineIsMapKey(this.pos)) return this.blockMap(col, pk);
      throw GIVE_UP; // a scalar on its own line
    }
    if (col === indent && !inSeq && this.isSeqIndicator(this.pos)) return this.blockSeq(col, pk);
    // An empty node, placed where the line break starts. Where yaml ends one that has comments after
    // it depends on how its parser groups those lines: left to yaml's path.
    const hash = this.s.indexOf('#', at);
    if (hash >= 0 && hash < this.pos) throw GIVE_UP;
    this.spans.setSpan(pk, at, at);
    this.nodeEnd = at;
    return null;
  }

  // ── Keys ───────────────────────────────────────────────────────────────────────────────

  /** Reads `key:` at `pos`; returns the key as compose sees it, nodeEnd = end of the key node. */
  private mapKey(): string {
    const c = this.s.charCodeAt(this.pos);
    if (c === DQUOTE || c === SQUOTE) {
      const v = this.quotedText();
      this.nodeEnd = this.pos;
      this.skipSpaces();
      if (this.s.charCodeAt(this.pos) !== COLON || !this.isBreakOrSpace(this.pos + 1)) throw GIVE_UP;
      this.pos++;
      return v;
    }
    const start = this.pos;
    const colon = this.plainKeyColon(start);
    if (colon < 0) throw GIVE_UP;
    let end = colon;
    while (this.s.charCodeAt(end - 1) === SPACE) end--;
    const raw = this.s.slice(start, end);
    if (raw === '<<' || raw === '') throw GIVE_UP; // merge keys: yaml's path resolves them
    this.nodeEnd = end;
    this.pos = colon + 1;
    return keyText(raw);
  }

  /** Offset of the `:` ending a plain key starting at `i` on this line, or -1. */
  private plainKeyColon(i: number): number {
    const s = this.s;
    if (!this.canStartPlain(i, false)) return -1;
    for (let j = i; j < this.len; j++) {
      const c = s.charCodeAt(j);
      if (c === LF) return -1;
      if (c === COLON && this.isBreakOrSpace(j + 1)) return j;
      if (c === HASH && s.charCodeAt(j - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** A plain scalar may start at `i`: not at an indicator, and at `-`, `?` or `:` only before a non-space. */
  private canStartPlain(i: number, inFlow: boolean): boolean {
    const c = this.s.charCodeAt(i);
    if (NOT_PLAIN_START.has(c)) return false;
    if (c !== DASH && c !== QMARK && c !== COLON) return true;
    return !(inFlow ? this.isFlowBreak(i + 1) : this.isBreakOrSpace(i + 1));
  }

  /** The node at `i` is a `key:` (plain or quoted, on this line). */
  private lineIsMapKey(i: number): boolean {
    const c = this.s.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(i);
      if (close < 0) return false;
      let j = close + 1;
      while (this.s.charCodeAt(j) === SPACE) j++;
      return this.s.charCodeAt(j) === COLON && this.isBreakOrSpace(j + 1);
    }
    return this.plainKeyColon(i) >= 0;
  }

  // ── Scalars ────────────────────────────────────────────────────────────────────────────

  /** A plain scalar on one line in block context. */
  private plainInBlock(pk: string): RawValue {
    const s = this.s;
    const start = this.pos;
    if (!this.canStartPlain(start, false)) throw GIVE_UP;
    let j = start;
    for (; j < this.len; j++) {
      const c = s.charCodeAt(j);
      if (c === LF) break;
      if (c === HASH && s.charCodeAt(j - 1) === SPACE) break;
      if (c === COLON && this.isBreakOrSpace(j + 1)) throw GIVE_UP; // `a: b: c` is an error
    }
    let end = j;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    this.spans.setSpan(pk, start, end);
    return plainValue(s.slice(start, end));
  }

  /** A quoted scalar on one line; pos moves past the closing quote. */
  private quoted(pk: string): string {
    const start = this.pos;
    const v = this.quotedText();
    this.spans.setSpan(pk, start, this.pos);
    return v;
  }

  private quotedText(): string {
    const s = this.s;
    const q = s.charCodeAt(this.pos);
    const close = this.closingQuote(this.pos);
    if (close < 0) throw GIVE_UP;
    const body = s.slice(this.pos + 1, close);
    this.pos = close + 1;
    if (q === SQUOTE) return body.includes("''") ? body.replaceAll("''", "'") : body;
    return body.includes('\\') ? unescapeDouble(body) : body;
  }

  /** Offset of the quote closing the one at `i` on the same line, or -1. */
  private closingQuote(i: number): number {
    const s = this.s;
    const q = s.charCodeAt(i);
    for (let j = i + 1; j < this.len; j++) {
      const c = s.charCodeAt(j);
      if (c === LF) return -1;
      if (q === DQUOTE && c === 0x5c) j++;
      else if (c === q) {
        if (q === SQUOTE && s.charCodeAt(j + 1) === SQUOTE) j++;
        else return j;
      }
    }
    return -1;
  }

  /** `|` or `>` with optional chomping; content indented deeper than `indent`. */
  private blockScalar(indent: number, pk: string): string {
    const s = this.s;
    const start = this.pos;
    const folded = s.charCodeAt(start) === GT;
    let i = start + 1;
    let chomp = 'clip';
    const ind = s.charCodeAt(i);
    if (ind === DASH || ind === 0x2b /* + */) {
      chomp = ind === DASH ? 'strip' : 'keep';
      i++;
    }
    const after = s.charCodeAt(i);
    if (i < this.len && after !== SPACE && after !== LF) throw GIVE_UP; // indentation indicator and the rest
    this.pos = i;
    this.skipSpaces();
    if (!this.atLineEnd()) throw GIVE_UP;
    const headerEnd = this.lineEnd(this.pos);
    if (headerEnd >= this.len) throw GIVE_UP;
    // Content lines: blank ones, and those indented at least as deep as the first non-blank one.
    const lines: string[] = [];
    let contentIndent = -1;
    let lineAt = headerEnd + 1;
    let lastContentEnd = -1;
    let blanksEnd = lineAt;
    let blankMax = 0;
    while (lineAt < this.len) {
      let j = lineAt;
      while (s.charCodeAt(j) === SPACE) j++;
      const eol = this.lineEnd(j);
      const n = j - lineAt;
      if (j >= this.len || s.charCodeAt(j) === LF) {
        // A blank line: part of the scalar if a content line follows.
        if (contentIndent < 0) blankMax = Math.max(blankMax, n);
        else if (n > contentIndent) throw GIVE_UP; // spaces that are content
        lines.push('');
        lineAt = eol + 1;
        blanksEnd = Math.min(lineAt, this.len);
        continue;
      }
      if (contentIndent < 0) {
        if (n <= indent) break;
        if (blankMax > n) throw GIVE_UP; // a leading blank line deeper than the content: an error
        contentIndent = n;
      } else if (n < contentIndent) break;
      if (folded && n > contentIndent) throw GIVE_UP; // more-indented lines keep their breaks
      lines.push(s.slice(lineAt + contentIndent, eol));
      lastContentEnd = eol;
      lineAt = eol + 1;
      blanksEnd = Math.min(lineAt, this.len);
    }
    if (contentIndent < 0 || lastContentEnd >= this.len) throw GIVE_UP; // empty, or no final line break
    let body = lines.length;
    while (body > 0 && lines[body - 1] === '') body--;
    const trailing = lines.length - body;
    let lead = 0;
    while (lines[lead] === '') lead++;
    let text = folded ? '\n'.repeat(lead) + fold(lines.slice(lead, body)) : lines.slice(0, body).join('\n');
    if (chomp === 'clip') text += '\n';
    else if (chomp === 'keep') text += '\n'.repeat(trailing + 1);
    const end = chomp === 'keep' ? blanksEnd : lastContentEnd + 1;
    this.spans.setSpan(pk, start, end);
    this.nodeEnd = end;
    this.pos = end;
    this.lineStart = end;
    return text;
  }

  // ── Flow collections (on one line) ──────────────────────────────────────────────────────

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  private flow(pk: string): RawValue {
    return this.s.charCodeAt(this.pos) === LBRACKET ? this.flowSeq(pk) : this.flowMap(pk);
  }

  private flowSeq(pk: string): RawValue[] {
    const out: RawValue[] = [];
    return this.flowCollection(pk, RBRACKET, out, () => {
      out.push(this.flowNode(childPathKey(pk, out.length), RBRACKET));
    });
  }

  private flowMap(pk: string): RawMap {
    const out = newRawMap();
    return this.flowCollection(pk, RBRACE, out, () => this.flowPair(pk, out));
  }

  /** `[…]` or `{…}` on one line: `item` reads one entry into `out`; entries are separated by commas. */
  private flowCollection<T>(pk: string, closer: number, out: T, item: () => void): T {
    this.enter();
    const start = this.pos++;
    this.skipFlowSpaces();
    if (this.s.charCodeAt(this.pos) === closer) this.pos++;
    else {
      for (;;) {
        item();
        this.skipFlowSpaces();
        const c = this.s.charCodeAt(this.pos++);
        if (c === closer) break;
        if (c !== COMMA) throw GIVE_UP;
        this.skipFlowSpaces();
      }
    }
    this.spans.setSpan(pk, start, this.pos);
    this.depth--;
    return out;
  }

  /** `key: value` inside `{…}`. */
  private flowPair(pk: string, out: RawMap): void {
    const keyStart = this.pos;
    const c0 = this.s.charCodeAt(keyStart);
    let key: string;
    if (c0 === DQUOTE || c0 === SQUOTE) key = this.quotedText();
    else {
      const raw = this.flowPlainText(RBRACE, true);
      if (raw === '<<') throw GIVE_UP;
      key = keyText(raw);
    }
    const keyEnd = this.pos;
    this.skipFlowSpaces();
    if (this.s.charCodeAt(this.pos) !== COLON) throw GIVE_UP; // `{ a }`: a key without a value
    this.pos++;
    this.skipFlowSpaces();
    const c = this.s.charCodeAt(this.pos);
    if (c === COMMA || c === RBRACE || Object.hasOwn(out, key)) throw GIVE_UP;
    const child = childPathKey(pk, key);
    this.spans.setKeySpan(child, keyStart, keyEnd);
    out[key] = this.flowNode(child, RBRACE);
  }

  private flowNode(pk: string, closer: number): RawValue {
    const c = this.s.charCodeAt(this.pos);
    if (c === LBRACKET) return this.flowSeq(pk);
    if (c === LBRACE) return this.flowMap(pk);
    if (c === DQUOTE || c === SQUOTE) {
      const v = this.quoted(pk);
      this.skipFlowSpaces();
      if (this.s.charCodeAt(this.pos) === COLON) throw GIVE_UP; // `["a": b]`: an implicit map
      return v;
    }
    const start = this.pos;
    const raw = this.flowPlainText(closer, false);
    this.spans.setSpan(pk, start, this.pos);
    return plainValue(raw);
  }

  /** A plain scalar inside `[…]`/`{…}`: up to `,`, the closer, or a `:` indicator (a key's end). */
  private flowPlainText(closer: number, isKey: boolean): string {
    const s = this.s;
    const start = this.pos;
    if (!this.canStartPlain(start, true)) throw GIVE_UP;
    let j = start;
    for (; j < this.len; j++) {
      const c = s.charCodeAt(j);
      if (c === LF) throw GIVE_UP;
      if (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE) break;
      if (c === HASH && s.charCodeAt(j - 1) === SPACE) throw GIVE_UP;
      if (c === COLON && this.isFlowBreak(j + 1)) {
        if (isKey) break;
        throw GIVE_UP; // `[a: b]`: an implicit single-pair map
      }
    }
    const c = s.charCodeAt(j);
    if (j >= this.len || (c !== COMMA && c !== closer && c !== COLON)) throw GIVE_UP;
    let end = j;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    return s.slice(start, end);
  }

  private isFlowBreak(i: number): boolean {
    const c = this.s.charCodeAt(i);
    return i >= this.len || c === SPACE || c === LF || c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
  }

  private skipFlowSpaces(): void {
    while (this.s.charCodeAt(this.pos) === SPACE) this.pos++;
    if (this.s.charCodeAt(this.pos) === LF) throw GIVE_UP; // multi-line flow: yaml's path
  }

  // ── Lines ──────────────────────────────────────────────────────────────────────────────

  /** After a scalar or flow collection: spaces, an optional comment, the line break; returns the next line's start. */
  private endOfValueLine(): number {
    this.skipSpaces();
    const c = this.s.charCodeAt(this.pos);
    if (this.pos < this.len && c !== LF) {
      if (c !== HASH || this.s.charCodeAt(this.pos - 1) !== SPACE) throw GIVE_UP;
    }
    const eol = this.lineEnd(this.pos);
    return eol < this.len ? eol + 1 : eol;
  }

  /** Skips blank and comment lines; pos at the next content, returns its column (-1 at the end). */
  private skipToContent(): number {
    const s = this.s;
    let i = this.pos;
    // Finish the current line if pos is inside trailing spaces or a comment.
    for (;;) {
      let j = i;
      while (s.charCodeAt(j) === SPACE) j++;
      if (j >= this.len) {
        this.pos = this.len;
        return -1;
      }
      const c = s.charCodeAt(j);
      if (c === LF) {
        i = j + 1;
        this.lineStart = i;
        continue;
      }
      if (c === HASH && (j === this.lineStart || s.charCodeAt(j - 1) === SPACE)) {
        i = this.lineEnd(j);
        continue;
      }
      this.pos = j;
      return j - this.lineStart;
    }
  }

  private skipSpaces(): void {
    while (this.s.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  private atLineEnd(): boolean {
    const c = this.s.charCodeAt(this.pos);
    return this.pos >= this.len || c === LF || (c === HASH && this.s.charCodeAt(this.pos - 1) === SPACE);
  }

  /** Offset of the line break ending the line holding `i` (or the text's length). */
  private lineEnd(i: number): number {
    const e = this.s.indexOf('\n', i);
    return e < 0 ? this.len : e;
  }

  private isSeqIndicator(i: number): boolean {
    return this.s.charCodeAt(i) === DASH && this.isBreakOrSpace(i + 1);
  }

  private isBreakOrSpace(i: number): boolean {
    const c = this.s.charCodeAt(i);
    return i >= this.len || c === SPACE || c === LF;
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }
}

const OCTAL_LIKE = /^0[0-7]+$/;

/** A plain value under the core schema, with compose's octal file modes. */
function plainValue(raw: string): RawValue {
  return asFileMode(resolvePlain(raw), raw);
}

/** Like compose's go-yaml, a plain `0440` (as written: `source`) is octal (file modes), not decimal. */
export function asFileMode(v: RawValue, source: string): RawValue {
  return typeof v === 'number' && OCTAL_LIKE.test(source) ? parseInt(source, 8) : v;
}

/** A plain key as compose sees it: its core-schema value as text (`1.50` → `1.5`, `~` → ``). */
function keyText(raw: string): string {
  const v = resolvePlain(raw);
  return v === null ? '' : String(v);
}
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters of every non-string plain scalar of the core schema. */
const MAYBE_TYPED = new Set([...'~nNtTfF0123456789+-.'].map((c) => c.charCodeAt(0)));

/** A plain scalar under YAML 1.2's core schema, tested in the order the yaml library tests. */
export function resolvePlain(raw: string): RawValue {
  if (raw === '') return null;
  if (!MAYBE_TYPED.has(raw.charCodeAt(0))) return raw;
  if (NULL_RE.test(raw)) return null;
  if (BOOL_RE.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (OCT_RE.test(raw)) return parseInt(raw.substring(2), 8);
  if (INT_RE.test(raw)) return parseInt(raw, 10);
  if (HEX_RE.test(raw)) return parseInt(raw.substring(2), 16);
  if (NAN_RE.test(raw)) return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw[0] === '-' ? -Infinity : Infinity;
  if (EXP_RE.test(raw) || FLOAT_RE.test(raw)) return parseFloat(raw);
  return raw;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The body of a one-line double-quoted scalar with its escapes applied. */
function unescapeDouble(body: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const b = body.indexOf('\\', i);
    if (b < 0) return out + body.slice(i);
    out += body.slice(i, b);
    const e = body[b + 1]!;
    if (e in ESCAPES) {
      out += ESCAPES[e];
      i = b + 2;
    } else if (e in HEX_LEN) {
      const hex = body.slice(b + 2, b + 2 + HEX_LEN[e]!);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_LEN[e]) throw GIVE_UP;
      out += String.fromCodePoint(parseInt(hex, 16));
      i = b + 2 + hex.length;
    } else throw GIVE_UP;
  }
}

/** Folded lines: neighbours joined by a space, each run of blank lines kept as that many breaks. */
function fold(lines: string[]): string {
  let out = '';
  let blanks = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l === '') {
      blanks++;
      continue;
    }
    if (k > 0) out += blanks ? '\n'.repeat(blanks) : ' ';
    blanks = 0;
    out += l;
  }
  return out;
}
