/**
 * Checks the chains of base types once the model's types are linked:
 * - CSDL §6.1.1: a type cannot derive from itself, directly or not (ODG109);
 * - odatagen's limit: no chain longer than MAX_BASE_DEPTH (ODG111). Every type's `@odata.type` union
 *   and validator name all its subtypes, so the output grows with types × depth; a chain thousands
 *   deep would make gigabytes. Real services stay far below (Graph's deepest chain is 4).
 *
 * Each offending link is cut, so the passes that still run before the errors stop generation walk
 * short, finite chains. Linear in the number of types: each type's depth is computed once.
 */
import { Codes, type DiagnosticBag } from "../diagnostics";
import type { StructuredType } from "./types";

export const MAX_BASE_DEPTH = 32;

/** Marks a type whose depth is being computed (it is on the current walk up its base types). */
const ON_WALK = -1;

export function checkBaseChains(types: readonly StructuredType[], diags: DiagnosticBag): void {
  // depth: the number of base types above a type once the cuts below are made (0 to MAX_BASE_DEPTH);
  // declared: the number in the metadata as written, to report each too-deep chain once.
  const depth = new Map<StructuredType, number>();
  const declared = new Map<StructuredType, number>();
  const cut = new Set<StructuredType>();
  for (const t of types) {
    const walk: StructuredType[] = [];
    let top: StructuredType | undefined = t;
    while (top && !depth.has(top)) {
      depth.set(top, ON_WALK);
      walk.push(top);
      top = top.baseType;
    }
    if (top && depth.get(top) === ON_WALK) {
      // The walk came back to one of its own types: from there on it is a cycle, reported once (at
      // the type where the walk closed it) and broken at every member.
      const cycle = walk.splice(walk.indexOf(top));
      diags.error(Codes.cyclicBaseType, `${top.qualifiedName} derives from itself: ${cycleText(cycle)}`, top.qualifiedName, top.at);
      for (const c of cycle) {
        cut.add(c);
        depth.set(c, 0);
        declared.set(c, 0);
      }
    }
    // The types of the walk, from the one nearest the top down to `t`.
    let above = top ? depth.get(top)! : -1;
    let aboveDeclared = top ? declared.get(top)! : -1;
    for (let i = walk.length - 1; i >= 0; i--) {
      const c = walk[i];
      let d = above + 1;
      const dd = aboveDeclared + 1;
      if (d > MAX_BASE_DEPTH) {
        if (dd === MAX_BASE_DEPTH + 1) {
          diags.error(
            Codes.baseTypeTooDeep,
            `${c.qualifiedName} has more than ${MAX_BASE_DEPTH} base types (${chainHead(c)}); odatagen reads at most ${MAX_BASE_DEPTH} levels of inheritance`,
            c.qualifiedName,
            c.at,
          );
        }
        cut.add(c);
        d = 0;
      }
      depth.set(c, d);
      declared.set(c, dd);
      above = d;
      aboveDeclared = dd;
    }
  }
  unlink(cut);
}

/** `a → b → a`; a long cycle by its first members and its length. */
function cycleText(cycle: readonly StructuredType[]): string {
  const names = cycle.slice(0, 4).map((c) => c.qualifiedName);
  return cycle.length <= 4 ? [...names, names[0]].join(" → ") : `${names.join(" → ")} → … (${cycle.length} types)`;
}

/** The first base types of a chain, for the message. */
function chainHead(t: StructuredType): string {
  const names: string[] = [];
  for (let c = t.baseType; c && names.length < 3; c = c.baseType) names.push(c.qualifiedName);
  return `${names.join(" → ")} → …`;
}

/** Makes each type a root; each base's list of subtypes is filtered once, however many it loses. */
function unlink(cut: ReadonlySet<StructuredType>): void {
  const bases = new Set<StructuredType>();
  for (const t of cut) if (t.baseType) bases.add(t.baseType);
  for (const b of bases) b.derived = b.derived.filter((d) => !cut.has(d));
  for (const t of cut) t.baseType = undefined;
}
