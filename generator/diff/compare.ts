/**
 * Compares two model summaries and says, for each difference, whether it breaks a client: code that
 * reads the service's responses and sends it requests, compiled against the old generated code.
 *
 * Breaking: anything removed (type, property, navigation, enum member, operation, entity set,
 * function or action import, a media entity's stream), a type moved to another namespace under its
 * name (moved.ts; its members are compared as a kept type's, and a use of it under its new name is no change of its own),
 * a bound operation moved so (its function's module changes), an entity set's, singleton's or import's container moved to another namespace, a property or parameter that became
 * non-nullable, a narrowed or otherwise changed type, a changed enum value, base type, key or
 * navigation target, a new required parameter, a new non-nullable property of a complex type (code
 * that builds such values must give it) or of an entity type, unless computed, immutable, a key or a
 * stream (a PUT's body must give it: added-property.ts), an entity set that now needs an ETag for changes, or a
 * navigation binding added or retargeted so that calls through it now need one (bindings.ts), facets
 * of a value the client sends narrowed where the generated validators check them (facets.ts), a
 * property that became Core.Computed or Core.Immutable (the validators refuse it in bodies), a
 * single-valued navigation property or a singleton that may now be null, a property that became
 * nullable (reads optional, a single value's typed `| null`), the metadata's Version 4.01 → 4.0 (a
 * body's `p@bind` no longer compiles: version.ts), a Capabilities restriction added at an address
 * builder (the request a call sends no longer compiles: restrictions.ts), an overload that now requires
 * explicit binding or an address builder that no longer names one (explicit-bindings.ts). Not breaking: other additions, a restriction removed, a
 * parameter that became nullable, a widened type whose generated TypeScript type stays the same
 * (Int16 → Int32, Int64 → Decimal, a longer MaxLength), other URLs sent (urls.ts), an unbound operation moved to another namespace (its imports' functions stay), other doc
 * comments (docs.ts). Each is judged for the modules the project generates (outputs.ts): a change that
 * breaks only the validators or only the request functions is not breaking where they are left out.
 */
import { comesAfter, INCLUDE_UNKNOWN, SENTINEL } from "../model/evolvable-enums";
import { addedProperty, nowWritten } from "./added-property";
import { uncalled, uncalledWords } from "./uncalled";
import { compareBindings } from "./bindings";
import { changedDocs } from "./docs";
import { facetChanges } from "./facets";
import { containerMove, importChange, movedDetail, movedOperationDetail, movedOperations, movedTypes } from "./moved";
import { olderSummaryNote } from "./older";
import { renameHints } from "./renames";
import { ALL_OUTPUTS, judge, type Breaks, type Outputs } from "./outputs";
import { compareAlternateKeys } from "./alternate-keys";
import { aTypeKind, typeKindWords } from "./type-kinds";
import type { ImportSummary, ModelSummary, OperationSummary, TypeSummary, TypeUse } from "./summary";
import { mediaTypesChange } from "./media-types";
import { CONSTRAINTS_FORMAT, TYPEDEF_CONSTRAINTS_FORMAT, DERIVED_TYPES_FORMAT, OPERATION_CONSTRAINTS_FORMAT, EXPLICIT_BINDINGS_FORMAT, INDEXABLE_BY_KEY_FORMAT, MEDIA_TYPES_FORMAT, QUERY_OPTIONS_FORMAT, QUERY_RESTRICTIONS_FORMAT, READ_ONLY_FORMAT, TIED_FORMAT, typeLabel, WRITE_ONLY_FORMAT, WRITE_TYPES_FORMAT } from "./summary";
import { requiredQueryChanges } from "./query-options";
import { explicitBindingChanges, explicitOperationChange } from "./explicit-bindings";
import { constraintChanges, derivedTypesChange } from "./constraints";
import { urlChanges } from "./urls";
import { restrictionChanges } from "./restrictions";
import { versionChange } from "./version";

/** The summary format that added facets beyond MaxLength, Core.Computed and Core.Immutable. */
const FACETS_FORMAT = 2;
/** The summary format that added a complex type's `union`. */
const UNION_FORMAT = 3;

/** Why an operation's first parameter breaks callers, optional or not. */
const PARAMS_BEFORE_OPTIONS = ", the first: its function now takes params before options, so a call that passes options no longer compiles";

export type ChangeKind = "added" | "removed" | "changed";
export type Element =
  | "type" | "property" | "navigation property" | "enum member" | "operation" | "entity set" | "singleton" | "navigation binding" | "action import" | "function import"
  | "URL convention" | "payload format" | "documentation" | "restrictions";

export interface Change {
  kind: ChangeKind;
  element: Element;
  /** e.g. `microsoft.graph.callRecords.session/modalities`. */
  path: string;
  detail: string;
  breaking: boolean;
  /**
   * A likely rename (renames.ts), a guess: on a removed member, the path of the one added to its
   * type that matches it alone; on that added member, the removed one's.
   */
  renamedTo?: string;
  renamedFrom?: string;
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface DiffResult {
  changes: Change[];
  breaking: number;
  bump: Bump;
  /** What the comparison could not compare (a summary kept by an earlier odatagen: older.ts), one line each. */
  notes?: string[];
}

/**
 * `outputs`: the modules the project generates (outputs.ts); a change that breaks only modules it
 * does not have is not breaking, and its line says so.
 */
export function compareSummaries(a: ModelSummary, b: ModelSummary, outputs: Outputs = ALL_OUTPUTS): DiffResult {
  const changes: Change[] = [];
  // A change that is not an addition may still add API (an optional parameter): a minor bump.
  let addsApi = false;
  const add: Add = (kind, element, path, detail, breaks, adds = false, rename = {}) => {
    const { breaking, note } = judge(breaks, REQUESTS_ONLY.has(element), outputs);
    changes.push({ kind, element, path, detail: detail + note, breaking, ...rename });
    addsApi ||= adds;
  };
  // A type in another namespace under its simple name (moved.ts): one change, its members compared
  // under its new name, and what names it compared as naming it under that name (`renamed`).
  const moves = movedTypes(a, b);
  const ctx: Ctx = { add, now: b, before: a, outputs, recorded: (a.format ?? 1) >= FACETS_FORMAT && (b.format ?? 1) >= FACETS_FORMAT,
    constraints: (a.format ?? 1) >= CONSTRAINTS_FORMAT && (b.format ?? 1) >= CONSTRAINTS_FORMAT,
    operationConstraints: (a.format ?? 1) >= OPERATION_CONSTRAINTS_FORMAT && (b.format ?? 1) >= OPERATION_CONSTRAINTS_FORMAT,
    typedefConstraints: (a.format ?? 1) >= TYPEDEF_CONSTRAINTS_FORMAT && (b.format ?? 1) >= TYPEDEF_CONSTRAINTS_FORMAT,
    derivedTypes: (a.format ?? 1) >= DERIVED_TYPES_FORMAT && (b.format ?? 1) >= DERIVED_TYPES_FORMAT,
    explicitBindings: (a.format ?? 1) >= EXPLICIT_BINDINGS_FORMAT && (b.format ?? 1) >= EXPLICIT_BINDINGS_FORMAT,
    readOnly: (a.format ?? 1) >= READ_ONLY_FORMAT && (b.format ?? 1) >= READ_ONLY_FORMAT,
    writeTypes: (a.format ?? 1) >= WRITE_TYPES_FORMAT && (b.format ?? 1) >= WRITE_TYPES_FORMAT,
    writeOnly: (a.format ?? 1) >= WRITE_ONLY_FORMAT && (b.format ?? 1) >= WRITE_ONLY_FORMAT,
    tied: (a.format ?? 1) >= TIED_FORMAT && (b.format ?? 1) >= TIED_FORMAT,
    queryOptions: (a.format ?? 1) >= QUERY_OPTIONS_FORMAT && (b.format ?? 1) >= QUERY_OPTIONS_FORMAT,
    mediaTypes: (a.format ?? 1) >= MEDIA_TYPES_FORMAT && (b.format ?? 1) >= MEDIA_TYPES_FORMAT,
    unions: (a.format ?? 1) >= UNION_FORMAT && (b.format ?? 1) >= UNION_FORMAT, renamed: (name) => moves.get(name) ?? name };
  const movedTo = new Set(moves.values());
  for (const [name, ta] of a.types) {
    const tb = b.types.get(name);
    const to = moves.get(name);
    const moved = to === undefined ? undefined : b.types.get(to);
    if (to !== undefined && moved) {
      add("changed", "type", name, movedDetail(name, to, a, b, outputs), true);
      compareType(to, ta, moved, ctx);
    } else if (!tb) add("removed", "type", name, `${typeKindWords(ta.kind)} removed`, true);
    else compareType(name, ta, tb, ctx);
  }
  for (const [name, tb] of b.types) if (!a.types.has(name) && !movedTo.has(name)) add("added", "type", name, `${typeKindWords(tb.kind)} added`, false);
  // A subtype left out of the slice, below a type it keeps as a value: a response may carry it.
  if (a.leftOutSubtypes && b.leftOutSubtypes)
    for (const [name, base] of b.leftOutSubtypes)
      if (!a.leftOutSubtypes.has(name) && !a.types.has(name)) add("added", "type", name, leftOutDetail(name, base, a.wholeModelTypes?.get(name), a), false);

  // An operation's key gains its parameter names once it has overloads (and loses them when it has
  // none left): what the key alone does not match is matched by name, binding and parameter names.
  // A bound operation's key names its binding type: one bound to a moved type is matched by its new name.
  const opsA = new Map([...a.operations].map(([key, o]) => [movedBinding(key, o, ctx.renamed), { key, o }]));
  const unmatchedA = [...opsA].filter(([key]) => !b.operations.has(key));
  const unmatchedB = new Map([...b.operations].filter(([key]) => !opsA.has(key)).map(([key, o]) => [withParameters(key, o), [key, o] as const]));
  for (const [key, { o: oa }] of opsA) {
    const ob = b.operations.get(key);
    if (ob) compareOperation(key, oa, ob, uncalled(oa, key, a) ? uncalledCtx(ctx, oa) : ctx);
  }
  // Old operation key → new, where they differ (a moved binding type, overloads, a moved operation): for doc comments.
  const renamedOps = new Map<string, string>();
  for (const [key, { key: before }] of opsA) if (key !== before && b.operations.has(key)) renamedOps.set(before, key);
  const paired = unmatchedA.map(([key, { key: before, o: oa }]) => {
    const full = withParameters(key, oa);
    const match = unmatchedB.get(full);
    if (match) unmatchedB.delete(full);
    return { full, before, oa, match };
  });
  // What is left on both sides may have moved to another namespace (moved.ts).
  const opMoves = movedOperations(paired.filter((p) => !p.match).map((p) => [p.full, p.oa]), [...unmatchedB].map(([full, [, o]]) => [full, o]));
  // An unbound operation's moves by qualified name, which imports name (moved.ts importChange).
  const qnMoves = new Map<string, string>();
  for (const p of paired) {
    const to = opMoves.get(p.full);
    const match = p.match ?? (to === undefined ? undefined : unmatchedB.get(to));
    const unused = uncalled(p.oa, p.before, a);
    if (!match) {
      add("removed", "operation", p.before, `${p.oa.kind} removed${unused ? uncalledWords(p.oa) : ""}`, !unused);
      continue;
    }
    if (!p.match) {
      unmatchedB.delete(to!);
      const [was, now] = [qualified(p.before), qualified(match[0])];
      if (p.oa.binding === undefined) qnMoves.set(was, now);
      // An unbound one an import calls in both versions: the import's line says it.
      const called = p.oa.binding === undefined && [...(a.imports ?? [])].some(([name, ia]) => ia.operation === was && b.imports?.get(name)?.operation === now);
      if (!called) add("changed", "operation", p.before, ...movedOperationDetail(p.before, match[0], p.oa, outputs));
    }
    renamedOps.set(p.before, match[0]);
    compareOperation(match[0], p.oa, match[1], unused ? uncalledCtx(ctx, p.oa) : ctx);
  }
  for (const [key, ob] of unmatchedB.values()) add("added", "operation", key, `${ob.kind} added`, false);

  // Each import is a generated function; unknown (undefined) in a summary kept by an older version.
  if (a.imports && b.imports) {
    for (const [name, ia] of a.imports) {
      const ib = b.imports.get(name);
      // Without the request functions no module has its function: only where its container is changed.
      const change = ib && (outputs.requests ? importChange(ia, ib, qnMoves) : importWithoutRequests(ia, ib, qnMoves));
      if (!ib) add("removed", ia.kind, name, `${ia.kind} removed`, true);
      else if (change) add("changed", ib.kind, name, ...change);
    }
    for (const [name, ib] of b.imports) if (!a.imports.has(name)) add("added", ib.kind, name, `${ib.kind} added (of ${ib.operation})`, false);
  }

  // An entity set (or singleton) removed and one added of the same type: likely one renamed (renames.ts).
  const setHints = renameHints(
    "",
    new Map([...a.entrySets].filter(([n]) => !b.entrySets.has(n))),
    new Map([...b.entrySets].filter(([n]) => !a.entrySets.has(n))),
    { was: (e) => `${e.kind}\n${ctx.renamed(e.type)}`, now: (e) => `${e.kind}\n${e.type}` },
    "the same type",
  );
  for (const [name, ea] of a.entrySets) {
    const eb = b.entrySets.get(name);
    const module = eb && containerMove(ea.namespace, eb.namespace);
    // Without the request functions no module has its function: only where its container is changed.
    if (module) add("changed", eb.kind, name, outputs.requests ? module : containerOnly(ea.namespace, eb.namespace)![0], true);
    if (!eb) add("removed", ea.kind, name, `${ea.kind} removed${setHints.removed(name).words}`, true, false, setHints.removed(name).path);
    else if (eb.type !== ctx.renamed(ea.type) || eb.kind !== ea.kind) add("changed", eb.kind, name, `was ${ea.kind} of ${ea.type}, now ${eb.kind} of ${eb.type}`, true);
    // Updates and deletes without an ETag are refused before they are sent (and by the service).
    else if (ea.etag === false && eb.etag === true) add("changed", eb.kind, name, "changes now need an ETag (Core.OptimisticConcurrency)", true);
    else if (ea.etag === true && eb.etag === false) add("changed", eb.kind, name, "changes no longer need an ETag", false);
    // Unknown (undefined) in a summary kept by an older version: compared when both record it.
    else if (ea.nullable === false && eb.nullable === true) add("changed", eb.kind, name, "may now be null (Nullable): its reads are typed | null", true);
    else if (ea.nullable === true && eb.nullable === false) add("changed", eb.kind, name, "may no longer be null (Nullable)", false);
  }
  for (const [name, eb] of b.entrySets) if (!a.entrySets.has(name)) add("added", eb.kind, name, `${eb.kind} added${setHints.added(name).words}`, false, false, setHints.added(name).path);
  // Unknown (undefined) in a summary kept by an older version: compared when both record them.
  compareBindings(a, b, add);
  compareAlternateKeys(a, b, ctx.renamed, add);
  // The same API, other requests, other doc comments: a patch (compared when both record them).
  for (const [path, detail] of urlChanges(a, b)) add("changed", "URL convention", path, detail, false);
  // What the metadata forbids at an address builder: a restriction added breaks calls (the request
  // functions only); compared when both summaries record them (format 6).
  // The query restrictions (format 7) only where both record them: an older summary has none.
  const queries = (a.format ?? 1) >= QUERY_RESTRICTIONS_FORMAT && (b.format ?? 1) >= QUERY_RESTRICTIONS_FORMAT;
  // IndexableByKey (format 10) only where both record it.
  const keys = (a.format ?? 1) >= INDEXABLE_BY_KEY_FORMAT && (b.format ?? 1) >= INDEXABLE_BY_KEY_FORMAT;
  // Of address builders both versions have: a new one's restrictions break no call (its addition is reported).
  const both = (path: string) => hasBuilder(a, path) && hasBuilder(b, path);
  if (a.restrictions && b.restrictions) for (const [path, detail, breaks] of restrictionChanges(a.restrictions, b.restrictions, queries, keys)) if (both(path)) add("changed", "restrictions", path, detail, breaks);
  // What an address builder names in Core.ExplicitOperationBindings: a name taken away breaks its calls there (format 10).
  if (ctx.explicitBindings) for (const [path, detail, breaks] of explicitBindingChanges(a.explicitBindings ?? {}, b.explicitBindings ?? {})) if (both(path)) add("changed", "restrictions", path, detail, breaks);
  // The custom query options a read of a collection requires (format 10): one more breaks the calls without it.
  if (ctx.queryOptions) {
    const [qa, qb] = [a.queryOptions ?? {}, b.queryOptions ?? {}];
    for (const path of [...new Set([...Object.keys(qa), ...Object.keys(qb)])].sort().filter(both))
      for (const [detail, breaks] of requiredQueryChanges(Object.hasOwn(qa, path) ? qa[path] : [], Object.hasOwn(qb, path) ? qb[path] : [], "here")) add("changed", "restrictions", path, detail, breaks);
  }
  // The metadata's Version: whether a body may bind as p@bind (version.ts).
  const version = versionChange(a, b, outputs);
  // A body's binding spelling: the write types (requests module) and the validators know it.
  if (version) add("changed", "payload format", version[0], version[1], version[2] && BODIES, version[3]);
  const docs = changedDocs(a, b, new Map([...moves, ...renamedOps]));
  if (docs.length) {
    const named = docs.slice(0, 5).join(", ") + (docs.length > 5 ? `, … ${docs.length - 5} more` : "");
    const what = "description or deprecation changed (doc comments only)";
    add("changed", "documentation", docs.length === 1 ? docs[0] : `${docs.length} elements`, docs.length === 1 ? what : `${what}: ${named}`, false);
  }

  const breaking = changes.filter((c) => c.breaking).length;
  const bump: Bump = breaking ? "major" : addsApi || changes.some((c) => c.kind === "added") ? "minor" : changes.length ? "patch" : "none";
  const note = olderSummaryNote(a, b, moves, outputs.requests);
  return note ? { changes, breaking, bump, notes: [note] } : { changes, breaking, bump };
}

/**
 * Whether summary `s` has the address builder of `path`: a navigation property (`ns.Type/nav`) or an
 * entity set or singleton (`ns.Container/Set`), as the restrictions' summaries name them.
 */
function hasBuilder(s: ModelSummary, path: string): boolean {
  const slash = path.lastIndexOf("/");
  const [owner, name] = [path.slice(0, slash), path.slice(slash + 1)];
  const t = s.types.get(owner);
  return t ? t.navigation.has(name) : s.entrySets.has(name);
}

/**
 * `breaks`: where the change breaks (outputs.ts): `true` the types module, or, for an element only
 * the requests module has (REQUESTS_ONLY), that module; a list, those of the optional modules;
 * `false` nowhere. `adds`: the change gives callers something new to use (minor), though it is not an addition.
 */
type Add = (kind: ChangeKind, element: Element, path: string, detail: string, breaks: Breaks, adds?: boolean, rename?: Pick<Change, "renamedTo" | "renamedFrom">) => void;

/** Elements whose generated code is in the requests module only (request functions, entity sets' builders). */
const REQUESTS_ONLY = new Set<Element>(["operation", "entity set", "singleton", "navigation binding", "action import", "function import", "restrictions"]);
/** What a body may send: the write types of the requests module, and the validators' create, update and replace modes. */
const BODIES = ["validators", "requests"] as const;

interface Ctx {
  add: Add;
  /** The new summary. */
  now: ModelSummary;
  /** The old summary. */
  before: ModelSummary;
  /** The modules the project generates. */
  outputs: Outputs;
  /** Both summaries record what format 2 added (facets beyond MaxLength): compare it too. */
  recorded: boolean;
  /** Both summaries record properties' Validation vocabulary constraints (CONSTRAINTS_FORMAT). */
  constraints: boolean;
  /** Both record operations' parameters' and return types' Validation vocabulary constraints (OPERATION_CONSTRAINTS_FORMAT). */
  operationConstraints: boolean;
  /** Both record a use of a type definition's constraints by one rule (TYPEDEF_CONSTRAINTS_FORMAT): else they are not compared. */
  typedefConstraints: boolean;
  /** Both record what a Validation.DerivedTypeConstraint allows (DERIVED_TYPES_FORMAT). */
  derivedTypes: boolean;
  /** Both record the media types a stream accepts (MEDIA_TYPES_FORMAT). */
  mediaTypes: boolean;
  /** Both record the operations bound explicitly and what the addresses name (EXPLICIT_BINDINGS_FORMAT). */
  explicitBindings: boolean;
  /** Both record the write types of entity and complex types (WRITE_TYPES_FORMAT). */
  writeTypes: boolean;
  /** Both record the properties read-only by Core.Permissions (READ_ONLY_FORMAT). */
  readOnly: boolean;
  /** Both record the properties write-only by Core.Permissions (WRITE_ONLY_FORMAT). */
  writeOnly: boolean;
  /** Both record what a deep insert through a navigation property may leave out (TIED_FORMAT). */
  tied: boolean;
  /** Both record the custom query options required (QUERY_OPTIONS_FORMAT). */
  queryOptions: boolean;
  /** Both record a complex type's `union` (format 3). */
  unions: boolean;
  /**
   * An old type name as the new version names it: a moved type's new name (moved.ts), else itself.
   * A use of a moved type that now names it there is no change of its own: the move is reported once.
   */
  renamed(name: string): string;
}

/**
 * A subtype the slice leaves out that the old slice had not (not abstract): the regenerated validators
 * check a value of it as `base` and its `@odata.type` is one more name the types allow; the old ones
 * refuse the name. Not breaking, as a new type is not in a whole diff either. `before`: the type in
 * the old version's whole model, where it was under a base the slice did not keep, or abstract.
 */
function leftOutDetail(name: string, base: string, before: { baseType?: string; abstract: boolean } | undefined, old: ModelSummary): string {
  const was =
    before?.baseType === undefined ? ", had no base type"
    : before.baseType === base ? ""
    : `, was a subtype of ${before.baseType} (${old.types.has(before.baseType) ? "in the slice only as a base type" : "not in the slice"})`;
  const what = !before ? `subtype of ${base} (in the slice) added` : `now a subtype of ${base} (in the slice)${was}${before.abstract ? ", no longer abstract" : ""}`;
  return `${what}, left out of the slice: a response may carry it (@odata.type "#${name}"), which the regenerated validators check as ${base} and the old ones refuse; --include-derived takes it in`;
}

/** A set's, singleton's or import's container in another namespace, said without naming modules (no requests module is generated). */
function containerOnly(before: string | undefined, after: string | undefined): [string, boolean] | undefined {
  return before !== undefined && after !== undefined && before !== after ? [`its container is now in ${after}`, true] : undefined;
}

/**
 * An import's change said without naming what only the requests module has (its function, its
 * module): what it calls, where its container is. Breaking as with requests (the note then says why it
 * is not); undefined when nothing changed.
 */
function importWithoutRequests(ia: ImportSummary, ib: ImportSummary, moves: ReadonlyMap<string, string>): [string, boolean] | undefined {
  const kind = ia.kind === "action import" ? "action" : "function";
  const container = containerOnly(ia.namespace, ib.namespace);
  const moved = ib.kind === ia.kind && ib.operation !== ia.operation && moves.get(ia.operation) === ib.operation;
  const call: [string, boolean] | undefined =
    moved ? [`its ${kind} moved from ${ia.operation} to ${ib.operation}`, false]
    : ib.kind !== ia.kind || ib.operation !== ia.operation ? [`was ${ia.kind} of ${ia.operation}, now ${ib.kind} of ${ib.operation}`, true]
    : undefined;
  if (call && container) return [`${call[0]}; ${container[0]}`, true];
  return call ?? container;
}

/** A bound operation's key (`ns.f(a.t)`) with its binding type's name as the new version names it (`ns.f(b.t)`). */
function movedBinding(key: string, o: OperationSummary, renamed: (name: string) => string): string {
  if (o.binding === undefined) return key;
  const collection = o.binding.startsWith("Collection(");
  const type = collection ? o.binding.slice("Collection(".length, -1) : o.binding;
  const to = renamed(type);
  if (to === type) return key;
  const open = key.indexOf("(");
  return `${key.slice(0, open)}(${collection ? `Collection(${to})` : to})${key.slice(open + o.binding.length + 2)}`;
}

/** An operation's qualified name, from its key (`ns.f(ns.t)[x]`). */
function qualified(key: string): string {
  return key.slice(0, key.indexOf("("));
}

/** An operation's key with its parameter names, as the key of an overloaded one is written. */
function withParameters(key: string, o: OperationSummary): string {
  return key.endsWith("]") ? key : `${key}[${o.parameters.map((p) => p.name).join(",")}]`;
}

/** Where a member a type no longer declares is declared now: one of its base types in `all`, if any. */
function inheritedFrom<T>(all: ModelSummary, t: TypeSummary, members: (x: TypeSummary) => Map<string, T>, name: string): [string, T] | undefined {
  const seen = new Set<string>();
  for (let base = t.baseType; base !== undefined && !seen.has(base); base = all.types.get(base)?.baseType) {
    seen.add(base);
    const found = all.types.get(base) && members(all.types.get(base)!).get(name);
    if (found) return [base, found];
  }
  return undefined;
}

function compareType(name: string, a: TypeSummary, b: TypeSummary, ctx: Ctx): void {
  const { add, now: all } = ctx;
  if (a.kind !== b.kind) {
    add("changed", "type", name, `was ${aTypeKind(a.kind)}, now ${aTypeKind(b.kind)}`, true);
    return;
  }
  if (a.baseType !== b.baseType && (a.baseType === undefined || ctx.renamed(a.baseType) !== b.baseType)) add("changed", "type", name, `base type ${a.baseType ?? "(none)"} → ${b.baseType ?? "(none)"}`, true);
  if (!a.abstract && b.abstract) add("changed", "type", name, "became abstract", true);
  if (a.abstract && !b.abstract) add("changed", "type", name, ...noLongerAbstract(name, b, ctx));
  if (a.open && !b.open) add("changed", "type", name, "no longer open", true);
  if (!a.open && b.open) add("changed", "type", name, "became open", false);
  if (a.underlying !== b.underlying) add("changed", "type", name, `underlying type ${a.underlying} → ${b.underlying}`, !widens(a.underlying ?? "", b.underlying ?? ""));
  // A type definition's facets, compared as a property's are (a shorter MaxLength, a smaller Precision).
  else if (a.kind === "typedef" && ctx.recorded && a.underlying)
    compareUse(name, "type", { type: a.underlying, collection: false, nullable: true, ...a.facets }, { type: a.underlying, collection: false, nullable: true, ...b.facets }, ctx);
  if (a.isFlags !== b.isFlags) add("changed", "type", name, b.isFlags ? "became a flags enum" : "no longer a flags enum", true);
  // Unknown (undefined) in a summary kept by an older version: nothing to compare.
  if (a.key && b.key && a.key.join(",") !== b.key.join(",")) {
    // A key-less type that gains one gains collections; any other change breaks every byKey call
    // (requests module). No interface names the key; a property's nullability it changes has its own line.
    const unkeyed = a.key.length ? replaceNeeds(a.key, b) : [];
    const needs = unkeyed.length && ctx.outputs.validators ? `: ${unkeyed.join(", ")}, no longer ${unkeyed.length > 1 ? "keys" : "a key"}, ${unkeyed.length > 1 ? "are" : "is"} required by the validators' replace mode (a PUT's body)` : "";
    const silent = ctx.outputs.requests ? sameKeyArgument(a, b) : undefined;
    const unseen = silent ? `; byKey still takes a value of ${silent}, so a call that passes ${a.key[0]} compiles as before and now looks the entity up by ${b.key[0]}` : "";
    add("changed", "type", name, `key (${a.key.join(", ")}) → (${b.key.join(", ")})${needs}${unseen}`, a.key.length > 0 && (unkeyed.length ? BODIES : ["requests"]), a.key.length === 0);
  }
  if (ctx.unions && a.union === true && b.union !== true && b.kind === "complex" && !b.abstract)
    add("changed", "type", name, `its nested values are no longer its Any… union (${familyLoss(name, all)}): the Any… type is gone and properties typed with it are typed as it alone, so narrowing on @odata.type to a subtype's property no longer compiles`, true);
  if (!(a.union === true) && b.union === true && ctx.unions && a.kind === "complex")
    add("changed", "type", name, "its nested values are now its Any… union of subtypes, which @odata.type narrows (a value typed as it still fits)", false);
  // A write type (`XInput`) is a name of the requests module that code may name (`rt.New<XInput>`).
  if (ctx.writeTypes) {
    const gone = (a.writeTypes ?? []).filter((w) => !(b.writeTypes ?? []).includes(w));
    const now = b.writeTypes?.length ? b.writeTypes.map((w) => `…${w}`).join(" and ") : "none";
    if (gone.length)
      add("changed", "type", name, `its write type${gone.length > 1 ? "s" : ""} ${gone.map((w) => `…${w}`).join(" and ")} in the requests module ${gone.length > 1 ? "are" : "is"} gone (now ${now}): code naming ${gone.length > 1 ? "them" : "it"} no longer compiles`, ["requests"]);
  }
  // Only the media request functions (`xContent`) know it: no interface or validator changes.
  if (a.hasStream === true && b.hasStream === false) add("changed", "type", name, "no longer a media entity (HasStream)", ["requests"]);
  if (a.hasStream === false && b.hasStream === true) add("changed", "type", name, "became a media entity (HasStream)", false, true);
  if (ctx.mediaTypes && a.hasStream && b.hasStream) {
    const c = mediaTypesChange(a.mediaTypes, b.mediaTypes);
    if (c) add("changed", "type", name, `its media: ${c.detail}`, c.narrowed && ["requests"]);
  }

  // A property removed and one added that match each other alone: likely one renamed (renames.ts).
  const goneProperties = new Map([...a.properties].filter(([p]) => !b.properties.has(p) && !inheritedFrom(all, b, (x) => x.properties, p)));
  const newProperties = new Map([...b.properties].filter(([p]) => !a.properties.has(p)));
  const propertyHints = renameHints(name, goneProperties, newProperties, { was: (u) => `${ctx.renamed(u.type)}\n${u.collection}`, now: (u) => `${u.type}\n${u.collection}` }, "the same type");
  for (const [p, ua] of a.properties) {
    const ub = b.properties.get(p);
    // Moved to a base type, the type still has it.
    const moved = ub ? undefined : inheritedFrom(all, b, (x) => x.properties, p);
    if (moved) {
      add("changed", "property", `${name}/${p}`, `now inherited from ${moved[0]}`, false);
      compareUse(`${name}/${p}`, "property", ua, moved[1], ctx, b.kind === "entity", false, written(name, b, p, ua, moved[1], ctx));
    } else if (!ub) {
      const hint = propertyHints.removed(p);
      add("removed", "property", `${name}/${p}`, `property removed (was ${typeLabel(ua)})${hint.words}`, true, false, hint.path);
    }
    else compareUse(`${name}/${p}`, "property", ua, ub, ctx, b.kind === "entity", false, written(name, b, p, ua, ub, ctx));
  }
  // A new non-nullable property is one more that a PUT's body, or a complex value written, must give.
  for (const [p, ub] of newProperties) {
    const { detail, breaking } = addedProperty(name, b, p, ub, isStreamUse(ub, all), ctx.outputs);
    const hint = propertyHints.added(p);
    // An entity's new property breaks a replace body only (a complex value's, its interface too).
    add("added", "property", `${name}/${p}`, `${detail}${hint.words}`, breaking && (b.kind === "entity" ? BODIES : true), false, hint.path);
  }

  const goneNavigation = new Map([...a.navigation].filter(([n]) => !b.navigation.has(n) && !inheritedFrom(all, b, (x) => x.navigation, n)));
  const newNavigation = new Map([...b.navigation].filter(([n]) => !a.navigation.has(n)));
  const navigationHints = renameHints(name, goneNavigation, newNavigation, { was: (n) => `${ctx.renamed(n.target)}\n${n.collection}\n${n.containsTarget}`, now: (n) => `${n.target}\n${n.collection}\n${n.containsTarget}` }, "the same target");
  for (const [n, na] of a.navigation) {
    const moved = b.navigation.has(n) ? undefined : inheritedFrom(all, b, (x) => x.navigation, n);
    if (moved) add("changed", "navigation property", `${name}/${n}`, `now inherited from ${moved[0]}`, false);
    const nb = b.navigation.get(n) ?? moved?.[1];
    const path = `${name}/${n}`;
    if (!nb) add("removed", "navigation property", path, `navigation property removed (was ${label(na)})${navigationHints.removed(n).words}`, true, false, navigationHints.removed(n).path);
    else if (ctx.renamed(na.target) !== nb.target || na.collection !== nb.collection || na.containsTarget !== nb.containsTarget)
      add("changed", "navigation property", path, `${label(na)} → ${label(nb)}`, true);
    // Its read narrows (`U | null` → `U`); bodies that sent null (their types, the validators) break.
    // A complex value's interface is built by code, as for a property (compareUse).
    else if (na.nullable && !nb.nullable) add("changed", "navigation property", path, "became non-nullable", b.kind === "entity" ? BODIES : true);
    // A single-valued one's generated read (getX) is then typed `| null`: code using it breaks.
    else if (!na.nullable && nb.nullable) add("changed", "navigation property", path, nb.collection ? "became nullable" : "became nullable: its reads are typed | null", !nb.collection);
    // An expanded one's items are typed as the allowed types too (requests-view.ts): narrowed, code naming a type left out breaks.
    const derived = nb && ctx.derivedTypes && ctx.renamed(na.target) === nb.target ? derivedTypesChange(na.derivedTypes, nb.derivedTypes) : undefined;
    if (derived) add("changed", "navigation property", path, derived.detail, derived.narrowed && ["validators", "requests"]);
    // What a deep insert through it may leave out (its partner's referential constraint, which the
    // validators read: vr.tied): one no longer tied must be sent, which the validators then check.
    if (nb && ctx.tied && ctx.renamed(na.target) === nb.target) {
      const untied = (na.tied ?? []).filter((p) => !(nb.tied ?? []).includes(p));
      const newly = (nb.tied ?? []).filter((p) => !(na.tied ?? []).includes(p));
      if (untied.length) add("changed", "navigation property", path, `a deep insert through it may no longer leave out ${untied.join(", ")} (its partner's referential constraint is gone): the generated validators check ${untied.length > 1 ? "them" : "it"} there`, ["validators"]);
      if (newly.length) add("changed", "navigation property", path, `a deep insert through it may leave out ${newly.join(", ")} (its partner's referential constraint ties ${newly.length > 1 ? "them" : "it"})`, false);
    }
    // Core.AutoExpand (format 10, as `tied`): reads without $select are typed with it; taken away, code reading it breaks.
    if (nb && ctx.tied && na.autoExpand !== nb.autoExpand)
      add("changed", "navigation property", path, na.autoExpand ? "no longer expanded unasked (Core.AutoExpand): a read without $expand is typed without it" : "now expanded unasked (Core.AutoExpand): a read without $select is typed with it", na.autoExpand === true && ["requests"]);
  }
  for (const [n, nb] of newNavigation) {
    const hint = navigationHints.added(n);
    add("added", "navigation property", `${name}/${n}`, `navigation property added: ${label(nb)}${hint.words}`, false, false, hint.path);
  }

  const goneMembers = new Map([...a.members].filter(([m]) => !b.members.has(m)));
  const newMembers = new Map([...b.members].filter(([m]) => !a.members.has(m)));
  const memberHints = renameHints(name, goneMembers, newMembers, { was: (v) => `${typeof v}\n${v}`, now: (v) => `${typeof v}\n${v}` }, "the same value");
  for (const [m, va] of a.members) {
    const vb = b.members.get(m);
    if (vb === undefined) add("removed", "enum member", `${name}/${m}`, `enum member removed${memberHints.removed(m).words}`, true, false, memberHints.removed(m).path);
    else if (va !== vb) add("changed", "enum member", `${name}/${m}`, `value ${va} → ${vb}`, true);
  }
  const sentinel = b.members.get(SENTINEL);
  for (const [m, vb] of newMembers) {
    const hint = memberHints.added(m);
    // An evolvable enum's member after its sentinel reaches only a client that asks for it (model/evolvable-enums.ts).
    const later = sentinel !== undefined && comesAfter(vb, sentinel) ? `, after ${SENTINEL}: sent only to a request preferring ${INCLUDE_UNKNOWN}` : "";
    add("added", "enum member", `${name}/${m}`, `enum member added (= ${vb})${later}${hint.words}`, false, false, hint.path);
  }
}

/**
 * The old key properties of an entity type that the new validators' replace mode (a PUT's body)
 * requires, which it did not as keys (validation.ts mustSend): own properties of `b` outside its key
 * that are not nullable, computed, read-only, immutable or streams. A key named by a path (an alias) is no own
 * property: the validators never flagged it.
 */
/**
 * A single-property key replaced by another of the same type (`ID` → `Email`, both Edm.String):
 * `byKey(value)` takes the same argument, so no caller's code stops compiling, though each now
 * addresses another entity. That type, else undefined (a composite key is an object of names,
 * whose change the compiler sees).
 */
function sameKeyArgument(a: TypeSummary, b: TypeSummary): string | undefined {
  if (a.key?.length !== 1 || b.key?.length !== 1) return undefined;
  const [was, now] = [a.properties.get(a.key[0]), b.properties.get(b.key[0])];
  return was && now && was.type === now.type && !was.collection && !now.collection ? was.type : undefined;
}

function replaceNeeds(keyBefore: readonly string[], b: TypeSummary): string[] {
  return keyBefore.filter((k) => {
    const u = b.properties.get(k);
    return u !== undefined && !b.key?.includes(k) && !u.nullable && !u.computed && !u.readOnly && !u.immutable && u.type !== "Edm.Stream";
  });
}

/**
 * An abstract type that became concrete: its `Any…` union of concrete subtypes (emit/types-view.ts)
 * goes, and what was typed with it is typed as it alone, unless it is a complex type whose nested
 * values are now its family's union, which keeps the name and holds the subtypes it held.
 */
function noLongerAbstract(name: string, b: TypeSummary, ctx: Ctx): [string, boolean] {
  // A moved type's subtypes name it by its old name there.
  const was = [...ctx.before.types.keys()].find((n) => ctx.renamed(n) === name) ?? name;
  const concrete = [...ctx.before.types].filter(([, t]) => !t.abstract && below(ctx.before, t, was)).map(([n]) => n);
  const kept = b.kind === "complex" && (!ctx.unions || b.union === true);
  if (!concrete.length || kept) return ["no longer abstract", false];
  return [`no longer abstract: its Any… union of concrete subtypes (${concrete.join(", ")}) is gone and properties typed with it are typed as it alone, so narrowing on @odata.type to a subtype's property no longer compiles`, true];
}

/** Whether `t` derives from `name`, directly or not. */
function below(all: ModelSummary, t: TypeSummary, name: string): boolean {
  const seen = new Set<string>();
  for (let base = t.baseType; base !== undefined && !seen.has(base); base = all.types.get(base)?.baseType) {
    if (base === name) return true;
    seen.add(base);
  }
  return false;
}

/** Why complex type `name`'s values are no longer its `Any…` union in `all` (emit/context.ts subtypeFamily). */
function familyLoss(name: string, all: ModelSummary): string {
  const family = [...all.types].filter(([, t]) => below(all, t, name));
  if (family.length + 1 > 24) return `it and its subtypes are ${family.length + 1} types, over 24`;
  const requiring = family.find(([, t]) => [...t.properties.values()].some((u) => !u.nullable && u.type !== "Edm.Stream"));
  return requiring ? `subtype ${requiring[0]} has a property that is not nullable` : "a subtype changed";
}

function label(n: { target: string; collection: boolean; containsTarget: boolean }): string {
  return `${n.collection ? `Collection(${n.target})` : n.target}${n.containsTarget ? ", contained" : ""}`;
}

/**
 * `entity`: a property of an entity type, whose interface code reads and does not build (as for a
 * property added: added-property.ts): that it became non-nullable breaks the bodies a PUT sends only.
 * `required`: a parameter that also became required, whose line says that it became non-nullable.
 * `written`: where a property a PUT's body left out must now be given, what requires it (nowWritten).
 */
function compareUse(path: string, element: Element, a: TypeUse, b: TypeUse, ctx: Ctx, entity = false, required = false, written?: string): void {
  const { add } = ctx;
  // `MaxLength="max"` is no MaxLength to the generated code (and JSON CSDL leaves it out).
  if (a.maxLength === "max") a = { ...a, maxLength: undefined };
  if (b.maxLength === "max") b = { ...b, maxLength: undefined };
  // A moved type, named by its new name: the move is its one change.
  if (a.type !== b.type && ctx.renamed(a.type) === b.type && a.collection === b.collection) a = { ...a, type: b.type };
  if (a.type !== b.type || a.collection !== b.collection || a.maxLength !== b.maxLength) {
    const widened = a.collection === b.collection && (a.type === b.type || widens(a.type, b.type)) && longerOrSame(a.maxLength, b.maxLength);
    const sameType = a.type === b.type && a.collection === b.collection;
    // A MaxLength is no part of a generated TypeScript type: only the validators check it.
    add("changed", element, path, `type ${typeLabel(a)} → ${typeLabel(b)}${widened ? " (widened)" : sameType ? " (narrowed)" : ""}`, !widened && (sameType ? ["validators"] : true));
  }
  compareFacets(path, element, a, b, ctx, true);
  // Constraints are no part of a generated TypeScript type either: only the validators check them.
  if (ctx.constraints && a.type === b.type && a.collection === b.collection && sameConstraintRule(b, ctx))
    for (const c of constraintChanges(a.constraints, b.constraints)) add("changed", element, path, c.detail, c.narrowed && ["validators"]);
  if (ctx.derivedTypes && a.type === b.type && a.collection === b.collection) {
    const c = derivedTypesChange(a.derivedTypes, b.derivedTypes);
    if (c) add("changed", element, path, c.detail, c.narrowed && ["validators"]);
  }
  // What a stream property's builder takes (rt.writeStream's contentType, and its check).
  if (ctx.mediaTypes && a.type === b.type && a.collection === b.collection) {
    const c = mediaTypesChange(a.mediaTypes, b.mediaTypes);
    if (c) add("changed", element, path, c.detail, c.narrowed && ["requests"]);
  }
  if (ctx.recorded) compareWritable(path, element, a, b, ctx, written);
  if (a.nullable && !b.nullable && !required) add("changed", element, path, "became non-nullable", entity ? BODIES : true);
  if (!a.nullable && b.nullable) {
    // A property's read is then optional, and a single value's typed `| null` (types-view.ts):
    // code that read it as always there no longer compiles. A parameter only widens what is sent.
    const read = element === "property" && !isStreamUse(b, ctx.now);
    add("changed", element, path, !read ? "became nullable" : b.collection ? "became nullable: its reads are optional" : "became nullable: its reads are optional and typed | null", read);
  }
  // Reads do not hold a write-only property: its read is optional whatever its Nullable (model/rules.ts alwaysPresent).
  if (ctx.writeOnly && element === "property") {
    // Its read was always there (Nullable="false", no stream) before it became write-only.
    const required = !a.nullable && !isStreamUse(b, ctx.now);
    if (!a.writeOnly && b.writeOnly) add("changed", element, path, `became write-only (Core.Permissions Write): reads do not hold it${required ? ", and its read is optional" : ""}`, required);
    if (a.writeOnly && !b.writeOnly) add("changed", element, path, "no longer write-only (Core.Permissions): reads hold it", false);
  }
}

/** Compares an operation no generated code names (uncalled.ts): each of its lines is `ok`, and adds no API. */
function uncalledCtx(ctx: Ctx, o: OperationSummary): Ctx {
  return { ...ctx, add: (kind, element, path, detail, _breaks, _adds, rename) => ctx.add(kind, element, path, detail + uncalledWords(o), false, false, rename) };
}

/** What a property no longer left out of a PUT's body requires there (added-property.ts nowWritten). */
function written(name: string, t: TypeSummary, p: string, a: TypeUse, b: TypeUse, ctx: Ctx): string | undefined {
  return ctx.recorded ? nowWritten(name, t, p, a, b, isStreamUse(b, ctx.now), ctx.outputs) : undefined;
}

/** A stream property (Edm.Stream or a type definition of it): optional in reads whatever its Nullable. */
function isStreamUse(u: TypeUse, all: ModelSummary): boolean {
  return u.type === "Edm.Stream" || all.types.get(u.type)?.underlying === "Edm.Stream";
}

/**
 * Core.Computed, Core.Immutable and Core.Permissions, as the generated validators read them: a
 * computed or read-only (`Read` alone) property is refused in create and update bodies, an immutable
 * one in update bodies. Read-only is compared between two summaries of READ_ONLY_FORMAT only.
 * `written`: the term taken away leaves a non-nullable property that a PUT's body must now give
 * (nowWritten), said on the first line that takes one away, which then breaks the bodies.
 */
function compareWritable(path: string, element: Element, a: TypeUse, b: TypeUse, ctx: Ctx, written?: string): void {
  let pending = written;
  const add: Add = (kind, element, path, detail, breaks, adds, rename) => {
    const now = breaks === false && pending && /^no longer /.test(detail) ? pending : undefined;
    if (now) pending = undefined;
    ctx.add(kind, element, path, now ? `${detail}, and, not nullable, it is ${now}` : detail, now ? BODIES : breaks, adds, rename);
  };
  // Said of the validators when they are generated, else of the write types (requests module).
  const refused = (bodies: string) => (ctx.outputs.validators || !ctx.outputs.requests ? `the generated validators refuse it in ${bodies} bodies` : `the generated ${bodies} body types leave it out`);
  if (!a.computed && b.computed) add("changed", element, path, `became Core.Computed: ${refused("create and update")}`, BODIES);
  if (a.computed && !b.computed) add("changed", element, path, "no longer Core.Computed: it may be sent", false);
  // Computed already refused it in bodies; read-only refuses it as computed does.
  if (ctx.readOnly && !a.readOnly && b.readOnly) add("changed", element, path, `became read-only (Core.Permissions Read): ${refused("create and update")}`, !a.computed && !b.computed && BODIES);
  if (ctx.readOnly && a.readOnly && !b.readOnly) add("changed", element, path, "no longer read-only (Core.Permissions): it may be sent", false);
  // Computed already refused it in updates.
  if (!a.immutable && b.immutable) add("changed", element, path, `became Core.Immutable: ${refused("update")}`, !a.computed && !b.computed && !(ctx.readOnly && b.readOnly) && BODIES);
  if (a.immutable && !b.immutable) add("changed", element, path, "no longer Core.Immutable: it may be changed", false);
}

/**
 * Facet changes of a use whose type stayed (else the type change says it). `written`: the client
 * sends such values, so narrowed facets break it (the generated validators refuse some it sent).
 */
function compareFacets(path: string, element: Element, a: TypeUse, b: TypeUse, ctx: Ctx, written: boolean, prefix = ""): void {
  if (!ctx.recorded || a.type !== b.type || a.collection !== b.collection) return;
  const primitive = b.type.startsWith("Edm.") ? b.type : ctx.now.types.get(b.type)?.underlying;
  // Facets are no part of a generated TypeScript type: only the validators check them.
  for (const c of facetChanges(primitive, a, b)) ctx.add("changed", element, path, prefix + c.detail, written && c.narrowed && ["validators"]);
}

/**
 * Whether both summaries record `use`'s constraints by the same rule: always but for a use of a
 * type definition, whose constraints an own one that cannot be checked hid before format 15.
 */
function sameConstraintRule(use: TypeUse, ctx: Ctx): boolean {
  return ctx.typedefConstraints || ctx.now.types.get(use.type)?.kind !== "typedef";
}

function compareOperation(key: string, a: OperationSummary, b: OperationSummary, ctx: Ctx): void {
  const { add } = ctx;
  const pa = new Map(a.parameters.map((p) => [p.name, p]));
  const pb = new Map(b.parameters.map((p) => [p.name, p]));
  for (const [n, ua] of pa) {
    const ub = pb.get(n);
    if (!ub) add("changed", "operation", key, `parameter ${n} removed`, true);
    else {
      // Unknown (undefined) in a summary kept by an older version: nothing to compare.
      const required = ua.optional === true && ub.optional === false;
      // A narrowed constraint breaks: values the caller sent are now refused (validateXParameters, the service).
      compareUse(`${key}/${n}`, "operation", ua.use, ub.use, ctx.operationConstraints ? ctx : { ...ctx, constraints: false }, false, required);
      // An action's nullable parameter is optional: one change of its Nullable, one line.
      const nonNullable = ua.use.nullable && !ub.use.nullable;
      if (required) add("changed", "operation", `${key}/${n}`, nonNullable ? "parameter became required and non-nullable" : "parameter became required", true);
      if (ua.optional === false && ub.optional === true) add("changed", "operation", `${key}/${n}`, "parameter became optional", false, true);
    }
  }
  // A new parameter breaks callers unless they may leave it out (Core.OptionalParameter, or a
  // nullable action parameter); a function's nullable parameter must still be given. The first
  // parameter of an operation that had none breaks callers even so: its function gains a `params`
  // argument before `options` (operation-view.ts), so a call passing options no longer compiles.
  let first = pa.size === 0;
  for (const [n, ub] of pb) {
    if (pa.has(n)) continue;
    const optional = ub.optional === true;
    const shifts = optional && first;
    first = false;
    const detail = `parameter ${n} added${optional ? " (optional)" : " (required)"}${shifts ? PARAMS_BEFORE_OPTIONS : ""}`;
    add("changed", "operation", key, detail, !optional || shifts, optional);
  }
  const ra = a.returns ? typeLabel(a.returns) : "nothing";
  const rb = b.returns ? typeLabel(b.returns) : "nothing";
  const same = a.returns && b.returns ? typeLabel({ ...a.returns, type: ctx.renamed(a.returns.type) }) === rb : ra === rb;
  if (!same) add("changed", "operation", key, `returns ${ra} → ${rb}`, true);
  else if (a.returns && b.returns && !a.returns.nullable && b.returns.nullable) add("changed", "operation", key, "return value became nullable", true);
  // The client only reads a return value: narrower facets refuse nothing it sends.
  if (a.returns && b.returns && same) compareFacets(key, "operation", { ...a.returns, type: b.returns.type }, b.returns, ctx, false, "return value ");
  // Nor do its constraints, as its facets: a narrower result is one the client took before, and the
  // validators of a wider one are generated from the new spec.
  if (ctx.operationConstraints && a.returns && b.returns && same && sameConstraintRule(b.returns, ctx))
    for (const c of constraintChanges(a.returns.constraints, b.returns.constraints)) add("changed", "operation", key, `return value ${c.detail}`, false);
  const explicit = ctx.explicitBindings ? explicitOperationChange(a, b) : undefined;
  if (explicit) add("changed", "operation", key, ...explicit);
  if (ctx.queryOptions) for (const [detail, breaks] of requiredQueryChanges(a.requiredQuery, b.requiredQuery, "to call it")) add("changed", "operation", key, detail, breaks);
}

/**
 * Wider types that keep the generated TypeScript type: the small integers are all `number`, Int64
 * and Decimal `number | string`, Single and Double `number | SpecialFloat`. Int32 → Int64 holds more
 * values, but code that reads a `number` would then get `number | string`: that is a change.
 */
const WIDER: Record<string, string[]> = {
  "Edm.Byte": ["Edm.Int16", "Edm.Int32"],
  "Edm.SByte": ["Edm.Int16", "Edm.Int32"],
  "Edm.Int16": ["Edm.Int32"],
  "Edm.Int64": ["Edm.Decimal"],
  "Edm.Single": ["Edm.Double"],
  Byte: ["Int16", "Int32"],
  SByte: ["Int16", "Int32"],
  Int16: ["Int32"],
  Int64: ["Decimal"],
  Single: ["Double"],
};

function widens(from: string, to: string): boolean {
  return WIDER[from]?.includes(to) ?? false;
}

function longerOrSame(a: number | "max" | undefined, b: number | "max" | undefined): boolean {
  if (a === b || b === undefined || b === "max") return true;
  if (a === undefined || a === "max") return false;
  return b >= a;
}
