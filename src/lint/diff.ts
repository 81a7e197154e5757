/** A unified diff of two texts (line-based, LCS by Myers' O(ND) algorithm), as `diff -u` prints it. */

type Op = { kind: ' ' | '-' | '+'; line: string };

const CONTEXT = 3;

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName = oldName): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  let out = `--- a/${oldName}\n+++ b/${newName}\n`;
  for (const h of hunks(ops)) out += h;
  return out;
}

function splitLines(t: string): string[] {
  const lines = t.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Shortest edit script between line arrays. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + max]! < v[k + 1 + max]!) ? v[k + 1 + max]! : v[k - 1 + max]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + max] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  return backtrack(trace, a, b, max);
}

function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], max: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + max]! < v[k + 1 + max]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[prevK + max]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', line: a[--x]!, ...(y--, {}) });
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

function hunks(ops: Op[]): string[] {
  const out: string[] = [];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  const pos: { o: number; n: number }[] = ops.map((op) => {
    const p = { o: oldLine, n: newLine };
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
    return p;
  });
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend while the next change is within 2×CONTEXT unchanged lines.
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind !== ' ') end = j;
      else if (j - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const slice = ops.slice(start, stop);
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    const o0 = oldCount ? pos[start]!.o : pos[start]!.o - 1;
    const n0 = newCount ? pos[start]!.n : pos[start]!.n - 1;
    out.push(`@@ -${o0},${oldCount} +${n0},${newCount} @@\n` + slice.map((o) => o.kind + o.line + '\n').join(''));
    i = stop;
  }
  return out;
}
