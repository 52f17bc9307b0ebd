/**
 * An `--exclude` of a base type. A derived type's interface extends its base type's, so a base type
 * cannot be left out while a type derived from it is kept:
 * - a derived type that only a wildcard selects (a glob, a namespace, or no `--include` at all) is
 *   left out with its base type when an `--exclude` names that by its qualified name, as what the
 *   user asked to leave out (an `--exclude` glob or namespace that matches the base type does not
 *   take along every type below it: `--exclude microsoft.graph` would take most of Graph's other namespaces);
 * - one kept for another reason (an `--include` names it, a URL path addresses it, a kept type or
 *   operation needs it) keeps the base type: a warning (ODG303) says which types need it, and why
 *   each is kept.
 */
import { Codes, type DiagnosticBag } from "../../diagnostics";
import type { Operation, SchemaType, StructuredType } from "../../model/types";
import { describeReason, type Reason, type Reasons } from "./why";
import { optionName, type NamedBy, type OptionName } from "../../option-names";

/** An element left out with an excluded base type: the base, the `--exclude` that names it, and why a pattern selected it. */
export interface BelowExcluded {
  base: StructuredType;
  by: string;
  selected: Reason;
}

/** The nearest base type of `t` that an `--exclude` name pattern leaves out, with that pattern. */
export function excludedBase(t: SchemaType, excludedBy: (x: SchemaType) => string | undefined): { base: StructuredType; by: string } | undefined {
  if (t.kind !== "entity" && t.kind !== "complex") return undefined;
  for (let base = t.baseType; base; base = base.baseType) {
    const by = excludedBy(base);
    if (by !== undefined) return { base, by };
  }
  return undefined;
}

/** Listed by name in a message, at most; the rest are counted. */
const SHOWN = 5;

function listed(names: readonly string[]): string {
  const more = names.length - SHOWN;
  return more > 0 ? `${names.slice(0, SHOWN).join(", ")} and ${more} more` : names.join(", ");
}

/**
 * ODG303 for each excluded type the slice keeps as a base type, at that type, naming the kept types
 * derived from it and why each is kept; and a note (ODG304) per excluded base type for the types
 * below it left out with it, which only a wildcard selected.
 */
export function reportExcludedBases(
  keep: ReadonlySet<SchemaType>,
  keepOps: ReadonlySet<Operation>,
  excludedBy: (x: SchemaType) => string | undefined,
  reasons: Reasons,
  below: ReadonlyMap<SchemaType | Operation, BelowExcluded>,
  diags: DiagnosticBag,
  /** Reports `message` as the `--exclude` pattern `by`'s (`--exclude ${by} ${message}`). */
  note: (by: string, message: string) => void,
  /** How the messages name the options (option-names.ts). */
  namedBy?: NamedBy,
): void {
  const option = (name: OptionName) => optionName(name, namedBy);
  for (const t of keep) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    const by = excludedBy(t);
    if (by === undefined) continue;
    const needs = t.derived.filter((d) => keep.has(d)).map((d) => {
      const r = reasons.get(d);
      return r ? `${d.qualifiedName} (${describeReason(r, namedBy)})` : d.qualifiedName;
    });
    diags.warning(Codes.sliceExcludedBase,
      `${t.qualifiedName} is excluded (${option("exclude")} ${by}) but kept: it is the base type of ${needs.length === 1 ? "" : `${needs.length} kept types, `}${listed(needs)}, ` +
        `and a derived type's interface extends its base type's (a type that only a glob or a namespace selects is left out with a base type an ${option("exclude")} names)`,
      t.qualifiedName, t.at);
  }
  const groups = new Map<StructuredType, { by: string; names: string[] }>();
  for (const [x, { base, by }] of below) {
    const op = x.kind === "action" || x.kind === "function" ? (x as Operation) : undefined;
    if (op ? keepOps.has(op) : keep.has(x as SchemaType)) continue;
    const group = groups.get(base) ?? { by, names: [] };
    group.names.push(op ? `${op.kind} ${op.qualifiedName}` : x.qualifiedName);
    groups.set(base, group);
  }
  for (const [base, { by, names }] of groups)
    note(by, `leaves out with ${base.qualifiedName} what only a wildcard selects below it: ${listed(names)} (an ${option("include")} that names one by its qualified name keeps it, and ${base.qualifiedName} as its base type)`);
}
