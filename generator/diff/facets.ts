/**
 * Changes of Precision, Scale, SRID and Unicode (CSDL §7.2.3–7.2.6), judged by what the generated
 * validators check (emit/validators-view.ts, templates/static/validation.ts): Precision and Scale
 * of an Edm.Decimal, the Precision (fractional seconds) of an Edm.DateTimeOffset, Edm.TimeOfDay or
 * Edm.Duration. A change there is narrowed when the new facets refuse a value the old ones accepted.
 * SRID, Unicode, and Precision or Scale of other types are not checked: changing them changes no
 * generated code. (MaxLength is part of the type label, see compare.ts.)
 */
import type { FacetSummary } from "./summary";

export interface FacetChange {
  detail: string;
  /** The generated validators refuse a value they accepted. */
  narrowed: boolean;
}

const UNCHECKED = " (not checked by the generated validators)";
const TEMPORAL = new Set(["Edm.DateTimeOffset", "Edm.TimeOfDay", "Edm.Duration"]);

/** `primitive`: the Edm type the facets apply to (a type definition's underlying type), if known. */
export function facetChanges(primitive: string | undefined, a: FacetSummary, b: FacetSummary): FacetChange[] {
  const changes: FacetChange[] = [];
  const from = (name: string, x: unknown, y: unknown) => (x === y ? [] : [`${name} ${x ?? "none"} → ${y ?? "none"}`]);
  const digits = [...from("Precision", a.precision, b.precision), ...from("Scale", a.scale, b.scale)].join(", ");
  if (digits) {
    const narrowed =
      primitive === "Edm.Decimal" ? !fits(decimalLimits(a), decimalLimits(b))
      : TEMPORAL.has(primitive ?? "") && a.precision !== b.precision ? (b.precision ?? Infinity) < (a.precision ?? Infinity)
      : undefined;
    // CSDL §7.2.3: a temporal value without Precision has none (0); the validators check only a stated one.
    const dropped = TEMPORAL.has(primitive ?? "") && a.precision !== undefined && b.precision === undefined;
    const verdict = dropped ? " (none means 0 by CSDL §7.2.3, which the generated validators do not check)" : narrowed === undefined ? UNCHECKED : narrowed ? " (narrowed)" : " (widened)";
    changes.push({ detail: `${digits}${verdict}`, narrowed: narrowed === true && !dropped });
  }
  const srid = from("SRID", a.srid ?? defaultSrid(primitive), b.srid ?? defaultSrid(primitive));
  if (srid.length) changes.push({ detail: srid[0] + UNCHECKED, narrowed: false });
  if (a.unicode !== b.unicode) changes.push({ detail: `Unicode ${a.unicode ?? true} → ${b.unicode ?? true}${UNCHECKED}`, narrowed: false });
  return changes;
}

/** CSDL §7.2.5: SRID defaults to 0 for geometry and to 4326 for geography types. */
function defaultSrid(primitive: string | undefined): string | undefined {
  return primitive?.startsWith("Edm.Geography") ? "4326" : primitive?.startsWith("Edm.Geometry") ? "0" : undefined;
}

/** The most digits an Edm.Decimal may have as checkDecimal reads its facets; `special`: INF, -INF, NaN. */
interface DecimalLimits {
  integer: number;
  fraction: number;
  total: number;
  significant: number;
  special: boolean;
}

function decimalLimits({ precision: p, scale: s }: FacetSummary): DecimalLimits {
  const none = Infinity;
  if (s === "floating") return { integer: none, fraction: none, total: none, significant: p ?? none, special: true };
  if (p === undefined) return { integer: none, fraction: typeof s === "number" ? s : none, total: none, significant: none, special: false };
  if (s === "variable") return { integer: p, fraction: p, total: p, significant: p, special: false };
  // Without Scale checkDecimal limits the digits before the point only.
  if (s === undefined) return { integer: p, fraction: none, total: none, significant: none, special: false };
  return { integer: Math.max(0, p - s), fraction: s, total: p, significant: p, special: false };
}

/**
 * Whether every value within `a` is within `b`. Each limit is the largest that quantity gets
 * among the values `a` accepts, so comparing them one by one decides it.
 */
function fits(a: DecimalLimits, b: DecimalLimits): boolean {
  return a.integer <= b.integer && a.fraction <= b.fraction && a.total <= b.total && a.significant <= b.significant && (!a.special || b.special);
}
