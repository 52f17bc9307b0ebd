/**
 * "Did you mean" for a type name meant as an Edm primitive type that is not one (CSDL §4.4 lists
 * them): `Edm.Bool`, `Edm.Integer`, `Edm.Datetime`, `edm.String`, or `Boolean` without a namespace.
 */
import { nearestName } from "../nearest-name";
import { LEGACY_PRIMITIVES, PRIMITIVES } from "./rules";
import type { PrimitiveName } from "./types";

/** What other type systems call a primitive type (lowercased): a writer used to them may write `Edm.Integer`. */
const SYNONYMS: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ["int", "Int32"],
  ["integer", "Int32"],
  ["long", "Int64"],
  ["short", "Int16"],
  ["float", "Single"],
  ["uuid", "Guid"],
  ["timestamp", "DateTimeOffset"],
  ["text", "String"],
]);

/**
 * The primitive type a local name (what follows `Edm.`) was most likely meant as, or undefined: the
 * nearest name (the same but for case, or one or two edits away), a legacy name in another case
 * (`Datetime`: V2's `DateTime`, read as `DateTimeOffset`), another type system's name (`Integer`,
 * `Long`, `Float`), or the one primitive type the name begins (`Bool` → `Boolean`).
 */
export function nearestPrimitive(local: string): PrimitiveName | undefined {
  const near = nearestName(local, PRIMITIVES);
  if (near !== undefined) return near as PrimitiveName;
  const lower = local.toLowerCase();
  for (const [legacy, meant] of LEGACY_PRIMITIVES) if (legacy.toLowerCase() === lower) return meant;
  const synonym = SYNONYMS.get(lower);
  if (synonym !== undefined) return synonym;
  if (lower.length < 3) return undefined;
  const begun = [...PRIMITIVES].filter((p) => p.toLowerCase().startsWith(lower));
  return begun.length === 1 ? (begun[0] as PrimitiveName) : undefined;
}

/**
 * For a qualified type name that names no type: `Edm.X` when it was most likely meant as that
 * primitive type, that is when its namespace is `Edm` in another case (`edm.Boolean`) or it has none
 * (`Boolean`), and its local name is near a primitive type's. Undefined otherwise.
 */
export function meantPrimitive(name: string): string | undefined {
  const dot = name.lastIndexOf(".");
  if (dot >= 0 && name.slice(0, dot).toLowerCase() !== "edm") return undefined;
  const near = nearestPrimitive(name.slice(dot + 1));
  return near === undefined ? undefined : `Edm.${near}`;
}
