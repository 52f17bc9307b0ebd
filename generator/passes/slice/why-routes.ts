/**
 * `--why`'s chains: of every reason the slice's closure met for each kept element (each edge it
 * followed to an element it keeps), the one on a shortest chain back to what a pattern selected —
 * one breadth-first walk over those edges, linear in their number.
 *
 * An edge holds only from an element kept in the way it needs: a subtype comes with a type kept as
 * a value (not only as a base type), and a bound operation with a type a pattern selects (or, with
 * `--include-derived`, a subtype of one). So each element is reached at three levels, each by its
 * own shortest chain: kept at all, kept as a value, selected.
 */
import type { Operation, SchemaType } from "../../model/types";
import type { Reason, Reasons } from "./why";

type Element = SchemaType | Operation;

/** 0: kept (a base type is only this); 1: kept as a value; 2: selected by a pattern. */
export type Level = 0 | 1 | 2;

/** Every reason the closure met per kept element, in the order it met them. */
export type FoundReasons = Map<Element, Reason[]>;

/** The reason that ends a shortest chain for `x` kept at `level` or above, if any chain does. */
export type Chains = (x: Element, level: Level) => Reason | undefined;

/** The element a reason goes on to, if it is not what a pattern (or the program) selected. */
export function next(r: Reason): Element | undefined {
  switch (r.kind) {
    case "base":
    case "property":
    case "derived":
    case "navigation":
      return r.of;
    case "operation":
      return r.op;
    case "bound":
      return r.to;
    default:
      return undefined;
  }
}

/** The level `next(r)` must be kept at for `r` to hold. */
export function levelNeeded(r: Reason): Level {
  return r.kind === "bound" ? 2 : r.kind === "derived" ? 1 : 0;
}

/** The level a reason keeps its element at, from `next(r)` kept at `from`. */
function levelGiven(r: Reason, from: Level, includeDerived: boolean): Level {
  switch (r.kind) {
    case "include":
    case "addressed":
    case "everything":
    case "named":
    case "bound":
      return 2;
    case "base":
      return 0;
    case "derived":
      return from === 2 && includeDerived ? 2 : 1;
    default:
      return 1;
  }
}

export function shortestChains(found: FoundReasons, includeDerived: boolean): Chains {
  const best: [Map<Element, Reason>, Map<Element, Reason>, Map<Element, Reason>] = [new Map(), new Map(), new Map()];
  const queue: [Element, Level][] = [];
  const reach = (x: Element, level: Level, r: Reason) => {
    // An operation has no levels: kept is selected.
    for (let l = x.kind === "action" || x.kind === "function" ? 2 : level; l >= 0; l--) {
      if (best[l]!.has(x)) continue;
      best[l]!.set(x, r);
      queue.push([x, l as Level]);
    }
  };
  const from = new Map<Element, [Element, Reason][]>();
  for (const [x, reasons] of found) {
    for (const r of reasons) {
      const n = next(r);
      if (!n) reach(x, levelGiven(r, 2, includeDerived), r);
      else {
        const list = from.get(n);
        if (list) list.push([x, r]);
        else from.set(n, [[x, r]]);
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const [p, level] = queue[i]!;
    for (const [x, r] of from.get(p) ?? []) {
      // Each edge is followed from the lowest level it holds at, and a subtype's also from level 2 (it may then be selected).
      if (level === levelNeeded(r) || (r.kind === "derived" && level === 2)) reach(x, levelGiven(r, level, includeDerived), r);
    }
  }
  return (x, level) => best[level].get(x);
}
