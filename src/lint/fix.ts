/**
 * The central fix applier: each finding's fix is a group of text edits on the original source,
 * applied atomically; groups are sorted by position and a group overlapping an accepted one is
 * dropped (the next pass picks it up). Callers re-lint and re-apply until nothing changes.
 */
import type { Fix } from './types.js';

export const MAX_FIX_PASSES = 10;

export function applyFixes(text: string, groups: readonly (readonly Fix[])[]): string {
  const sorted = groups
    .filter((g) => g.length && g.every((e) => e.range[0] >= 0 && e.range[1] <= text.length && e.range[0] <= e.range[1]))
    .map((g) => [...g].sort(byStart))
    .sort((a, b) => byStart(a[0]!, b[0]!) || a[a.length - 1]!.range[1] - b[b.length - 1]!.range[1]);
  const accepted: Fix[] = [];
  for (const g of sorted) {
    if (overlapsWithin(g) || g.some((e) => overlapsAccepted(accepted, e))) continue;
    for (const e of g) insertSorted(accepted, e);
  }
  let out = '';
  let at = 0;
  for (const e of accepted) {
    out += text.slice(at, e.range[0]) + e.text;
    at = e.range[1];
  }
  return out + text.slice(at);
}

function byStart(a: Fix, b: Fix): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1];
}

/** Two edits conflict when their ranges intersect, or both insert at the same point. */
function overlaps(a: Fix, b: Fix): boolean {
  if (a.range[0] === a.range[1] && b.range[0] === b.range[1]) return a.range[0] === b.range[0];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** Index of the first accepted edit that does not sort before `e` (binary search). */
function lowerBound(accepted: readonly Fix[], e: Fix): number {
  let lo = 0;
  let hi = accepted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart(accepted[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Accepted edits are sorted and disjoint: only the neighbours around `e`'s place can overlap it (O(log n), not O(n)). */
function overlapsAccepted(accepted: readonly Fix[], e: Fix): boolean {
  const at = lowerBound(accepted, e);
  for (let i = at - 1; i >= 0 && accepted[i]!.range[1] >= e.range[0]; i--) if (overlaps(accepted[i]!, e)) return true;
  for (let i = at; i < accepted.length && accepted[i]!.range[0] <= e.range[1]; i++) if (overlaps(accepted[i]!, e)) return true;
  return false;
}

/** Groups arrive sorted by position, so this is nearly always a push. */
function insertSorted(accepted: Fix[], e: Fix): void {
  const at = accepted.length && byStart(accepted[accepted.length - 1]!, e) <= 0 ? accepted.length : lowerBound(accepted, e);
  accepted.splice(at, 0, e);
}

function overlapsWithin(g: readonly Fix[]): boolean {
  for (let i = 1; i < g.length; i++) if (overlaps(g[i - 1]!, g[i]!)) return true;
  return false;
}
