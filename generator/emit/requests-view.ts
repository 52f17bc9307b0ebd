/**
 * View model for a namespace's `.requests.ts` module. Request functions are defined once per entity
 * type (get, list, create, update, delete) and once per navigation property (a path builder), so the
 * output grows with the metadata, not with the number of URL paths the containment tree spells out.
 */
import { deprecation, description } from "../model/rules";
import { optimisticConcurrency } from "../model/capabilities";
import type { EntityType, ModelType, NavigationProperty, Operation, Schema, SchemaType, StructuredType, TypeRef } from "../model/types";
import { camel, pascal, plural, propertyKey, Scope } from "../passes/names";
import type { EmitContext } from "./context";
import { usesUnion } from "./context";
import { byString, Imports, jsdoc, moduleSpecifier, type ImportView } from "./imports";
import { NO_TYPES, refType, typeName } from "./ts-types";

export interface RequestsView {
  header: string;
  imports: ImportView[];
  edm: boolean;
  /** The entity container's table for `rt.Service`, when this namespace declares one. */
  service?: { keyAsSegment: boolean; sets: { name: string; info: string }[] };
  roots: { doc: string; name: string; type: string; make: string }[];
  /** Per entity type, `name` and its body: `{ Friends: rt.Nav<Person, PersonNavigation>; … }`. */
  navigationTypes: { doc: string; name: string; body: string }[];
  navigations: { doc: string; name: string; parent: string; type: string; make: string }[];
  entities: EntityRequestsView[];
  operations: OperationView[];
}

export interface EntityRequestsView {
  /** Whether the type has a key, so collections of it (list, create) exist. */
  keyed: boolean;
  qname: string;
  type: string;
  keyType: string;
  /** The `…Navigation` type listing its navigation properties (typed `$expand`). */
  nav: string;
  get: string;
  list: string;
  create: string;
  update: string;
  remove: string;
}

export interface OperationView {
  doc: string;
  name: string;
  /** The parameter list after `client`, as written in the signature. */
  signature: string;
  result: string;
  /** The expression computing the path (and query) of the request. */
  path: string;
  method: string;
  body: string;
}

export function requestsView(ctx: EmitContext, schema: Schema): RequestsView {
  const scope = new Scope();
  const entityTypes = schema.types.filter((t): t is EntityType => t.kind === "entity");
  const localTypes = entityTypes.map((t) => navigationTypeName(ctx, t));
  const imports = new Imports(localTypes);
  let edm = false;
  const ts = (t: SchemaType, union = false) => typeName(ctx, t, NO_TYPES, imports, union && usesUnion(ctx, t));
  const refTs = (ref: TypeRef) => {
    const s = refType(ctx, ref, NO_TYPES, imports);
    if (s.includes("edm.")) edm = true;
    return s;
  };
  const keyTs = (t: EntityType) => {
    const s = keyType(ctx, t, imports);
    if (s.includes("edm.")) edm = true;
    return s;
  };
  const navTs = (t: EntityType) =>
    t.namespace === schema.namespace ? navigationTypeName(ctx, t) : imports.use(moduleSpecifier(t.namespace, "requests"), navigationTypeName(ctx, t), t.namespace);

  let service: RequestsView["service"];
  const roots: RequestsView["roots"] = [];
  for (const c of schema.containers) {
    const sets: { name: string; info: string }[] = [];
    for (const s of [...c.entitySets, ...c.singletons]) {
      const parts: string[] = [];
      if (s.kind === "entitySet" && optimisticConcurrency(ctx.model, c, s)) parts.push("etag: true");
      const bindings = [...s.bindings].sort(byString((b) => b.path));
      if (bindings.length) parts.push(`bindings: { ${bindings.map((b) => `${JSON.stringify(b.path)}: ${JSON.stringify(b.target)}`).join(", ")} }`);
      sets.push({ name: JSON.stringify(s.name), info: `{${parts.length ? ` ${parts.join(", ")} ` : ""}}` });
    }
    service ??= { keyAsSegment: ctx.options.keyAsSegment, sets };
    for (const s of c.singletons) {
      const t = ts(s.type, true);
      roots.push({
        doc: jsdoc("", [description(s.annotations), `The \`${s.name}\` singleton (\`/${s.name}\`).`]),
        name: scope.claim(camel(s.name)),
        type: `rt.EntityRef<${t}>`,
        make: `rt.root<${t}>(SERVICE, ${JSON.stringify(s.name)})`,
      });
    }
    for (const s of c.entitySets) {
      const t = ts(s.entityType, true);
      const k = keyTs(s.entityType);
      roots.push({
        doc: jsdoc("", [description(s.annotations), `The \`${s.name}\` entity set (\`/${s.name}\`).`]),
        name: scope.claim(camel(s.name)),
        type: `rt.CollectionRef<${t}, ${k}>`,
        make: `rt.rootCollection<${t}, ${k}>(SERVICE, ${JSON.stringify(s.name)}, ${keySpec(s.entityType)})`,
      });
    }
  }

  const navigationTypes: RequestsView["navigationTypes"] = [];
  const navigations: RequestsView["navigations"] = [];
  const entities: EntityRequestsView[] = [];
  for (const t of entityTypes) {
    const owner = camel(ctx.names.type(t));
    const self = ts(t, true);
    navigationTypes.push({
      doc: jsdoc("", [`Navigation properties of \`${t.qualifiedName}\` (inherited ones included), for typed \`$expand\`.`]),
      name: navTs(t),
      body: objectType(allNavigation(t).map((n) => `${propertyKey(n.name)}: rt.Nav<${ts(n.target, true)}, ${navTs(n.target)}>`)),
    });
    for (const n of t.navigationProperties) {
      const target = ts(n.target, true);
      const k = keyTs(n.target);
      const contained = n.containsTarget ? ", true" : "";
      navigations.push({
        doc: jsdoc("", [
          description(n.annotations),
          `\`${n.name}\` of a \`${t.qualifiedName}\`${n.containsTarget ? " (contained)" : ""}: \`…/${n.name}\`.`,
          deprecation(n.annotations) && `@deprecated ${deprecation(n.annotations)}`,
        ]),
        name: scope.claim(`${owner}${pascal(n.name)}`),
        parent: `rt.EntityRef<${ts(t)}>`,
        type: n.collection ? `rt.CollectionRef<${target}, ${k}>` : `rt.EntityRef<${target}>`,
        make: n.collection
          ? `parent.collection<${target}, ${k}>(${JSON.stringify(n.name)}, ${keySpec(n.target)}${contained})`
          : `parent.nav<${target}>(${JSON.stringify(n.name)}${contained})`,
      });
    }
    if (t.hasStream && !t.baseType?.hasStream) {
      navigations.push({
        doc: jsdoc("", [`The media resource of a \`${t.qualifiedName}\` (\`…/$value\`); read it with \`rt.readStream\`, replace it with \`rt.writeStream\`.`]),
        name: scope.claim(`${owner}Content`),
        parent: `rt.EntityRef<${ts(t)}>`,
        type: "rt.StreamRef",
        make: "parent.stream()",
      });
    }
    for (const p of t.properties) {
      if (p.type.collection || p.type.type.kind !== "primitive" || p.type.type.name !== "Stream") continue;
      navigations.push({
        doc: jsdoc("", [description(p.annotations), `Stream property \`${p.name}\` of a \`${t.qualifiedName}\` (\`…/${p.name}\`); read it with \`rt.readStream\`.`]),
        name: scope.claim(`${owner}${pascal(p.name)}`),
        parent: `rt.EntityRef<${ts(t)}>`,
        type: "rt.StreamRef",
        make: `parent.stream(${JSON.stringify(p.name)})`,
      });
    }
    const base = pascal(ctx.names.type(t));
    entities.push({
      qname: t.qualifiedName,
      type: self,
      keyType: keyTs(t),
      nav: navTs(t),
      // CSDL §8.2: only an entity type with a key can be a member of a collection.
      keyed: t.key.length > 0,
      get: scope.claim(`get${base}`),
      list: t.key.length > 0 ? scope.claim(`list${plural(base)}`) : "",
      create: t.key.length > 0 ? scope.claim(`create${base}`) : "",
      update: scope.claim(`update${base}`),
      remove: scope.claim(`delete${base}`),
    });
  }

  const operations: OperationView[] = [];
  // Unbound operations are called through their imports (URL Conventions §4.5.3); only bound ones here.
  for (const op of schema.operations) if (op.bound) operations.push(operationView(ctx, op, scope, ts, refTs));
  for (const c of schema.containers)
    for (const imp of c.imports)
      for (const op of imp.operations) operations.push(operationView(ctx, op, scope, ts, refTs, imp.name));

  return {
    header: ctx.header,
    imports: imports.view(() => true),
    edm,
    service,
    roots,
    navigationTypes,
    navigations,
    entities,
    operations,
  };
}

/**
 * The name of the type listing an entity type's navigation properties: `PersonNavigation`, with `_`
 * appended while a type of its namespace already has that name (the same answer in every module).
 */
export function navigationTypeName(ctx: EmitContext, t: EntityType): string {
  const schema = ctx.model.schemas.find((s) => s.namespace === t.namespace);
  const taken = new Set((schema?.types ?? []).flatMap((x) => {
    const n = ctx.names.type(x);
    return [n, `${n}Values`, `${n}Member`, `Any${n}`];
  }));
  let name = `${ctx.names.type(t)}Navigation`;
  while (taken.has(name)) name += "_";
  return name;
}

function objectType(members: string[]): string {
  return members.length ? `{\n${members.map((m) => `  ${m};\n`).join("")}}` : "{}";
}

/** Navigation properties of a type and its base types, base first (CSDL §8.2: they are inherited). */
function allNavigation(t: EntityType): NavigationProperty[] {
  const chain: EntityType[] = [];
  for (let c: EntityType | undefined = t; c; c = c.baseType) chain.unshift(c);
  return chain.flatMap((c) => c.navigationProperties);
}

/** The literal kind of each key property, for `rt.KeySpec`. */
export function keySpec(t: EntityType): string {
  return `[${t.key.map((p, i) => `[${JSON.stringify(t.keyNames[i])}, ${JSON.stringify(keyKind(p.type.type))}]`).join(", ")}]`;
}

function keyKind(t: ModelType): string {
  if (t.kind === "primitive") return t.name;
  if (t.kind === "enum") return `enum:${t.qualifiedName}`;
  if (t.kind === "typedef") return t.underlying.name;
  return "String";
}

/** The TypeScript type of a key: the single property's type, or an object of the key properties. */
function keyType(ctx: EmitContext, t: EntityType, imports: Imports): string {
  const scalar = (ref: TypeRef) => {
    const s = refType(ctx, { ...ref, collection: false }, NO_TYPES, imports);
    return /^number \| string$/.test(s) ? "number | bigint | string" : s;
  };
  if (t.key.length === 0) return "never";
  if (t.key.length === 1) return scalar(t.key[0].type);
  return `{ ${t.key.map((p, i) => `${JSON.stringify(t.keyNames[i])}: ${scalar(p.type)}`).join("; ")} }`;
}

function operationView(
  ctx: EmitContext,
  op: Operation,
  scope: Scope,
  ts: (t: SchemaType, union?: boolean) => string,
  refTs: (ref: TypeRef) => string,
  importName?: string,
): OperationView {
  const bindingType = op.binding?.type;
  const bound = op.bound && bindingType && (bindingType.type.kind === "entity" || bindingType.type.kind === "complex");
  let name = camel(importName ?? op.name);
  if (scope.has(name) && bound) name = `${camel(ctx.names.type(bindingType.type as SchemaType))}${pascal(op.name)}`;
  name = scope.claim(name);
  const params = op.parameters.map((p) => ({ name: p.name, ts: refTs(p.type), optional: p.type.nullable, ref: p.type }));
  const paramsType = params.length
    ? `{ ${params.map((p) => `${JSON.stringify(p.name)}${p.optional ? "?" : ""}: ${p.ts}${p.optional && !p.ref.collection ? " | null" : ""}`).join("; ")} }`
    : "";
  const args: string[] = ["client: rt.Client"];
  let base = '""';
  if (op.bound && bindingType) {
    const bt = bindingType.type;
    const target = bt.kind === "entity" ? ts(bt) : "unknown";
    args.push(`target: ${bindingType.collection ? `rt.CollectionRef<${target}, unknown>` : `rt.EntityRef<${target}>`}`);
    base = "target.path";
  }
  if (params.length) args.push(`params: ${paramsType}${params.every((p) => p.optional) ? " = {}" : ""}`);
  args.push("options?: rt.ReadOptions");
  const result = op.returnType ? resultType(op.returnType, refTs) : "void";
  const segment = JSON.stringify(importName ?? op.qualifiedName);
  const isFunction = op.kind === "function";
  const path = isFunction
    ? `rt.functionCall(${base}, ${segment}, [${params.map((p) => `[${JSON.stringify(p.name)}, ${JSON.stringify(paramKind(p.ref))}, params[${JSON.stringify(p.name)}]]`).join(", ")}])`
    : `\`\${${base}}/${(importName ?? op.qualifiedName).replace(/[`$\\]/g, "")}\``;
  return {
    doc: jsdoc("", [
      description(op.annotations),
      `${isFunction ? "Function" : "Action"} \`${op.qualifiedName}\`${op.bound && bindingType ? `, bound to ${bindingType.collection ? "a collection of " : ""}\`${bindingType.type.qualifiedName}\`` : importName ? ` (imported as \`/${importName}\`)` : ""}.`,
      deprecation(op.annotations) && `@deprecated ${deprecation(op.annotations)}`,
    ]),
    name,
    signature: args.join(", "),
    result,
    path,
    method: isFunction ? "GET" : "POST",
    body: isFunction ? "undefined" : params.length ? "params" : "{}",
  };
}

function paramKind(ref: TypeRef): string {
  if (ref.collection) return "json";
  const t = ref.type;
  if (t.kind === "primitive") return /^(Geo|Untyped|Stream|PrimitiveType|ComplexType|EntityType)/.test(t.name) || t.name.endsWith("Path") ? "json" : t.name;
  if (t.kind === "enum") return `enum:${t.qualifiedName}`;
  if (t.kind === "typedef") return t.underlying.name;
  return "json";
}

/** OData JSON Format §11: a collection comes as `{ value: [...] }`, a primitive as `{ value: x }`. */
function resultType(ref: TypeRef, refTs: (r: TypeRef) => string): string {
  const item = refTs({ ...ref, collection: false });
  if (ref.collection) return `rt.Page<${ref.nullable ? `${item} | null` : item}>`;
  const structured = ref.type.kind === "entity" || ref.type.kind === "complex";
  return structured ? item : `{ value: ${item}${ref.nullable ? " | null" : ""} }`;
}

export type { StructuredType };
