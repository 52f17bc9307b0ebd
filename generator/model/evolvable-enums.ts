/**
 * Microsoft's evolvable enums (Microsoft Graph's API guidelines, "evolvable enums" pattern): an enum
 * with a member named `unknownFutureValue`, the sentinel, whose members numerically after it were
 * added later. A service following the pattern sends `unknownFutureValue` in their place, and
 * refuses (400) a request naming one, unless the request prefers `include-unknown-enum-members`
 * (`Prefer: include-unknown-enum-members`). Graph v1.0 has 629 such enums, 64 with members after
 * their sentinel (`appliedConditionalAccessPolicyResult`'s `reportOnlySuccess`, …).
 */
import type { EntityType, EnumMember, EnumType, Model, Parameter, StructuredType, TypeRef } from "./types";

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
 * own and inherited properties, its subtypes' (a body may name one by `@odata.type`), those of the
 * complex values it holds, and those of the entities it inserts through navigation properties (a
 * deep insert or a deep update, `{ sessions: [{ modalities: [...] }] }`), theirs too, at any depth.
 * Flattened by name, so that the runtime walks the body without the types: a name two types give
 * different enums lists both enums' later members.
 */
export function bodyLaterMembers(t: StructuredType): ReadonlyMap<string, string> {
  // Types reaching one another share a table (`valueLater`), and its joined form.
  const table = valueLater(t);
  let found = bodies.get(table);
  if (!found) bodies.set(table, (found = joined(table)));
  return found;
}
const bodies = new WeakMap<ReadonlyMap<string, ReadonlySet<string>>, ReadonlyMap<string, string>>();

/** As `bodyLaterMembers`, for an action's body: its parameters, by name, and the values they hold. */
export function parametersLaterMembers(parameters: readonly Parameter[]): ReadonlyMap<string, string> {
  const table: Later = new Map();
  for (const p of parameters) {
    const t = p.type.type;
    if (t.kind === "enum") addEnum(table, p.name, t);
    else if (t.kind === "complex" || t.kind === "entity") mergeLater(table, valueLater(t));
  }
  return joined(table);
}

type Later = Map<string, Set<string>>;

/** Each name's members sorted and joined by commas, the names in order. */
function joined(table: ReadonlyMap<string, ReadonlySet<string>>): ReadonlyMap<string, string> {
  const names = [...table.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(names.map((name) => [name, [...table.get(name)!].sort().join(",")]));
}

/** A joined table's text, the same for the same names and members (`laterTableOwner`). */
export function laterTableKey(table: ReadonlyMap<string, string>): string {
  // Kept per table: Graph's largest is 21.8 KB of text, asked for by each of its ~1,000 entity types.
  let key = keys.get(table);
  if (key === undefined) keys.set(table, (key = [...table].map(([name, members]) => `${name}=${members}`).join(";")));
  return key;
}
const keys = new WeakMap<ReadonlyMap<string, string>, string>();

/**
 * The entity type whose requests module defines the table `table` (a body's, `bodyLaterMembers`)
 * for every write naming it, undefined where no entity type's body names the same names and members
 * (an action's own parameters). Types reaching one another, or a type reaching no more than another,
 * share one table this way. Of the types sharing it: in the namespace most of them are of (the
 * first by name on a tie), the shortest-named (a shorter name for their writes to spell, Graph's
 * `entity`), then the first by name.
 */
export function laterTableOwner(model: Model, table: ReadonlyMap<string, string>): EntityType | undefined {
  let owners = ownersByModel.get(model);
  if (!owners) ownersByModel.set(model, (owners = tableOwners(model)));
  return table.size === 0 ? undefined : owners.get(laterTableKey(table));
}
const ownersByModel = new WeakMap<Model, Map<string, EntityType>>();

/** `laterTableOwner`'s owners, by the tables' keys. */
function tableOwners(model: Model): Map<string, EntityType> {
  const sharers = new Map<string, EntityType[]>();
  for (const s of model.schemas) {
    for (const t of s.types) {
      if (t.kind !== "entity") continue;
      const body = bodyLaterMembers(t);
      if (body.size === 0) continue;
      const key = laterTableKey(body);
      const list = sharers.get(key);
      if (list) list.push(t);
      else sharers.set(key, [t]);
    }
  }
  const owners = new Map<string, EntityType>();
  for (const [key, types] of sharers) {
    const counts = new Map<string, number>();
    for (const t of types) counts.set(t.namespace, (counts.get(t.namespace) ?? 0) + 1);
    const ns = [...counts].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a))[0];
    const shortest = (a: EntityType, b: EntityType) => (a.name.length !== b.name.length ? a.name.length < b.name.length : a.qualifiedName < b.qualifiedName);
    owners.set(key, types.filter((t) => t.namespace === ns).reduce((a, b) => (shortest(b, a) ? b : a)));
  }
  return owners;
}

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

/** Adds enum `t`'s later members under `name`, where it has some. */
function addEnum(table: Later, name: string, t: EnumType): void {
  for (const m of laterMembers(t)) membersOf(table, name).add(m.name);
}

/**
 * The later members a value of `t` may hold: its own and inherited properties', its subtypes', and
 * those of the complex values and entities (navigation properties) they hold, at any depth. Kept per
 * type. Types reach one another in cycles (Graph's user and group through their navigation
 * properties), so the table is made for each strongly connected set of types at once (Tarjan's
 * algorithm, without recursion), the sets a set reaches first: each type and each of its
 * properties is read once, however many types ask.
 */
function valueLater(t: StructuredType): ReadonlyMap<string, ReadonlySet<string>> {
  const found = values.get(t);
  if (found) return found;
  const index = new Map<StructuredType, number>();
  const low = new Map<StructuredType, number>();
  const stack: StructuredType[] = [];
  const onStack = new Set<StructuredType>();
  const frames: { x: StructuredType; next: StructuredType[]; i: number }[] = [];
  const open = (x: StructuredType) => {
    index.set(x, index.size);
    low.set(x, index.get(x)!);
    stack.push(x);
    onStack.add(x);
    frames.push({ x, next: reached(x), i: 0 });
  };
  open(t);
  while (frames.length) {
    const frame = frames[frames.length - 1]!;
    if (frame.i < frame.next.length) {
      const y = frame.next[frame.i++]!;
      if (values.has(y)) continue;
      if (!index.has(y)) open(y);
      else if (onStack.has(y)) low.set(frame.x, Math.min(low.get(frame.x)!, index.get(y)!));
      continue;
    }
    frames.pop();
    const x = frame.x;
    const parent = frames[frames.length - 1];
    if (parent) low.set(parent.x, Math.min(low.get(parent.x)!, low.get(x)!));
    if (low.get(x) !== index.get(x)) continue;
    // x is the root of a set: its members are on the stack above it, and every set they reach outside it is kept.
    const members: StructuredType[] = [];
    for (let y = stack.pop()!; ; y = stack.pop()!) {
      onStack.delete(y);
      members.push(y);
      if (y === x) break;
    }
    const table: Later = new Map();
    // Each table the set reaches is merged once, however many of its members and properties reach it.
    const merged = new Set<ReadonlyMap<string, ReadonlySet<string>>>();
    for (const y of members) {
      for (const c of chain(y)) for (const p of c.properties) if (p.type.type.kind === "enum") addEnum(table, p.name, p.type.type);
      for (const z of reached(y)) {
        const from = values.get(z);
        if (from && !merged.has(from)) {
          merged.add(from);
          mergeLater(table, from);
        }
      }
    }
    for (const y of members) values.set(y, table);
  }
  return values.get(t)!;
}
const values = new WeakMap<StructuredType, ReadonlyMap<string, ReadonlySet<string>>>();

/** `t` and its base types. */
function chain(t: StructuredType): StructuredType[] {
  const types: StructuredType[] = [];
  for (let c: StructuredType | undefined = t; c && !types.includes(c); c = c.baseType) types.push(c);
  return types;
}

/** The types a value of `t` holds values of: its and its base types' complex properties' and navigation properties' types, and its direct subtypes. */
function reached(t: StructuredType): StructuredType[] {
  const next: StructuredType[] = [];
  for (const c of chain(t)) {
    for (const p of c.properties) if (p.type.type.kind === "complex" || p.type.type.kind === "entity") next.push(p.type.type);
    for (const n of c.navigationProperties) next.push(n.target);
  }
  next.push(...t.derived);
  return next;
}

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
