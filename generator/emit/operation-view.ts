/**
 * View model of one operation in a `.requests.ts` module: its request function (bound or imported,
 * action or function), and for a composable function the address builder of its result.
 */
import { stringLiteral } from "../string-literal";
import { deprecation, description, inParameterAlias, mayOmit, spatialReference } from "../model/rules";
import type { Annotation, EntityType, Operation, SchemaType, TypeRef } from "../model/types";
import type { EmitContext } from "./context";
import { jsdoc } from "./imports";
import { boundSegment } from "./operation-segment";
import { keySpec } from "./request-keys";
import { typeAlternateKeys } from "../model/alternate-keys";
import { bindsExplicitly, namedAt } from "../model/explicit-bindings";
import { bindsType, queryOptionsDoc } from "./restriction-types";
import { operationQueryOptions, requiredNames } from "../model/custom-query-options";
import { memberDoc, PROTOTYPE_NAMES } from "./ts-types";
import { parameters } from "./wrap";
import { brokenCall, brokenExpression, brokenType } from "./wrap-code";
import { preferLaterOptions } from "./later-members";
import { parametersLaterMembers } from "../model/evolvable-enums";

export interface OperationView {
  doc: string;
  name: string;
  /** `<S extends …, const E extends …>` for a function returning entities (typed `$select`, `$expand`), else "". */
  typeParams: string;
  /** For a composable function returning entities, with parameters written inline: its result's address builder (named later). */
  compose?: { doc: string; params: string[]; type: string; make: string };
  /** The parameter list after `client`, as written in the signature. */
  signature: string;
  result: string;
  /** `Promise<result>` after the signature's `): `, its type arguments one a line where that line would pass 120 characters (wrap-code.ts). */
  returns: string;
  /** The expression computing the path (and query) of the request. */
  path: string;
  /**
   * `, true` when the result is a collection (a page whose items `validate` checks), `, "value"` for
   * one nullable primitive (204 is `{ value: null }`), `, "single"` for one nullable entity or
   * complex value (204 is `null`), `, "sureValue"` and `, "sure"` for one of those that cannot be
   * null (204 rejects), else "" (no result, or a stream).
   */
  page: string;
  /** The runtime function that sends it: `rt.send<Result>`, or `rt.sendForStream` for a stream result. */
  send: string;
  method: string;
  body: string;
  /** The call of `send` after `return ` (client, method, path, body, options and `page`'s), broken as Prettier breaks it where long (wrap-code.ts `brokenExpression`). */
  sendCall: string;
  /** A statement before it: a collection's query written once (`const query = rt.typedQuery(…);`), for its path and its options. */
  query?: string;
}

/** How an operation's view names types (importing them as needed). */
export interface OperationTypes {
  ts: (t: SchemaType, union?: boolean) => string;
  /** A value's type; `read`: as a read holds it (a result: a concrete complex type with subtypes as its `Any…` union, `readRefType`). */
  refTs: (ref: TypeRef, read?: boolean) => string;
  reads: Reads;
  keyTs: (t: EntityType) => string;
  /** An entity's type as a create's body writes it (`rt.New<MessageCreateInput>`, `rt.WithType<…>`). */
  created: (t: EntityType) => string;
  /** The table a typed filter writes a type's values by (filter-kinds.ts), undefined where it needs none. */
  kinds: (t: EntityType) => string | undefined;
  /** The table of evolvable enums' later members (later-members.ts) an action's options name for the members its parameters may hold: an identifier or a literal, undefined where they hold none. */
  later: (table: ReadonlyMap<string, string>) => string | undefined;
}

/** The typed reads of an entity type: the type parameters (`S` selected, `E` expanded), the options' and the result's types. */
/** `params`: the read's type parameters, without the angle brackets (a caller may add its own). */
/** Typed reads of an entity type: `options` of a collection's, `getOptions` of one entity's (no `$filter`, `$top`, …). */
/** `params`: the type parameters, `S extends …, const E extends …`; `paramList`: each of them. */
/** `H`: the type parameter naming the only subtypes the address holds (`rt.MayHold<H>`), where the read's result is narrowed by it. */
export type Reads = (t: EntityType, S: string, E: string, H?: string, delta?: boolean) => { params: string; paramList: string[]; options: string; getOptions: string; result: string };

/** `name`, with `_` appended while `text` (type expressions) has an identifier of that name: a type parameter would hide it. */
export function typeParameter(name: string, text: string): string {
  const used = new Set(text.split(/[^\w$]+/));
  while (used.has(name)) name += "_";
  return name;
}

/** An `Edm.Int64` or `Edm.Decimal` (or a type definition of one): a parameter takes a bigint too, written with all its digits. */
function exactNumber(ref: TypeRef): boolean {
  const t = ref.type.kind === "typedef" ? ref.type.underlying : ref.type;
  return t.kind === "primitive" && (t.name === "Int64" || t.name === "Decimal");
}

/**
 * An import's description, then the paragraphs of its operation's (Description, LongDescription)
 * that it does not say already: an import that repeats the operation's Description but not its
 * LongDescription would otherwise show the Description twice.
 */
function importedFirst(imported: string | undefined, own: string | undefined): (string | undefined)[] {
  if (imported === undefined || own === undefined) return [imported ?? own];
  const said = new Set(imported.split("\n\n"));
  return [imported, ...own.split("\n\n").filter((p) => !said.has(p))];
}

/**
 * The function's deprecation (Core.Revisions): its import's reason, then, where the operation is
 * deprecated too for another reason, the operation's on the next line, so that neither is lost. A
 * bare "deprecated" (a revision without a Description) gives way to the other's reason.
 */
function bothDeprecations(imported: string | undefined, own: string | undefined, op: Operation): string | undefined {
  if (imported === undefined || own === undefined || own === imported || own === "deprecated") return imported ?? own;
  if (imported === "deprecated") return own;
  return `${imported}\n${op.kind === "function" ? "Function" : "Action"} \`${op.qualifiedName}\` itself: ${own}`;
}

/**
 * `name`: the function's, claimed in the module (operation-names.ts). `importAnnotations`: the
 * import's (`importName`'s) own, whose description comes first in the doc comment, before the
 * operation's where that says something else, and whose deprecation is the function's.
 */
export function operationView(ctx: EmitContext, op: Operation, name: string, types: OperationTypes, importName?: string, importAnnotations?: readonly Annotation[]): OperationView {
  importAnnotations ??= []; // not a default value: see wrap-code.ts brokenType
  const { ts, refTs, reads, keyTs, created, kinds } = types;
  const described = importedFirst(description(importAnnotations), description(op.annotations));
  const deprecated = bothDeprecations(deprecation(importAnnotations), deprecation(op.annotations), op);
  const bindingType = op.binding?.type;
  const explicit = op.bound && bindsExplicitly(ctx.model, op);
  // The custom query options the metadata names for calling it (OperationRestrictions): those
  // required make `options` required, with them in its `query`.
  const queryOptions = operationQueryOptions(op);
  const required = requiredNames(queryOptions);
  const needed = required.length ? ` & rt.RequiredQuery<${required.map((n) => stringLiteral(n)).join(" | ")}>` : "";
  // An entity parameter is written as a create's body (JSON Format §18 sends it as a representation
  // of an entity, which need not hold its key or what the service computes); a collection of them,
  // each so.
  // A complex value (JSON Format §18) may hold instance annotations at every depth, as a create's
  // body does (`rt.Argument`).
  const paramTs = (ref: TypeRef) => {
    if (ref.type.kind === "complex") return `rt.Argument<${refTs({ ...ref, collection: false })}>${ref.collection ? "[]" : ""}`;
    if (ref.type.kind !== "entity") return exactNumber(ref) ? (ref.collection ? `(${refTs({ ...ref, collection: false })} | bigint${ref.nullable ? " | null" : ""})[]` : `${refTs(ref)} | bigint`) : refTs(ref);
    const body = created(ref.type);
    // A create's body type is one generic (`rt.New<…>`, `rt.WithType<…>`), never a bare union.
    return ref.collection ? `${body}[]` : body;
  };
  // Optional where the caller may leave the parameter out; `| null` where it takes null (a
  // collection is never null: Nullable is about its items).
  const params = op.parameters.map((p) => ({ name: p.name, ts: paramTs(p.type), optional: mayOmit(op.kind, p), ref: p.type, doc: memberDoc(p) }));
  const member = (p: (typeof params)[number]) => `${stringLiteral(p.name)}${p.optional ? "?" : ""}: ${p.ts}${p.ref.nullable && !p.ref.collection ? " | null" : ""}`;
  // A parameter with something to say gets its doc comment, which an editor shows for the argument
  // written in the call: then one member a line, else all on one.
  const paramsType = !params.length
    ? ""
    : params.some((p) => p.doc)
      ? `{\n${params.map((p) => `${p.doc}  ${member(p)};\n`).join("")}}`
      : `{ ${params.map(member).join("; ")} }`;
  const args: string[] = ["client: rt.Client"];
  let base = '""';
  if (op.bound && bindingType) {
    const bt = bindingType.type;
    const target = bt.kind === "entity" ? ts(bt) : "unknown";
    // An overload bound explicitly takes only an address that names it (model/explicit-bindings.ts).
    const binds = explicit ? `, ${bindsType([op.qualifiedName])}` : "";
    args.push(`target: ${bindingType.collection ? `rt.CollectionRef<${target}, unknown${binds}>` : `rt.EntityRef<${target}, null${binds}>`}`);
    base = "target.path";
  }
  // `{}` is no default for a parameter named like a member of Object.prototype (TypeScript sees the
  // inherited `constructor` of `{}`), and such a parameter is read as an own property only.
  const inherited = params.some((p) => PROTOTYPE_NAMES.has(p.name));
  const read = (name: string) => {
    const key = stringLiteral(name);
    // An element of rt.functionCall's array: no parentheses around the conditional, as Prettier writes it.
    return PROTOTYPE_NAMES.has(name) ? `Object.hasOwn(params, ${key}) ? params[${key}] : undefined` : `params[${key}]`;
  };
  if (params.length) args.push(`params: ${paramsType}${params.every((p) => p.optional) && !inherited ? " = {}" : ""}`);
  // A stream result is media, not JSON (Graph's reports answer with a CSV download).
  const stream = op.returnType !== undefined && !op.returnType.collection && op.returnType.type.kind === "primitive" && op.returnType.type.name === "Stream";
  // An entity result is typed as a read below (its plain type, an abstract one's `Any…`, would be imported unused).
  let result = stream ? "Blob" : op.returnType?.type.kind === "entity" ? "" : op.returnType ? resultType(op.returnType, refTs) : "void";
  // An import's name, else the bound operation's qualified name or its name alone (operation-segment.ts).
  const called = importName !== undefined || !op.bound ? { name: importName ?? op.qualifiedName } : boundSegment(ctx, op);
  const segment = stringLiteral(called.name);
  const isFunction = op.kind === "function";
  let query: string | undefined;
  let path = isFunction
    ? `rt.functionCall(${base}, ${segment}, [${params.map((p) => `[${stringLiteral(p.name)}, ${stringLiteral(paramKind(p.ref))}, ${read(p.name)}]`).join(", ")}])`
    : // Percent-encoded here, as the runtime encodes every other segment: a name holding `/` or `?`
      // must not address another resource (and the literal then holds no backtick, `$` or backslash).
      base === '""'
      ? stringLiteral(`/${encodeURIComponent(called.name)}`)
      : `\`\${${base}}/${encodeURIComponent(called.name)}\``;
  // A function returning entities takes the query options a read does (URL Conventions §5.1: Graph's
  // `delta()` with $select, a function's page with $filter and $top), typed as for a read.
  let typeParams = "";
  const ret = op.returnType;
  // Parameters written inline (no `@alias` after a `?`) leave the address open to more segments.
  let compose: OperationView["compose"];
  if (isFunction && ret && ret.type.kind === "entity" && hasComposableAddress(op)) {
    const item = refTs({ ...ret, collection: false });
    const needs = required.length ? `, rt.NeedsQuery<${required.map((n) => stringLiteral(n)).join(" | ")}>` : "";
    compose = {
      doc: jsdoc("", [
        ...described,
        `The address of what function \`${op.qualifiedName}(${params.map((p) => p.name).join(", ")})\`${op.bound && bindingType ? `, bound to ${bindingType.collection ? "a collection of " : ""}\`${bindingType.type.qualifiedName}\`,` : ""} returns (it is composable): \`.../${called.name}(...)\`, for a read, a navigation or a bound operation to follow.`,
      ]),
      params: args.slice(1),
      // A nullable result's address may have nothing there: a read of it is typed `… | null`.
      // A collection's read needs the options the function does (OperationRestrictions): its type says so, as a builder's does.
      type: ret.collection ? `rt.CollectionRef<${item}, ${keyTs(ret.type)}${needs}>` : `rt.EntityRef<${item}${ret.nullable ? ", null" : ""}>`,
      make: brokenExpression(
        ret.collection
          ? `rt.collectionAt<${item}, ${keyTs(ret.type)}${needs}>(${path}, ${keySpec(ctx, ret.type, typeAlternateKeys(ret.type))})`
          : ret.nullable
            ? `rt.nullable(rt.at<${item}>(${path}))`
            : `rt.at<${item}>(${path})`,
        "  return ".length,
        1,
        "  ",
      ),
    };
  }
  if (isFunction && ret && ret.type.kind === "entity") {
    const item = refTs({ ...ret, collection: false });
    // The type expressions only: a word of a parameter's doc comment is no name a type parameter hides.
    const named = `${args.join(" ").replace(/\/\*\*[\s\S]*?\*\//g, "")} ${item}`;
    const q = reads(ret.type, typeParameter("S", named), typeParameter("E", named), undefined, deltaFunction(op.name, ret.collection));
    typeParams = `<${parameters(`export function ${name}`, q.paramList, "(")}>`;
    args.push(`options${needed ? "" : "?"}: ${ret.collection ? q.options : q.getOptions}${needed}`);
    // CSDL §12.8: Nullable means nothing for a collection of entities (its members are never null).
    result = ret.collection ? `rt.Page<${q.result}>` : q.result;
    // A collection's typed filter is written by the table of its type's kinds (filter-kinds.ts).
    const table = ret.collection ? kinds(ret.type) : undefined;
    // The written query is sent's options too: a filter may add a header (typedQuery's Prefer).
    if (ret.collection) query = `const query = rt.typedQuery(options${table ? `, ${table}` : ""});`;
    path = `rt.withQuery(${path}, ${ret.collection ? "query" : "options"})`;
  } else if (isFunction && ret?.collection && ret.type.kind !== "entity" && !stream) {
    // A collection of complex or primitive values takes a collection's system query options (URL Conventions §5.1).
    args.push(`options${needed ? "" : "?"}: rt.ValueListOptions${needed}`);
    path = `rt.withQuery(${path}, options)`;
  } else {
    // An action bound to one entity may be conditional on its version (`If-Match`, Protocol §11.5.5.1).
    args.push(`options${needed ? "" : "?"}: rt.${!isFunction && op.bound && bindingType && !bindingType.collection ? "ActionOptions" : "ReadOptions"}${needed}`);
    // An action's entities come as the service returns them too: its default set, no navigation properties.
    if (ret && ret.type.kind === "entity") {
      const whole = reads(ret.type, "never", "never").result;
      result = ret.collection ? `rt.Page<${whole}>` : whole;
    }
  }
  // One entity or complex value that may be null (ReturnType Nullable absent or true, CSDL §12.8)
  // comes as 204 No Content when null (Protocol §11.5.4): typed `| null`, outside the read's type.
  const structured = ret !== undefined && !ret.collection && (ret.type.kind === "entity" || ret.type.kind === "complex");
  if (structured && ret.nullable) result = `${result} | null`;
  const method = isFunction ? "GET" : "POST";
  const body = isFunction ? "undefined" : params.length ? "params" : "{}";
  const page = pageMode(op.returnType, stream || result === "unknown");
  const send = stream ? "rt.sendForStream" : `rt.send<${result}>`;
  const signature = parameters(`export function ${name}${typeParams}`, args, `: Promise<${result}> {`);
  // After `): ` where the parameters are one a line, else after the whole signature.
  const returnsAfter = signature.includes("\n") ? 3 : `export function ${name}${typeParams}(${signature}): `.length;
  // An action's body may name an evolvable enum's later member, which the service takes only preferring them.
  const options = query ? "query" : isFunction ? "options" : preferLaterOptions("options", body, types.later(parametersLaterMembers(op.parameters)));
  const sendArgs = ["client", `"${method}"`, path, body, options, ...(page ? [page.slice(2)] : [])];
  return {
    typeParams,
    compose,
    doc: jsdoc("", [
      ...described,
      `${isFunction ? "Function" : "Action"} \`${op.qualifiedName}\`${op.bound && bindingType ? `, bound to ${bindingType.collection ? "a collection of " : ""}\`${bindingType.type.qualifiedName}\`` : importName ? ` (imported as \`/${importName}\`)` : ""}.`,
      called.qualifiedBecause,
      explicit ? explicitDoc(namedAt(ctx.model, op.qualifiedName), ctx.sliced) : undefined,
      queryOptionsDoc(queryOptions, "calling it"),
      deprecated && `@deprecated ${deprecated}`,
    ]),
    name,
    signature,
    result,
    returns: brokenType(`Promise<${result}>`, returnsAfter, 2),
    path,
    method,
    body,
    page,
    send,
    sendCall: brokenCall(send, sendArgs, "  return ".length, 1, "  "),
    ...(query ? { query } : {}),
  };
}

/**
 * How `rt.send` reads the result (OperationView.page). A collection comes as a page: `validate`
 * checks each item, as for a list. One value comes as 204 No Content when null (Protocol §9.1.4,
 * §11.5.4): where the ReturnType is nullable, a primitive or enum (`{ value: x | null }`) resolves
 * `{ value: null }`, an entity or complex value `null`; where it is not (Nullable="false"), the call
 * rejects, as its type admits no null. No result (an action without one), a stream and a result of
 * no known type (`unknown`: Edm.Untyped, a type of a document not among the inputs): as sent.
 */
function pageMode(ret: TypeRef | undefined, asSent: boolean): string {
  if (!ret || asSent) return "";
  if (ret.collection) return ", true";
  const value = !structuredResult(ret);
  if (!ret.nullable) return value ? ', "sureValue"' : ', "sure"';
  return value ? ', "value"' : ', "single"';
}

/**
 * Whether a function's result has an address builder (`…Ref`, URL Conventions §4.5.1), for more
 * segments to follow: it is composable, returns entities (a collection of them with a key), and its
 * parameters are all written inline (an `@alias` goes in the query, after which no segment can).
 * The slice's paths follow a function on the same terms (passes/slice/composable.ts).
 */
export function hasComposableAddress(op: Operation): boolean {
  const ret = op.returnType;
  return op.kind === "function" && op.composable && ret !== undefined && ret.type.kind === "entity" && op.parameters.every((p) => !inParameterAlias(p.type)) && (!ret.collection || ret.type.key.length > 0);
}

/**
 * How a parameter is written in a function's URL (`rt.ParamKind`): a literal of its primitive type,
 * Geography and Geometry ones too (`geography:4326`: a primitive, URL Conventions §5.1.1.1, written
 * `geography'SRID=4326;Point(…)'`, in the SRID of its facet), or JSON in a parameter alias.
 */
function paramKind(ref: TypeRef): string {
  if (inParameterAlias(ref)) return "json";
  const t = ref.type;
  const primitive = t.kind === "primitive" ? t : t.kind === "typedef" ? t.underlying : undefined;
  if (!primitive) return `enum:${t.qualifiedName}`;
  const { name } = primitive;
  if (/^Geo(graphy|metry)/.test(name)) {
    const facets = { ...(t.kind === "typedef" ? t.facets : {}), ...ref.facets };
    return `${name.startsWith("Geography") ? "geography" : "geometry"}:${spatialReference(name, facets)}`;
  }
  return name;
}

/** OData JSON Format §11: a collection comes as `{ value: [...] }`, a primitive as `{ value: x }`. */
function resultType(ref: TypeRef, refTs: OperationTypes["refTs"]): string {
  const item = refTs({ ...ref, collection: false }, true);
  // CSDL §12.8: Nullable means nothing for a collection of entities.
  if (ref.collection) return `rt.Page<${ref.nullable && ref.type.kind !== "entity" ? `${item} | null` : item}>`;
  const structured = structuredResult(ref);
  // A value of no known type may be an object or a `{ value }` wrapper: it is given as it comes.
  if (item === "unknown") return "unknown";
  return structured ? item : `{ value: ${item}${ref.nullable ? " | null" : ""} }`;
}

/** Whether one value of `ref` is an object of its own (JSON Format §11 wraps only the others in `{ value }`): an entity or complex value, of a declared type or the abstract Edm.EntityType or Edm.ComplexType. */
function structuredResult(ref: TypeRef): boolean {
  const t = ref.type;
  return t.kind === "entity" || t.kind === "complex" || (t.kind === "primitive" && (t.name === "EntityType" || t.name === "ComplexType"));
}

/**
 * The doc comment line of an overload bound explicitly, naming where the metadata binds it
 * (`places`; in a slice, those it keeps: the others have no builder there).
 */
function explicitDoc(places: readonly string[], sliced: boolean): string {
  const said = "It requires explicit binding (`Core.RequiresExplicitBinding`)";
  const metadata = sliced ? "element this slice keeps" : "element of the metadata";
  if (!places.length) return `${said}, and no ${metadata} names it (\`Core.ExplicitOperationBindings\`): ${sliced ? "here " : ""}it takes only an address given through \`rt.unrestricted(target)\`.`;
  return `${said}: it takes only an address where the metadata names it (\`Core.ExplicitOperationBindings\`), at ${places.map((p) => `\`${p}\``).join(", ")}${sliced ? " (of the elements this slice keeps)" : ""}; elsewhere give \`rt.unrestricted(target)\`.`;
}

/**
 * Whether a function is a delta function, whose result is a delta response (Protocol §11.3): one
 * named `delta` returning a collection of entities, as Graph's are (`/groups/delta()`). No metadata
 * says so; its entries may hold nested deltas (`members@delta`, JSON Format 4.01 §15.4.1).
 */
export function deltaFunction(name: string, collection: boolean): boolean {
  return collection && name === "delta";
}
