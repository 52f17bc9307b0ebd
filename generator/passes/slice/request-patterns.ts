/**
 * `--include @requests.har`: a slice of what a program's requests use. Each request of the file (a
 * HAR file, an access log, curl or fetch calls, a Markdown page, a list: parse/requests reads them)
 * is resolved over the whole service as `odatagen url` resolves it (resolve-path.ts), and becomes the
 * URL-path pattern of what it addresses, keys as `{id}` (`GET /users/48d3…/messages?$expand=attachments`
 * → `/users/{id}/messages` and `/users/{id}/messages/{id}/attachments`), and each type its JSON body
 * names by `@odata.type` becomes its qualified name. The slice then keeps what those patterns keep,
 * as if each had been given to `--include`.
 */
import { Codes, type DiagnosticBag, type Place } from "../../diagnostics";
import { listItems } from "../../emit/url-filter-tokens";
import { queryOf, queryOption } from "../../emit/url-query";
import { readRequestList, type ListedRequest } from "../../parse/requests/request-list";
import { programModulesOf } from "../../parse/requests/imported-helpers";
import type { Model, Operation } from "../../model/types";
import { moduleImports } from "../../parse/requests/module-imports";
import { importReader, type ImportedElement } from "./imported-elements";
import { qualify } from "../../model/annotation-groups";
import { resolvePath, type Route } from "./resolve-path";
import { resolveSdkPath } from "./resolve-sdk-path";
import { pathModel, type Fill } from "./paths";
import { MAX_PATH_SEGMENTS } from "./glob";
import { composedResult } from "./composable";
import type { SliceOptions } from "./slice";
import { requestsOption, type NamedBy } from "../../option-names";

/** A file of requests, as read, and where it was named (a config's `include` entry), if in a file. */
export interface RequestFile {
  file: string;
  content: string;
  place?: Place | undefined;
  /**
   * The glob that matched it (`src/**\/*.ts`): a file that holds no request, or none the service
   * has, is passed over, and only a glob none of whose files gives the slice anything is an error.
   */
  glob?: string;
}

/** A pattern made from a request, and the place of the request it came from. */
export interface RequestPattern {
  pattern: string;
  place: Place;
}

/** At most this many requests that name nothing are reported one by one, per file. */
const SHOWN_UNKNOWN = 10;

/**
 * `options` with the patterns its `includeRequests` make (over the whole `model`) added to its
 * includes, each at the place of its request, and the elements a program's imports of generated
 * modules keep (imported-elements.ts) as its `includeElements`; problems as `requestPatterns` reports them.
 */
export function withRequestPatterns<T extends SliceOptions>(options: T, model: Model, fill: Fill | undefined, diags: DiagnosticBag, fillOperation?: (op: Operation) => boolean): T {
  if (!options.includeRequests?.length) return options;
  const made = requestPatterns(options.includeRequests, model, fill, diags, fillOperation, options.namedBy);
  // A pattern also given as one is the user's own.
  const requested = made.patterns.filter((r) => !options.include?.includes(r.pattern));
  const include = options.include ?? [];
  const places = include.map((_, k) => options.includePlaces?.[k]);
  // Named by `--why` as where it came from: a file's request, at its line (or its HAR entry).
  const origins = new Map(requested.map((r) => [r.pattern, `${requestsOption(r.place.file, options.namedBy)}, its request at ${r.place.line ? `line ${r.place.line}` : r.place.path || "an unknown place"}`]));
  return {
    ...options,
    include: [...include, ...requested.map((r) => r.pattern)],
    includePlaces: [...places, ...requested.map((r) => r.place)],
    requestOrigins: origins,
    ...(made.imported.length ? { includeElements: made.imported } : {}),
  };
}

/**
 * The patterns the requests of `files` make, over the whole service; the problems on the way as
 * diagnostics: a file that holds no request is an error (ODG307), a request that names nothing in
 * the service a warning (ODG308), since a recording holds other requests too (a sign-in, a page's
 * scripts). A whole URL at a host where no request names anything of the service is left out
 * without a warning, counted in a note.
 */
export function requestPatterns(
  files: readonly RequestFile[],
  model: Model,
  fill: Fill | undefined,
  diags: DiagnosticBag,
  fillOperation?: (op: Operation) => boolean,
  /** How the messages name the files: the CLI's `--include @file` (the default), or generate()'s `includeRequests` (option-names.ts). */
  namedBy?: NamedBy,
): { patterns: RequestPattern[]; imported: ImportedElement[] } {
  const paths = { ...pathModel(model), ...(fillOperation ? { fillOperation } : {}) };
  // A program's imports of generated modules (`import { updateSession } from "./graph/….requests.js"`), all files' at once.
  const programs = files.filter((f) => IMPORTS.test(f.content));
  const read = programs.length ? importReader(model, fill, fillOperation).readAll(programs.map((f) => ({ file: f.file, text: f.content, imports: moduleImports(f.content) }))) : [];
  const importedBy = new Map(programs.map((f, k) => [f, read[k]!]));
  const imported: ImportedElement[] = [];
  const patterns = new Map<string, RequestPattern>();
  // The program's modules its files import helpers from (imported-helpers.ts), each read once, the files given here as they were read.
  const modules = programModulesOf(files);
  /** Each glob's files, and whether any of them gave the slice a request. */
  const globs = new Map<string, { files: number; made: boolean; place: Place }>();
  for (const f of files) {
    const where = (line: number, column: number, path = ""): Place => ({ file: f.file, line, column, path });
    const named = f.place ?? where(0, 0);
    const glob = f.glob === undefined ? undefined : globs.get(f.glob) ?? globs.set(f.glob, { files: 0, made: false, place: named }).get(f.glob)!;
    if (glob) glob.files++;
    const fromImports = importedBy.get(f);
    const own = fromImports?.elements ?? [];
    imported.push(...own);
    for (const u of fromImports?.unknown.slice(0, SHOWN_UNKNOWN) ?? [])
      diags.addAt(Codes.requestOutsideService, "warning", `${u.name} is no function, type or validator of ${u.module} in this service; the slice does not keep it`, u.place);
    const more = (fromImports?.unknown.length ?? 0) - SHOWN_UNKNOWN;
    if (more > 0) diags.addAt(Codes.requestOutsideService, "warning", `${more} more names ${f.file} imports from the service's modules are none of theirs`, named);
    for (const r of fromImports?.reexported ?? [])
      diags.addAt(Codes.requestOutsideService, "warning", `export * from ${r.module} names none of its functions: the slice keeps what a program imports by name (export { updateSession } from …), so the names imported through ${f.file} are not read`, r.place);
    if (glob && own.length) glob.made = true;
    const list = readRequestList(f.content, undefined, { file: f.file, modules });
    if ("notes" in list) for (const n of list.notes ?? []) diags.addAt(Codes.requestNotRead, "info", n.message, where(n.line, n.column));
    if (!("requests" in list)) {
      // A program that imports modules may have meant to import the service's generated ones.
      const imports = fromImports ? "; nor does it import anything from the service's generated modules (<namespace>.requests.js, .types.js, .validators.js)" : "";
      if (!glob && !own.length && !fromImports?.barrel) diags.errorAt(Codes.requestsUnread, `${f.file} holds no requests to slice by: ${list.problem}${imports}`, list.line ? where(list.line, list.column) : named);
      continue;
    }
    const unknown: { request: ListedRequest; problem: string }[] = [];
    const hosts = new Set<string>();
    let made = 0;
    const seen = new Set<string>();
    // A request whose method is not read (a note says so) still addresses what the program uses.
    for (const r of [...list.requests, ...(list.unchecked ?? [])]) {
      const key = `${r.path}\n${r.body ?? ""}`;
      if (r.problem || seen.has(key)) continue;
      seen.add(key);
      const resolved = (r.sdkNames ? resolveSdkPath : resolvePath)(r.path, paths, fill);
      if (!resolved.ok) {
        unknown.push({ request: r, problem: resolved.problem });
        continue;
      }
      made++;
      const host = hostOf(r.path);
      if (host) hosts.add(host);
      // A single-valued navigation property's entity takes no key before what is expanded below it.
      const route = routePatterns(resolved.route, r.path, (p) => {
        const at = resolvePath(p, paths, fill);
        return !at.ok || at.route.addressed.kind === "collection";
      });
      const at = where(r.line, r.column, r.at ?? "");
      // What its $expand names is kept only where the service has it: a name it lacks is a
      // warning (the service answered the request 400), not a pattern that fails the run.
      const [own, ...expanded] = route.patterns;
      const missing: string[] = [];
      const reached = expanded.filter((pattern) => {
        const found = patterns.has(pattern) || resolvePath(pattern, paths, fill);
        if (found === true || found.ok) return true;
        missing.push(found.problem);
        return false;
      });
      if (missing.length) {
        const more = missing.length > 1 ? ` (and ${missing.length - 1} more of its $expand's names)` : "";
        diags.addAt(Codes.requestOutsideService, "warning", `${r.method} ${shortened(r.path)}: its $expand: ${missing[0]}${more}; the slice does not keep ${missing.length > 1 ? "them" : "it"}`, at);
      }
      for (const pattern of [own!, ...reached, ...bodyTypes(r.body, model)]) {
        if (!patterns.has(pattern)) patterns.set(pattern, { pattern, place: at });
      }
      if (route.deeper)
        diags.addAt(Codes.requestOutsideService, "warning", `${r.method} ${shortened(r.path)}: its $expand goes deeper than a URL path pattern does (${MAX_PATH_SEGMENTS} segments); the slice keeps what the levels above reach`, at);
    }
    const atOtherHost = (u: (typeof unknown)[number]) => {
      const host = hostOf(u.request.path);
      return host !== undefined && hosts.size > 0 && !hosts.has(host);
    };
    const elsewhere = unknown.filter(atOtherHost);
    // A glob's file none of whose requests the service has calls another service: passed over.
    const reported = glob && !made ? [] : unknown.filter((u) => !atOtherHost(u));
    for (const u of reported.slice(0, SHOWN_UNKNOWN)) {
      const r = u.request;
      diags.addAt(Codes.requestOutsideService, "warning", `${r.method} ${shortened(r.path)}: ${u.problem}; the slice does not keep it`, where(r.line, r.column, r.at ?? ""));
    }
    if (reported.length > SHOWN_UNKNOWN) {
      diags.addAt(Codes.requestOutsideService, "warning", `${reported.length - SHOWN_UNKNOWN} more requests of ${f.file} name nothing in the service (odatagen url --from ${f.file} lists them all)`, named);
    }
    if (elsewhere.length) {
      const others = [...new Set(elsewhere.map((u) => hostOf(u.request.path)))];
      diags.addAt(Codes.sliceSummary, "info", `${f.file}: ${elsewhere.length} request${elsewhere.length === 1 ? "" : "s"} to ${others.slice(0, 3).join(", ")}${others.length > 3 ? " and others" : ""} left out (not the service's host, ${[...hosts].join(", ")})`, named);
    }
    if (glob) glob.made ||= made > 0;
    if (!made && !glob && !own.length) {
      // None read, and a note on why (a module not read): that note.
      const bad = list.requests.find((r) => r.problem) ?? list.notes?.map((n) => ({ line: n.line, problem: n.message }))[0];
      const none = [...list.requests, ...(list.unchecked ?? [])].some((r) => !r.problem)
        ? "none of its requests names anything in the service"
        : bad
          ? `it has no request that can be read (line ${bad.line}: ${bad.problem})`
          : "it has no request (a line is [METHOD] <url>; a HAR file lists them in log.entries)";
      diags.errorAt(Codes.sliceEmpty, `${requestsOption(f.file, namedBy)}: ${none}`, named);
    }
  }
  for (const [pattern, g] of globs) {
    if (!g.made) diags.errorAt(Codes.sliceEmpty, `${requestsOption(pattern, namedBy)}: none of the ${g.files} file${g.files === 1 ? "" : "s"} it matches holds a request that names anything in the service, or imports anything from its generated modules`, g.place);
  }
  return { patterns: [...patterns.values()], imported };
}

/** A file that may import (or re-export) modules: its imports are read (module-imports.ts). */
const IMPORTS = /\b(?:import|require|export)\b/;

/**
 * The types a JSON body names by `@odata.type` (or OData 4.01's `@type`), at any depth, by their
 * qualified names (`#microsoft.graph.fileAttachment`, an alias's too): a subtype the body sends is
 * kept, with its properties, validators and typed bodies. A name the service does not define keeps
 * nothing (`odatagen url --from` says what is wrong with it).
 */
function bodyTypes(body: string | undefined, model: Model): string[] {
  if (body === undefined || !/@(odata\.)?type"/.test(body)) return [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const names = new Set<string>();
  // Walked with a stack of its own: a body nested thousands deep is no reason to fail.
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === "@odata.type" || k === "@type") && typeof x === "string") {
          const name = qualify(model, x.replace(/^#/, ""));
          if (model.types.has(name)) names.add(name);
        } else stack.push(x);
      }
    }
  }
  return [...names];
}

/** `https://graph.microsoft.com` of a whole URL; undefined for a path. */
function hostOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*:\/\/[^/?#]*)/i.exec(url.trim())?.[1]?.toLowerCase();
}

/**
 * The URL-path patterns a request keeps: the path it addresses (an operation's by its qualified
 * name, a cast's by the type's, keys as `{id}`, `$count`, `$ref` and `$value` left off), and the
 * path of each navigation property its `$expand` names, nested ones too, from where the path ends.
 */
export function routePatterns(route: Route, url: string, collectionAt: (path: string) => boolean = () => true): { patterns: string[]; deeper: boolean } {
  let path = "";
  let collection = false;
  /** The last segment calls a composable function that returns entities (resolvePath has read its result): its `$expand` names their navigation properties. */
  let entities = false;
  for (const step of route.steps) {
    entities = false;
    switch (step.kind) {
      case "root":
        path += `/${step.root.name}`;
        collection = step.root.kind === "entitySet";
        break;
      case "import":
        path += `/${step.import.name}`;
        ({ entities, collection } = throughFunction(step.import.operations));
        break;
      case "key":
        path += "/{id}";
        collection = false;
        break;
      case "navigation":
        path += `/${step.property.name}`;
        collection = step.property.collection;
        break;
      case "complex":
      case "stream":
        path += `/${step.property.name}`;
        break;
      case "cast":
        path += `/${step.to.qualifiedName}`;
        break;
      case "operation":
        path += `/${step.operations[0].qualifiedName}`;
        ({ entities, collection } = throughFunction(step.operations));
        break;
      case "media":
        path += "/$value";
        break;
      // `$count`, `$ref` and Graph's `:/path:` address nothing the path before them does not.
      case "count":
      case "ref":
      case "path":
        break;
    }
  }
  const out = { patterns: [path], deeper: false };
  const addressed = route.addressed.kind;
  if (addressed === "entity" || addressed === "collection" || entities) {
    const expand = queryOption(queryOf(url), "$expand");
    if (expand !== undefined) expanded(collection ? `${path}/{id}` : path, expand, out, collectionAt);
  }
  return out;
}

/** Whether one of `ops` is a composable function that returns entities (resolvePath has read its result), and a collection of them. */
function throughFunction(ops: readonly Operation[]): { entities: boolean; collection: boolean } {
  const result = ops.map((op) => composedResult(op)).find((r) => r !== undefined);
  return { entities: result !== undefined, collection: result?.collection ?? false };
}

/**
 * The paths an `$expand` value names below `at`, added to `out`: `manager($expand=directReports),photo`
 * → `at/manager`, `at/manager/directReports`, `at/photo` (`collectionAt`: whether a path addresses a
 * collection, whose members a key comes before: `members($expand=manager)` → `at/members/{id}/manager`). A level whose path would pass the
 * longest pattern a slice takes is not read (`deeper`): nesting costs no more than that.
 */
function expanded(at: string, value: string, out: { patterns: string[]; deeper: boolean }, collectionAt: (path: string) => boolean): void {
  if (at.split("/").length > MAX_PATH_SEGMENTS) {
    out.deeper = true;
    return;
  }
  for (const item of listItems(value, ",")) {
    const open = item.indexOf("(");
    const name = (open < 0 ? item : item.slice(0, open)).trim();
    // `*` and references or counts alone keep no more than the navigation properties do.
    const nav = name.replace(/\/\$(ref|count)$/, "");
    if (!nav || nav === "*") continue;
    const path = `${at}/${nav}`;
    if (path.split("/").length - 1 > MAX_PATH_SEGMENTS) {
      out.deeper = true;
      continue;
    }
    out.patterns.push(path);
    if (open < 0 || !item.endsWith(")")) continue;
    const nested = listItems(item.slice(open + 1, -1), ";").find((p) => /^\$?expand\s*=/i.test(p));
    // A collection's items are each one entity: a key between it and what is expanded below it (none after one entity).
    if (nested) expanded(collectionAt(path) ? `${path}/{id}` : path, nested.replace(/^[^=]*=/, ""), out, collectionAt);
  }
}

/** A URL as a message quotes it: at most 200 characters. */
function shortened(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}...` : url;
}
