/**
 * The short diff `--check` prints for a changed file: hunks as a unified diff has them — each change
 * with a few lines of context, `@@ -old,count +new,count @@` — so that two edits far apart show as
 * two small hunks, not as one region from the first difference to the last. Capped: at most
 * `maxLines` lines in all, then a line saying how much more there is (`odatagen generate` and
 * `git diff` show the rest).
 */

export interface ShortDiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Lines printed at most, headers included. */
  maxLines?: number;
  /** Beyond this many edits the two texts are not matched line by line: one hunk from the first difference to the last. */
  maxEdits?: number;
}

/** `unmatched`: part of a middle more than `maxEdits` edits apart, given as all removed then all added. */
type Op = { sign: " " | "-" | "+"; text: string; unmatched?: true };

interface Hunk {
  /** 1-based first line in each text, and the lines of each the hunk covers. */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  ops: Op[];
}

export function shortDiff(before: string, after: string, options: ShortDiffOptions = {}): string[] {
  // A file checked out with CRLF line ends (git's core.autocrlf=true, the default on Windows) differs
  // from the LF output in every line, which a line diff shows as lines removed and added again that
  // look the same. It is said in words instead, and the rest is compared without the CRs.
  if (before.includes("\r\n") && !after.includes("\r\n")) {
    const lf = before.replace(/\r\n/g, "\n");
    const said = `${lf === after ? "only its line ends differ" : "its line ends differ too"}: CRLF in the file, LF in the generated output (git's core.autocrlf? see "CI" in odatagen's README)`;
    return lf === after ? [said] : [said, ...shortDiff(lf, after, { ...options, maxLines: (options.maxLines ?? 40) - 1 })];
  }
  const { context = 3, maxLines = 40, maxEdits = 500 } = options;
  // A line break ends a line: after the last one there is no empty line to show (nor to count in a
  // hunk's range), unless only one of the two texts ends with it.
  const ended = before.endsWith("\n") && after.endsWith("\n");
  const split = (text: string) => (ended ? text.slice(0, -1) : text).split("\n");
  const hunks = hunksOf(lineOps(split(before), split(after), maxEdits), context);
  const lines: string[] = [];
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h];
    const room = maxLines - lines.length - 1; // the header, and a line to say what is left out
    // A hunk that does not fit is cut only when it is the first: else the ones after it are counted.
    if (room < 2 || (h > 0 && hunk.ops.length > room)) {
      const rest = hunks.slice(h);
      const ops = rest.flatMap((x) => x.ops);
      lines.push(ops.some((o) => o.unmatched) ? `… ${rest.length} more hunk(s); ${leftOut(ops, maxEdits).slice(2)}` : `… ${rest.length} more hunk(s), ${ops.filter((o) => o.sign !== " ").length} changed line(s)`);
      break;
    }
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@`);
    const shown = hunk.ops.length <= room ? hunk.ops : hunk.ops.slice(0, room - 1);
    for (const op of shown) lines.push(`${op.sign} ${op.text.length > 160 ? op.text.slice(0, 157) + "..." : op.text}`);
    if (shown.length < hunk.ops.length) lines.push(leftOut(hunk.ops.slice(shown.length), maxEdits));
  }
  return lines;
}

/**
 * What a cut leaves out. Lines matched line by line are counted as changed; a middle too far apart
 * to be matched is all removed then all added, and counting its lines as changed would claim up to
 * the whole file for a few hundred edits: its size is said instead.
 */
function leftOut(ops: Op[], maxEdits: number): string {
  const changed = ops.filter((o) => o.sign !== " " && !o.unmatched).length;
  const old = ops.filter((o) => o.sign === "-" && o.unmatched).length;
  const now = ops.filter((o) => o.sign === "+" && o.unmatched).length;
  if (!old && !now) return `… ${changed} more changed line(s) in this hunk`;
  return `… ${changed ? `${changed} more changed line(s), then ` : ""}${old} old and ${now} new line(s) more than ${maxEdits} edits apart, not matched line by line`;
}

/** `start,count` as unified diffs write it: an empty range names the line before it. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}

/** Groups the changes with `context` lines around each; changes closer than twice that share a hunk. */
function hunksOf(ops: Op[], context: number): Hunk[] {
  const hunks: Hunk[] = [];
  // Line numbers before each op, in the old and the new text.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  for (let i = 0, o = 1, n = 1; i < ops.length; i++) {
    oldAt.push(o);
    newAt.push(n);
    if (ops[i].sign !== "+") o++;
    if (ops[i].sign !== "-") n++;
  }
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].sign === " ") i++;
    if (i === ops.length) break;
    const start = Math.max(0, i - context);
    let end = i; // one past the last change of the hunk
    for (let j = i; j < ops.length; j++) {
      if (ops[j].sign === " ") {
        if (j - end >= 2 * context) break;
        continue;
      }
      end = j + 1;
    }
    const stop = Math.min(ops.length, end + context);
    const slice = ops.slice(start, stop);
    hunks.push({
      oldStart: oldAt[start],
      oldCount: slice.filter((o) => o.sign !== "+").length,
      newStart: newAt[start],
      newCount: slice.filter((o) => o.sign !== "-").length,
      ops: slice,
    });
    i = end;
  }
  return hunks;
}

/**
 * The lines of `a` and `b` as kept, removed and added, in order: a shortest edit script (Myers'
 * O(ND) algorithm) over what lies between their common first and last lines. More than `maxEdits`
 * edits apart, that middle is given as all removed, then all added.
 */
function lineOps(a: string[], b: string[], maxEdits: number): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (from: number, to: number): Op[] => a.slice(from, to).map((text) => ({ sign: " ", text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = myers(midA, midB, maxEdits) ?? [...midA.map((text): Op => ({ sign: "-", text, unmatched: true })), ...midB.map((text): Op => ({ sign: "+", text, unmatched: true }))];
  return [...same(0, start), ...middle, ...same(endA, a.length)];
}

function myers(a: string[], b: string[], maxEdits: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return undefined;
}

/** Walks the saved rows back from the end: trace[d] holds v[k] for k in [-d-1, d+1] before step d. */
function backtrack(a: string[], b: string[], trace: Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d];
    const at = (k: number) => row[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ sign: " ", text: a[x] });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ sign: "+", text: b[--y] });
      else ops.push({ sign: "-", text: a[--x] });
    }
  }
  return ops.reverse();
}
