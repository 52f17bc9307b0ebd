/**
 * Blocks nested in each other (each a `{` and its `}`, paired by JsText), asked which is the
 * innermost around an index: the last block opened before it, unless a block closed after that
 * one opened and before the index, whose parent it is then. Two binary searches, not a walk out
 * block by block: a program reading names inside objects nested 20,000 deep, or after them, costs
 * a logarithm a reading, not the depth.
 */
export class BlockNesting {
  /** The blocks' closes, in order, each with its block's position in `opens`. */
  private readonly closes: number[] = [];
  private readonly closed: number[] = [];

  /** `opens`: the blocks' `{`s in order; `closeOf`: each one's `}`; `parents`: each one's innermost block around it by position (-1: none). */
  constructor(
    private readonly opens: readonly number[],
    private readonly closeOf: (open: number) => number,
    private readonly parents: readonly number[],
  ) {
    const order = opens.map((_, k) => k).sort((a, b) => closeOf(opens[a]!) - closeOf(opens[b]!));
    for (const k of order) {
      this.closes.push(closeOf(opens[k]!));
      this.closed.push(k);
    }
  }

  /** The position in `opens` of the innermost block around `at` (opened before it, closed at or after it); -1: none. */
  innermost(at: number): number {
    const opened = lastBelow(this.opens, at);
    const closed = lastBelow(this.closes, at);
    if (closed >= 0 && (opened < 0 || this.closes[closed]! > this.opens[opened]!)) return this.parents[this.closed[closed]!]!;
    return opened;
  }
}

/** Each block's innermost block around it among `opens` (sorted, each with its close): -1 for none. */
export function parentsOf(opens: readonly number[], closeOf: (open: number) => number): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  opens.forEach((open, k) => {
    while (stack.length && closeOf(opens[stack[stack.length - 1]!]!) < open) stack.pop();
    parents.push(stack.length ? stack[stack.length - 1]! : -1);
    stack.push(k);
  });
  return parents;
}

/** The position of the last of the sorted `values` below `at`; -1: none. */
function lastBelow(values: readonly number[], at: number): number {
  let [lo, hi] = [0, values.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
