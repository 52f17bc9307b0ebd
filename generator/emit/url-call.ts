/**
 * The generated code that makes one request of a URL path (`odatagen url`): the address builders
 * from the root, a `.byKey(…)` per key, and the function for the method — named as the requests
 * modules name them (request-names.ts, through the emit context), so that a rename there
 * (`settingsOfGroup`, `then2`, an overload's `…With…`) is what is printed here.
 */
import { INCLUDE_UNKNOWN, subjectsName } from "../model/evolvable-enums";
import { isStreamType } from "../model/rules";
import { navigationQueryOptions, operationQueryOptions, rootQueryOptions, type CustomQueryOption } from "../model/custom-query-options";
import { bindsExplicitly, namedAt, navigationBindings, rootBindings } from "../model/explicit-bindings";
import { resolveBindingTarget } from "../model/binding-targets";
import { optimisticConcurrency } from "../model/capabilities";
import { isQueryRestriction, navigationRestrictions, propertyLimits, rootRestrictions, type PropertyLimits, type Restricted, type Restriction } from "../model/restrictions";
import { limitedProperty } from "./url-limits";
import type { Method } from "../request-methods";
import { customHeaders, headerDescription, type CustomHeader, type HeaderRequest } from "../model/custom-headers";
import { listsMethod, updateMethods, type UpdateMethods } from "../model/update-method";
import { acceptableMediaTypes, familyMediaTypes } from "../model/media-types";
import type { Annotation, EntityContainer, EntitySet, EntityType, EnumType, Model, ModelType, Operation, Schema, Singleton, StructuredType } from "../model/types";
import { camel, isIdentifier, JS_RESERVED, propertyKey, snippetKey } from "../passes/names";
import { keyNamesId, navigationAlternateKeys, setAlternateKeys, typeAlternateKeys, type AlternateKey } from "../model/alternate-keys";
import { nearestName } from "../nearest-name";
import type { Route, RouteStep } from "../passes/slice/resolve-path";
import type { EmitContext } from "./context";
import { moduleSpecifier } from "./imports";
import { keylessCollections } from "./keyless-collections";
import { listsSubtypes } from "./request-names";
import { deltaFunction, hasComposableAddress } from "./operation-view";
import { applyArgument, primitiveTs, customOptionNames, queryMembers, systemOptionNames, type QueryTaker, type QueryWriter } from "./url-query";
import { NUMBERS } from "./url-filter-tokens";
import { DATE, enumMembers, GUID, isCalendarDay, miscasedProblem, numberProblem, OFFSET, offsetNote, RUNTIME_FORMS, stringProblem, TIME_OF_DAY, unquotedNote, writable } from "./literal-forms";

/** A name the code uses that the caller provides: the client, a key, a body, an operation's parameters. */
export interface CallVariable {
  name: string;
  /** What to give: `the key of a microsoft.graph.callRecords.session`, `the changes (a PATCH body)`. */
  what: string;
  /** A key's TypeScript type (`string`, `number`), where odatagen knows it without importing a type. */
  type?: string;
}

export interface UrlCall {
  method: string;
  /** The path as resolved (below the service root, without a query). */
  path: string;
  /** The URL's query as given (`$select=subject&$top=5`), which `call` passes as options; absent without one. */
  query?: string;
  /** The function that sends the request: `updateSession`, or the runtime's `count`, `addRef`, `readStream`, … */
  function: string;
  /** Its module, relative to the output folder: `./microsoft.graph.callRecords.requests.js`, or `./index.js` for the runtime's. */
  module: string;
  /** Each module and the names imported from it, in order of first use, names sorted. */
  imports: { module: string; names: string[] }[];
  /** The address the function is given, built from the root (absent for an unbound operation). */
  address?: string;
  /** The call, `await updateSession(client, target, body)`. */
  call: string;
  variables: CallVariable[];
  /** The headers the service's metadata names for the request (Capabilities `CustomHeaders`), said in `code` as comments. */
  headers?: CustomHeader[];
  /**
   * The preferences the request must send for the service to take it (`include-unknown-enum-members`:
   * its `$filter` or body names a member after an evolvable enum's `unknownFutureValue`), which `call` sends.
   */
  prefer?: string[];
  /** What in the request names such a member: `$filter`, `body`, or both. */
  preferFor?: ("$filter" | "body")[];
  /**
   * The whole, as printed: the imports, a blank line, a `const` for each entity the path goes on
   * from (named after its type), `const target = …;` and the call.
   */
  code: string;
}

/**
 * The call, or why there is none. `addressed`: the service has the path (what is refused is the
 * method, the query or the body), so a service without it has nothing to add. `outsideSlice`: the
 * service has it and the slice leaves it out.
 */
export type UrlCallResult = { ok: true; call: UrlCall } | { ok: false; problem: string; addressed?: boolean; outsideSlice?: boolean };

export { METHODS, type Method } from "../request-methods";

/**
 * The code for `method` on the resolved `route`, or why none makes that request. `query`: the URL's
 * query (`$select=subject&$top=5`), written as the call's options; `sliced`: `ctx.model` is a slice.
 */
export function urlCall(ctx: EmitContext, route: Route, method: Method, query = "", sliced = false, partialQuery = false, body: BodyLater = NO_LATER): UrlCallResult {
  return new CallWriter(ctx, route, method, query, sliced, partialQuery, body).write();
}

class CallWriter {
  private readonly imports = new Map<string, Set<string>>();
  private readonly variables: CallVariable[] = [];
  private readonly taken = new Set<string>(["client", "target", "result", "body", "params", "related", "data", "etag"]);
  /** The address up to each key the path goes on after, and the entity type keyed: each becomes a `const` of its own. */
  private readonly keyedSteps: { expr: string; type: EntityType | undefined }[] = [];
  /** The placeholders' variables not yet named (`variable`, `nameVariables`). */
  private readonly pending: { token: string; wanted: string }[] = [];
  /** Comments above the call on the values the URL gives that the function cannot take as written (`offsetNote`). */
  private readonly notes: string[] = [];
  /** The entity set or singleton the address is in, as the runtime follows it (the root, then NavigationPropertyBindings by property name). */
  private within: { container: EntityContainer; set: EntitySet | Singleton } | undefined;
  /** What the metadata forbids at the address, as its builder's type carries it (model/restrictions.ts). */
  private restrictions: Restriction[] = [];
  /** The explicitly bound operations the metadata names at the address so far (model/explicit-bindings.ts). */
  private binds: readonly string[] = [];
  /** The custom query options the metadata names for reading the collection addressed (model/custom-query-options.ts). */
  private queryOptions: readonly CustomQueryOption[] = [];
  /** The properties the collection addressed does not take in `$filter`, `$orderby` or `$expand` (url-limits.ts). */
  private limits: PropertyLimits = {};
  /** The annotations the address's custom headers are read from (its entity type's, then its own), and whether a key follows them. */
  private headerLayers: (readonly Annotation[])[] = [];
  /** The media types the metadata accepts for the stream addressed (model/media-types.ts). */
  private mediaTypes: string[] | undefined;
  private byKey = false;

  constructor(
    private readonly ctx: EmitContext,
    private readonly route: Route,
    private readonly method: Method,
    private readonly query: string,
    private readonly sliced: boolean,
    /** The URL may lack query options the request gets elsewhere (UrlRequest.partialQuery): required custom ones are not asked for. */
    private readonly partialQuery = false,
    /** The members after an evolvable enum's sentinel that the request's body names (url-body.ts). */
    private readonly body: BodyLater = NO_LATER,
  ) {}

  write(): UrlCallResult {
    const { route, method } = this;
    const steps = route.steps;
    const last = steps[steps.length - 1];
    const shown = `${method} ${route.path}`;
    // A change of the one entity a composable function returns is made at its `…Ref` builder's address.
    const composed = this.changedResult(last);
    // The address: every step but an operation, `$count` and `$ref`, which the function takes it for.
    const addressSteps = composed ? steps : last.kind === "operation" || last.kind === "count" || last.kind === "ref" ? steps.slice(0, -1) : last.kind === "import" ? [] : steps;
    const address = addressSteps.length ? this.address(addressSteps) : undefined;
    if (typeof address === "object") return address;
    const a: Route["addressed"] = composed ? { kind: "entity", type: composed } : route.addressed;
    let fn: { name: string; module: string } | undefined;
    let args: string[] = [];
    let resultless = false;
    // The options the function takes from the URL's query, and the entities it reads (for $select's and $expand's names).
    let taker: QueryTaker = "custom";
    let read: StructuredType | undefined;
    let delta = false;
    const options: string[] = [];
    // An update sent with a method the metadata does not list for the address (UpdateRestrictions/UpdateMethod).
    let methodNote: string | undefined;
    const refuse = (why: string): UrlCallResult => ({ ok: false, problem: `${shown}: ${why}` });
    const laterMembers = new Set<string>();
    const writer: QueryWriter = { placeholder: (name, what, type) => this.variable(identifierOf(name), what, type), runtime: (name) => this.runtime(name).name, sliced: this.sliced, namedBy: this.ctx.options.namedBy, model: this.ctx.model, laterMembers };
    switch (a.kind) {
      case "entity": {
        const v = this.verbs(a.type);
        if (method === "GET") fn = v.get();
        else if (method === "PATCH" || method === "PUT") fn = v.update();
        else if (method === "DELETE") fn = v.remove();
        else return refuse(`POST creates in a collection; this addresses one ${a.type.qualifiedName} (GET, PATCH, PUT or DELETE it)`);
        const forbidden = this.forbidden(method === "GET" ? "read" : method === "DELETE" ? "delete" : "update", fn.name);
        if (forbidden) return refuse(forbidden);
        // A set with optimistic concurrency takes a change only with the entity's ETag (If-Match): the runtime refuses one without.
        const etag = method !== "GET" && this.within?.set.kind === "entitySet" && optimisticConcurrency(this.ctx.model, this.within.container, this.within.set);
        if (etag) this.fixed("etag", `the entity's ETag, its @odata.etag as read ("*" changes whatever version it is at): ${this.within?.set.name} has optimistic concurrency`);
        options.push(...(method === "PUT" ? ["replace: true"] : []), ...(etag ? ["etag"] : []));
        if (method === "PATCH" || method === "PUT") methodNote = updateMethodNote(updateMethods(this.headerLayers), method);
        if (method === "PATCH" || method === "PUT") args = ["body"];
        if (method === "GET") [taker, read] = ["one", a.type];
        if (method === "PATCH" || method === "PUT") this.fixed("body", method === "PUT" ? "the whole entity (a PUT replaces it)" : "the changes (a PATCH body)");
        resultless = method === "DELETE";
        break;
      }
      case "collection": {
        const v = this.verbs(a.type);
        const collected = a.type.key.length > 0 || keylessCollections(this.ctx.model).has(a.type);
        if (method !== "GET" && method !== "POST") return refuse(`${method} changes one entity; this addresses a collection of ${a.type.qualifiedName} (GET or POST to it, or give a key: …/{id})`);
        if (!collected) return refuse(`${a.type.qualifiedName} has no key, so it has no list or create function`);
        const apply = method === "GET" ? applyArgument(this.query, writer, a.type) : undefined;
        if (typeof apply === "object") return refuse(apply.problem);
        if (apply !== undefined) {
          // $apply (Data Aggregation): rt.aggregate, whose later options name the transformed items, not the type's properties.
          [fn, taker, args] = [this.runtime("aggregate"), "apply", [apply]];
          const forbidden = this.forbidden("list", fn.name);
          if (forbidden) return refuse(forbidden);
          break;
        }
        fn = method === "GET" ? v.list() : v.create();
        if (method === "GET") [taker, read] = ["list", a.type];
        const forbidden = this.forbidden(method === "GET" ? "list" : "insert", fn.name) ?? (method === "GET" ? (this.forbiddenOption(fn.name) ?? this.missingOptions(this.queryOptions, "reading here", fn.name)) : undefined);
        if (forbidden) return refuse(forbidden);
        if (method === "POST") {
          args = ["body"];
          this.fixed("body", "the entity to create");
        }
        break;
      }
      case "complex":
        return refuse(`this addresses complex property ${(last as Extract<RouteStep, { kind: "complex" }>).property.name}, which no function reads alone: read the entity, selecting it`);
      case "count":
        if (method !== "GET") return refuse("$count is read with GET");
        fn = this.runtime("count");
        [taker, read] = ["count", a.type];
        {
          const forbidden = this.forbidden("count", fn.name) ?? this.forbiddenOption(fn.name) ?? this.missingOptions(this.queryOptions, "reading here", fn.name);
          if (forbidden) return refuse(forbidden);
        }
        break;
      case "ref":
        if (method === "GET") {
          fn = this.runtime(a.collection ? "readRefs" : "readRef");
          [taker, read] = [a.collection ? "refs" : "none", a.type];
          const forbidden = a.collection ? (this.forbiddenOption(fn.name) ?? this.missingOptions(this.queryOptions, "reading here", fn.name)) : undefined;
          if (forbidden) return refuse(forbidden);
          break;
        }
        if (method === "PATCH") return refuse("$ref is added with POST (to a collection) or PUT (a single-valued navigation property), and removed with DELETE");
        if (method === "DELETE") {
          if (a.collection) return refuse("DELETE of a collection's $ref needs the member: …/{id}/$ref");
          fn = this.runtime("removeRef");
        } else {
          if (a.collection !== (method === "POST")) return refuse(a.collection ? "a collection's $ref is added to with POST" : "a single-valued navigation property's $ref is set with PUT (POST adds to a collection's)");
          fn = this.runtime("addRef");
          args = ["related"];
          this.fixed("related", "the address of the entity to link (an EntityRef: its set's builder and .byKey(…))");
        }
        resultless = true;
        taker = "none";
        break;
      case "stream":
        if (method === "GET") [fn, taker] = [this.runtime("readStream"), "custom"];
        else if (method === "PUT") {
          fn = this.runtime("writeStream");
          args = ["data"];
          this.fixed("data", "the media: a Blob, bytes or a ReadableStream");
          // The media types the metadata accepts (Core.AcceptableMediaTypes): writeStream refuses another, and bytes are application/octet-stream.
          if (this.mediaTypes) options.push(this.fixed("contentType", `the media's type, which the service's metadata says is one of ${this.mediaTypes.join(", ")} (Core.AcceptableMediaTypes)`));
        } else return refuse("a stream is read with GET and written with PUT");
        break;
      case "operation": {
        const op = this.operation(last, method);
        if (typeof op === "string") return refuse(op);
        fn = op.fn;
        args = op.args;
        resultless = op.resultless;
        // A function that returns entities takes the query options of a read of them (URL Conventions §5.1).
        const ret = op.op.kind === "function" ? op.op.returnType : undefined;
        if (ret?.type.kind === "entity") [taker, read, delta] = [ret.collection ? "list" : "one", ret.type, deltaFunction(op.op.name, ret.collection)];
        // A collection of complex or primitive values takes a collection's options, its filter as text (rt.ValueListOptions).
        else if (ret?.collection && !isStreamType(ret.type)) [taker, read] = ["values", ret.type.kind === "complex" ? ret.type : undefined];
        break;
      }
    }
    const fromQuery = queryMembers(this.query, taker, fn.name, read, writer, delta);
    if (typeof fromQuery === "string") return refuse(fromQuery);
    options.push(...fromQuery);
    // A member after an evolvable enum's sentinel is named only by a request that prefers them.
    const preferFor = [...(laterMembers.size ? ["$filter" as const] : []), ...(this.body.laterMembers.length ? ["body" as const] : [])];
    // The generated write sends it by itself for a body naming one (entities it inserts through navigation properties included).
    const bySelf = laterMembers.size === 0 ? fn.name : undefined;
    const preferNote = laterMembersNote([...laterMembers, ...this.body.laterMembers], preferFor, bySelf);
    if (preferNote && !bySelf) options.push(`headers: { Prefer: ${JSON.stringify(INCLUDE_UNKNOWN)} }`);
    if (options.length) args.push(`{ ${options.join(", ")} }`);
    // Every import is known: the placeholders' variables are named now.
    const rename = this.nameVariables();
    const target = address === undefined ? undefined : rename(address);
    const callArgs = ["client", ...(target === undefined ? [] : ["target"]), ...args.map(rename)];
    this.variables.unshift({ name: "client", what: "the client (createClient from ./index.js)" });
    const call = `${resultless ? "" : "const result = "}await ${fn.name}(${callArgs.join(", ")});`;
    const imports = [...this.imports].map(([module, names]) => ({ module, names: [...names].sort() }));
    const lines = imports.map((i) => `import { ${i.names.join(", ")} } from ${JSON.stringify(i.module)};`);
    const headers = this.headers(last);
    const code = [...lines, "", ...(target === undefined ? [] : this.statements(target, imports)), ...headers.map(headerNote), ...(methodNote ? [methodNote] : []), ...(preferNote ? [preferNote] : []), ...(this.body.note ? [this.body.note] : []), ...this.notes.map(rename), call, ""].join("\n");
    const prefer = preferNote ? { prefer: [INCLUDE_UNKNOWN], preferFor } : {};
    return { ok: true, call: { method, path: route.path, ...(this.query ? { query: this.query } : {}), function: fn.name, module: fn.module, imports, ...(target === undefined ? {} : { address: target }), call, variables: this.variables, code, ...(headers.length ? { headers } : {}), ...prefer } };
  }

  /**
   * Forgets what the metadata says of the address so far (restrictions, explicit bindings, custom
   * query options, property lists, headers): after a complex property, a cast, a path or a composable
   * function's result, whose builder's type says none of it (CastRef, `rt.byPath`, `rt.at`).
   */
  private forget(): void {
    this.restrictions = [];
    this.binds = [];
    this.queryOptions = [];
    this.limits = {};
    this.headerLayers = [];
    this.mediaTypes = undefined;
  }

  /** The address expression of `steps`, or why it cannot be written. */
  private address(steps: readonly RouteStep[]): string | UrlCallResult {
    let expr = "";
    let keyed: EntityType | undefined;
    // The alternate keys a key here may be given as: the set's, the navigation property's, the type's.
    let alternate: AlternateKey[] = [];
    for (const step of steps) {
      this.within = this.setAfter(this.within, step);
      switch (step.kind) {
        case "root": {
          this.restrictions = rootRestrictions(this.ctx.model, step.container, step.root);
          this.binds = rootBindings(this.ctx.model, step.root);
          this.queryOptions = step.root.kind === "entitySet" ? rootQueryOptions(step.container.qualifiedName, step.root) : [];
          this.limits = step.root.kind === "entitySet" ? propertyLimits(step.root.entityType, step.root.annotations) : {};
          this.headerLayers = [(step.root.kind === "entitySet" ? step.root.entityType : step.root.type).annotations, step.root.annotations];
          this.byKey = false;
          const schema = this.schemaHolding(step.container);
          expr = `${this.use(this.names(schema).root(step.container, step.root), schema.namespace)}()`;
          keyed = step.root.kind === "entitySet" ? step.root.entityType : undefined;
          alternate = step.root.kind === "entitySet" ? setAlternateKeys(step.root, step.container.qualifiedName) : [];
          break;
        }
        case "key": {
          // Capabilities.IndexableByKey false: the collection's builder type has no byKey (NoKey).
          const noKey = this.restrictions.find((r) => r.what === "key");
          if (noKey)
            return {
              ok: false,
              problem: `${this.method} ${this.route.path}: the service's metadata forbids addressing a member by key here (Capabilities ${noKey.term} is false on ${noKey.by}), so byKey does not compile on this address; to send it anyway, call byKey on rt.unrestricted(target)`,
            };
          // A member read by key: the lists are a collection's (model/restrictions.ts).
          this.limits = {};
          this.byKey = true;
          const key = this.key(step.text, keyed, alternate);
          if (typeof key !== "string") return { ok: false, problem: `${this.method} ${this.route.path}: ${key.problem}` };
          expr = `${expr}.byKey(${key})`;
          this.queryOptions = [];
          if (step !== steps[steps.length - 1]) this.keyedSteps.push({ expr, type: keyed });
          break;
        }
        case "navigation": {
          const owner = step.property.declaringType;
          this.restrictions = navigationRestrictions(this.ctx.model, owner, step.property);
          this.binds = navigationBindings(this.ctx.model, step.property);
          this.queryOptions = step.property.collection ? navigationQueryOptions(this.ctx.model, step.property) : [];
          this.limits = step.property.collection ? propertyLimits(step.property.target, step.property.annotations) : {};
          this.headerLayers = [step.property.target.annotations, step.property.annotations];
          this.byKey = false;
          expr = `${this.builder("nav", owner, step.property.name)}(${expr})`;
          keyed = step.property.target;
          alternate = navigationAlternateKeys(step.property);
          break;
        }
        case "complex":
          this.forget();
          expr = `${this.builder("complex", step.property.declaringType, step.property.name)}(${expr})`;
          break;
        case "cast": {
          // A cast's address does not keep what the metadata forbids or binds at the one cast (CastRef).
          this.forget();
          if (!listsSubtypes(step.from)) return { ok: false, problem: `${this.method} ${this.route.path}: ${step.from.qualifiedName} has no typed cast function (too many subtypes); cast with the runtime's cast(target, ${JSON.stringify(step.to.qualifiedName)})` };
          const schema = this.schemaOf(step.from);
          expr = `${this.use(this.names(schema).cast(step.from), schema.namespace)}(${expr}, ${JSON.stringify(step.to.qualifiedName)})`;
          keyed = step.to;
          // A cast keeps its collection's key writer (rt.cast, CastRef): a subtype's own alternate keys are not taken through it.
          break;
        }
        case "path": {
          // Another entity below the one addressed (Graph's `…:/path:`): what is forbidden there is not known.
          this.forget();
          expr = `${this.runtime("byPath").name}(${expr}, ${this.pathText(step.text, keyed)})`;
          if (step !== steps[steps.length - 1]) this.keyedSteps.push({ expr, type: keyed });
          break;
        }
        case "media":
          expr = `${this.builder("media", step.owner, "content")}(${expr})`;
          this.mediaTypes = familyMediaTypes(step.owner);
          break;
        case "stream":
          expr = `${this.builder("stream", step.property.declaringType, step.property.name)}(${expr})`;
          this.mediaTypes = acceptableMediaTypes(step.property);
          break;
        case "operation":
        case "import": {
          const c = this.composable(step, expr);
          if (typeof c === "string") return { ok: false, problem: `${this.method} ${this.route.path}: ${c}` };
          // A composable function's result: which set it is in, and what is forbidden there, is not known.
          this.forget();
          // Its collection's read needs what the function does (its `…Ref` builder's type says so).
          if (c.keyed) this.queryOptions = operationQueryOptions(c.op);
          expr = c.expr;
          keyed = c.keyed;
          alternate = keyed ? typeAlternateKeys(keyed) : [];
          break;
        }
        default:
          return { ok: false, problem: `${this.method} ${this.route.path}: nothing is addressed through ${step.kind}` };
      }
    }
    return expr;
  }

  /** The headers the metadata names for this request at its address (model/custom-headers.ts); none for an operation's. */
  private headers(last: RouteStep): CustomHeader[] {
    if (!this.headerLayers.length || last.kind === "operation" || last.kind === "import") return [];
    const request: HeaderRequest =
      this.method === "GET" ? (this.byKey && last.kind === "key" ? "readByKey" : "read") : this.method === "POST" ? "insert" : this.method === "DELETE" ? "delete" : "update";
    return [...customHeaders(this.headerLayers, request)];
  }

  /**
   * The first query option the URL gave that the metadata forbids at the address, said as
   * `forbidden` says a request; else a property its `$filter`, `$orderby` or `$expand` names that
   * the collection's lists say it does not take (url-limits.ts).
   */
  private forbiddenOption(fn: string): string | undefined {
    const given = systemOptionNames(this.query);
    const r = this.restrictions.find((x) => isQueryRestriction(x.what) && given.includes(x.what));
    if (!r) return limitedProperty(this.query, this.limits);
    return `the service's metadata forbids $${r.what} here (Capabilities ${r.term} is false on ${r.by}), so ${fn} does not compile with it on this address; to send it anyway, give ${fn} rt.unrestricted(target)`;
  }

  /**
   * Why `fn` does not compile on the address, where its metadata forbids `what` there (the builder's
   * type says so: restriction-types.ts), or undefined.
   */
  private forbidden(what: Restricted, fn: string): string | undefined {
    const r = this.restrictions.find((x) => x.what === what);
    if (!r) return undefined;
    return `the service's metadata forbids this request (Capabilities ${r.term} is false on ${r.by}), so ${fn} does not compile on this address; to send it anyway, give ${fn} rt.unrestricted(target)`;
  }

  /**
   * `const target = …;`, after a `const` for each entity the path goes on from
   * (`const callRecord = cloudCommunicationsCallRecords(communications()).byKey(callRecordId);`),
   * named after its type, so that a deep path reads a key at a time rather than as one nested line.
   */
  private statements(address: string, imports: { names: string[] }[]): string[] {
    const used = new Set([...this.taken, ...this.variables.map((v) => v.name), ...imports.flatMap((i) => i.names)]);
    const lines: string[] = [];
    let before: { expr: string; name: string } | undefined;
    const shorten = (expr: string) => (before ? expr.replace(before.expr, () => before!.name) : expr);
    for (const { expr, type } of this.keyedSteps) {
      const wanted = type ? camel(type.name) : "entity";
      let name = isIdentifier(wanted) ? wanted : "entity";
      for (let i = 2; used.has(name) || JS_RESERVED.has(name); i++) name = `${wanted}${i}`;
      used.add(name);
      lines.push(`const ${name} = ${shorten(expr)};`);
      before = { expr, name };
    }
    return [...lines, `const target = ${shorten(address)};`];
  }

  /**
   * The entity set or singleton an address is in after `step`: a root one; after a key or a cast the
   * same; after a navigation property the one its NavigationPropertyBinding names (by the property's
   * name, as the runtime follows them, from a singleton too); else none (a contained or unbound one,
   * a complex property).
   */
  private setAfter(now: CallWriter["within"], step: RouteStep): CallWriter["within"] {
    if (step.kind === "root") return { container: step.container, set: step.root };
    if (step.kind === "key" || step.kind === "cast") return now;
    if (step.kind !== "navigation" || !now) return undefined;
    const binding = now.set.bindings.find((b) => b.path === step.property.name);
    const place = binding && resolveBindingTarget(this.ctx.model, now.container, binding);
    return place && !place.within ? { container: place.container, set: place.root } : undefined;
  }

  /**
   * The entity type a PATCH, PUT or DELETE of a function segment changes: the one entity its composable
   * overload returns (URL Conventions §4.5.1: the result is addressed like a navigation property's
   * entity; CSDL: IsComposable); else undefined (the function is called with GET).
   */
  private changedResult(last: RouteStep): EntityType | undefined {
    if (this.method === "GET" || this.method === "POST" || (last.kind !== "operation" && last.kind !== "import")) return undefined;
    const op = this.overload(last, "function")?.op;
    const ret = op?.composable ? op.returnType : undefined;
    return ret?.type.kind === "entity" && !ret.collection ? ret.type : undefined;
  }

  /** The function of an operation segment, with its arguments after the client and the target; or why the method does not call it. */
  private operation(step: RouteStep, method: Method): { fn: { name: string; module: string }; args: string[]; resultless: boolean; op: Operation } | string {
    if (step.kind !== "operation" && step.kind !== "import") return "no operation";
    const candidates = step.kind === "import" ? step.import.operations : step.operations;
    const kind = method === "GET" ? "function" : method === "POST" ? "action" : undefined;
    const segment = step.kind === "import" ? step.import.name : candidates[0].name;
    const called = `${segment} is ${candidates[0].kind === "function" ? "a function, called with GET" : "an action, called with POST"}`;
    if (!kind) return called;
    const chosen = this.overload(step, kind);
    if (!chosen) return called;
    const { op, schema, entry } = chosen;
    const name = this.names(schema).operation(entry);
    const unbound = this.notBoundHere(op, name) ?? this.missingOptions(operationQueryOptions(op), "calling it", name);
    if (unbound) return unbound;
    const fn = { name: this.use(name, schema.namespace), module: moduleSpecifier(schema.namespace, "requests") };
    const args = this.parameters(step, op, kind);
    if (!Array.isArray(args)) return args.problem;
    return { fn, args, resultless: op.kind === "action" && !op.returnType, op };
  }

  /**
   * Why `fn` does not compile with the URL's query: it leaves out custom query options the metadata
   * requires for `doing` (model/custom-query-options.ts; the builder's type or the function's options say so); else undefined.
   */
  private missingOptions(options: readonly CustomQueryOption[], doing: string, fn: string): string | undefined {
    if (this.partialQuery) return undefined;
    const given = new Set(customOptionNames(this.query));
    const missing = options.filter((o) => o.required && !given.has(o.name));
    if (!missing.length) return undefined;
    const names = missing.map((o) => o.name).join(", ");
    return `the service's metadata requires the custom query option${missing.length > 1 ? "s" : ""} ${names} for ${doing} (Capabilities ${missing[0]!.by}), so ${fn} does not compile without ${missing.length > 1 ? "them" : "it"}: give ${missing.map((o) => `${o.name}=…`).join("&")} in the URL's query`;
  }

  /**
   * Why bound overload `op`, whose function is `fn`, does not compile on the address: it requires
   * explicit binding, and the metadata does not name it there (model/explicit-bindings.ts); else undefined.
   */
  private notBoundHere(op: Operation, fn: string): string | undefined {
    if (!op.bound || !bindsExplicitly(this.ctx.model, op) || this.binds.includes(op.qualifiedName)) return undefined;
    const places = namedAt(this.ctx.model, op.qualifiedName);
    const kept = this.ctx.sliced ? ", among the elements this slice keeps" : "";
    return `${op.qualifiedName} requires explicit binding (Core.RequiresExplicitBinding), and the metadata names it ${places.length ? `only at ${places.join(", ")}` : "nowhere"} (Core.ExplicitOperationBindings${kept}), so ${fn} does not compile on this address; to call it anyway, give ${fn} rt.unrestricted(target)`;
  }

  /** The overload of `kind` an operation segment calls: of a function, the one whose parameters the URL names, else the one with the fewest (CSDL §12.2.1: overloads differ by their parameters' names). */
  private overload(step: Extract<RouteStep, { kind: "operation" | "import" }>, kind: "action" | "function") {
    const candidates = step.kind === "import" ? step.import.operations : step.operations;
    const ofKind = candidates.filter((op) => op.kind === kind);
    if (!ofKind.length) return undefined;
    const given = parameterNames(step.args);
    const named = given === undefined ? [] : ofKind.filter((op) => sameNames(op.parameters.map((p) => p.name), given));
    // Else the fewest parameters: of those taking every name the URL gives, if any does.
    const fewest = (ops: readonly Operation[]) => [...ops].sort((x, y) => x.parameters.length - y.parameters.length)[0];
    const covering = given?.length ? ofKind.filter((op) => given.every((g) => op.parameters.some((p) => p.name === g))) : [];
    const op = named[0] ?? fewest(covering) ?? fewest(ofKind);
    const schema = step.kind === "import" ? this.schemaHolding(step.container) : this.schemaOf(op);
    const entry = step.kind === "import" ? { op, importName: step.import.name, importAnnotations: step.import.annotations } : { op };
    return { op, schema, entry };
  }

  /** An operation's parameters in a call: none, the URL's as an object literal (a function's), or `params`. */
  private parameters(step: Extract<RouteStep, { kind: "operation" | "import" }>, op: Operation, kind: "action" | "function"): string[] | { problem: string } {
    if (!op.parameters.length) return [];
    const literal = kind === "function" ? this.parameterObject(step.args, op) : undefined;
    if (typeof literal === "object") return literal;
    return [literal ?? this.fixed("params", `the parameters of ${op.kind} ${op.qualifiedName}: ${op.parameters.map((p) => p.name).join(", ")}`)];
  }

  /** The address of what a composable function returns (its `…Ref` builder), with the address before it; or why there is none. */
  private composable(step: Extract<RouteStep, { kind: "operation" | "import" }>, before: string): { expr: string; keyed: EntityType | undefined; op: Operation } | string {
    const chosen = this.overload(step, "function");
    if (!chosen || !hasComposableAddress(chosen.op)) return `no address builder for what ${chosen?.op.qualifiedName ?? "it"} returns (a composable function's, whose parameters are all written in the path): nothing can follow it`;
    const { op, schema, entry } = chosen;
    const unbound = step.kind === "operation" ? this.notBoundHere(op, this.names(schema).composable(entry)) : undefined;
    if (unbound) return unbound;
    const name = this.use(this.names(schema).composable(entry), schema.namespace);
    const parameters = this.parameters(step, op, "function");
    if (!Array.isArray(parameters)) return parameters.problem;
    const args = [...(step.kind === "operation" ? [before] : []), ...parameters];
    const ret = op.returnType;
    return { expr: `${name}(${args.join(", ")})`, keyed: ret?.collection && ret.type.kind === "entity" ? ret.type : undefined, op };
  }

  /**
   * A function's parameters as the URL gives them (`(period='D7')`, `(address={address})`) as an
   * object literal, when each is a literal or a placeholder. One the URL leaves out (the function
   * takes them all) is a variable of its own, so that the values the URL gives are kept.
   */
  private parameterObject(args: string | undefined, op: Operation): string | { problem: string } | undefined {
    const given = splitArguments(args);
    if (!given || !given.length || given.length > op.parameters.length || given.some((g) => g.name === undefined)) return undefined;
    if (given.some((g) => !op.parameters.some((p) => p.name === g.name))) return undefined;
    const members: string[] = [];
    for (const p of op.parameters) {
      const t = p.type.type;
      const edm = edmName(t);
      const g = given.find((x) => x.name === p.name);
      if (!g) {
        const type = p.type.collection || t.kind !== "primitive" ? undefined : `${primitiveTs(edm)}${p.type.nullable ? " | null" : ""}`;
        members.push(`\u0002${p.name}\u0002${this.variable(identifierOf(p.name), `parameter ${p.name} of ${op.qualifiedName}, which the URL leaves out`, type)}`);
        continue;
      }
      // ABNF `null` (`f(s=null)`): null, as the function sends it (`s=null`), where the parameter
      // takes it; a string's `'null'` is the text, and `NULL` none (the ABNF's null is lower case alone).
      const miscased = miscasedNull(g.value, `parameter ${p.name} of ${op.qualifiedName}`, edm === "String" && t.kind !== "enum" ? `${p.name}='${g.value}'` : undefined);
      if (miscased) return miscased;
      if (NULL.test(g.value)) {
        if (!p.type.nullable) return { problem: `parameter ${p.name} of ${op.qualifiedName} is not nullable: ${g.value} is the null literal, which it does not take${edm === "String" && t.kind !== "enum" ? ` (the text null is written quoted: ${p.name}='${g.value}')` : ""}` };
        members.push(`${snippetKey(p.name)}: null`);
        continue;
      }
      const value = p.type.collection ? undefined : this.checkedValue(g.value, edm, `parameter ${p.name} of ${op.qualifiedName}`, undefined, t.kind === "enum" ? t : undefined, p.name);
      if (value === undefined || typeof value !== "string") return value;
      const unquoted = edm === "String" && t.kind !== "enum" && !PLACEHOLDER.test(g.value) ? unquotedNote(g.value, p.name) : undefined;
      if (unquoted) this.notes.push(`// ${p.name}: ${unquoted}`);
      // A variable for a value the function cannot take as written (a date and time without its offset), shorthand where it can be.
      const chosen = !PLACEHOLDER.test(g.value) && /^\u0001\d+\u0001$/.test(value);
      members.push(chosen ? `\u0002${p.name}\u0002${value}` : `${snippetKey(p.name)}: ${value}`);
    }
    return `{ ${members.join(", ")} }`;
  }

  /**
   * A key's expression: a placeholder's variable, a value as a literal of its type, a composite key
   * as an object; an alternate key (`(appId={appId})`) as an object of its aliases, `{ appId }`. Names
   * that are neither the key's nor an alternate key's are refused, naming the nearest.
   */
  private key(text: string, t: EntityType | undefined, alternate: readonly AlternateKey[]): string | { problem: string } {
    const inner = text.startsWith("(") && text.endsWith(")") ? text.slice(1, -1) : text;
    const keyType = (i: number) => t?.key[i]?.type.type;
    const named = text.startsWith("(") ? splitArguments(text) : undefined;
    const what = `the key of a ${t?.qualifiedName ?? "entity"}`;
    if (named && t && named.length > 0 && named.every((n) => n.name !== undefined)) {
      const given = keyNamesId(named.map((n) => n.name as string));
      const other = alternate.find((k) => keyNamesId(k.parts.map((p) => p.alias)) === given);
      if (other) {
        const members: string[] = [];
        for (const n of named) {
          const part = other.parts.find((p) => p.alias === n.name) as AlternateKey["parts"][number];
          const type = part.property.type.type;
          const value = this.keyValue(n.value, type, `alternate key property ${part.alias} of a ${t.qualifiedName}`, type.kind === "enum" ? undefined : primitiveTs(edmName(type)), part.alias, true);
          if (typeof value !== "string") return value;
          // A variable is named later (nameVariables), and written as shorthand (`{ appId }`) where its name is the property's.
          if (/^\u0001\d+\u0001$/.test(value)) members.push(`\u0002${part.alias}\u0002${value}`);
          else members.push(value === part.alias && isIdentifier(value) ? value : `${propertyKey(part.alias)}: ${value}`);
        }
        return `{ ${members.join(", ")} }`;
      }
      if (given !== keyNamesId(t.keyNames)) {
        const known = [t.keyNames.join(","), ...alternate.map((k) => k.parts.map((p) => p.alias).join(","))].filter((n) => n !== "");
        const near = nearestName(named.map((n) => n.name).join(","), known);
        const keys = [...(t.keyNames.length ? [`its key (${t.keyNames.join(", ")})`] : []), ...alternate.map((k) => `(${k.parts.map((p) => p.alias).join(", ")})`)].join(", ");
        const how = keys ? `it is addressed by ${keys}` : "it has no key";
        return { problem: `${t.qualifiedName} has no key named ${named.map((n) => n.name).join(", ")} here: ${how}${near ? `; did you mean ${near}?` : ""}` };
      }
    }
    if (named && named.length > 1 && t && named.every((n) => n.name !== undefined)) {
      const members: string[] = [];
      for (const n of named) {
        const value = this.keyValue(n.value, keyType(t.keyNames.indexOf(n.name as string)), `key property ${n.name} of a ${t.qualifiedName}`, undefined, n.name as string, true);
        if (typeof value !== "string") return value;
        members.push(`${snippetKey(n.name as string)}: ${value}`);
      }
      return `{ ${members.join(", ")} }`;
    }
    const single = named?.length === 1 ? named[0].value : inner;
    return this.keyValue(single, keyType(0), what, keyTypeOf(t), t?.keyNames[0] ?? "key", text.startsWith("("));
  }

  /**
   * A key's value as `value` writes it, or why it cannot be one of its Edm type: `abc` for a Guid,
   * `x` for a number (the service would answer 400). A number key written quoted (`('5')`) is the number.
   */
  private keyValue(text: string, keyType: ModelType | undefined, what: string, type: string | undefined, name: string, inParentheses: boolean): string | { problem: string } {
    const edm = keyType ? edmName(keyType) : "String";
    // ABNF `null` in parentheses (`/strings(null)`): a key is never null (CSDL §8.2: its properties are not nullable). A segment's `null` is the text (`/strings/null`).
    const miscased = inParentheses ? miscasedNull(text, what, edm === "String" && keyType?.kind !== "enum" ? `'${text}'` : undefined) : undefined;
    if (miscased) return miscased;
    if (inParentheses && NULL.test(text)) return { problem: `${what} is never null: ${text} is the null literal${edm === "String" && keyType?.kind !== "enum" ? `; the text null is written quoted: '${text}'` : ""}` };
    const value = this.checkedValue(text, edm, what, type, keyType?.kind === "enum" ? keyType : undefined, name) ?? JSON.stringify(text);
    // A string in parentheses without its quotes (`/strings(abc)`), as a function parameter's: a note giving it quoted. A segment's has none.
    const unquoted = inParentheses && typeof value === "string" && edm === "String" && keyType?.kind !== "enum" && !PLACEHOLDER.test(text) ? unquotedNote(text, name) : undefined;
    if (unquoted) this.notes.push(`// ${name}: ${unquoted}`);
    return value;
  }

  /**
   * A value as `value` writes it, after what its Edm type cannot be (`abc` for a Guid, `x` for a
   * number, `yesterday` for a date) is refused; a number written quoted is the number. A date and
   * time without its offset, taken as Graph's pages write one, is a variable named `name`, with a
   * note above the call (`offsetNote`): the function refuses it as written.
   */
  private checkedValue(text: string, edm: string, what: string, type: string | undefined, enumType: EnumType | undefined, name: string): string | { problem: string } | undefined {
    const quoted = /^'.*'$/s.test(text) ? text.slice(1, -1) : text;
    // A number's sign and leading zeros (ABNF `[ SIGN ] 1*DIGIT`: `+1`, `007`) are no part of its
    // value, and TypeScript has no number written so (`007` is an octal literal it refuses).
    const bare = NUMBERS.has(edm) ? plainDigits(quoted) : quoted;
    if (!PLACEHOLDER.test(text)) {
      const refused = (why: string) => ({ problem: `${what} is ${enumType ? `a ${enumType.qualifiedName}` : `an Edm.${edm}`}: ${text} ${why}` });
      // A parameter alias (`f(p=@p)?@p=1`): its value is in the query, which the typed calls do not read (url-query.ts).
      if (/^@[A-Za-z_]\w*$/.test(text)) return { problem: `${what} is given by the parameter alias ${text}, which the generated functions do not take; write its value in its place` };
      if (enumType) {
        const members = enumMembers(text, enumType, this.ctx.model);
        return typeof members === "string" ? JSON.stringify(members) : refused(members.problem);
      }
      if (edm === "Guid" && !GUID.test(bare)) return refused("is no Guid (32 hexadecimal digits, 8-4-4-4-12)");
      const number = NUMBERS.has(edm) ? numberProblem(bare, edm, this.ctx.model.odataVersion ?? "4.0") : undefined;
      if (number) return refused(number);
      if (NUMBERS.has(edm)) return numberValue(bare, edm);
      const form = FORMS[edm];
      // A duration's value: `duration'P1D'`, `'P1D'` (4.01) or, as documentation writes one, `P1D`.
      const duration = edm === "Duration" ? (/^(?:duration'(.*)'|'(.*)'|([^']*))$/is.exec(text) ?? []).slice(1).find((x) => x !== undefined) : undefined;
      if (form && !form.pattern.test(edm === "Boolean" ? text : (duration ?? bare))) return refused(`is no ${form.what}`);
      if (form && !isCalendarDay(bare)) return refused("is no day of the calendar");
      const offset = edm === "DateTimeOffset" ? offsetNote(bare) : undefined;
      if (offset) {
        const variable = this.variable(identifierOf(name), `${what}, a date and time with its offset (the URL's ${bare} has none)`, "string");
        this.notes.push(`// ${variable}: ${offset}`);
        return variable;
      }
      // A duration as its runtime value takes it: the ISO 8601 text (`duration'PT8H'` is `"PT8H"`).
      if (duration !== undefined) return JSON.stringify(duration);
      // ABNF strings are case-insensitive (`TRUE`), as the runtime's edmBoolean takes them.
      if (edm === "Boolean") return text.toLowerCase();
      // A binary value as the runtime's takes it: the base64url text in its quotes (`binary'AQID'` is `"AQID"`).
      const binary = edm === "Binary" ? /^binary'(.*)'$/is.exec(text) : undefined;
      if (binary !== undefined) return binary && writable("Binary", binary[1]) ? JSON.stringify(binary[1]) : refused("is no binary value (binary'AQID', base64url)");
      const notString = edm === "String" ? stringProblem(text) : undefined;
      if (notString) return refused(notString);
    }
    return this.value(text, edm, what, type);
  }

  /** A value in a URL as TypeScript: a placeholder (`{sessionId}`, `'{period}'`) as a variable, a quoted string or a number as a literal. */
  private value(text: string, edm: string, what: string, type?: string): string | undefined {
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) return this.variable(identifierOf(placeholder[1]), what, type);
    if (/^'.*'$/s.test(text)) return JSON.stringify(text.slice(1, -1).replace(/''/g, "'"));
    if (edm === "Boolean" && /^(true|false)$/.test(text)) return text;
    if (text === "" || /[()'=,]/.test(text)) return undefined;
    return JSON.stringify(text);
  }

  /**
   * The path given to `byPath`: a string, a placeholder as a variable (`{filename}`), or a template
   * literal where placeholders stand among names (`Documents/{name}.xlsx`).
   */
  private pathText(text: string, type: EntityType | undefined): string {
    const what = `the path of the ${type ? type.qualifiedName : "entity"} below the one before it (each segment is percent-encoded by byPath)`;
    const whole = /^\{([^}]*)\}$/.exec(text);
    if (whole) return this.variable(identifierOf(whole[1]), what, "string");
    if (!/\{[^}]*\}/.test(text)) return JSON.stringify(text);
    const escaped = (literal: string) => literal.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);
    const parts = text.split(/(\{[^}]*\})/);
    return `\`${parts.map((p, i) => (i % 2 ? `\${${this.variable(identifierOf(p.slice(1, -1)), what, "string")}}` : escaped(p))).join("")}\``;
  }

  /** Declares a variable the caller provides (a name used twice gets a number); its name. */
  /** One of the call's own variables (`body`, `params`, `related`, `data`, `etag`: kept free in `taken`), listed once. */
  private fixed(name: string, what: string): string {
    if (!this.variables.some((v) => v.name === name)) this.variables.push({ name, what });
    return name;
  }

  /**
   * A variable for a placeholder of the URL (`{id}`), named `wanted` or, where that is taken, with a
   * digit. Named once the imports are known (`nameVariables`): until then a token stands for it, so
   * that `{getUser}` does not take the name of the function the call imports later.
   */
  private variable(wanted: string, what: string, type?: string): string {
    const token = `\u0001${this.pending.length}\u0001`;
    this.pending.push({ token, wanted });
    this.variables.push({ name: token, what, ...(type ? { type } : {}) });
    return token;
  }

  /** Names the placeholders' variables (in the order they were asked for) now that every import is known; replaces their tokens in `texts`' results. */
  private nameVariables(): (text: string) => string {
    const names = new Map<string, string>();
    for (const { token, wanted } of this.pending) {
      let name = wanted;
      for (let i = 2; this.taken.has(name) || JS_RESERVED.has(name); i++) name = `${wanted}${i}`;
      this.taken.add(name);
      names.set(token, name);
    }
    const rename = (text: string) => {
      if (!text.includes("\u0001")) return text;
      // An alternate key's member, shorthand where the variable is named as the property (`{ appId }`).
      const members = text.replace(/\u0002([^\u0002]*)\u0002(\u0001\d+\u0001)/g, (_, property: string, token: string) => {
        const name = names.get(token) ?? token;
        return name === property && isIdentifier(name) ? name : `${propertyKey(property)}: ${name}`;
      });
      return members.replace(/\u0001\d+\u0001/g, (t) => names.get(t) ?? t);
    };
    for (const v of this.variables) v.name = rename(v.name);
    for (const k of this.keyedSteps) k.expr = rename(k.expr);
    return rename;
  }

  private verbs(t: EntityType) {
    const schema = this.schemaOf(t);
    const v = this.names(schema).verbs(t);
    const module = moduleSpecifier(schema.namespace, "requests");
    // Imported when asked for: only the one the method calls.
    const fn = (name: string) => () => ({ name: this.use(name, schema.namespace), module });
    return { get: fn(v.get), list: fn(v.list), create: fn(v.create), update: fn(v.update), remove: fn(v.remove) };
  }

  private builder(kind: "nav" | "complex" | "media" | "stream", owner: StructuredType, member: string): string {
    const schema = this.schemaOf(owner);
    return this.use(this.names(schema).builder(kind, owner, member), schema.namespace);
  }

  private runtime(name: string): { name: string; module: string } {
    this.add("./index.js", name);
    return { name, module: "./index.js" };
  }

  /** Imports `name` from a namespace's requests module; the name. */
  private use(name: string, namespace: string): string {
    this.add(moduleSpecifier(namespace, "requests"), name);
    return name;
  }

  private add(module: string, name: string): void {
    let names = this.imports.get(module);
    if (!names) this.imports.set(module, (names = new Set()));
    names.add(name);
    this.taken.add(name);
  }

  private names(schema: Schema) {
    return this.ctx.requestNames(schema);
  }

  private schemaOf(x: { namespace: string }): Schema {
    return schemaNamed(this.ctx.model, x.namespace);
  }

  private schemaHolding(container: EntityContainer): Schema {
    return this.ctx.model.schemas.find((s) => s.containers.includes(container)) ?? schemaNamed(this.ctx.model, container.namespace);
  }
}

function schemaNamed(model: Model, namespace: string): Schema {
  const schema = model.schemas.find((s) => s.namespace === namespace);
  if (!schema) throw new Error(`no schema ${namespace}`);
  return schema;
}

const FORMS: Record<string, { pattern: RegExp; what: string }> = {
  Date: { pattern: RUNTIME_FORMS.Date as RegExp, what: "date (2019-11-01)" },
  DateTimeOffset: { pattern: new RegExp(`^${DATE}(T${TIME_OF_DAY}${OFFSET}?)?$`, "i"), what: "date and time (2019-11-01T08:00:00Z)" },
  TimeOfDay: { pattern: RUNTIME_FORMS.TimeOfDay as RegExp, what: "time of day (08:00:00)" },
  // The duration's value, without its prefix and quotes (checkedValue), as the runtime's edmDuration takes it.
  Duration: { pattern: RUNTIME_FORMS.Duration as RegExp, what: "duration (P1DT2H)" },
  Boolean: { pattern: /^(true|false)$/i, what: "Boolean (true or false)" },
};

/** A placeholder for a value (`{sessionId}`, `'{period}'`): its name. */
const PLACEHOLDER = /^'?\{([^}]*)\}'?$/;
/** URL Conventions' ABNF `nullValue`, in any case as its strings are (the filter's tokens read it so). */
const NULL = /^null$/;

/**
 * Why `text` is refused where it writes null in other letters' case (`NULL`, `Null`: the ABNF's
 * `null` is lower case alone), or undefined; `quoted`: the text written quoted, for a string.
 */
function miscasedNull(text: string, what: string, quoted: string | undefined): { problem: string } | undefined {
  const why = /^null$/i.test(text) ? miscasedProblem(text) : undefined;
  return why === undefined ? undefined : { problem: `${what}: ${text} ${why}${quoted ? ` (the text ${text} is written quoted: ${quoted})` : ""}` };
}


/** A key's TypeScript type, as `byKey` takes it, for a single key of a primitive type. */
function keyTypeOf(t: EntityType | undefined): string | undefined {
  if (!t || t.key.length !== 1) return undefined;
  const k = t.key[0].type.type;
  return k.kind === "primitive" || k.kind === "typedef" ? primitiveTs(edmName(k)) : undefined;
}

/** The Edm type whose literal a value of `t` is written as: a primitive's, a type definition's underlying one's; `String` for an enum (its member names). */
function edmName(t: ModelType): string {
  return t.kind === "primitive" ? t.name : t.kind === "typedef" ? t.underlying.name : "String";
}


/** A number's text without a plus sign or leading zeros (`+007.5` → `7.5`, `-00` → `-0`); any other text as it is. */
function plainDigits(text: string): string {
  return /^[+-]?\d/.test(text) ? text.replace(/^\+/, "").replace(/^(-?)0+(?=\d)/, "$1") : text;
}

/** A Double's or Single's `nanInfinity` literals as TypeScript writes their values. */
const SPECIAL_NUMBERS: ReadonlyMap<string, string> = new Map([["INF", "Infinity"], ["-INF", "-Infinity"], ["NaN", "NaN"]]);

/**
 * A number of the URL (a literal of its type: `numberProblem`) as TypeScript: as written where a
 * JavaScript number holds it exactly, else (an Int64 beyond 2^53, a Decimal of more than 15 digits or
 * with an exponent) as its text, which their values take: the runtime refuses such an Int64 given as
 * a number, and would write such a Decimal rounded. A Double's or Single's `INF`, `-INF`, `NaN` are
 * `Infinity`, `-Infinity`, `NaN`, which the runtime writes back as those literals.
 */
function numberValue(text: string, edm: string): string {
  const special = SPECIAL_NUMBERS.get(text);
  if (special !== undefined) return special;
  if (edm !== "Int64" && edm !== "Decimal") return text;
  // A Decimal with an exponent as its text, which the runtime writes as it is (`1.5e-400` as a number would be 0).
  if (/e/i.test(text)) return JSON.stringify(text);
  const exact = text.includes(".") ? text.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length <= 15 : Number.isSafeInteger(Number(text));
  return exact ? text : JSON.stringify(text);
}

/** A placeholder's text as a variable name: `{callRecordId}` → `callRecordId`, `{user-id}` → `userId`, `{id | userPrincipalName}` → `id`. */
function identifierOf(text: string): string {
  const first = text.split("|")[0].trim();
  const words = first.split(/[^A-Za-z0-9_$]+/).filter((w) => w !== "");
  const name = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  if (!name) return "id";
  const camelled = /^[A-Z][a-z]/.test(name) ? camel(name) : name;
  return /^\d/.test(camelled) ? `_${camelled}` : camelled;
}

/** The names a URL's parentheses give (`(address='A1',x=1)` → address, x); `[]` for `()`; undefined where there are none or they are not named. */
function parameterNames(args: string | undefined): string[] | undefined {
  const parts = splitArguments(args);
  if (!parts || parts.some((p) => p.name === undefined)) return undefined;
  return parts.map((p) => p.name as string);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n) => b.includes(n));
}

/** `(a='x,y',b=2)` → `[{ name: "a", value: "'x,y'" }, { name: "b", value: "2" }]`; a value without a name (`('x')`) has none. */
function splitArguments(args: string | undefined): { name: string | undefined; value: string }[] | undefined {
  if (!args || !args.startsWith("(") || !args.endsWith(")")) return undefined;
  const inner = args.slice(1, -1);
  if (inner.trim() === "") return [];
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "'") quoted = !quoted;
    else if (c === "," && !quoted) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.map((p) => {
    const m = /^\s*([A-Za-z_][\w.]*)\s*=(.*)$/s.exec(p);
    return m ? { name: m[1], value: m[2].trim() } : { name: undefined, value: p.trim() };
  });
}

/**
 * A comment above the call for an update sent with a method the address's metadata does not list
 * (model/update-method.ts): `// The service's metadata lists PUT alone for updating here (Capabilities
 * UpdateRestrictions/UpdateMethod): this PATCH may be refused; { replace: true } sends a PUT.` Not
 * refused: Graph documents PATCH at some addresses listing PUT alone.
 */
function updateMethodNote(listed: UpdateMethods | undefined, method: "PATCH" | "PUT"): string | undefined {
  if (listsMethod(listed, method)) return undefined;
  const other = method === "PATCH" ? "{ replace: true } sends a PUT" : "without replace: true it is a PATCH";
  return `// The service's metadata lists ${listed!.methods.join(" and ")} alone for updating here (Capabilities UpdateRestrictions/UpdateMethod): this ${method} may be refused; ${other}.`;
}


/**
 * A comment above the call whose `$filter` or body names members after an evolvable enum's
 * `unknownFutureValue` (model/evolvable-enums.ts), or undefined where they name none.
 */
function laterMembersNote(members: readonly string[], where: readonly ("$filter" | "body")[], bySelf: string | undefined): string | undefined {
  const names = [...new Set(members)];
  if (!names.length) return undefined;
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}, members` : `${names[0]!}, a member`;
  const sent = bySelf ? `${bySelf} sends by itself for a body naming one` : "the options' headers send";
  return `// ${subjectsName(where.map((w) => (w === "body" ? "the body" : w)))} ${list} after unknownFutureValue (an evolvable enum, as Microsoft Graph's): the service refuses the request unless it prefers ${INCLUDE_UNKNOWN}, which ${sent}.`;
}

/** The members after an evolvable enum's sentinel a request's body names (url-body.ts `BodyRead`). */
export interface BodyLater {
  laterMembers: readonly string[];
  /** A comment on the body, above the call (an enum value in other letters' case than its member's). */
  note?: string;
}
const NO_LATER: BodyLater = { laterMembers: [] };

/**
 * A comment above the call for a header the metadata names: `// The service's metadata names the
 * header ConsistencyLevel for this request (Capabilities ReadRestrictions/CustomHeaders): Indicates
 * the requested consistency level. For example "eventual": $search and $count queries require …`,
 * and how to send it (the options' `headers`).
 */
function headerNote(h: CustomHeader): string {
  const what = `${h.required ? "requires" : "names"} the header ${h.name} for this request (Capabilities ${h.by})`;
  const said = headerDescription(h);
  const example = h.example ? ` For example ${JSON.stringify(h.example.value)}${h.example.description ? `: ${h.example.description}` : ""}` : "";
  const send = /^if-match$/i.test(h.name)
    ? ` The function sends it from its options' etag (the entity's @odata.etag), else from the body's @odata.etag${h.required ? ", and refuses the request without either (a TypeError, before sending)" : ""}.`
    : ` Send it in the options: headers: { ${isIdentifier(h.name) ? h.name : JSON.stringify(h.name)}: ${JSON.stringify(h.example?.value ?? "…")} }.`;
  return `// The service's metadata ${what}${said}${example}${send}`;
}
