/**
 * Write types: what a value in a create's or an update's body may be, where that differs from the
 * type a read gives it, as the validators' `create`, `update` and `replace` modes check it at every
 * depth: without the properties a client may not send, `Core.Computed` ones in a create (Protocol
 * §11.4.2: the service computes them), `Core.Computed` and `Core.Immutable` ones in an update
 * (§11.4.3), and so the values nested in it: complex values, and the entities of a deep insert or
 * update (navigation properties; `rt.CreateBody` and `rt.Patch` make those partial, the create
 * body's and a PATCH's). A create may also leave out a complex value's collections and properties
 * with a default value (`leftToService`). (A value of an abstract complex type names its type in
 * reads and writes alike: the types module's `Any…` union requires `@odata.type`.)
 *
 * A type gets a write type (`ItemInput`, or `ItemCreateInput` and `ItemUpdateInput` where the two
 * differ, in its namespace's requests module) only where it differs from its read type: on Graph,
 * for the few types with such properties and those that hold them, not for the other thousands.
 */
import { stringLiteral } from "../string-literal";
import { allNavigation, allProperties, alwaysPresent, isComputed, isImmutable, isReadOnly, isStream } from "../model/rules";
import type { Model, Property, StructuredType } from "../model/types";
import { propertyKey } from "../passes/names";
import { familyMemberLiteral, hasFamily, leftOutHolders, odataTypeLiteral, subtypeFamily, typeLiteral, variantsOf, type EmitContext } from "./context";
import { closingBracket, topLevelItems } from "../top-level-items";
import { heritage, typeArguments, unionType } from "./wrap";
import { brokenAnnotation, brokenType } from "./wrap-code";
import { fits } from "./line-width";

/** `create`: a POST body (deep inserts included). `update`: a PUT body, and a PATCH body as `rt.Patch` of it. */
export type WriteMode = "create" | "update";

export const WRITE_MODES: readonly WriteMode[] = ["create", "update"];

/**
 * The properties a client may not send in a mode (Core vocabulary: Computed, Permissions `Read`, Immutable), and in
 * neither a stream property (`isStream`: its value is written to its own URL).
 */
export const FIXED: Readonly<Record<WriteMode, (p: Property) => boolean>> = {
  create: (p) => serviceOwned(p) || isStream(p),
  update: (p) => serviceOwned(p) || isImmutable(p) || isStream(p),
};

/** A property the service alone writes: computed (Core.Computed) or read-only (Core.Permissions `Read`). */
function serviceOwned(p: Property): boolean {
  return isComputed(p) || isReadOnly(p);
}

export interface WriteFacts {
  /** Types whose own shape differs in the mode: a fixed property (own or inherited), or one holding a value that differs. */
  exact: ReadonlySet<StructuredType>;
  /** Types a value declared as which is written differently: they have a write type (entity types, and complex types some property holds). */
  declared: ReadonlySet<StructuredType>;
}

interface AllFacts extends Record<WriteMode, WriteFacts> {
  /** Types whose write type is the same in both modes (nothing in reach is immutable but not computed): one declaration, `ItemInput`. */
  shared: ReadonlySet<StructuredType>;
}

/**
 * The most concrete subtypes an abstract entity type's write type lists (as a `…Subtypes` map,
 * see requests-view.ts). Graph's `entity` has 702: a body of it keeps its read type's union
 * (`rt.Creation<AnyEntity, …>` without what the service computes, at the top only). An abstract
 * complex type's always lists them: its read type's union does already.
 */
export const MAX_WRITTEN_MEMBERS = 200;

const cache = new WeakMap<EmitContext, AllFacts>();
/** Per model, the types with a write type (`typesWithWriteTypes`). */
const withWriteTypes = new WeakMap<Model, ReadonlySet<StructuredType>>();

function facts(ctx: EmitContext): AllFacts {
  let known = cache.get(ctx);
  if (!known) {
    cache.set(ctx, (known = findWriteTypes(ctx)));
    // The same answer for the model's summary after the emit (`typesWithWriteTypes`), found once.
    if (!withWriteTypes.has(ctx.model)) withWriteTypes.set(ctx.model, new Set([...known.create.declared, ...known.update.declared]));
  }
  return known;
}

/** Which types have a write type in `mode`; worked out once per run. */
export function writeFacts(ctx: EmitContext, mode: WriteMode): WriteFacts {
  return facts(ctx)[mode];
}

/**
 * The types that have a write type, found without an emit context: `diff` names the requests module
 * among those a moved complex type's names come from when it has one (diff/summary.ts).
 */
export function typesWithWriteTypes(model: Model): ReadonlySet<StructuredType> {
  let known = withWriteTypes.get(model);
  if (!known) {
    const { create, update } = modelWriteFacts(model);
    withWriteTypes.set(model, (known = new Set([...create.declared, ...update.declared])));
  }
  return known;
}

/** Per model, the write types found without an emit context (`writeTypeSuffixes`). */
const modelFacts = new WeakMap<Model, AllFacts>();

/**
 * How `t`'s write types are named after its own name in its namespace's requests module (as
 * requests-view.ts `writeModes` names them): `["Input"]` where a create and an update write it the
 * same, else `CreateInput` and `UpdateInput` for the modes it has one in; none without. `diff`
 * reports one that goes, which code may name (diff/summary.ts).
 */
export function writeTypeSuffixes(model: Model, t: StructuredType): string[] {
  const known = modelWriteFacts(model);
  if (known.shared.has(t)) return ["Input"];
  return WRITE_MODES.filter((m) => known[m].declared.has(t)).map((m) => (m === "create" ? "CreateInput" : "UpdateInput"));
}

function modelWriteFacts(model: Model): AllFacts {
  let known = modelFacts.get(model);
  if (!known) modelFacts.set(model, (known = findWriteTypes({ model, variants: variantsOf() })));
  return known;
}

/** What finding the write types reads of an emit context. */
type Scope = Pick<EmitContext, "model" | "variants">;

/** Whether `t`'s write type is the same in a create and an update (declared once, `…Input`). */
export function sharedWriteType(ctx: EmitContext, t: StructuredType): boolean {
  return facts(ctx).shared.has(t);
}

type Edges = Map<StructuredType, StructuredType[]>;

function add(map: Edges, key: StructuredType, value: StructuredType): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Per mode, worked backwards from the types that differ themselves (a property the mode may not
 * send, own or inherited) to those holding them, so that types holding each other (an entity
 * navigating to its own type) are answered right:
 * - a non-abstract type, or an abstract one without concrete subtypes, is written as its own shape;
 * - an abstract type as one of its concrete subtypes: it differs when one of them does.
 * Then which write types differ between the modes: those reaching an immutable property that is not
 * computed (on Graph, a few).
 */
function findWriteTypes(ctx: Scope): AllFacts {
  // Who differs when a type's declared values do (its holders: own properties; a subtype holds what
  // its base type does, see `findMode`); the abstract types a concrete one is a member of.
  const holders: Edges = new Map();
  const unions: Edges = new Map();
  // Concrete complex types an abstract one's value may be (the `Any…` union, which a property holds).
  const members = new Set<StructuredType>();
  // The types declaring a property a create may not send (computed) or writes otherwise (`loose`), and an update may not send (computed or immutable).
  const computed: StructuredType[] = [];
  const fixed: StructuredType[] = [];
  const immutable: StructuredType[] = [];
  // Complex types declaring a property a create may leave out though a read has it (`leftToService`).
  const loose: StructuredType[] = [];
  for (const schema of ctx.model.schemas)
    for (const t of schema.types) {
      if (t.kind !== "entity" && t.kind !== "complex") continue;
      let c = false;
      let i = false;
      let l = false;
      for (const p of t.properties) {
        if (p.type.type.kind === "complex") add(holders, p.type.type, t);
        if (serviceOwned(p) || isStream(p)) c = true;
        else if (isImmutable(p)) i = true;
        if (leftToService(t, p)) l = true;
      }
      if (c || l) computed.push(t);
      if (l) loose.push(t);
      if (c || i) fixed.push(t);
      if (i) immutable.push(t);
      for (const n of t.navigationProperties) add(holders, n.target, t);
      // A concrete complex type with subtypes is written as its `Any…` union too (`subtypeFamily`).
      const concrete = t.kind === "complex" ? [...ctx.variants(t), ...subtypeFamily(t)] : ctx.variants(t);
      if (t.kind === "complex" || concrete.length <= MAX_WRITTEN_MEMBERS) for (const m of concrete) add(unions, m, t);
      if (t.kind === "complex") for (const m of concrete) members.add(m);
    }
  // Where a value of a type may be nested: a property holds it, or an abstract complex type's (it is one of its subtypes).
  const held = new Set([...holders.keys(), ...members]);
  const create = findMode(ctx, computed, held, holders, unions);
  const update = findMode(ctx, fixed, held, holders, unions);
  // Not shared: a write type of an update only, or of a type with an immutable property that is not
  // computed (own or inherited); then every write type naming one of those (holders, unions, members).
  const differs = new Set<StructuredType>();
  const work: StructuredType[] = [];
  const mark = (t: StructuredType) => {
    if (differs.has(t) || (!update.declared.has(t) && !create.declared.has(t))) return;
    differs.add(t);
    work.push(t);
  };
  for (const t of update.declared) if (!create.declared.has(t)) mark(t);
  for (const t of create.declared) if (!update.declared.has(t)) mark(t);
  const inherit = (t: StructuredType): void => {
    mark(t);
    for (const d of t.derived) inherit(d);
  };
  for (const t of immutable) inherit(t);
  for (const t of loose) inherit(t);
  for (let t = work.pop(); t; t = work.pop()) {
    for (const h of holders.get(t) ?? []) inherit(h);
    for (const u of unions.get(t) ?? []) mark(u);
  }
  const shared = new Set([...create.declared].filter((t) => update.declared.has(t) && !differs.has(t)));
  return { create, update, shared };
}

/** `fixed`: the types declaring a property the mode may not send. */
function findMode(ctx: Scope, fixed: readonly StructuredType[], held: ReadonlySet<StructuredType>, holders: Edges, unions: Edges): WriteFacts {
  const exact = new Set<StructuredType>();
  const declared = new Set<StructuredType>();
  const work: [exact: boolean, t: StructuredType][] = [];
  const markExact = (t: StructuredType) => {
    if (exact.has(t)) return;
    exact.add(t);
    work.push([true, t]);
  };
  const markDeclared = (t: StructuredType) => {
    if (declared.has(t)) return;
    declared.add(t);
    work.push([false, t]);
  };
  for (const t of fixed) markExact(t);
  for (let next = work.pop(); next; next = work.pop()) {
    const [isExact, t] = next;
    if (isExact) {
      // A subtype inherits what makes its base type differ.
      for (const d of t.derived) markExact(d);
      // A complex type no property holds is never nested in a body: it needs no write type.
      if (ctx.variants(t).length === 0 && (t.kind === "entity" || held.has(t))) markDeclared(t);
      for (const u of unions.get(t) ?? []) if (u.kind === "entity" || held.has(u)) markDeclared(u);
    } else {
      for (const h of holders.get(t) ?? []) markExact(h);
    }
  }
  return { exact, declared };
}

/**
 * A property of a complex value a create may leave out though a read always has it: a collection,
 * which the service creates empty, or one with a default value (Protocol §11.4.2), as the
 * validators' `create` mode has it with `complete` too. (An entity's are: a create's body and a deep
 * insert's entities are partial, `rt.CreateBody`.) Its create write type declares it optional.
 */
export function leftToService(t: StructuredType, p: Property): boolean {
  return t.kind === "complex" && !serviceOwned(p) && alwaysPresent(p, false) && (p.type.collection || p.defaultValue !== undefined);
}

/** How a module writes the types a write type names. */
export interface WriteNames {
  ctx: EmitContext;
  /** The read type of `t` (its interface). */
  type(t: StructuredType): string;
  /** A value declared as `t`, in `mode`: its write type where it has one, else its read type (an `Any…` union for an abstract one). */
  declared(t: StructuredType, mode: WriteMode): string;
}

/**
 * The write type of `t` in `mode` (which `writeFacts(…).declared` has): an interface extending
 * `rt.Written<Item, "id" | "created", { … }>` (an interface, so that a compiler's message names it),
 * or for an abstract type the union of its concrete subtypes, as written (a complex one's each with
 * its `@odata.type` required, as in its `Any…` union), and for a concrete complex type with subtypes
 * (`subtypeFamily`) that union with its own shape first, `@odata.type` optional there, as its `Any…`
 * union has it; `body` is what follows the name (after `=` for a union).
 */
export function writeTypeBody(ctx: EmitContext, t: StructuredType, mode: WriteMode, names: WriteNames, name: string): { alias: boolean; body: string } {
  const family = subtypeFamily(t);
  const union = hasFamily(t);
  const members = union ? family : ctx.variants(t);
  // `@odata.type` as the read type has it, declared again so that a compiler's message names the
  // interface (TypeScript 5 names an empty one by the type it extends: `Written<Item, …, { … }>`).
  if (members.length === 0 && !union) {
    const { base, optional, args } = shape(ctx, t, mode, names);
    // A long union of `@odata.type` literals a member a line, as Prettier writes it (wrap-code.ts).
    const odataType = brokenAnnotation(odataTypeLiteral(t), '  "@odata.type"?: '.length, 1, "  ");
    const rest = ` {\n  "@odata.type"?:${odataType.startsWith("\n") ? "" : " "}${odataType};\n${optional.map((m) => `  ${m};\n`).join("")}}`;
    return { alias: false, body: heritage(`export interface ${name}`, [base], rest, args) };
  }
  const facts = writeFacts(ctx, mode);
  const own = (m: StructuredType) => (facts.exact.has(m) ? names.declared(m, mode) : names.type(m));
  // An entity's subtypes as a create or an update writes them; a complex one's naming their type.
  const typed = t.kind === "complex";
  const literal = (m: StructuredType) => (union ? familyMemberLiteral(m) : typeLiteral(m));
  const list = members.map((m) => (typed ? `(${own(m)} & { "@odata.type": ${literal(m)} })` : own(m)));
  if (union) {
    const { base, optional } = shape(ctx, t, mode, names);
    list.unshift(`(${base} & { ${[`"@odata.type"?: ${literal(t)}`, ...optional].join("; ")} })`);
  }
  // In a slice: the values of subtypes it left out, as their nearest kept abstract type (as the `Any…` union has them).
  for (const h of leftOutHolders(t)) {
    const { base, optional } = shape(ctx, h.type, mode, names);
    list.push(`(${base} & { ${[`"@odata.type"${typed ? "" : "?"}: ${h.literals}`, ...optional].join("; ")} })`);
  }
  return { alias: true, body: unionAlias(`export type ${name} =`, list) };
}

/**
 * What follows `=` in a union alias whose line starts with `head`, as Prettier writes it: the union
 * on that line where it fits, else on the next line, indented two spaces, where it fits there, else
 * a member a line after `| `, a member whose own line would pass 120 characters broken as Prettier
 * breaks it (wrap-code.ts). A member of several lines (an `rt.Written` with its nested values) is
 * never on a line with others. One member (an abstract complex type's one subtype, `(A & { … })`)
 * is written as wrap.ts `unionType` writes it, without its parentheses, as Prettier writes it.
 */
export function unionAlias(head: string, list: readonly string[]): string {
  const one = list.join(" | ");
  const multiline = one.includes("\n");
  // One member, as the types module's aliases have it: `(A & { … })` without its parentheses.
  if (list.length === 1) return multiline ? ` ${one}` : unionType(head, list);
  if (!multiline && fits(`${head} ${one};`.length)) return ` ${one}`;
  if (!multiline && fits(`  ${one};`.length)) return `\n  ${one}`;
  // A member's own lines (an `rt.Written`'s nested values, written for column 0) indented as the member is.
  return list.map((m, i) => `\n  | ${writtenArguments(m, brokenType(m.replace(/\n/g, "\n    "), 4, i === list.length - 1 ? 1 : 0, "    "))}`).join("");
}

const WRITTEN = "(rt.Written<";

/**
 * A union member `(rt.Written<…> & { … })` (`member`, as given; `broken`, as written a member a
 * line) whose type arguments span lines (its nested values' object type) with those arguments one
 * a line, as Prettier breaks them; any other member as `broken` has it.
 */
function writtenArguments(member: string, broken: string): string {
  if (!member.startsWith(WRITTEN) || !member.includes("\n")) return broken;
  const open = WRITTEN.length - 1;
  const args = topLevelItems(member.slice(open + 1, closingBracket(member, open)));
  return `(rt.Written${typeArguments(args, "    ")}${broken.slice(closingBracket(broken, open) + 1)}`;
}

/**
 * `t`'s own shape in `mode`: `rt.Written<T, left out, { nested values }>`, or `T` when nothing
 * differs; `optional`, the members declaring what a create may leave out of a complex value
 * (`leftToService`), left out of `base` and declared again optional.
 */
function shape(ctx: EmitContext, t: StructuredType, mode: WriteMode, names: WriteNames): { base: string; optional: string[]; args?: (string | string[])[] } {
  const facts = writeFacts(ctx, mode);
  if (!facts.exact.has(t)) return { base: names.type(t), optional: [] };
  const props = allProperties(t);
  const loose = (p: Property) => mode === "create" && leftToService(t, p);
  const fixed = props.filter((p) => FIXED[mode](p) || loose(p)).map((p) => stringLiteral(p.name));
  const nested: string[] = [];
  const optional: string[] = [];
  for (const p of props) {
    if (FIXED[mode](p)) continue;
    const v = p.type.type;
    const written = v.kind === "complex" && facts.declared.has(v);
    if (!written && !loose(p)) continue;
    const item = written ? names.declared(v, mode) : "";
    const value = !written ? `${names.type(t)}[${stringLiteral(p.name)}]` : p.type.collection ? list(item, p.type.nullable) : p.type.nullable ? `${item} | null` : item;
    if (loose(p)) optional.push(`${propertyKey(p.name)}?: ${value}`);
    else nested.push(`${propertyKey(p.name)}: ${value}`);
  }
  for (const n of allNavigation(t)) {
    if (!facts.declared.has(n.target)) continue;
    const item = names.declared(n.target, mode);
    nested.push(`${propertyKey(n.name)}: ${n.collection ? list(item, false) : n.nullable ? `${item} | null` : item}`);
  }
  const args = [names.type(t), fixed.join(" | ") || "never"];
  if (nested.length) args.push(`{\n${nested.map((m) => `  ${m};\n`).join("")}}`);
  // The same arguments, the left-out names as a union's members, for `heritage` to write a line each.
  const broken: (string | string[])[] = [names.type(t), fixed.length ? fixed : "never", ...args.slice(2)];
  return { base: `rt.Written<${args.join(", ")}>`, optional, args: broken };
}

function list(item: string, nullable: boolean): string {
  return nullable ? `(${item} | null)[]` : /[ |&]/.test(item) ? `(${item})[]` : `${item}[]`;
}
