/**
 * A URL's query as documentation writes it (`/me/messages?$select=subject,from&$top=5`), as the
 * options object of the call `odatagen url` prints (`{ select: ["subject", "from"], top: 5 }`):
 * the system query options the function takes (URL Conventions §5.1), with `$expand`'s nested
 * options, and custom ones (§5.2: Graph's `calendarView?startDateTime=…`) as `query`. What the
 * function does not take, a name the type does not have, a value of the wrong kind, is refused.
 */
import { checkSearch } from "./url-search";
import type { EntityType, Model, NavigationProperty, StructuredType } from "../model/types";
import { castNavigationPaths, declaringSubtype } from "./cast-navigation";
import { checkOrderByItems, readFilter, type FilterPlaceholder } from "./url-filter";
import { listItems, NUMBERS } from "./url-filter-tokens";
import { checkApply, checkCompute } from "./url-apply";
import { typedFilter } from "./url-typed-filter";
import { complexNavigationPaths, leadingProperties, leadsToNavigation } from "./complex-navigation";
import { listsSubtypes } from "./request-names";
import { allNavigation, allProperties, isOpen } from "../model/rules";
import { nearestName } from "../nearest-name";
import { isIdentifier, snippetKey } from "../passes/names";
import { descendants } from "../passes/slice/paths";
import { optionName, type NamedBy } from "../option-names";

/**
 * Which query options a call takes: a list's, a read of one entity's, `count`'s, `readRefs`'s, only
 * custom ones (writes, actions, functions that return no entities), or none (streams, `readRef`, `$ref` writes).
 */
export type QueryTaker = "list" | "one" | "count" | "refs" | "apply" | "values" | "custom" | "none";

/** What writing the options needs of the call: a variable for a placeholder (`$top={n}`: `n`). */
export interface QueryWriter {
  placeholder(name: string, what: string, type: string): string;
  /** Imports a runtime function (`dynamic`) for the call; its name there. */
  runtime(name: string): string;
  /** The model is a slice, whose types keep only the navigation properties it reaches. */
  sliced: boolean;
  /** How a problem names the options the slice was made by (option-names.ts). */
  namedBy?: NamedBy | undefined;
  /** The model the call's types are of. */
  model: Model;
  /** Gets the members after an evolvable enum's `unknownFutureValue` that `$filter` names (model/evolvable-enums.ts). */
  laterMembers?: Set<string>;
}

const TAKES: Record<QueryTaker, readonly string[]> = {
  list: ["select", "expand", "filter", "orderby", "top", "skip", "search", "count", "compute"],
  one: ["select", "expand", "compute"],
  count: ["filter", "search"],
  refs: ["filter", "orderby", "top", "skip", "search", "count"],
  // `rt.aggregate`: what may follow `$apply`, which it takes as an argument (applyArgument).
  apply: ["filter", "orderby", "top", "skip", "count"],
  // A function's collection of complex or primitive values (rt.ValueListOptions).
  values: ["filter", "orderby", "top", "skip", "count"],
  custom: [],
  none: [],
};

/** Options an expanded navigation property takes (URL Conventions §5.1.2), `$levels` among them. */
const NESTED = ["select", "expand", "filter", "orderby", "top", "skip", "search", "count", "compute", "levels"];

/** Why a system query option no function takes is left to something else. */
const ELSEWHERE: Record<string, string> = {
  skiptoken: "it comes in a page's @odata.nextLink, which rt.pages, rt.items and rt.collectAll follow (rt.readLink reads one)",
  deltatoken: "it comes in a delta round's @odata.deltaLink, which rt.readLink reads (Graph's `…/delta()?$deltatoken=latest` too: rt.readLink(client, \"users/delta()?$deltatoken=latest\"))",
  apply: "$apply transforms a collection, which rt.aggregate reads",
  format: "the runtime asks for JSON",
};

/**
 * `$apply`'s value as `rt.aggregate`'s argument: a string, or a placeholder's variable (`{apply}`);
 * undefined when the query has no `$apply`. Its transformations are checked against `type`, the
 * items it reads (url-apply.ts).
 */
export function applyArgument(query: string, w: QueryWriter, type: StructuredType | undefined): string | { problem: string } | undefined {
  const given = queryPairs(query).find((p) => p.name.toLowerCase() === "$apply");
  if (!given) return undefined;
  const bad = type && !/^\{[^}]*\}$/.test(given.value) && checkApply(given.value, { type, sliced: w.sliced, enumNames: w.model });
  return bad ? { problem: `${given.name}=${given.value}: ${bad}` } : text(given.value, "the $apply transformations", w);
}

/** The query of a URL path: after its first `?`, before any `#`; empty when there is none. */
export function queryOf(path: string): string {
  const q = path.indexOf("?");
  return q < 0 ? "" : path.slice(q + 1).replace(/#.*$/s, "");
}

/** The system query options a query names, without their `$`, in lower case: `$count=true&$top=5` → `count`, `top`. */
/** The names of the custom query options a URL's query gives (neither `$` nor `@` first). */
export function customOptionNames(query: string): string[] {
  return queryPairs(query)
    .filter((p) => !p.name.startsWith("$") && !p.name.startsWith("@"))
    .map((p) => p.name);
}

export function systemOptionNames(query: string): string[] {
  return queryPairs(query)
    .filter((p) => p.name.startsWith("$"))
    .map((p) => p.name.slice(1).toLowerCase());
}

/**
 * The members of the options object for `query` (`select: ["subject"]`, `query: { startDateTime:
 * "…" }`), on a call `fn` that takes `taker`'s options, reading entities of `type`; or why not.
 */
export function queryMembers(query: string, taker: QueryTaker, fn: string, type: StructuredType | undefined, w: QueryWriter, delta = false): string[] | string {
  const given = queryPairs(query);
  if (!given.length) return [];
  if (taker === "none") return `${fn} takes no query options: ${given.map((p) => p.name).join(", ")}`;
  const members: string[] = [];
  const custom: string[] = [];
  const seen = new Set<string>();
  const computed = computedNames(given.find((p) => p.name.toLowerCase() === "$compute")?.value);
  for (const { name, value } of given) {
    const key = name.toLowerCase();
    if (seen.has(key)) return `${name} is given twice`;
    seen.add(key);
    if (name.startsWith("@")) return `${name}: a parameter alias; give the function's parameters in the path, (name=value)`;
    if (!name.startsWith("$")) {
      custom.push(`${snippetKey(name)}: ${text(value, `the ${name} query option`, w)}`);
      continue;
    }
    const option = key.slice(1);
    if (taker === "apply" && option === "apply") continue;
    if (!TAKES[taker].includes(option)) return refusal(name, option, taker, fn);
    const member = systemOption(option, value, { type, computed, typed: taker === "list", delta }, w, name);
    if (typeof member !== "string") return member.problem;
    members.push(member);
  }
  if (custom.length) members.push(`query: { ${custom.join(", ")} }`);
  return members;
}

function refusal(name: string, option: string, taker: QueryTaker, fn: string): string {
  const elsewhere = ELSEWHERE[option];
  if (elsewhere) return `${name} is no option of ${fn}: ${elsewhere}`;
  const known = [...TAKES.list, "levels"].includes(option);
  if (!known) return `${name} is no system query option odatagen's functions take`;
  if (taker === "one") return `${name} applies to a collection; this addresses one entity (${fn} takes $select, $expand and $compute)`;
  if (taker === "count") return `${name} is no option of a $count (count takes $filter and $search)`;
  if (taker === "refs") return `${name} is no option of ${fn} (it takes $filter, $orderby, $top, $skip, $search and $count)`;
  if (taker === "values") return `${name} is no option of ${fn}, whose result is a collection of values (it takes $filter, $orderby, $top, $skip and $count)`;
  if (taker === "apply") return `${name} does not follow $apply in ${fn} (it takes $filter, $orderby, $top, $skip and $count; the transformations say what each item has: expand(…), compute(…), search(…))`;
  return `${fn} takes no system query options (${name}); ${fn === "readStream" ? "a stream is read whole" : "a read does"}`;
}

/** One system query option as an options member (`top: 5`), or why its value is not one. */
function systemOption(option: string, value: string, level: Level, w: QueryWriter, shown: string): string | { problem: string } {
  const { type, computed } = level;
  switch (option) {
    case "select": {
      const names = listItems(value, ",");
      const bad = checkSelect(names, type, sliceOf(w), computed, level.delta === true);
      if (bad) return { problem: `${shown}=${value}: ${bad}` };
      // An open type's undeclared name is a dynamic property, which `select` takes through `dynamic`.
      const dynamic = (n: string) => !!type && !n.includes("/") && !n.includes(".") && !allProperties(type).some((p) => p.name === n) && !allNavigation(type).some((p) => p.name === n);
      return `select: [${names.map((n) => (dynamic(n) ? `${w.runtime("dynamic")}(${JSON.stringify(n)})` : JSON.stringify(n))).join(", ")}]`;
    }
    case "expand": {
      const e = expand(value, type, w);
      return typeof e === "string" ? e : { problem: `${shown}=${value}: ${e.problem}` };
    }
    case "orderby": {
      const items = listItems(value, ",");
      const bad = type && checkOrderByItems(items, { type, sliced: w.sliced, computed, enumNames: w.model });
      if (bad) return { problem: `${shown}=${value}: ${bad}` };
      return `orderby: ${items.length === 1 ? JSON.stringify(items[0]) : `[${items.map((i) => JSON.stringify(i)).join(", ")}]`}`;
    }
    case "top":
    case "skip":
    case "levels": {
      const n = count(value, option, w, option === "levels");
      if (n === null) return { problem: `${shown}=${value}: more than ${Number.MAX_SAFE_INTEGER} (2^53 - 1), the largest whole number a request function sends as it is written` };
      return n === undefined ? { problem: `${shown}=${value}: ${option === "levels" ? "a number of levels or max" : "a whole number"} goes there` } : `${option}: ${n}`;
    }
    case "count":
      return /^(true|false)$/.test(value) ? `count: ${value}` : { problem: `${shown}=${value}: true or false goes there` };
    case "filter": {
      // Sent as written, once its paths, functions and literals are checked against the type; a
      // placeholder ({start}, '{id}') becomes a variable.
      const read = type ? readFilter(value, { type, sliced: w.sliced, computed, enumNames: w.model }) : { placeholders: [], laterMembers: [] };
      if ("problem" in read) return { problem: `${shown}=${value}: ${read.problem}` };
      for (const m of read.laterMembers) w.laterMembers?.add(m);
      // A list's filter as a typed filter where it can say it all (url-typed-filter.ts), its
      // placeholders variables; else as written, with them in a template.
      const typed = level.typed && type ? typedFilter(value, type, (name, what, ts) => w.placeholder(name, what, ts)) : undefined;
      if (typed) return `filter: ${typed}`;
      return `filter: ${read.placeholders.length ? filledFilter(value, read.placeholders, w) : JSON.stringify(value)}`;
    }
    case "compute": {
      // Its expressions read the type's properties, not the names it adds.
      const bad = type && checkCompute(value, { type, sliced: w.sliced, enumNames: w.model });
      if (bad) return { problem: `${shown}=${value}: ${bad}` };
      return `compute: ${JSON.stringify(value)}`;
    }
    case "search": {
      // Its text, sent as written once its syntax is checked.
      const bad = checkSearch(value);
      return bad ? { problem: `${shown}=${value}: ${bad}` } : `search: ${JSON.stringify(value)}`;
    }
    default:
      return `${option}: ${JSON.stringify(value)}`;
  }
}

/**
 * `$select`'s names, each a structural property of `type`; the first that is not, said. An open
 * type takes any other name as a dynamic property (a directory extension), but not one close to a
 * declared property's: that is taken for a misspelling. A delta function's (`delta`) may name a
 * collection-valued navigation property, whose changes come as a nested delta (Graph's
 * `groups/delta()?$select=members`: `members@delta`).
 */
function checkSelect(names: readonly string[], type: StructuredType | undefined, sliced: Slice, computed: ReadonlySet<string>, delta: boolean): string | undefined {
  if (!type) return undefined;
  const props = allProperties(type).map((p) => p.name);
  const navs = allNavigation(type).map((n) => n.name);
  for (const n of names) {
    if (n === "*") return "* selects every property: leave $select out";
    if (computed.has(n)) return `${n} is computed by $compute, which the typed select does not take: leave it out of $select (a service should send it anyway, OData 4.01 §5.1.5; it is not in the result type)`;
    if (n.includes("/") || n.includes(".")) {
      const bad = checkSelectPath(n, type, sliced);
      if (bad) return bad;
      continue;
    }
    if (props.includes(n)) continue;
    if (delta && allNavigation(type).some((x) => x.name === n && x.collection)) continue;
    if (navs.includes(n)) return `${n} is a navigation property of ${type.qualifiedName}: expand it ($expand=${n})`;
    const near = nearestName(n, props);
    if (isOpen(type)) {
      // No property is named so (CSDL's names are letters, digits and _): an option of $expand's
      // written after `,` (`manager($select=a,$top=1)`), or a value.
      if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*$/u.test(n))
        return `${n} is no property name${/^\$?\w+=/.test(n) ? ` (options of an expanded navigation property are separated by ;, not ,)` : ""}`;
      if (!near) continue;
      return `${type.qualifiedName} declares no property ${n}; did you mean ${near}? (a dynamic property of this open type is selected with dynamic(${JSON.stringify(n)}))`;
    }
    return `${type.qualifiedName} has no property ${n}${near ? `; did you mean ${near}?` : ""}`;
  }
  return undefined;
}

/**
 * A `$select` path: a subtype's property behind its type cast (`microsoft.graph.agentUser/x`), as
 * the typed `select` takes it, or why not (a property of a complex property, which it does not take).
 */
function checkSelectPath(n: string, type: StructuredType, sliced: Slice): string | undefined {
  const [head, ...rest] = n.split("/");
  if (!head.includes(".")) return `${n}: a property of a complex property, which the typed select does not take: select ${head}`;
  const sub = subtypeNamed(head, type, sliced);
  if (typeof sub === "string") return sub;
  if (rest.length !== 1) return `${n}: a property of a complex property, which the typed select does not take: select ${head}/${rest[0] ?? "…"}`;
  const props = allProperties(sub).map((p) => p.name);
  if (props.includes(rest[0]!)) return undefined;
  if (allNavigation(sub).some((x) => x.name === rest[0])) return `${rest[0]} is a navigation property of ${head}: expand it`;
  const near = nearestName(rest[0]!, props);
  const dynamic = isOpen(sub) ? " (the typed select takes no dynamic property behind a type cast)" : "";
  return `${head} ${dynamic ? "declares" : "has"} no property ${rest[0]}${near ? `; did you mean ${near}?` : ""}${dynamic}`;
}

/** A query writer's slice, by how its problems name the options; false for the whole model. */
type Slice = false | NamedBy;

function sliceOf(w: QueryWriter): Slice {
  return w.sliced && (w.namedBy ?? "flags");
}

/** Why a slice has not what a query names: the options that keep more of the service. */
function sliceKeeps(what: "subtypes" | "navigation", namedBy: NamedBy): string {
  if (what === "subtypes") return ` in this slice (${optionName("includeDerived", namedBy)} keeps subtypes)`;
  return ` in this slice (a slice keeps the navigation properties its ${optionName("include", namedBy)} and ${optionName("exclude", namedBy)} reach)`;
}

/** The subtype of `type` a cast names (`head`), or why there is none, with did-you-mean. */
function subtypeNamed(head: string, type: StructuredType, sliced: Slice): StructuredType | string {
  const subtypes = descendants(type);
  const sub = subtypes.find((d) => d.qualifiedName === head);
  if (sub) return sub;
  const near = nearestName(head, subtypes.map((d) => d.qualifiedName));
  const where = sliced ? sliceKeeps("subtypes", sliced) : subtypes.length ? "" : " (it has no subtypes)";
  return `${head} is no type derived from ${type.qualifiedName}${near ? `; did you mean ${near}?` : where}`;
}

/**
 * What `expand` takes on `type`, as its `…Navigation` type lists them: the navigation properties,
 * the paths to those of its complex properties (`grantControls/authenticationStrength`), and its
 * subtypes' behind their cast (`microsoft.graph.eventMessage/event`).
 */
function expandable(type: StructuredType, model: Model): [string, NavigationProperty][] {
  const own = allNavigation(type).map((n): [string, NavigationProperty] => [n.name, n]);
  return type.kind === "entity" ? [...own, ...complexNavigationPaths(type, leadingProperties(leadsToNavigation(model, true))), ...castNavigationPaths(type as EntityType)] : own;
}

/**
 * Why `$expand`'s `Ns.subtype/nav`, or a path the type's `…Navigation` does not list, is not
 * written: the typed options expand what that type lists. A cast to no subtype, or to one without
 * that navigation property, is said with did-you-mean; one the type's `…Navigation` cannot list
 * (more subtypes than a `…Subtypes` map lists) with the way through.
 */
function pathInExpand(name: string, type: StructuredType | undefined, sliced: Slice): string {
  const slash = name.lastIndexOf("/");
  const head = name.slice(0, slash);
  const nav = type && allNavigation(type).find((n) => n.name === head);
  const tail = name.slice(slash + 1);
  if (nav && tail.includes(".")) {
    // `members/microsoft.graph.user` (URL Conventions §5.1.2: only the members of that type).
    const sub = subtypeNamed(tail, nav.target, sliced);
    if (typeof sub === "string") return `${name}: ${sub}`;
    return `${name}: a type cast after a navigation property, which the typed options do not take: expand ${head} and tell the entities apart by @odata.type ("#${tail}"), or read them from their own address, …/${head}/${tail}`;
  }
  if (nav && name.endsWith("/$count")) {
    if (!nav.collection) return `${name}: ${head} is no collection, so it has no count`;
    return `${name}: the typed options do not expand a count alone (OData 4.01); $expand=${head}($count=true;$top=0) reads ${head}@odata.count`;
  }
  if (nav && name.endsWith("/$ref")) {
    const keys = nav.target.keyNames.join(",");
    const reader = nav.collection ? "readRefs" : "readRef";
    return `${name}: the typed options do not expand references alone; $expand=${head}($select=${keys || "…"}) reads ${nav.collection ? "each one's key" : "its key"}, and ${reader} on the builder of ${head} reads the ${nav.collection ? "references" : "reference"}`;
  }
  if (slash > 0 && head.includes(".") && !head.includes("/")) {
    const tail = name.slice(slash + 1);
    if (type?.kind === "entity") {
      const sub = subtypeNamed(head, type, sliced);
      if (typeof sub === "string") return sub;
      if (allNavigation(type).some((n) => n.name === tail)) return `${name}: ${tail} is a navigation property of ${type.qualifiedName} itself: expand ${tail}`;
      if (listsSubtypes(type as EntityType)) {
        const by = declaringSubtype(type, sub, tail);
        if (by && by !== sub) return `${name}: ${tail} is declared by ${by.qualifiedName}, which ${head} derives from: expand ${by.qualifiedName}/${tail} (its ${tail} is read on every ${by.qualifiedName}, a ${head} too)`;
        const near = nearestName(tail, allNavigation(sub).map((n) => n.name));
        const declarer = near === undefined ? undefined : declaringSubtype(type, sub, near);
        const where = sliced ? sliceKeeps("navigation", sliced) : "";
        return `${head} has no navigation property ${tail}${near ? `; did you mean ${declarer?.qualifiedName ?? head}/${near}?` : where}`;
      }
    }
    const why = type?.kind === "entity" ? ` on ${type.qualifiedName}, whose subtypes are too many to list` : "";
    return `${name}: a type cast in $expand, which the typed options do not take${why}: cast the address to ${head} and expand ${tail} there (a cast collection holds only its members of that type)`;
  }
  const of = type ? ` (they take ${type.qualifiedName}'s navigation properties, and those of its complex properties)` : "";
  return `${name}: a path in $expand, which the typed options do not take${of}`;
}

/** `$expand`'s items (`members,manager($select=id;$top=5)`) as the `expand` member: a list of names, or an object where one has options. */
function expand(value: string, type: StructuredType | undefined, w: QueryWriter): string | { problem: string } {
  const items: { name: string; options: string[] | undefined }[] = [];
  for (const item of listItems(value, ",")) {
    const open = item.indexOf("(");
    const name = (open < 0 ? item : item.slice(0, open)).trim();
    if (open >= 0 && !item.endsWith(")")) return { problem: `${item}: its options end with )` };
    if (name === "*") return { problem: "* expands every navigation property: name them" };
    const reachable = type ? expandable(type, w.model) : [];
    const nav = reachable.find(([path]) => path === name)?.[1];
    if (!nav && name.includes(".")) return { problem: pathInExpand(name, type, sliceOf(w)) };
    // One member per name: an object literal may not have two (`messages($top=1),messages`).
    if (items.some((i) => i.name === name)) return { problem: `${name} is expanded twice` };
    if (type && !nav) {
      const near = nearestName(name, reachable.map(([path]) => path));
      if (name.includes("/") && !near) return { problem: pathInExpand(name, type, sliceOf(w)) };
      const slice = sliceOf(w);
      const where = slice ? sliceKeeps("navigation", slice) : "";
      return { problem: `${type.qualifiedName} has no navigation property ${name}${near ? `; did you mean ${near}?` : where}` };
    }
    if (open < 0) {
      items.push({ name, options: undefined });
      continue;
    }
    const options: string[] = [];
    const parts = listItems(item.slice(open + 1, -1), ";");
    const computed = computedNames(parts.find((p) => /^\$?compute\s*=/i.test(p))?.replace(/^[^=]*=/, ""));
    const seen = new Set<string>();
    for (const part of parts) {
      const eq = part.indexOf("=");
      const optionName = (eq < 0 ? part : part.slice(0, eq)).trim();
      const option = optionName.replace(/^\$/, "").toLowerCase();
      // `$top` and `top` are one option (the `$` is optional there), in any case.
      if (seen.has(option)) return { problem: `${optionName} is given twice in the options of ${name}` };
      seen.add(option);
      // Nested options are all system query options, so a name without its `$` (OData 4.01 makes
      // it optional; Graph's documentation writes `$expand=fields(select=Column1)`) is one too.
      if (!NESTED.includes(option)) return { problem: `${optionName} is no option of an expanded navigation property` };
      const member = systemOption(option, eq < 0 ? "" : part.slice(eq + 1), { type: nav?.target, computed }, w, optionName);
      if (typeof member !== "string") return member;
      options.push(member);
    }
    items.push({ name, options });
  }
  const key = (n: string) => (isIdentifier(n) ? n : JSON.stringify(n));
  if (items.every((i) => i.options === undefined)) return `expand: [${items.map((i) => JSON.stringify(i.name)).join(", ")}]`;
  return `expand: { ${items.map((i) => `${key(i.name)}: ${i.options?.length ? `{ ${i.options.join(", ")} }` : "true"}`).join(", ")} }`;
}

/**
 * A `$filter` with placeholders as a template literal: each a variable, written by `rt.literal` as
 * the property it is compared with takes it (`createdDateTime ge {start}`: `` `createdDateTime ge
 * ${literal("DateTimeOffset", start)}` ``), a quoted one compared with nothing known as a string,
 * another as given.
 */
function filledFilter(text: string, placeholders: readonly FilterPlaceholder[], w: QueryWriter): string {
  const raw = (s: string) => s.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
  let out = "";
  let from = 0;
  for (const p of placeholders) {
    const kind = p.kind ?? (p.quoted ? "String" : undefined);
    const what = p.role ? `${p.role}, in the $filter` : p.comparedWith ? `the value compared with ${p.comparedWith}, in the $filter` : "a value in the $filter";
    const variable = w.placeholder(p.name, what, kind === undefined ? "string" : literalValueType(kind));
    out += raw(text.slice(from, p.at)) + (kind === undefined ? `\${${variable}}` : `\${${w.runtime("literal")}(${JSON.stringify(kind)}, ${variable})}`);
    from = p.end;
  }
  return `\`${out}${raw(text.slice(from))}\``;
}

/** The TypeScript type of a value `rt.literal` writes as `kind`: as `byKey` takes it, or a `Date` for a date. */
function literalValueType(kind: string): string {
  return kind === "DateTimeOffset" || kind === "Date" ? "string | Date" : primitiveTs(kind);
}

/** The TypeScript type byKey takes a value of the Edm type `name` as. */
export function primitiveTs(name: string): string {
  if (name === "Int64" || name === "Decimal") return "number | bigint | string";
  if (NUMBERS.has(name)) return "number";
  return name === "Boolean" ? "boolean" : "string";
}


/** One level of options: the type its names are of, and the names its `$compute` adds. */
interface Level {
  type: StructuredType | undefined;
  computed: ReadonlySet<string>;
  /** The options are a list's, whose `filter` may be typed (not those of an expansion, a count or `$ref`s). */
  typed?: boolean;
  /** The options are a delta function's, whose `$select` may name a collection-valued navigation property. */
  delta?: boolean;
}

/** The names a `$compute` adds (`Price mul Qty as Total, year(Date) as Year`: Total, Year). */
function computedNames(value: string | undefined): ReadonlySet<string> {
  const names = new Set<string>();
  for (const item of value === undefined ? [] : listItems(value, ",")) {
    const alias = /\sas\s+(\S+)$/i.exec(item)?.[1];
    if (alias) names.add(alias);
  }
  return names;
}

/**
 * `$top`'s and `$skip`'s whole number, `$levels`' too or `max`; a placeholder (`{n}`) as a variable;
 * null for one beyond 2^53 - 1, which a number in the call would send as another.
 */
function count(value: string, option: string, w: QueryWriter, levels: boolean): string | null | undefined {
  if (/^\d+$/.test(value)) return Number.isSafeInteger(Number(value)) ? String(Number(value)) : null;
  if (levels && value === "max") return '"max"';
  const placeholder = /^\{([^}]*)\}$/.exec(value);
  return placeholder ? w.placeholder(placeholder[1], `the $${option} of the request`, "number") : undefined;
}

/** A custom option's value: a string, or a placeholder (`{start_datetime}`) as a variable. */
function text(value: string, what: string, w: QueryWriter): string {
  const placeholder = /^\{([^}]*)\}$/.exec(value);
  return placeholder ? w.placeholder(placeholder[1], what, "string") : JSON.stringify(value);
}

/** A query option's value, percent-decoded, by its name in any case, with or without its `$` (OData 4.01 makes both optional); undefined when absent. */
export function queryOption(query: string, name: string): string | undefined {
  const wanted = name.replace(/^\$/, "").toLowerCase();
  return queryPairs(query).find((p) => p.name.replace(/^\$/, "").toLowerCase() === wanted)?.value;
}

/** The query's `name=value` pairs, each percent-decoded (a bad escape left as written). */
export function queryPairs(query: string): { name: string; value: string }[] {
  return query
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      return { name: decoded(eq < 0 ? p : p.slice(0, eq)), value: decoded(eq < 0 ? "" : p.slice(eq + 1)) };
    });
}

function decoded(text: string): string {
  // A `+` is a space in a query, as URLSearchParams reads it and documentation pages write it
  // (Graph's `$filter=groupTypes/any(c:c+eq+'Unified')`); a plus sign itself is written %2B.
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
