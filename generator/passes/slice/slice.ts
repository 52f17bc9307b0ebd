/**
 * Slicing (model → model): keeps the part of a service that `include` patterns select and `exclude`
 * patterns do not, closed over what that part needs to compile and validate:
 * - base types (always: a derived type's interface extends its base's);
 * - the types of properties, and of operation parameters and results;
 * - the concrete subtypes of an abstract type used as a value (it has no instances of its own);
 * - all subtypes of a selected type only with `includeDerived`, navigation targets only with
 *   `includeNavigation`; a navigation property whose target is not in the slice is left out.
 * Operations come with the types they are bound to when those are selected (by name or by path;
 * with `includeDerived`, a selected type's subtypes are selected too), unless an `exclude` path ends
 * in them.
 */
import { Codes, type DiagnosticBag, type Place, type Severity, type SourceRef } from "../../diagnostics";
import type { EntityType, Model, Operation, SchemaType, StructuredType, TypeRef } from "../../model/types";
import { copyModel, valueTypes } from "./copy";
import { wholeFamilies } from "./families";
import { ambiguitiesOverService } from "./operation-ambiguities";
import { MAX_PATH_SEGMENTS, namesElement, parsePattern, withoutKey, type NamePattern, type PathPattern, type Pattern } from "./glob";
import { nearestName } from "../../nearest-name";
import { namesEndingIn, namespacePrefix } from "./unqualified-hint";
import { selectPaths, suggestPath, type Fill, type Holds, type PathSelection } from "./paths";
import { starsAsKeysMatch, starsMissedKeys } from "./star-as-key";
import { beyondStopExample, goesOnPast, pastStopsMessage, starStopsMessage, stopsKeepTargets } from "./star-stops";
import { nothingAfter, type FillOperation } from "./composable";
import { explain, type Reason, type Reasons, type WhyReport } from "./why";
import { shortestChains, type FoundReasons } from "./why-routes";
import { excludedBase, reportExcludedBases, type BelowExcluded } from "./excluded-bases";
import { leavesOutSubtypes, manySubtypesNote } from "./many-subtypes";
import { cutOffMessage, cutOffRoutes, excludedOnWay, goneBy, keptPastMessage, openReason } from "./excluded-routes";
import { leftOutByName, leftOutByPath, leftOutMessage, leftOutOperations, type LeftOutMatch } from "./left-out";
import type { RequestFile } from "./request-patterns";
import type { ImportedElement } from "./imported-elements";
import { optionName, type NamedBy } from "../../option-names";

export interface SliceOptions {
  /** Patterns selecting what to keep; none keeps everything (then `exclude` removes). */
  include?: readonly string[];
  /** Patterns for what to leave out, even when needed by something kept (a base type is kept anyway). */
  exclude?: readonly string[];
  /** Where each `include` pattern was written, when in a config: its problems are reported there, by the config's key. */
  includePlaces?: readonly (Place | undefined)[];
  /** Where each `exclude` pattern was written. */
  excludePlaces?: readonly (Place | undefined)[];
  /**
   * How messages name the options (option-names.ts): a pattern given without a place, and the options
   * the `why` answers and the slice's warnings name: by the CLI's flag (`--include`,
   * `--include-derived`; the default), or by generate()'s option (`include`, `includeDerived`) for the library's caller.
   */
  namedBy?: NamedBy | undefined;
  /** Also keep every subtype of a selected type (and what they need). */
  includeDerived?: boolean;
  /** Also keep the targets of navigation properties (and what they need), transitively. */
  includeNavigation?: boolean;
  /** Name patterns of types and operations to explain: why the slice keeps each, or leaves it out. */
  why?: readonly string[];
  /** Files of requests whose addresses the slice keeps too (request-patterns.ts `withRequestPatterns` makes them patterns). */
  includeRequests?: readonly RequestFile[] | undefined;
  /**
   * What a program's imports of generated modules keep (imported-elements.ts): each type as the
   * value of a property is kept (with what it needs), and each operation; no operation comes with a
   * type this way, as none the program does not import is called.
   */
  includeElements?: readonly ImportedElement[] | undefined;
  /** For each include pattern a file of requests made, where (`--include @app.har, its request at line 12`), for `why`. */
  requestOrigins?: ReadonlyMap<string, string> | undefined;
  /**
   * Bound operations named alone in URLs (GenerateOptions' `unqualifiedOperations`): which names
   * stay qualified is decided over the whole service (operation-ambiguities.ts).
   */
  unqualifiedOperations?: boolean | undefined;
}

export interface SliceSummary {
  types: number;
  operations: number;
  ofTypes: number;
  ofOperations: number;
  /** With `why`: the answers, per pattern. */
  why?: WhyReport[];
}

export function isSliced(options: SliceOptions): boolean {
  return (options.include?.length ?? 0) > 0 || (options.exclude?.length ?? 0) > 0 || (options.includeRequests?.length ?? 0) > 0;
}

export interface SliceHooks {
  /**
   * With a lazily built model (model/build's `buildLazyModel`): reads a type's members. Called for
   * each type whose members the slice looks at — along URL paths, in the closure — and for every
   * kept type before `beforeCopy`.
   */
  fill?: Fill;
  /**
   * With a lazily built model: reads an operation's parameters and result (`LazyModel.fillOperation`);
   * false when the operation is left out instead (a type it names is not defined).
   */
  fillOperation?: (op: Operation) => boolean;
  /**
   * Called with the kept types once they are known, before the slice is copied out of the model
   * (the generator reads the annotation blocks that target them there).
   */
  beforeCopy?: (keep: ReadonlySet<SchemaType>) => void;
}

export function sliceModel(
  model: Model,
  options: SliceOptions,
  diags: DiagnosticBag,
  hooks: SliceHooks = {},
): { model: Model; summary: SliceSummary } {
  const { fill, fillOperation, beforeCopy } = hooks;
  const includes = (options.include ?? []).map(parsePattern);
  const excludes = (options.exclude ?? []).map(parsePattern);
  // A pattern from a config is reported where it is written, by the config's key (`include`); one
  // from the command line by its flag (`--include`), with the pattern as the path.
  const places = new Map<Pattern, Place>();
  includes.forEach((p, k) => options.includePlaces?.[k] && places.set(p, options.includePlaces[k]!));
  excludes.forEach((p, k) => options.excludePlaces?.[k] && places.set(p, options.excludePlaces[k]!));
  const named = (kind: "include" | "exclude", list: readonly Pattern[]) => (list.length > 0 && list.every((p) => places.has(p)) ? kind : optionName(kind, options.namedBy));
  const patternProblem = (severity: Severity, code: string, p: Pattern, message: string) => {
    const at = places.get(p);
    if (at) diags.addAt(code, severity, message, at);
    else diags.add(code, severity, message, p.text);
  };
  const patternError = (code: string, p: Pattern, message: string) => patternProblem("error", code, p, message);
  /** ODG302 for a pattern that matches nothing: `kind` says whether it is an include or an exclude. */
  const matchesNothing = (kind: "include" | "exclude", p: Pattern, why: string) => patternError(Codes.sliceEmpty, p, `${named(kind, [p])} ${shown(p.text)} ${why}`);
  /**
   * ODG302 for a pattern that matches only operations or imports left out with a warning (ODG103):
   * a warning, as theirs are, since the service's users cannot mend its metadata (and an exclude of
   * them is no misspelling either: what it names is out already).
   */
  const leftOutIncludes = new Set<Pattern>();
  const matchesLeftOut = (p: Pattern, found: readonly LeftOutMatch[], kind: "include" | "exclude" = "include") => {
    if (kind === "include") leftOutIncludes.add(p);
    patternProblem("warning", Codes.sliceEmpty, p, `${named(kind, [p])} ${shown(p.text)} ${leftOutMessage(found)}`);
  };
  for (const p of excludes) {
    if (p.text.startsWith("@")) patternError(Codes.badPattern, p, `${named("exclude", [p])} ${p.text}: a file of requests (@file) keeps what its requests address, as an include; an exclude takes names and URL paths`);
  }
  for (const p of [...includes, ...excludes]) {
    if (p.kind === "path" && p.segments.length > MAX_PATH_SEGMENTS) {
      patternError(Codes.badPattern, p, `path pattern ${p.text} has more than ${MAX_PATH_SEGMENTS} segments`);
    }
  }
  for (const text of options.why ?? []) {
    if (text.trim().startsWith("/") && /[*?]/.test(text)) diags.error(Codes.badPattern, `${optionName("why", options.namedBy)} ${text}: a URL path names one path (keys as {id}), without * or ?`, text);
  }
  const allOps = model.schemas.flatMap((s) => s.operations);
  if (diags.hasErrors) return { model, summary: summary(model.types.size, allOps.length, model.types.size, allOps.length) };

  const names = (list: typeof includes) => list.filter((p): p is NamePattern => p.kind === "name");
  const paths = (list: typeof includes) => list.filter((p): p is PathPattern => p.kind === "path");
  const excludeNames = names(excludes);
  const includeNames = names(includes);
  const includePaths = paths(includes);
  const imported = options.includeElements ?? [];
  const everything = includes.length === 0 && imported.length === 0;
  const excludedBy = (x: { qualifiedName: string; namespace: string }) => excludeNames.find((p) => namesElement(p, x))?.text;
  const excluded = (x: { qualifiedName: string; namespace: string }) => excludedBy(x) !== undefined;
  // The first reason each element was kept for, and for `why` every one (why-routes.ts picks a shortest chain).
  const reasons: Reasons = new Map();
  const found: FoundReasons = new Map();
  const because = (x: SchemaType | Operation, r: Reason) => {
    if (!reasons.has(x)) reasons.set(x, r);
    const list = found.get(x);
    if (list) list.push(r);
    else found.set(x, [r]);
  };
  // What a pattern selects, and by which (the first): recorded as its reason unless an --exclude cuts it.
  const selectedFor = new Map<SchemaType | Operation, Reason>();
  const select = (x: SchemaType | Operation, r: Reason) => {
    if (!selectedFor.has(x)) selectedFor.set(x, r);
  };

  // Seeds: what the patterns select directly. Each name pattern is tried once per element: the
  // first that matches is the element's reason; every one that matches is not reported empty.
  const seeds = new Set<SchemaType>();
  const seedOps = new Set<Operation>();
  const matched = new Set<NamePattern>();
  // What each include pattern selects, for one that selects only operations left out when read:
  // the patterns that select a type, and the operations each other one selects.
  const selectsType = new Set<string>();
  const selectsOps = new Map<string, Operation[]>();
  const selectedOp = (pattern: string, op: Operation) => {
    const list = selectsOps.get(pattern);
    if (list) list.push(op);
    else selectsOps.set(pattern, [op]);
  };
  const selectedBy = (x: { qualifiedName: string; namespace: string }, op?: Operation): Reason | undefined => {
    if (everything) return { kind: "everything" };
    let first: NamePattern | undefined;
    for (const p of includeNames) {
      if (!namesElement(p, x)) continue;
      matched.add(p);
      first ??= p;
      if (!op) selectsType.add(p.text);
      else if (!selectsType.has(p.text)) selectedOp(p.text, op);
    }
    return first && { kind: "include", pattern: first.text };
  };
  // An --exclude of a base type by its name leaves out with it the types below it that only a wildcard selects
  // (a glob, a namespace, no --include), and the operations such a wildcard selects bound to them;
  // what an --include names by its qualified name keeps the base type (excluded-bases.ts).
  const below = new Map<SchemaType | Operation, BelowExcluded>();
  const literal = (p: NamePattern) => !/[*?]/.test(p.text);
  const exact = new Set(includeNames.filter(literal).map((p) => p.text));
  // Only an --exclude that names the base type by its qualified name: a glob or a namespace that
  // happens to match it (`--exclude microsoft.graph`) does not take every type below it along.
  const namedExcludes = excludeNames.filter(literal);
  const excludedByName = (x: SchemaType) => namedExcludes.find((p) => p.text !== x.namespace && namesElement(p, x))?.text;
  const excludedAbove = (x: { qualifiedName: string }, t: SchemaType) =>
    namedExcludes.length > 0 && !exact.has(x.qualifiedName) && !exact.has(t.qualifiedName) ? (below.get(t) ?? excludedBase(t, excludedByName)) : undefined;
  for (const t of model.types.values()) {
    const reason = selectedBy(t);
    if (!reason) continue;
    const under = excludedAbove(t, t);
    if (under) {
      below.set(t, { base: under.base, by: under.by, selected: reason });
      continue;
    }
    seeds.add(t);
    select(t, reason);
  }
  for (const op of allOps) {
    const reason = selectedBy(op, op);
    if (!reason) continue;
    const b = op.binding?.type.type;
    const under = b && b.kind !== "primitive" && !excluded(b) ? excludedAbove(op, b) : undefined;
    if (under) {
      below.set(op, { base: under.base, by: under.by, selected: reason });
      continue;
    }
    seedOps.add(op);
    select(op, reason);
  }
  // A path may go on through a composable function's result, which a lazily built model reads then.
  const pathModel = { containers: model.schemas.flatMap((s) => s.containers), operations: allOps, aliases: model.aliases, types: model.types, ...(fillOperation ? { fillOperation } : {}) };
  const selection = selectPaths(pathModel, includePaths, paths(excludes), fill);
  for (const t of selection.addressed) {
    seeds.add(t);
    select(t, { kind: "addressed", route: selection.routes.addressed.get(t)! });
  }
  for (const op of selection.operations) {
    seedOps.add(op);
    select(op, { kind: "named", route: selection.routes.operations.get(op)! });
  }
  // A pattern that matches nothing is a mistake (a misspelt or miscased name, most often): the run
  // fails, rather than replacing the output with a slice that lacks what the pattern was meant for.
  const matchesPath = (text: string, exclude: readonly PathPattern[]) => {
    const p = parsePattern(text);
    return p.kind === "path" && selectPaths(pathModel, [p], exclude, fill).unmatched.length === 0;
  };
  /** A path as it is when it matches, else respelt (`suggestPath`) when that matches. */
  const respellPath = (text: string, exclude: readonly PathPattern[]) => (matchesPath(text, exclude) ? text : suggestPath(text, pathModel, exclude, fill));
  const nameHint = (p: NamePattern, exclude: readonly PathPattern[]) => {
    const near = suggestName(p, model, allOps) ?? (p.text.includes("/") ? pathBelowRoot(p.text, (t) => respellPath(t, exclude)) : undefined);
    return near === undefined ? "" : ` (did you mean ${near}?)`;
  };
  const pathHintFor = (p: PathPattern, exclude: readonly PathPattern[]) => {
    const near = suggestPath(p.text, pathModel, exclude, fill) ?? starsAsKeysMatch(pathModel, p.text, exclude, fill) ?? pathBelowRoot(p.text, (t) => respellPath(t, exclude));
    return near === undefined ? pathHint(p.text, allOps) : ` (did you mean ${near}?)`;
  };
  /**
   * For an include path that matches nothing with the exclude paths, yet does without them: the
   * exclude that leaves out all it matches (or, when none does alone, all of them).
   */
  const excludedPath = (p: PathPattern) => {
    const excludePaths = paths(excludes);
    if (!excludePaths.length || selectPaths(pathModel, [p], [], fill).unmatched.length) return undefined;
    const alone = excludePaths.find((e) => selectPaths(pathModel, [p], [e], fill).unmatched.length > 0);
    const blamed = alone ? [alone] : excludePaths;
    return `matches only URL paths that ${named("exclude", blamed)} ${blamed.map((e) => e.text).join(" ")} ${blamed.length > 1 ? "leave" : "leaves"} out`;
  };
  /** The first parameter or result of an operation whose type an `--exclude` leaves out. */
  const excludedNeed = (op: Operation) => {
    const needs: [string, string, TypeRef | undefined][] = [
      ...[op.binding, ...op.parameters].map((p): [string, string, TypeRef | undefined] => [p?.name ?? "", `parameter ${p?.name}`, p?.type]),
      ["$ReturnType", "its result", op.returnType],
    ];
    for (const [name, what, r] of needs) {
      const by = r && r.type.kind !== "primitive" ? excludedBy(r.type) : undefined;
      if (r && by) return { name, what, type: r.type.qualifiedName, by };
    }
    return undefined;
  };
  /**
   * What a suggested pattern may name (paths.ts `Holds`): no type an `--exclude` name leaves out, on
   * the way or at the end, and no operation the slice would leave out (an `--exclude` names it or a
   * type it needs, ODG304; or a type it names is not defined, ODG103).
   */
  const holds: Holds = (x) => (isOperation(x) ? fillOperation?.(x) !== false && !excluded(x) && !excludedNeed(x) : excludeNames.length === 0 || !excluded(x));
  /**
   * What a note or error says of where a path pattern's `**` stopped (`selection.stops`), or nothing
   * when going on below would match nothing more. For a `**` with more of the pattern after it, each
   * stop's pattern that goes on (star-stops.ts `goesOnPast`) is walked: the stops below which it
   * matches a path no include matches are those said (all of them), with the pattern whose path
   * reaches what the slice does not keep yet by the fewest segments (`has`, for the note).
   */
  const stopsSaid = new Map<string, string | undefined>();
  /**
   * A walk `--why` makes only to say something (what a URL path addresses, where a path past a stop
   * or through a left-out target goes): the types it reads and the slice leaves out have their
   * problems unreported, as the stop walks' (`stopsText`).
   */
  const walkQuietly = (patterns: PathPattern[], exclude: readonly PathPattern[], beyond?: boolean) =>
    diags.quietly(() => selectPaths(pathModel, patterns, exclude, fill, beyond));
  /** The URL paths (no wildcards) that reach a type or operation through what the slice can hold, walked together. */
  const walkable = (routes: readonly string[], exclude: readonly PathPattern[]) => {
    const patterns = routes.map(parsePattern).filter((q): q is PathPattern => q.kind === "path");
    const unmatched = new Set(selectPaths({ ...pathModel, holds }, patterns, exclude, fill).unmatched);
    return new Set(patterns.filter((q) => !unmatched.has(q.text)).map((q) => q.text));
  };
  /**
   * `kept`: the patterns whose paths are matched already (an include's: every include path; an exclude's: itself).
   * `has`: what the slice keeps, once known (the note, not an error): a suggestion past a stop then
   * reaches something it does not keep yet, and the note counts those things.
   */
  const stopsText = (p: PathPattern, selection: PathSelection, exclude: readonly PathPattern[], kept: readonly PathPattern[], has?: Holds): string | undefined => {
    const stops = selection.stops.get(p.text);
    if (!stops) return undefined;
    const key = `${has ? "kept" : ""}\n${p.text}\n${exclude.map((e) => e.text).join("\n")}\n\n${kept.map((e) => e.text).join("\n")}`;
    if (!stopsSaid.has(key) && stopsKeepTargets(p, stops)) {
      // The stops the slice can hold the path to (`holds`): not one whose target an --exclude name
      // leaves out (`--include '/me/**' --exclude microsoft.graph.drive`: no /me/drive), nor one past such a type.
      const walked = excludeNames.length ? diags.quietly(() => walkable(stops.map((s) => s.route), exclude)) : undefined;
      const held = walked ? stops.filter((s) => walked.has(s.route)) : stops;
      stopsSaid.set(key, held.length ? starStopsMessage(held) : undefined);
    }
    if (!stopsSaid.has(key)) {
      // The paths past a stop that no pattern in `kept` matches (all of them: not only the first to each type), each to a type or a bound operation (`/me/**/sendMail`),
      // through and to only what the slice can hold (`holds`: not through a type `--exclude microsoft.graph.user` names, nor to an operation `--exclude microsoft.graph.message` cuts).
      const select = (text: string) => {
        const again = parsePattern(text);
        if (again.kind !== "path") return [];
        const past = selectPaths({ ...pathModel, holds }, [again], exclude, fill, false, kept);
        return [
          ...[...past.routes.addressed].map(([t, r]) => ({ path: r.path, reaches: t.qualifiedName, operation: false, kept: has?.(t) ?? false })),
          ...[...past.routes.operations].map(([op, r]) => ({ path: r.path, reaches: `${op.kind} ${op.qualifiedName}`, operation: true, kept: has?.(op) ?? false })),
        ];
      };
      // Types read only to find these are none the slice reads: their problems are not reported.
      const past = diags.quietly(() => stops.flatMap((s) => goesOnPast(p, s, select) ?? []));
      stopsSaid.set(key, past.length ? pastStopsMessage(past, has !== undefined) : undefined);
    }
    return stopsSaid.get(key);
  };
  const stoppedAt = (p: PathPattern, selection: PathSelection, exclude: readonly PathPattern[], kept: readonly PathPattern[]) => {
    const text = stopsText(p, selection, exclude, kept);
    return text ? `: its \`**\` ${text}` : "";
  };
  const unmatched = includeNames.filter((p) => !matched.has(p));
  /** What a name pattern that selects nothing missed: a namespace may hold only a container, or nothing. */
  const noMatch = (p: NamePattern, exclude: readonly PathPattern[]) => {
    const empty = model.schemas.find((s) => s.namespace === p.text);
    if (empty) return `names namespace ${empty.namespace}, which holds no type or operation`;
    const namespace = model.schemas.find((s) => p.matches(s.namespace));
    if (namespace) return `matches no type or operation: a \`*\` stops at a dot, and a namespace (${namespace.namespace}) is named in full${nameHint(p, exclude)}`;
    return `matches no type, operation or namespace${nameHint(p, exclude)}`;
  };
  for (const p of unmatched) {
    const gone = leftOutByName(p, model.leftOut);
    if (gone.length) matchesLeftOut(p, gone);
    else matchesNothing("include", p, noMatch(p, paths(excludes)));
  }
  for (const p of paths(includes)) {
    if (!selection.unmatched.includes(p.text)) {
      // Matched, short of a function it names with more after it (`/worksheets/{id}/rangeAt/**`): as a request's path through it is.
      const through = notFollowedAt(p, selection, fillOperation);
      if (through) patternProblem("warning", Codes.requestOutsideService, p, `${named("include", [p])} ${shown(p.text)}${through}; the slice keeps what the pattern matches, not what it names after that function`);
      // Matched, but a `*` meant as a key reads as a navigation property (Graph's `/groups/*/members`):
      // said when no include selects what the key would address, by path or by name.
      const missed = starsMissedKeys(pathModel, p, paths(excludes), { addressed: seeds, operations: seedOps }, fill);
      if (missed) patternProblem("warning", Codes.sliceEmpty, p, `${named("include", [p])} ${shown(p.text)} reads each \`*\` as a navigation property (${missed.took}), not as a key: what ${missed.asKeys} addresses is not selected; write {id} for a key`);
      continue;
    }
    const cut = excludedPath(p);
    const gone = cut === undefined ? leftOutByPath(p, model.leftOut) : [];
    if (gone.length) matchesLeftOut(p, gone);
    else matchesNothing("include", p, cut ?? `matches no URL path of the service${pathHintFor(p, paths(excludes))}${stoppedAt(p, selection, paths(excludes), includePaths)}${notFollowedAt(p, selection, fillOperation)}`);
  }
  const everyName = [...model.types.values(), ...allOps];
  for (const p of excludeNames) {
    if (everyName.some((x) => namesElement(p, x))) continue;
    const gone = leftOutByName(p, model.leftOut);
    if (gone.length) matchesLeftOut(p, gone, "exclude");
    else matchesNothing("exclude", p, noMatch(p, []));
  }
  // The operations an --exclude path names (a bound one by its last segment, an import): left out
  // of what a selected type brings; an --include that names one (by name, or a path the exclude
  // does not cut) keeps it.
  const pathExcludedOps = new Map<Operation, string>();
  for (const p of paths(excludes)) {
    const alone = selectPaths(pathModel, [p], [], fill);
    const gone = alone.unmatched.length ? leftOutByPath(p, model.leftOut) : [];
    if (gone.length) matchesLeftOut(p, gone, "exclude");
    else if (alone.unmatched.length) matchesNothing("exclude", p, `matches no URL path of the service${pathHintFor(p, [])}${stoppedAt(p, alone, [], [p])}${notFollowedAt(p, alone, fillOperation)}`);
    for (const op of alone.operations) if (!pathExcludedOps.has(op)) pathExcludedOps.set(op, p.text);
  }
  const warnedEmpty = diags.hasErrors;

  // Closure over what the selection needs.
  const keep = new Set<SchemaType>();
  const asValue = new Set<SchemaType>();
  const queue: SchemaType[] = [];
  /** Abstract types kept as values whose subtypes the slice leaves out (many-subtypes.ts). */
  const manySubtypes: StructuredType[] = [];
  /** `reason`: why it is kept (each one met is recorded, for `why`). */
  const add = (t: SchemaType, how: "value" | "base", reason?: Reason) => {
    if (excluded(t) && how !== "base") return;
    if (reason) because(t, reason);
    if (!keep.has(t)) {
      keep.add(t);
      queue.push(t);
    }
    // A value of a type may be an instance of any subtype; an abstract type has only those (but
    // for one with more subtypes than the request functions list, entity or complex: many-subtypes.ts).
    if (how === "value" && !asValue.has(t) && (t.kind === "entity" || t.kind === "complex")) {
      asValue.add(t);
      const many = t.abstract && !options.includeDerived && leavesOutSubtypes(t);
      if (many) manySubtypes.push(t);
      if (options.includeDerived || (t.abstract && !many)) for (const d of t.derived) add(d, "value", { kind: "derived", of: t, abstract: t.abstract });
    }
  };
  const addRef = (r: TypeRef | undefined, reason: Reason) => {
    if (r && r.type.kind !== "primitive") add(r.type, "value", reason);
  };
  // What an --exclude cuts is kept, if at all, only as a base type: not for the pattern that selects it.
  for (const [x, r] of selectedFor) if (!excluded(x)) because(x, r);
  for (const t of seeds) add(t, "value");
  for (const i of imported) if (!isOperation(i.element)) add(i.element, "value", { kind: "imported", origin: i.origin });
  for (const t of selection.onPath) add(t, "value", { kind: "onPath", route: selection.routes.onPath.get(t)! });

  // Operations bound to a selected type (or a collection of it) belong to it.
  const boundTo = new Map<SchemaType, Operation[]>();
  for (const op of allOps) {
    const b = op.binding?.type.type;
    if (b && b.kind !== "primitive") boundTo.set(b, [...(boundTo.get(b) ?? []), op]);
  }
  const keepOps = new Set<Operation>();
  // Selected, but left out when read: a type they name is not defined (ODG103, fillOperation).
  const leftOut = new Set<Operation>();
  // Left out by an --exclude of a type they need (reported once).
  const cutOps = new Set<Operation>();
  const addOp = (op: Operation, reason?: Reason) => {
    if (reason?.kind === "bound" && pathExcludedOps.has(op)) return;
    if (keepOps.has(op) && reason) because(op, reason);
    if (keepOps.has(op) || excluded(op) || leftOut.has(op) || cutOps.has(op)) return;
    if (fillOperation?.(op) === false) {
      leftOut.add(op);
      return;
    }
    const cut = excludedNeed(op);
    if (cut) {
      cutOps.add(op);
      // Selected by an --include (by name or URL path): a warning, since what was asked for is missing;
      // bound to a selected type: a note, as for a property whose type is excluded.
      const message = `${op.kind} ${op.qualifiedName} is left out: ${cut.what} is of ${cut.type}, which ${optionName("exclude", options.namedBy)} ${cut.by} leaves out`;
      diags.add(Codes.slicePruned, reason ? "info" : "warning", message, `${op.qualifiedName}/${cut.name}`, op.at);
      return;
    }
    keepOps.add(op);
    if (reason) because(op, reason);
    addRef(op.binding?.type, { kind: "operation", op, role: "binding" });
    for (const p of op.parameters) addRef(p.type, { kind: "operation", op, role: "parameter", name: p.name });
    addRef(op.returnType, { kind: "operation", op, role: "result" });
  };
  for (const op of seedOps) addOp(op);
  for (const i of imported) if (isOperation(i.element)) addOp(i.element, { kind: "imported", origin: i.origin });
  // With --include-derived, a selected type's subtypes are selected too: their operations come along.
  const selected = new Set(seeds);
  if (options.includeDerived)
    for (const t of seeds) {
      if (t.kind !== "entity" && t.kind !== "complex") continue;
      const below: StructuredType[] = [...t.derived];
      for (let i = 0; i < below.length; i++) {
        const d = below[i];
        if (selected.has(d) || !keep.has(d)) continue;
        selected.add(d);
        below.push(...d.derived);
      }
    }
  for (const t of selected) for (const op of boundTo.get(t) ?? []) addOp(op, { kind: "bound", to: t });
  // An include that selects only operations found left out when read (a type named past the binding
  // parameter is not defined, ODG103) is warned of as one whose matches the model left out when it
  // was built (above; every such operation when the model is read whole, as CSDL JSON is).
  if (leftOut.size > 0 && !warnedEmpty) {
    // A path's types on the way to an operation it ends in are there for the operation.
    for (const route of selection.routes.addressed.values()) selectsType.add(route.pattern);
    for (const [op, patterns] of selection.operationPatterns) for (const p of patterns) if (!selectsType.has(p)) selectedOp(p, op);
    for (const p of includes) {
      const ops = selectsType.has(p.text) ? undefined : selectsOps.get(p.text);
      if (ops?.every((op) => leftOut.has(op))) matchesLeftOut(p, leftOutOperations(ops, model.leftOut));
    }
  }

  for (let i = 0; i < queue.length; i++) {
    const t = queue[i];
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    const s: StructuredType = t;
    fill?.(s);
    if (s.baseType) add(s.baseType, "base", { kind: "base", of: s });
    for (const p of s.properties) addRef(p.type, { kind: "property", of: s, name: p.name });
    if (options.includeNavigation) for (const n of s.navigationProperties) add(n.target as EntityType, "value", { kind: "navigation", of: s, name: n.name });
  }
  /** Warns that `element`, on the route to what `route.pattern` selects, is left out by the exclude `by`, so no path builder reaches what follows it. */
  const unreachable = (element: { qualifiedName: string; at?: SourceRef }, route: { path: string; pattern: string }, by: string) =>
    diags.add(Codes.slicePruned, "warning",
      `${element.qualifiedName} is on the URL path ${route.path}, on the way to what ${optionName("include", options.namedBy)} ${route.pattern} selects, but ${optionName("exclude", options.namedBy)} ${by} leaves it out: the slice has no path builder that reaches it`,
      element.qualifiedName, element.at);
  // A type on the route to what a path without wildcards selects, that an --exclude removes: what
  // the path selects is kept, but no path builder reaches it as the pattern wrote it. (A wildcard
  // path explores: an exclude there prunes what it finds, as asked.)
  for (const t of selection.onPath) {
    const by = keep.has(t) || selection.addressed.has(t) ? undefined : excludedBy(t);
    const route = by ? selection.routes.onPath.get(t) : undefined;
    if (!by || !route || route.pattern.includes("*")) continue;
    unreachable(t, route, by);
  }
  // So is a composable function a path goes on through (`/worksheets/{id}/range/format`) that an
  // --exclude names: what follows it is kept, but no path builder reaches it. Once for its overloads.
  const throughWarned = new Set<string>();
  for (const [op, route] of selection.throughOperations) {
    const by = keepOps.has(op) ? undefined : excludedBy(op);
    if (!by || route.pattern.includes("*") || throughWarned.has(op.qualifiedName)) continue;
    throughWarned.add(op.qualifiedName);
    unreachable(op, route, by);
  }
  // A path with wildcards all of whose paths go through a type an --exclude name leaves out: what it
  // addresses past that type is kept, but none of its paths (excluded-routes.ts).
  // (Not when the slice keeps nothing: that is an error of its own, below.)
  if (excludeNames.length > 0 && keep.size + keepOps.size > 0) {
    const { cut, past } = cutOffRoutes(includePaths, selection, paths(excludes), pathModel, fill, excludedBy, keep, (f) => diags.quietly(f));
    for (const [p, c] of cut) patternProblem("warning", Codes.slicePruned, p, `${named("include", [p])} ${p.text} ${cutOffMessage(c, optionName("exclude", options.namedBy))}`);
    // One that also matches other paths: a note of what it keeps only through excluded types (as paths
    // reached them: not what an --include names, nor what the slice keeps for another reason first).
    for (const [p, c] of past) {
      const kept = c.kept.filter((t) => reasons.get(t)?.kind === "addressed" || reasons.get(t)?.kind === "onPath");
      if (kept.length) patternProblem("info", Codes.slicePruned, p, `${named("include", [p])} ${p.text} ${keptPastMessage({ ...c, kept }, optionName("exclude", options.namedBy))}`);
    }
  }
  // Operations whose binding type fell out (never here by construction) are dropped by the copy.
  for (const op of [...keepOps]) {
    const b = op.binding?.type.type;
    if (b && b.kind !== "primitive" && !keep.has(b)) keepOps.delete(op);
  }
  if (excludeNames.length > 0) {
    // The note on what an --exclude left out with a base type is the pattern's, where it is written.
    const note = (by: string, message: string) => {
      const p = excludeNames.find((e) => e.text === by)!;
      patternProblem("info", Codes.slicePruned, p, `${named("exclude", [p])} ${by} ${message}`);
    };
    reportExcludedBases(keep, keepOps, excludedBy, reasons, below, diags, note, options.namedBy);
  }
  if (fill) for (const t of keep) fill(t);
  beforeCopy?.(keep);
  const values = valueTypes(keep, asValue);
  const overService = { families: wholeFamilies(keep, fill), ambiguities: ambiguitiesOverService(model, keepOps, options.unqualifiedOperations, fill) };
  const sliced = copyModel(model, keep, values, keepOps, diags, overService);
  const result = summary(keep.size, keepOps.size, model.types.size, allOps.length);
  // Every pattern matched, yet nothing is left (`--exclude` took it all): as empty as a pattern
  // that matches nothing, and as much a mistake.
  if (keep.size === 0 && keepOps.size === 0 && !warnedEmpty && model.types.size + allOps.length > 0) {
    const text = (list: typeof includes) => list.map((p) => p.text).join(" ");
    const of = includes.length ? `that ${named("include", includes)} ${text(includes)} selects` : "of the document";
    const why = excludes.length
      ? `${named("exclude", excludes)} ${text(excludes)} removes every type and operation ${of}`
      : leftOut.size
        ? `${named("include", includes)} ${text(includes)} selects only operations that name a type that is not defined (ODG103): ${[...leftOut].map((op) => op.qualifiedName).join(", ")}`
        : leftOutIncludes.size
          ? `${named("include", includes)} ${text(includes)} matches only operations or imports left out (ODG103)`
          : `${named("include", includes)} ${text(includes)} selects no type or operation`;
    const blamed = excludes.length ? excludes : includes;
    // From a config: at the list's first pattern, the list's path (`services[0].exclude`).
    const at = blamed.every((p) => places.has(p)) ? places.get(blamed[0]!) : undefined;
    if (at) diags.errorAt(Codes.sliceEmpty, `the slice keeps nothing: ${why}`, { ...at, path: at.path.replace(/\[\d+\]$/, "") });
    else diags.error(Codes.sliceEmpty, `the slice keeps nothing: ${why}`, text(blamed));
  }
  if (options.why?.length) {
    const patterns: NamePattern[] = [];
    for (const p of options.why.map(parsePattern)) {
      if (p.kind === "name") patterns.push(p);
      else {
        // A URL path is answered for the type or operation it addresses, by its qualified name.
        const hit = walkQuietly([p], []);
        const names = new Set([...hit.addressed, ...hit.operations].map((x) => x.qualifiedName));
        if (!names.size) {
          const near = suggestPath(p.text, pathModel, [], fill);
          diags.warning(Codes.sliceEmpty, `${optionName("why", options.namedBy)} ${shown(p.text)} addresses no type or operation${near ? ` (did you mean ${near}?)` : ""}`, p.text);
        }
        for (const n of names) patterns.push(parsePattern(n) as NamePattern);
      }
    }
    // A type a `**` would reach but for navigation that is not contained: the patterns walked again, on through it,
    // only through what the slice can hold with the same --excludes (`holds`), as the stop notes are.
    const stopped = includePaths.filter((p) => selection.stops.has(p.text));
    let through: PathSelection | undefined;
    const walkHeld = (patterns: PathPattern[], beyond?: boolean) => diags.quietly(() => selectPaths({ ...pathModel, holds }, patterns, paths(excludes), fill, beyond));
    const beyondStop = (t: StructuredType) => {
      if (!stopped.length) return undefined;
      through ??= walkHeld(stopped, true);
      const stop = through.beyond.get(t);
      if (!stop) return undefined;
      const example = parsePattern(beyondStopExample(stop));
      const again = example.kind === "path" ? walkHeld([example]) : undefined;
      return { stop, example: again && (again.addressed.has(t) || again.onPath.has(t)) ? example.text : undefined };
    };
    // A navigation target left out: the path through the property from where a pattern reached the kept type.
    const navigationPath = (of: StructuredType, name: string, target: StructuredType) => {
      const r = reasons.get(of);
      const route = r?.kind === "addressed" || r?.kind === "onPath" ? r.route.path : undefined;
      if (!route) return undefined;
      // A key in a pattern is no segment of its own: the walk's route writes `{id}` where it stands.
      const p = parsePattern(`${route}/${name}`);
      return p.kind === "path" ? walkQuietly([p], paths(excludes)).routes.addressed.get(target)?.path : undefined;
    };
    // A kept element's route through a type an --exclude name leaves out (the first the walk found): no path builder follows it.
    const routeCut = (route: { path: string }) => {
      const p = parsePattern(route.path);
      if (excludeNames.length === 0 || p.kind !== "path") return undefined;
      const [t, r] = excludedOnWay(walkQuietly([p], paths(excludes)), goneBy(keep, excludedBy))[0] ?? [];
      return t && r && `that path goes through ${t.qualifiedName} (${r.path}), which ${optionName("exclude", options.namedBy)} ${excludedBy(t)} leaves out: no path builder follows it`;
    };
    // A route to a kept element through no type an --exclude name leaves out, when the first the walk
    // found goes through one: the include paths walked again only through what the slice keeps (once, when asked).
    let open: PathSelection | undefined;
    const uncut = (x: SchemaType | Operation, r: Reason) => {
      const gone = goneBy(keep, excludedBy);
      open ??= diags.quietly(() => selectPaths({ ...pathModel, holds: (y) => (isOperation(y) ? holds(y) : !gone(y)) }, includePaths, paths(excludes), fill));
      const other = openReason(x, r, open);
      return other && (other.kind === "addressed" || other.kind === "onPath" || other.kind === "named") && !routeCut(other.route) ? other : undefined;
    };
    result.why = explain({ routeCut, uncut, navigationPath, model, namedBy: options.namedBy, origins: options.requestOrigins, operations: allOps, reasons, chains: shortestChains(found, options.includeDerived ?? false), keep, keepOps, leftOut, asValue, values, includeDerived: options.includeDerived ?? false, excludedBy, excludedPath: (op) => (keepOps.has(op) ? undefined : pathExcludedOps.get(op)), below, beyondStop }, patterns);
    for (const w of result.why) {
      if (w.matched) continue;
      const p = parsePattern(w.pattern);
      const near = p.kind === "name" ? suggestName(p, model, allOps) : undefined;
      diags.warning(Codes.sliceEmpty, `${optionName("why", options.namedBy)} ${shown(w.pattern)} matches no type or operation${near === undefined ? "" : ` (did you mean ${near}?)`}`, w.pattern);
    }
  }
  // Where each include's `**` stopped (at navigation properties that are not contained): once per pattern.
  for (const p of includePaths) {
    const stops = selection.unmatched.includes(p.text) ? undefined : stopsText(p, selection, paths(excludes), includePaths, (x) => (isOperation(x) ? keepOps.has(x) : keep.has(x)));
    if (stops) patternProblem("info", Codes.sliceSummary, p, `${named("include", [p])} ${p.text} ${stops}`);
  }
  for (const t of manySubtypes) {
    const note = manySubtypesNote(t, keep, options.namedBy);
    if (note) diags.add(Codes.sliceSummary, "info", note, t.qualifiedName, t.at);
  }
  diags.add(Codes.sliceSummary, "info", `slice keeps ${result.types} of ${result.ofTypes} types and ${result.operations} of ${result.ofOperations} operations`, "");
  return { model: sliced, summary: result };
}

/** Why the walk did not go on through a function the pattern has more after (composable.ts `nothingAfter`), which may be why it matches nothing. */
function notFollowedAt(p: PathPattern, selection: PathSelection, fillOperation: FillOperation | undefined): string {
  const at = selection.notFollowed.get(p.text);
  return at ? `: ${nothingAfter(at.operations, at.segment, fillOperation)}` : "";
}

/**
 * Why a path pattern may have matched nothing, for the warning: its last segment names an operation
 * bound elsewhere, or a `*` stands where a key was meant (keys are `{id}` or `('x')`).
 */
function pathHint(text: string, operations: readonly Operation[]): string {
  const segments = text.split("/").filter(Boolean);
  const last = withoutKey(segments[segments.length - 1] ?? "");
  const hints: string[] = [];
  const named = operations.filter((o) => o.bound && (o.name === last || o.qualifiedName === last));
  if (named.length) {
    const bindings = [...new Set(named.map((o) => o.binding?.type.type.qualifiedName ?? "?"))].sort();
    const shown = bindings.length > 3 ? `${bindings.slice(0, 3).join(", ")} and ${bindings.length - 3} more` : bindings.join(", ");
    hints.push(`${last} is an operation bound to ${shown}`);
  }
  if (segments.slice(0, -1).includes("*")) hints.push("`*` matches one navigation property, a key is written {id} or ('x')");
  return hints.length ? ` (${hints.join("; ")})` : "";
}

/**
 * A URL path copied with more in front of it than a pattern takes — without its leading `/`
 * (`communications/callRecords/**`, read as a name), with the service root
 * (`/v1.0/communications/…`), or as a whole URL (`https://graph.microsoft.com/v1.0/…`) — as the
 * path below the service root that matches, as `respell` gives it (the tail itself, or respelt:
 * its keys written as `{id}`, a name's case): the longest such tail that starts with a segment of
 * its own (`/**` alone would match everything, and so would `/***`, which a path reads as `**`).
 */
function pathBelowRoot(text: string, respell: (path: string) => string | undefined): string | undefined {
  const segments = text.trim().replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, "").split("/").filter((s) => s !== "");
  const from = text.trim().startsWith("/") ? 1 : 0;
  for (let k = from; k < segments.length; k++) {
    if (/^(\*+|\{.*\})$/.test(segments[k])) return undefined;
    const found = respell(`/${segments.slice(k).join("/")}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A name pattern that matches nothing, respelt to one that matches: a pattern without wildcards as
 * the nearest qualified name or namespace (`nearestName`); one with wildcards, when it matches a
 * name but for case, with its literal start in that name's case (`microsoft.graph.CallRecords.*`).
 */
function suggestName(p: NamePattern, model: Model, operations: readonly Operation[]): string | undefined {
  const elements = [...model.types.values(), ...operations];
  const matchesSome = (text: string) => {
    const again = parsePattern(text);
    return again.kind === "name" && elements.some((x) => namesElement(again, x));
  };
  // A schema's alias stands for its namespace in the document, not in a pattern.
  for (const [alias, namespace] of model.aliases) {
    if (!p.text.startsWith(`${alias}.`)) continue;
    const respelt = namespace + p.text.slice(alias.length);
    if (matchesSome(respelt)) return respelt;
  }
  const wild = p.text.search(/[*?]/);
  if (wild < 0) {
    const names = new Set<string>();
    for (const x of elements) names.add(x.qualifiedName).add(x.namespace);
    return namespacePrefix(p.text, names) ?? nearestName(p.text, names) ?? namesEndingIn(p.text, names);
  }
  // A glob matches qualified names only, so the names to respell it to are those.
  const qualified = new Set(elements.map((x) => x.qualifiedName));
  const lower = parsePattern(p.text.toLowerCase());
  if (lower.kind !== "name") return undefined;
  for (const name of qualified) {
    if (!lower.matches(name.toLowerCase())) continue;
    const respelt = name.slice(0, wild) + p.text.slice(wild);
    if (matchesSome(respelt)) return respelt;
  }
  // A `*` meant to reach into the namespaces below (`microsoft.*` for microsoft.graph's types).
  const deeper = p.text.replace(/\*+/g, "**");
  if (deeper !== p.text && matchesSome(deeper)) return deeper;
  // A misspelt namespace or type before the wildcard (`microsoft.graph.callRecord.*`): the nearest
  // dotted start of a name, an edit or two away, when the glob then matches.
  const dot = p.text.lastIndexOf(".", wild) + 1;
  if (dot === 0) return undefined;
  const starts = new Set<string>();
  for (const name of qualified) for (let k = name.indexOf("."); k >= 0; k = name.indexOf(".", k + 1)) starts.add(name.slice(0, k + 1));
  const near = nearestName(p.text.slice(0, dot), starts);
  return near !== undefined && matchesSome(near + p.text.slice(dot)) ? near + p.text.slice(dot) : undefined;
}

function summary(types: number, operations: number, ofTypes: number, ofOperations: number): SliceSummary {
  return { types, operations, ofTypes, ofOperations };
}

/** A pattern as a message shows it: an empty one as `""`, so that it does not read as a missing word. */
function shown(pattern: string): string {
  return pattern === "" ? '""' : pattern;
}

function isOperation(x: SchemaType | Operation): x is Operation {
  return x.kind === "action" || x.kind === "function";
}
