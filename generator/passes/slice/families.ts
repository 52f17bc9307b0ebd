/**
 * Whether the values of a kept concrete complex type are written as its `Any…` union
 * (emit/context.ts `subtypeFamily`) is decided over the whole service, as the full run decides it:
 * a subtype the slice leaves out that requires a property its base lacks (TripPin's
 * `AirportLocation` with its `Loc`) means no union in the slice either, and a type whose subtypes
 * the slice all leaves out (Graph's `attendeeBase` without `attendee`) still has one. So a slice
 * names `AnyX` exactly where the full run does, and `isX` guards the same type.
 */
import { subtypeFamily, MAX_FAMILY_NAMES } from "../../emit/context";
import type { SchemaType, StructuredType } from "../../model/types";
import { descendants, type Fill } from "./paths";

/**
 * The kept concrete complex types with subtypes whose full-run values are their `Any…` union. The
 * subtypes are read (`fill`) only for a type with few enough of them to have a union at all.
 */
export function wholeFamilies(keep: ReadonlySet<SchemaType>, fill: Fill | undefined): Set<StructuredType> {
  const out = new Set<StructuredType>();
  for (const t of keep) {
    if (t.kind !== "complex" || t.abstract || t.derived.length === 0) continue;
    const below = descendants(t);
    if (below.length + 1 > MAX_FAMILY_NAMES) continue;
    if (fill) for (const d of below) fill(d);
    if (subtypeFamily(t).length > 0) out.add(t);
  }
  return out;
}
