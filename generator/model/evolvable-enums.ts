/**
 * Microsoft's evolvable enums (Microsoft Graph's API guidelines, "evolvable enums" pattern): an enum
 * with a member named `unknownFutureValue`, the sentinel, whose members numerically after it were
 * added later. A service following the pattern sends `unknownFutureValue` in their place, and
 * refuses (400) a request naming one, unless the request prefers `include-unknown-enum-members`
 * (`Prefer: include-unknown-enum-members`). Graph v1.0 has 629 such enums, 64 with members after
 * their sentinel (`appliedConditionalAccessPolicyResult`'s `reportOnlySuccess`, …).
 */
import type { EnumMember, EnumType, Parameter, StructuredType, TypeRef } from "./types";
import { allProperties } from "./rules";

export const SENTINEL = "unknownFutureValue";

/** The preference a request names such members with. */
export const INCLUDE_UNKNOWN = "include-unknown-enum-members";

const later = new WeakMap<EnumType, readonly EnumMember[]>();

/** The members of `t` after its `unknownFutureValue` (by value, exactly); none where it has no such member. */
export function laterMembers(t: EnumType): readonly EnumMember[] {
  let found = later.get(t);
  if (found) return found;
  const sentinel = t.members.find((m) => m.name === SENTINEL);
  found = sentinel ? t.members.filter((m) => comesAfter(m.exact, sentinel.exact)) : [];
  later.set(t, found);
  return found;
}

/** Whether a member's value (its digits, as `EnumMember.exact` and a model summary keep them) comes after the sentinel's. */
export function comesAfter(value: number | string, sentinel: number | string): boolean {
  const [v, s] = [String(value), String(sentinel)];
  return /^-?\d+$/.test(v) && /^-?\d+$/.test(s) && BigInt(v) > BigInt(s);
}

/**
 * The members after a sentinel that a write body of `t` may name, by the name of the property that
 * holds them, for the runtime's `preferLater` (`{ productFamily: "azureCommunicationServices" }`): its
 * own and inherited properties, its subtypes' (a body may name one by `@odata.type`), and those of
 * the complex values it holds, at any depth. Flattened by name, so that the runtime walks the body
 * without the types: a name two types give different enums lists both enums' later members. Not
 * followed: navigation properties (an entity inserted or bound in the body), which would reach most
 * of a service like Graph's (README, Evolvable enums).
 */
export function bodyLaterMembers(t: StructuredType): ReadonlyMap<string, string> {
  let found = bodies.get(t);
  if (!found) bodies.set(t, (found = collectLater([], [t])));
  return found;
}
const bodies = new WeakMap<StructuredType, ReadonlyMap<string, string>>();

/** As `bodyLaterMembers`, for an action's body: its parameters, by name, and the values they hold. */
export function parametersLaterMembers(parameters: readonly Parameter[]): ReadonlyMap<string, string> {
  return collectLater(parameters, []);
}

type Later = Map<string, Set<string>>;

/** The later members `named` and `types` (their subtypes and complex values too) may hold, each name's joined by commas. */
function collectLater(named: readonly { name: string; type: TypeRef }[], types: readonly StructuredType[]): ReadonlyMap<string, string> {
  const table: Later = new Map();
  for (const p of named) addLater(table, p.name, p.type);
  for (const t of types) {
    for (let base = t.baseType; base; base = base.baseType) for (const p of base.properties) addLater(table, p.name, p.type);
    mergeLater(table, subtreeLater(t));
  }
  return new Map([...table].map(([name, members]) => [name, [...members].sort().join(",")]));
}

/** The later members `t`'s own properties and its subtypes' may hold (kept per type: a subtree's is its subtypes' merged). */
function subtreeLater(t: StructuredType): ReadonlyMap<string, ReadonlySet<string>> {
  let found = subtrees.get(t);
  if (found) return found;
  const table: Later = new Map();
  for (const p of t.properties) addLater(table, p.name, p.type);
  for (const d of t.derived) mergeLater(table, subtreeLater(d));
  subtrees.set(t, (found = table));
  return found;
}
const subtrees = new WeakMap<StructuredType, ReadonlyMap<string, ReadonlySet<string>>>();

/** Adds `from`'s members to `table`'s. */
function mergeLater(table: Later, from: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [n, members] of from) for (const m of members) membersOf(table, n).add(m);
}

/** The members `table` holds for `name`, a set made empty where it has none yet. */
export function membersOf(table: Map<string, Set<string>>, name: string): Set<string> {
  let set = table.get(name);
  if (!set) table.set(name, (set = new Set()));
  return set;
}

/** Adds what a property or parameter `name` of type `ref` may hold: an enum's later members, or those a structured value holds (`valueLater`). */
function addLater(table: Later, name: string, ref: TypeRef): void {
  const t = ref.type;
  if (t.kind === "enum") {
    const later = laterMembers(t);
    if (later.length) for (const m of later) membersOf(table, name).add(m.name);
  } else if (t.kind === "complex" || t.kind === "entity") mergeLater(table, valueLater(t));
}

/**
 * The later members a value of `t` may hold: its properties', its subtypes', and those of the
 * complex values they hold, at any depth. Kept per type; a walk meeting a type already kept takes its
 * table rather than walking it again (complex types may hold one another, so one being walked is
 * not kept until its walk ends).
 */
function valueLater(t: StructuredType): ReadonlyMap<string, ReadonlySet<string>> {
  let found = values.get(t);
  if (found) return found;
  const table: Later = new Map();
  const seen = new Set<StructuredType>();
  // A type reached as a property's is read with its inherited properties; as a subtype of one read, its own suffice.
  const stack: [StructuredType, boolean][] = [[t, true]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [x, whole] = next;
    if (seen.has(x)) continue;
    seen.add(x);
    const kept = x === t ? undefined : values.get(x);
    if (kept) {
      mergeLater(table, kept);
      continue;
    }
    for (const p of whole ? allProperties(x) : x.properties) {
      const pt = p.type.type;
      if (pt.kind === "complex" || pt.kind === "entity") stack.push([pt, true]);
      else if (pt.kind === "enum") addLater(table, p.name, p.type);
    }
    for (const d of x.derived) stack.push([d, false]);
  }
  values.set(t, (found = table));
  return found;
}
const values = new WeakMap<StructuredType, ReadonlyMap<string, ReadonlySet<string>>>();

/** Subjects with their verb, as the notes on requests naming later members write them: `$filter names`, `its $filter and its body name`. */
export function subjectsName(subjects: readonly string[]): string {
  return `${subjects.join(" and ")} ${subjects.length > 1 ? "name" : "names"}`;
}

/** The doc comment's paragraph on an enum's members after its sentinel, where it has some. */
export function laterMembersDoc(t: EnumType): string | undefined {
  const names = laterMembers(t).map((m) => `\`${m.name}\``);
  if (!names.length) return undefined;
  const shown = names.length > 6 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}` : names[0]!;
  const [them, their] = names.length > 1 ? ["them", "their"] : ["it", "its"];
  return (
    `${shown} ${names.length > 1 ? "come" : "comes"} after \`${SENTINEL}\` (an evolvable enum, as Microsoft Graph's):\n` +
    `the service sends \`${SENTINEL}\` in ${their} place, and refuses a request naming ${them}, unless\n` +
    `the request prefers \`${INCLUDE_UNKNOWN}\` (\`headers: { Prefer: "${INCLUDE_UNKNOWN}" }\`).`
  );
}
