/**
 * `--why`: for the types and operations a name pattern matches, why the slice keeps each one — the
 * chain of reasons from it back to what an `--include` selected — or why it leaves it out.
 *
 * The slice records every reason its closure met per kept element, and why-routes.ts picks those
 * of a shortest chain; this module turns the chain into text.
 */
import type { Model, Operation, SchemaType, StructuredType } from "../../model/types";
import { namesElement, type NamePattern } from "./glob";
import type { BeyondStop, PathRoute } from "./paths";
import { beyondStopMessage } from "./star-stops";
import type { BelowExcluded } from "./excluded-bases";
import { optionName, type NamedBy, type OptionName } from "../../option-names";
import { leavesOutSubtypes, manySubtypesReason } from "./many-subtypes";
import { levelNeeded, next, type Chains, type Level } from "./why-routes";

/** Why the slice keeps one type or operation. `of`, `op` and `to` are kept too: the chain goes on there. */
export type Reason =
  | { kind: "include"; pattern: string }
  | { kind: "imported"; origin: string }
  | { kind: "everything" }
  | { kind: "addressed"; route: PathRoute }
  | { kind: "onPath"; route: PathRoute }
  | { kind: "base"; of: StructuredType }
  | { kind: "property"; of: StructuredType; name: string }
  | { kind: "derived"; of: StructuredType; abstract: boolean }
  | { kind: "navigation"; of: StructuredType; name: string }
  | { kind: "operation"; op: Operation; role: "binding" | "parameter" | "result"; name?: string }
  | { kind: "bound"; to: SchemaType }
  | { kind: "named"; route: PathRoute };

export type Reasons = Map<SchemaType | Operation, Reason>;

/** One link of a chain: an element, and why it is there (or why it is not). */
export interface WhyStep {
  name: string;
  reason: string;
}

/** The answer for one element a `--why` pattern matched. */
export interface WhyAnswer {
  name: string;
  kept: boolean;
  /** From the element back to an `--include`; one step when it is not kept. */
  chain: WhyStep[];
}

export interface WhyReport {
  pattern: string;
  /** How many types and operations the pattern matched; `answers` holds at most MAX_ANSWERS of them. */
  matched: number;
  answers: WhyAnswer[];
}

/** Answers printed per pattern: `--why 'microsoft.graph.*'` would otherwise print thousands. */
export const MAX_ANSWERS = 20;

export interface WhyInput {
  model: Model;
  /** How the answers name the options: the CLI's flags (the default), or generate()'s options (option-names.ts). */
  namedBy?: NamedBy | undefined;
  /** For the include patterns a file of requests made (`--include @file`), where: `--include @app.har, its request at line 12`. */
  origins?: ReadonlyMap<string, string> | undefined;
  operations: readonly Operation[];
  /** The first reason the slice found for each kept element. */
  reasons: Reasons;
  /** The reasons of shortest chains (why-routes.ts), when known: else the chain follows `reasons`. */
  chains?: Chains | undefined;
  keep: ReadonlySet<SchemaType>;
  keepOps: ReadonlySet<Operation>;
  /** Operations selected but left out when read: a type they name is not defined (ODG103). */
  leftOut: ReadonlySet<Operation>;
  /** The kept types used as values (not only as a base type): `--include-derived` keeps their subtypes. */
  asValue: ReadonlySet<SchemaType>;
  /** The kept types a value may be of (`valueTypes`: also navigation targets): their left-out subtypes' values are taken. */
  values: ReadonlySet<SchemaType>;
  /** Whether `--include-derived` was given. */
  includeDerived: boolean;
  /** The `--exclude` name pattern that leaves an element out, if one does. */
  excludedBy: (x: { qualifiedName: string; namespace: string }) => string | undefined;
  /** The `--exclude` URL path that names an operation the slice leaves out, if one does. */
  excludedPath: (op: Operation) => string | undefined;
  /** What a wildcard selected and the slice left out with an excluded base type (excluded-bases.ts). */
  below: ReadonlyMap<SchemaType | Operation, BelowExcluded>;
  /** Where an include's `**` stopped on the way to a type it would otherwise reach, and the pattern that goes on (when it reaches the type). */
  beyondStop?: ((t: StructuredType) => { stop: BeyondStop; example: string | undefined } | undefined) | undefined;
  /** The URL path through a kept type's navigation property that addresses its target (`/me/mailFolders`), when a path reaches the kept type. */
  navigationPath?: ((of: StructuredType, name: string, target: StructuredType) => string | undefined) | undefined;
  /**
   * Of the URL path a kept element's reason names: what it says when the path goes through a type an
   * `--exclude` leaves out (`a path through microsoft.graph.drive (/me/drive), which …`), so that no path builder follows it.
   */
  routeCut?: ((route: PathRoute) => string | undefined) | undefined;
  /** Of an element whose reason's path `routeCut` cuts: the reason with another path to it that none cuts, if there is one. */
  uncut?: ((x: SchemaType | Operation, r: Reason) => Reason | undefined) | undefined;
}

export function explain(input: WhyInput, patterns: readonly NamePattern[]): WhyReport[] {
  const label = labeller(input.operations);
  return patterns.map((p) => {
    const hits: (SchemaType | Operation)[] = [];
    for (const t of input.model.types.values()) if (namesElement(p, t)) hits.push(t);
    for (const op of input.operations) if (namesElement(p, op)) hits.push(op);
    // Kept ones first, then by name: the answers a user is after when a slice is larger than expected.
    const kept = (x: SchemaType | Operation) => (isOperation(x) ? input.keepOps.has(x) : input.keep.has(x));
    hits.sort((a, b) => Number(kept(b)) - Number(kept(a)) || compare(label(a), label(b)));
    return { pattern: p.text, matched: hits.length, answers: hits.slice(0, MAX_ANSWERS).map((x) => answer(input, x, kept(x), label)) };
  });
}

function answer(input: WhyInput, x: SchemaType | Operation, kept: boolean, label: Label): WhyAnswer {
  if (!kept) return { name: label(x), kept, chain: [{ name: label(x), reason: notKept(input, x, label) }] };
  const chain: WhyStep[] = [];
  const seen = new Set<Reason>();
  // Each step is the reason of a shortest chain to `cur` kept at the level the step before needs (a
  // subtype's type kept as a value, a bound operation's type selected).
  let level: Level = 0;
  for (let cur: SchemaType | Operation | undefined = x; cur; ) {
    let r: Reason | undefined = input.chains?.(cur, level) ?? input.chains?.(cur, 0) ?? input.reasons.get(cur);
    if (r && seen.has(r)) break;
    if (r) seen.add(r);
    let cut: string | undefined = r && (r.kind === "addressed" || r.kind === "onPath" || r.kind === "named") ? input.routeCut?.(r.route) : undefined;
    // A path no --exclude cuts, when there is one, rather than the first the walk found.
    const other: Reason | undefined = cut && r ? input.uncut?.(cur, r) : undefined;
    if (other) [r, cut] = [other, undefined];
    chain.push({ name: label(cur), reason: (r ? text(r, label, includeNamer(input), input.namedBy) : "kept") + (cut ? `; ${cut}` : "") });
    cur = r ? next(r) : undefined;
    level = r ? levelNeeded(r) : 0;
  }
  return { name: label(x), kept, chain };
}

/** One reason as text, an operation named by its kind and qualified name (`the result type of function ns.f`). */
export function describeReason(r: Reason, namedBy?: NamedBy): string {
  return text(r, (x) => (isOperation(x) ? `${x.kind} ${x.qualifiedName}` : x.qualifiedName), plainInclude(namedBy), namedBy);
}

/** How a reason names the include a pattern came from: `--include /People` (or `include /People`), or the file of requests and line that made it. */
type IncludeNamer = (pattern: string) => string;

const plainInclude = (namedBy: NamedBy | undefined): IncludeNamer => (pattern) => `${optionName("include", namedBy)} ${pattern}`;

function includeNamer(input: WhyInput): IncludeNamer {
  const origins = input.origins;
  const plain = plainInclude(input.namedBy);
  return origins ? (pattern) => origins.get(pattern) ?? plain(pattern) : plain;
}

function text(r: Reason, label: Label, include: IncludeNamer, namedBy: NamedBy | undefined): string {
  const option = (name: OptionName) => optionName(name, namedBy);
  switch (r.kind) {
    case "include":
      return `selected by ${include(r.pattern)}`;
    case "imported":
      return `named by the program: ${r.origin}`;
    case "everything":
      return `no ${option("include")}: everything not excluded is kept`;
    case "addressed":
      return `addressed by ${r.route.path} (${include(r.route.pattern)})`;
    case "onPath":
      return `on the URL path ${r.route.path}, on the way to what ${include(r.route.pattern)} selects`;
    case "base":
      return `the base type of ${r.of.qualifiedName}`;
    case "property":
      return `the type of property ${r.name} of ${r.of.qualifiedName}`;
    case "derived":
      return r.abstract
        ? `a subtype of ${r.of.qualifiedName}, which is abstract: its values are subtypes`
        : `a subtype of ${r.of.qualifiedName} (${option("includeDerived")})`;
    case "navigation":
      return `the target of navigation property ${r.name} of ${r.of.qualifiedName} (${option("includeNavigation")})`;
    case "operation":
      if (r.role === "binding") return `the binding type of ${label(r.op)}`;
      if (r.role === "result") return `the result type of ${label(r.op)}`;
      return `the type of parameter ${r.name} of ${label(r.op)}`;
    case "bound":
      return `bound to ${r.to.qualifiedName}, which the slice selects`;
    case "named":
      return `named by ${r.route.path} (${include(r.route.pattern)})`;
  }
}

/**
 * Why an element is not in the slice, with the flag that would bring it in when one would; for a
 * subtype of a type that may hold values, also what the slice's validators, `checkerFor` and types
 * make of its values.
 */
function notKept(input: WhyInput, x: SchemaType | Operation, label: Label): string {
  const why = notKeptReason(input, x, label);
  const base = valueBase(input, x, input.values)?.qualifiedName;
  if (!base) return why;
  return `${why}; its values are checked as ${base}, without the properties it adds (by the validators, and by checkerFor given its name), and typed as ${base} with its @odata.type`;
}

/**
 * The nearest kept base type of a left-out structured type, when a value of it may turn up in the
 * slice: that type or a base type of it is in `values` (by default, kept as a value, not only as a
 * base type).
 */
function valueBase(input: WhyInput, x: SchemaType | Operation, values = input.asValue): StructuredType | undefined {
  const base = keptBase(input, x);
  for (let b = base; b; b = b.baseType) if (values.has(b)) return base;
  return undefined;
}

/** The nearest base type of a left-out structured type that the slice keeps, if any. */
function keptBase(input: WhyInput, x: SchemaType | Operation): StructuredType | undefined {
  if (x.kind !== "entity" && x.kind !== "complex") return undefined;
  let base = x.baseType;
  while (base && !input.keep.has(base)) base = base.baseType;
  return base;
}

function notKeptReason(input: WhyInput, x: SchemaType | Operation, label: Label): string {
  const option = (name: OptionName) => optionName(name, input.namedBy);
  const plain = plainInclude(input.namedBy);
  const by = input.excludedBy(x);
  if (by) return `not in the slice: ${option("exclude")} ${by} leaves it out`;
  const under = input.below.get(x);
  if (under) {
    const how = under.selected.kind === "everything" ? `no ${option("include")} (everything)` : text(under.selected, label, plain, input.namedBy);
    const what = isOperation(x) ? `it is bound to a type below ${under.base.qualifiedName}` : `a type below ${under.base.qualifiedName}`;
    return `not in the slice: ${what}, which ${option("exclude")} ${under.by} leaves out, and only a wildcard selects it (${how}); an ${option("include")} of its qualified name keeps it`;
  }
  if (isOperation(x)) {
    const path = input.excludedPath(x);
    if (path) return `not in the slice: ${option("exclude")} ${path} leaves it out`;
    if (input.leftOut.has(x)) return "not in the slice: a type it names is not defined (ODG103), so it is left out";
    for (const r of [x.binding?.type, ...x.parameters.map((p) => p.type), x.returnType]) {
      const t = r?.type;
      const by = t && t.kind !== "primitive" ? input.excludedBy(t) : undefined;
      if (t && by) return `not in the slice: it needs ${t.qualifiedName}, which ${option("exclude")} ${by} leaves out`;
    }
    const b = x.binding?.type.type;
    if (b && b.kind !== "primitive" && !input.keep.has(b)) {
      const beyond = b.kind === "entity" || b.kind === "complex" ? beyondStop(input, b) : undefined;
      return `not in the slice: it is bound to ${b.qualifiedName}, which the slice leaves out${beyond ? `: ${beyond}` : ""}`;
    }
    // Bound to a type the slice keeps for another's sake (on a URL path's route, as a property's type, …):
    // a type's operations come with it only when a pattern selects it.
    const r = b && b.kind !== "primitive" ? input.reasons.get(b) : undefined;
    if (b && r?.kind === "imported") return `not in the slice: the program does not import it (its binding type ${b.qualifiedName} is kept for ${r.origin})`;
    if (b && r && r.kind !== "include" && r.kind !== "addressed" && r.kind !== "everything") {
      const how =
        r.kind === "onPath" ? `only on the URL path ${r.route.path}, on the way to what ${option("include")} ${r.route.pattern} selects` : `only as ${text(r, label, plain, input.namedBy)}`;
      return (
        `not in the slice: it is bound to ${b.qualifiedName}, which the slice keeps ${how}; ` +
        "a type's bound operations come with it when a pattern selects the type (by name, or a URL path that ends at it), and a URL path that ends in the operation's name keeps that one"
      );
    }
    return `not in the slice: no ${option("include")} selects it`;
  }
  const beyond = x.kind === "entity" || x.kind === "complex" ? beyondStop(input, x) : undefined;
  if (beyond) return `not in the slice: ${beyond}`;
  // A subtype, directly or below others left out, of a type that may hold values: left out because
  // a type between them is excluded (the slice keeps an excluded type only as a base type, and not
  // its subtypes), or else for want of --include-derived, which keeps the subtypes of types kept as
  // values (a navigation target is one with --include-navigation).
  const base = valueBase(input, x, input.values);
  if (base && (x.kind === "entity" || x.kind === "complex")) {
    for (let t = x.baseType; t; t = t.baseType) {
      const by = input.excludedBy(t);
      if (by && input.keep.has(t)) return `not in the slice: a subtype of ${t.qualifiedName}, which ${option("exclude")} ${by} leaves out (it is kept only as the base type of a kept type)`;
      if (by) return `not in the slice: a subtype of ${t.qualifiedName}, which ${option("exclude")} ${by} leaves out`;
      if (t === base) break;
    }
    if (!valueBase(input, x)) return `not in the slice: a subtype of ${base.qualifiedName}, kept as a base type, whose values a kept navigation property holds (${option("includeNavigation")} with ${option("includeDerived")} keeps its subtypes)`;
    if (!input.includeDerived) {
      // Below an abstract type that would bring it along but has too many subtypes (many-subtypes.ts).
      for (let t = x.baseType; t; t = t.baseType) {
        if (input.asValue.has(t) && leavesOutSubtypes(t)) {
          return `not in the slice: a subtype of ${t.qualifiedName}, which is kept; ${manySubtypesReason(t)}, and the slice keeps only those it needs otherwise (${option("includeDerived")} keeps them all)`;
        }
      }
      return `not in the slice: a subtype of ${base.qualifiedName}, which is kept (${option("includeDerived")} keeps subtypes)`;
    }
  }
  // The kept type whose navigation property a URL path can follow to it is named first, with that path.
  let first: string | undefined;
  for (const k of input.keep) {
    if (k.kind !== "entity" && k.kind !== "complex") continue;
    const nav = k.navigationProperties.find((n) => n.target === x);
    if (!nav) continue;
    const path = x.kind === "entity" || x.kind === "complex" ? input.navigationPath?.(k, nav.name, x) : undefined;
    const said = `not in the slice: the target of navigation property ${nav.name} of ${k.qualifiedName}, which is kept`;
    if (path) return `${said}: ${option("include")} ${path} keeps it (${option("includeNavigation")} keeps every navigation target, transitively)`;
    first ??= `${said} (${option("includeNavigation")} keeps navigation targets)`;
  }
  if (first) return first;
  return "not in the slice: nothing the slice keeps needs it";
}

/** How an include's `**` that stopped before `t` would reach it, and how to go on (star-stops.ts). */
function beyondStop(input: WhyInput, t: StructuredType): string | undefined {
  const b = input.beyondStop?.(t);
  return b && beyondStopMessage(b.stop, includeNamer(input)(b.stop.pattern), b.example);
}

function isOperation(x: SchemaType | Operation): x is Operation {
  return x.kind === "action" || x.kind === "function";
}

type Label = (x: SchemaType | Operation) => string;

/**
 * How an answer names an element: a type by its qualified name, an operation by its kind and name,
 * and an overloaded one (Graph's `delta` and `reply` are bound to many types) also by what it is
 * bound to, so that each overload is told apart (the CLI prints an answer's name once). Overloads
 * bound to one type differ in their parameters (Graph's workbookRange `columnsAfter`), which a
 * lazily read model may not have read yet: they are numbered in document order.
 */
function labeller(operations: readonly Operation[]): Label {
  const plain = (op: Operation) => `${op.kind} ${op.qualifiedName}`;
  const bound = (op: Operation) => {
    const b = op.binding?.type;
    return `${plain(op)} (${b ? `bound to ${b.collection ? "a collection of " : ""}${b.type.qualifiedName}` : "unbound"}`;
  };
  const count = (name: (op: Operation) => string) => {
    const n = new Map<string, number>();
    for (const op of operations) n.set(name(op), (n.get(name(op)) ?? 0) + 1);
    return n;
  };
  const plainCount = count(plain);
  const boundCount = count(bound);
  const ordinal = new Map<Operation, number>();
  const seen = new Map<string, number>();
  for (const op of operations) {
    if (boundCount.get(bound(op))! < 2) continue;
    const k = (seen.get(bound(op)) ?? 0) + 1;
    seen.set(bound(op), k);
    ordinal.set(op, k);
  }
  return (x) => {
    if (!isOperation(x)) return x.qualifiedName;
    if (plainCount.get(plain(x))! < 2) return plain(x);
    const k = ordinal.get(x);
    return k === undefined ? `${bound(x)})` : `${bound(x)}, overload ${k} of ${boundCount.get(bound(x))})`;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
