/**
 * Guards that keep hostile YAML cheap: a linear pre-scan for absurd nesting (yaml's parser
 * recurses per level and slows down superlinearly long before it overflows the stack), and
 * alias resolution by one pass over the document instead of a document walk per alias.
 */
import { isAlias, visit, type Alias, type Document, type Node } from 'yaml';

/** No compose file needs more; yaml parses 100 levels in tens of milliseconds. */
export const MAX_NESTING = 100;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const DASH = 0x2d;
const QMARK = 0x3f;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE_OPENERS = new Set([SPACE, TAB, 0x5b, 0x7b, 0x2c, 0x3a]); // space tab [ { , :

/**
 * Offset where nesting (block indentation levels + compact `- `/`? ` + open flow brackets)
 * first exceeds `limit`, or undefined. An estimate that errs low: quotes and comments are skipped.
 */
export function findDeepNesting(text: string, limit = MAX_NESTING): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0;
  // Brackets counted even inside what looks quoted: a stray quote in a plain scalar must not hide nesting.
  let raw = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At a line start.
    let indent = 0;
    while (i < n && text.charCodeAt(i) === SPACE) (i++, indent++);
    if (flow === 0) quote = 0;
    const c0 = text.charCodeAt(i);
    if (i < n && c0 !== LF && c0 !== CR && c0 !== HASH && flow === 0 && quote === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > limit) return i;
      let compact = 0;
      while ((text.charCodeAt(i) === DASH || text.charCodeAt(i) === QMARK) && isBlank(text.charCodeAt(i + 1))) {
        if (indents.length + ++compact > limit) return i;
        i += 2;
        while (isBlank(text.charCodeAt(i)) && i < n) i++;
      }
    }
    // The rest of the line.
    let prev = SPACE;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (OPEN.has(c)) {
        if (++raw > limit * 5) return i;
      } else if (CLOSE.has(c) && raw > 0) raw--;
      if (quote) {
        if (c === quote && !(quote === DQUOTE && prev === BACKSLASH)) quote = 0;
      } else if (c === HASH && isBlank(prev)) {
        while (i < n && text.charCodeAt(i) !== LF) i++;
        break;
      } else if ((c === DQUOTE || c === SQUOTE) && QUOTE_OPENERS.has(prev)) {
        quote = c;
      } else if (OPEN.has(c)) {
        if (++flow + indents.length > limit) return i;
      } else if (CLOSE.has(c) && flow > 0) {
        flow--;
      }
      prev = prev === BACKSLASH && c === BACKSLASH ? 0 : c;
    }
    i++;
  }
  return undefined;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/** Each alias → the node it names (the closest preceding anchor), found in one document pass. */
export function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string' && node.anchor) {
      anchors.set(node.anchor, node as Node);
    }
  });
  return targets;
}

/** Fill `lines` (a yaml LineCounter) up to `offset`, for a located error before parsing. */
export function countLines(lines: { addNewLine(offset: number): void }, text: string, offset: number): void {
  lines.addNewLine(0);
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) lines.addNewLine(k + 1);
}
