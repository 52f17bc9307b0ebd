/**
 * Changes of a property's Validation vocabulary constraints (model/validation-terms.ts), judged by
 * what the generated validators check: a constraint is narrowed when the new one refuses a value
 * the old one took (a higher `Minimum`, an exclusive one at the same bound, a lower `Maximum`, a
 * `Pattern` added or changed, an allowed value taken away, a `MultipleOf` the old one is no
 * multiple of, a higher `MinItems`, a lower `MaxItems`); one taken away widens.
 */
import type { Bound, ValueConstraints } from "../model/validation-terms";

export interface ConstraintChange {
  detail: string;
  /** The generated validators refuse a value they accepted. */
  narrowed: boolean;
}

/** The changes from `a` to `b` (either absent: no constraints). */
export function constraintChanges(a: ValueConstraints | undefined, b: ValueConstraints | undefined): ConstraintChange[] {
  const x = a ?? {};
  const y = b ?? {};
  const out: ConstraintChange[] = [];
  const change = (term: string, from: string, to: string, narrowed: boolean) => out.push({ detail: `Validation.${term} ${from} → ${to} (${narrowed ? "narrowed" : "widened"})`, narrowed });
  const kind = y.kind ?? x.kind;
  for (const [term, side] of [["Minimum", 1], ["Maximum", -1]] as const) {
    const p = term === "Minimum" ? x.minimum : x.maximum;
    const q = term === "Minimum" ? y.minimum : y.maximum;
    if (sameBound(p, q)) continue;
    // Narrowed: a bound added, moved inward, or made exclusive where it was.
    const d = p && q ? compare(q.value, p.value, kind) * side : 0;
    const narrowed = q !== undefined && (p === undefined || d > 0 || (d === 0 && q.exclusive && !p.exclusive));
    change(term, shown(p), shown(q), narrowed);
  }
  if (x.multipleOf !== y.multipleOf) {
    const narrowed = y.multipleOf !== undefined && (x.multipleOf === undefined || !divides(y.multipleOf, x.multipleOf));
    change("MultipleOf", x.multipleOf ?? "none", y.multipleOf ?? "none", narrowed);
  }
  if (x.pattern !== y.pattern) change("Pattern", x.pattern === undefined ? "none" : JSON.stringify(x.pattern), y.pattern === undefined ? "none" : JSON.stringify(y.pattern), y.pattern !== undefined);
  const list = (v: readonly unknown[] | undefined) => (v === undefined ? "none" : `(${v.map((s) => JSON.stringify(s)).join(", ")})`);
  if (list(x.allowed) !== list(y.allowed)) {
    const narrowed = y.allowed !== undefined && (x.allowed === undefined || x.allowed.some((v) => !y.allowed!.includes(v)));
    change("AllowedValues", list(x.allowed), list(y.allowed), narrowed);
  }
  if (x.minItems !== y.minItems) change("MinItems", String(x.minItems ?? "none"), String(y.minItems ?? "none"), (y.minItems ?? 0) > (x.minItems ?? 0));
  if (x.maxItems !== y.maxItems) change("MaxItems", String(x.maxItems ?? "none"), String(y.maxItems ?? "none"), (y.maxItems ?? Infinity) < (x.maxItems ?? Infinity));
  return out;
}

function sameBound(p: Bound | undefined, q: Bound | undefined): boolean {
  return p === q || (p !== undefined && q !== undefined && String(p.value) === String(q.value) && p.exclusive === q.exclusive);
}

function shown(b: Bound | undefined): string {
  return b === undefined ? "none" : `${b.value}${b.exclusive ? " (exclusive)" : ""}`;
}

/** How `p` compares with `q` as bounds of `kind`: numbers (exactly, as decimals), instants, or text. */
function compare(p: number | string, q: number | string, kind: ValueConstraints["kind"]): number {
  if (kind === "number") {
    const [x, y] = aligned(String(p), String(q));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [x, y] = kind === "instant" ? [Date.parse(String(p)), Date.parse(String(q))] : [String(p), String(q)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether `m` divides `n` (decimals, exactly): then every multiple of `n` is one of `m`. */
function divides(m: string, n: string): boolean {
  const [x, y] = aligned(n, m);
  return y !== 0n && x % y === 0n;
}

/** Two decimals' texts (an exponent too) as integers of one scale: `1.5`, `2` → 15n, 20n. */
function aligned(a: string, b: string): [bigint, bigint] {
  const p = parts(a);
  const q = parts(b);
  const scale = Math.max(p.scale, q.scale);
  return [p.digits * 10n ** BigInt(scale - p.scale), q.digits * 10n ** BigInt(scale - q.scale)];
}

/**
 * A decimal's digits and scale. The validators' runtime has its own (`decimalParts` in
 * templates/static/validation.ts): the generated code depends on nothing of the generator's.
 */
function parts(text: string): { digits: bigint; scale: number } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return { digits: 0n, scale: 0 };
  const fraction = m[3] ?? "";
  const exponent = Math.max(-400, Math.min(400, Number(m[4] ?? 0)));
  let digits = BigInt(`${m[1] === "-" ? "-" : ""}${m[2] || "0"}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/**
 * The change of what a Validation.DerivedTypeConstraint allows (qualified names; absent: no
 * constraint, every type): narrowed when a type the old one allowed is no longer allowed.
 */
export function derivedTypesChange(a: readonly string[] | undefined, b: readonly string[] | undefined): ConstraintChange | undefined {
  if (a === undefined && b === undefined) return undefined;
  const term = "Validation.DerivedTypeConstraint";
  if (a === undefined) return { detail: `${term} added: only ${b!.join(", ")} (narrowed)`, narrowed: true };
  if (b === undefined) return { detail: `${term} removed: any type (widened)`, narrowed: false };
  const before = new Set(a);
  const after = new Set(b);
  const gone = a.filter((t) => !after.has(t));
  const added = b.filter((t) => !before.has(t));
  if (!gone.length && !added.length) return undefined;
  const parts = [added.length && `${added.join(", ")} allowed`, gone.length && `${gone.join(", ")} no longer allowed`].filter(Boolean);
  return { detail: `${term}: ${parts.join("; ")} (${gone.length ? "narrowed" : "widened"})`, narrowed: gone.length > 0 };
}
