/**
 * Builds tiny CSDL documents inline and runs them through the real reader and model builder, so a
 * model test states the XML it is about next to what it expects.
 */
import { DiagnosticBag, type Diagnostic } from "../../generator/diagnostics";
import { readCsdlXml } from "../../generator/parse/xml";
import { buildModel } from "../../generator/model/build";
import type { Model, SchemaType, StructuredType, EntityType, EnumType } from "../../generator/model/types";

const EDM = "http://docs.oasis-open.org/odata/ns/edm";
const EDMX = "http://docs.oasis-open.org/odata/ns/edmx";

/** One `<Schema>` element; `body` is its content. */
export function schema(namespace: string, body: string, alias?: string): string {
  return `<Schema Namespace="${namespace}"${alias ? ` Alias="${alias}"` : ""} xmlns="${EDM}">\n${body}\n</Schema>`;
}

/** An entity type keyed by a string `id`, with `body` (its other members) after the key. */
export function keyed(name: string, body = ""): string {
  return `<EntityType Name="${name}">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>${body ? `\n    ${body.trim()}` : ""}
  </EntityType>`;
}

/** An abstract entity type `entity` keyed by a string `id`, as Graph's root of its entity types. */
export const ABSTRACT_ENTITY = `<EntityType Name="entity" Abstract="true">
  <Key><PropertyRef Name="id"/></Key>
  <Property Name="id" Type="Edm.String" Nullable="false"/>
</EntityType>`;

/** A complete EDMX document around schemas (and optional `edmx:Reference` elements). */
export function edmx(schemas: string | string[], references = ""): string {
  const list = Array.isArray(schemas) ? schemas : [schemas];
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="${EDMX}">
${references}<edmx:DataServices>
${list.join("\n")}
</edmx:DataServices>
</edmx:Edmx>
`;
}

export interface Built {
  model: Model;
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
}

/** Reads and resolves a document; diagnostics are returned, not thrown. */
export function build(xml: string, file = "test.xml"): Built {
  const diags = new DiagnosticBag();
  const doc = readCsdlXml(file, xml, diags);
  if (!doc) throw new Error(`document not read: ${diags.items.map((d) => d.message).join("; ")}`);
  const model = buildModel([doc], diags);
  return { model, diagnostics: diags.items, errors: diags.items.filter((d) => d.severity === "error") };
}

/** Builds and fails the test when the document has errors. */
export function buildOk(xml: string): Model {
  const b = build(xml);
  if (b.errors.length) throw new Error(`unexpected errors: ${b.errors.map((d) => `${d.code} ${d.message} [${d.path}]`).join("; ")}`);
  return b.model;
}

export function typeOf(model: Model, qualifiedName: string): SchemaType {
  const t = model.types.get(qualifiedName);
  if (!t) throw new Error(`${qualifiedName} is not in the model (has: ${[...model.types.keys()].join(", ")})`);
  return t;
}

export function structured(model: Model, qualifiedName: string): StructuredType {
  const t = typeOf(model, qualifiedName);
  if (t.kind !== "entity" && t.kind !== "complex") throw new Error(`${qualifiedName} is a ${t.kind}`);
  return t;
}

export function entity(model: Model, qualifiedName: string): EntityType {
  const t = typeOf(model, qualifiedName);
  if (t.kind !== "entity") throw new Error(`${qualifiedName} is a ${t.kind}`);
  return t;
}

export function enumType(model: Model, qualifiedName: string): EnumType {
  const t = typeOf(model, qualifiedName);
  if (t.kind !== "enum") throw new Error(`${qualifiedName} is a ${t.kind}`);
  return t;
}

export function property(t: StructuredType, name: string) {
  const p = t.properties.find((x) => x.name === name);
  if (!p) throw new Error(`${t.qualifiedName} has no property ${name}`);
  return p;
}
