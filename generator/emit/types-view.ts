/**
 * View model for a namespace's `.types.ts` module: interfaces for entity and complex types, string
 * unions for enums, aliases for type definitions, and `Any…` unions for abstract types.
 */
import { stringLiteral } from "../string-literal";
import { alwaysPresent, deprecation, description, isStream } from "../model/rules";
import { laterMembersDoc } from "../model/evolvable-enums";
import type { EnumType, NavigationProperty, Property, Schema, StructuredType, TypeDefinition } from "../model/types";
import { companionNames, propertyKey } from "../passes/names";
import { familyMemberLiteral, hasFamily, leftOutHolders, odataTypeLiterals, subtypeFamily, typeLiteral, usesUnion, type EmitContext } from "./context";
import { Imports, jsdoc, type ImportView } from "./imports";
import { derivedTypesDoc, facetLimit, memberDoc, needsEdm, primitiveTs, readRefType, typeName } from "./ts-types";
import { allowedDerivedTypes } from "../model/validation-terms";
import { fits, heritage, parameters, unionType } from "./wrap";
import { brokenAnnotation } from "./wrap-code";

export interface TypesView {
  header: string;
  namespace: string;
  imports: ImportView[];
  edm: boolean;
  declarations: DeclarationView[];
}

export interface DeclarationView {
  isInterface: boolean;
  isEnum: boolean;
  isAlias: boolean;
  doc: string;
  name: string;
  /** `extends X` clause or "". */
  extends: string;
  /**
   * An interface's body: `{`, one member per line (`  key?: type;`, each after its doc comment), `}`.
   * Written here, not in a template loop: one string per interface renders much faster over Graph's
   * 30,000 members.
   */
  body: string;
  /**
   * What follows `=` (a space or, for a union too long for one line, a line break): an enum's
   * member-name literal union, or the alias's type.
   */
  type: string;
  valuesName: string;
  /** Enum: the member-name literals, as array items (joined here, not in a template loop; an item a line when long). */
  values: string;
  /** Flags enums: the name of the single-member union type, and what follows its `=` (` never` for none). */
  memberName: string;
  memberUnion: string;
  flags: boolean;
}

/**
 * A declaration with the fields its kind uses; the rest empty. Every declaration gets its fields in
 * one order (one object shape), without spreading a blank one: on Graph's 3,800 types the spread
 * cost more than the rest of the view.
 */
function declaration(d: Partial<DeclarationView>): DeclarationView {
  return {
    isInterface: d.isInterface ?? false,
    isEnum: d.isEnum ?? false,
    isAlias: d.isAlias ?? false,
    doc: d.doc ?? "",
    name: d.name ?? "",
    extends: d.extends ?? "",
    body: d.body ?? "",
    type: d.type ?? "",
    valuesName: d.valuesName ?? "",
    values: d.values ?? "",
    memberName: d.memberName ?? "",
    memberUnion: d.memberUnion ?? "",
    flags: d.flags ?? false,
  };
}

export function typesView(ctx: EmitContext, schema: Schema): TypesView {
  const ns = schema.namespace;
  const imports = new Imports(localNames(ctx, schema), ctx.namespaceLabels);
  const declarations: DeclarationView[] = [];
  let edm = false;
  const note = (ts: string) => {
    if (needsEdm(ts)) edm = true;
    return ts;
  };
  for (const t of schema.types) {
    if (t.kind === "enum") declarations.push(enumView(ctx, t));
    else if (t.kind === "typedef") declarations.push(aliasView(ctx, t, note));
    else {
      declarations.push(interfaceView(ctx, t, ns, imports, note));
      const variants = ctx.variants(t);
      if (usesUnion(ctx, t)) {
        const holders = leftOutHolders(t);
        // A complex value names its type (JSON Format §4.5.3: `@odata.type` is required wherever the
        // instance's type is derived from the declared one, as every instance of an abstract type is;
        // the validators want it, but in a PATCH). An entity's union keeps it optional: an entity's
        // type may come from elsewhere (a type-cast URL, the entity a PUT replaces).
        const typed = t.kind === "complex";
        const member = (v: StructuredType) => (typed ? `(${typeName(ctx, v, ns, imports)} & { "@odata.type": ${typeLiteral(v)} })` : typeName(ctx, v, ns, imports));
        // A left-out subtype's value as its abstract kept base type, with the names it may have
        // (so that a check of `@odata.type` narrows the union).
        const leftOut = holders.map((h) => `(${typeName(ctx, h.type, ns, imports)} & { "@odata.type"${typed ? "" : "?"}: ${h.literals} })`);
        const members = [...variants.map(member), ...leftOut];
        const name = `Any${ctx.names.type(t)}`;
        declarations.push(declaration({
          isAlias: true,
          doc: jsdoc("", [
            `Any concrete \`${t.qualifiedName}\`: the abstract type's subtypes, told apart by \`@odata.type\`${typed ? " (which a complex value must have)" : ""}.`,
            holders.length > 0
              ? `A value of a subtype this slice left out is typed as ${holders.map((h) => `\`${h.type.qualifiedName}\``).join(", ")}, with its \`@odata.type\`.`
              : undefined,
          ]),
          name,
          type: unionType(`export type ${name} =`, members),
        }));
      } else if (hasFamily(t)) declarations.push(familyView(ctx, t, ns, imports));
    }
  }
  return {
    header: ctx.header,
    namespace: ns,
    imports: imports.view(() => true),
    edm,
    declarations,
  };
}

/**
 * The `Any…` union of a concrete complex type with subtypes (`subtypeFamily`), which its values
 * nested in others have: the type itself, its `@odata.type` absent or its own name (or, in a slice,
 * a subtype's it left out), and each concrete subtype naming its type, as a complex value of a
 * derived type must (JSON Format §4.5.3). So `@odata.type` narrows it, and a value typed as the type
 * itself still fits it (TypeScript relates it to the member its `@odata.type` names).
 */
function familyView(ctx: EmitContext, t: StructuredType, ns: string, imports: Imports): DeclarationView {
  const own = familyMemberLiteral;
  const name = (c: StructuredType) => typeName(ctx, c, ns, imports);
  const members = [
    `(${name(t)} & { "@odata.type"?: ${own(t)} })`,
    ...subtypeFamily(t).map((c) => `(${name(c)} & { "@odata.type": ${own(c)} })`),
    ...leftOutHolders(t).map((h) => `(${name(h.type)} & { "@odata.type": ${h.literals} })`),
  ];
  const alias = `Any${ctx.names.type(t)}`;
  return declaration({
    isAlias: true,
    doc: jsdoc("", [
      `A \`${t.qualifiedName}\` value where one is nested (a property, a collection's item, a result): the type itself, or one of its subtypes, told apart by \`@odata.type\` (which a subtype's value has).`,
    ]),
    name: alias,
    type: unionType(`export type ${alias} =`, members),
  });
}

function localNames(ctx: EmitContext, schema: Schema): string[] {
  const out: string[] = ["edm"];
  for (const t of schema.types) {
    const n = ctx.names.type(t);
    out.push(n, ...companionNames(t, n));
  }
  return out;
}

function enumView(ctx: EmitContext, t: EnumType): DeclarationView {
  const name = ctx.names.type(t);
  const literals = t.members.map((m) => stringLiteral(m.name));
  const union = unionType(`export type ${t.isFlags ? `${name}Member` : name} =`, literals);
  return declaration({
    isEnum: true,
    doc: jsdoc("", [
      description(t.annotations),
      t.isFlags ? `Flags enum \`${t.qualifiedName}\`: one member or several, comma-separated.` : `Enum \`${t.qualifiedName}\`.`,
      t.members.length === 0 ? "The metadata declares no members, so no value is valid." : undefined,
      laterMembersDoc(t),
      deprecation(t.annotations) && `@deprecated ${deprecation(t.annotations)}`,
    ]),
    name,
    type: t.isFlags ? unionType(`export type ${name} =`, [`${name}Member`, `\`\${${name}Member},\${string}\``]) : union,
    memberName: `${name}Member`,
    memberUnion: union,
    flags: t.isFlags,
    valuesName: `${name}Values`,
    values: valuesList(`export const ${name}Values =`, literals),
  });
}

/**
 * What follows `=` in an enum's `…Values` list: ` [a, b]`, its members one a line where they do not
 * fit; or, where `export const XValues = [` itself passes 120 characters, the list on the next line,
 * as Prettier writes an assignment whose value's first line does not fit (on one line where it fits
 * there, else a member a line).
 */
function valuesList(head: string, literals: readonly string[]): string {
  const open = literals.length ? " [".length : " [] as const;".length;
  if (fits(head.length + open)) return ` [${parameters(`${head} `, literals, " as const;")}]`;
  const one = literals.join(", ");
  return fits(`  [${one}] as const;`.length) ? `\n  [${one}]` : `\n  [\n${literals.map((l) => `    ${l},\n`).join("")}  ]`;
}

function aliasView(ctx: EmitContext, t: TypeDefinition, note: (s: string) => string): DeclarationView {
  const limit = facetLimit(t.underlying.name, t.facets);
  const name = ctx.names.type(t);
  const type = note(primitiveTs(t.underlying.name));
  return declaration({
    isAlias: true,
    doc: jsdoc("", [description(t.annotations), `Type definition \`${t.qualifiedName}\` (${t.underlying.qualifiedName}${limit ? `, ${limit}` : ""}).`]),
    name,
    // On the line after `=` where the alias's line would pass 120 characters (a name of 100 or so).
    type: fits(`export type ${name} = ${type};`.length) ? ` ${type}` : unionType(`export type ${name} =`, type.split(" | ")),
  });
}

/** "Entity", "Complex", "Abstract entity", "Abstract complex". */
function typeKindLabel(t: StructuredType): string {
  const kind = t.kind === "entity" ? "entity" : "complex";
  return t.abstract ? `Abstract ${kind}` : kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** One member of an interface's body: its doc comment, then `  key?: type;`. */
function member(doc: string, key: string, optional: boolean, type: string): string {
  const head = `  ${key}${optional ? "?" : ""}:`;
  // A line that would pass 120 characters (a name of 100 or so): its type broken as Prettier breaks it, a union on the next line.
  if (!fits(head.length + 1 + type.length + 1)) return `${doc}${head}${annotatedType(brokenAnnotation(type, head.length + 1, 1, "  "))};\n`;
  return `${doc}${head} ${type};\n`;
}

/** What follows a member's `:`, a type on its line (after a space) or on the next. */
function annotatedType(type: string): string {
  return type.startsWith("\n") ? type : ` ${type}`;
}

const ODATA_TYPE_KEY = stringLiteral("@odata.type");
const ODATA_TYPE_DOC = jsdoc("  ", ["The instance's type, `#` and its qualified name; needed when it differs from the declared type."]);
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * The members are written one function each, straight into the body: as one function with its
 * loops, `interfaceView` was the emit stage's largest compile job (~20 ms of TurboFan's time).
 */
function propertyMember(ctx: EmitContext, p: Property, isKey: boolean, ns: string, imports: Imports, note: (s: string) => string): string {
  // A stream's value is in a read only when asked for inline, as any JSON value (`isStream`).
  if (isStream(p)) return member(memberDoc(p), propertyKey(p.name), true, "unknown");
  const ts = note(readRefType(ctx, p.type, ns, imports));
  // `unknown` (Edm.Untyped and its like) holds null already.
  const type = !p.type.collection && p.type.nullable && ts !== "unknown" ? `${ts} | null` : ts;
  return member(memberDoc(p, allowedDerivedTypes(ctx.model, p)), propertyKey(p.name), !alwaysPresent(p, isKey), type);
}

function navigationMember(ctx: EmitContext, n: NavigationProperty, ns: string, imports: Imports): string {
  const target = typeName(ctx, n.target, ns, imports, usesUnion(ctx, n.target));
  const allowed = allowedDerivedTypes(ctx.model, n);
  const doc = jsdoc("  ", [
    description(n.annotations),
    `Navigation property${n.containsTarget ? " (contained)" : ""}; present when expanded.`,
    allowed && derivedTypesDoc(allowed),
    deprecation(n.annotations) && `@deprecated ${deprecation(n.annotations)}`,
  ]);
  return member(doc, propertyKey(n.name), true, n.collection ? `${target}[]` : n.nullable ? `${target} | null` : target);
}

function interfaceView(
  ctx: EmitContext,
  t: StructuredType,
  ns: string,
  imports: Imports,
  note: (s: string) => string,
): DeclarationView {
  const keyNames = t.kind === "entity" && t.key.length > 0 ? new Set(t.key.map((k) => k.name)) : NO_KEYS;
  // A type with many subtypes has many names: a name a line when the line would pass 120 characters.
  const odataType = unionType(`  ${ODATA_TYPE_KEY}?:`, odataTypeLiterals(t), "  ");
  let body = `{\n${t.baseType ? "" : ODATA_TYPE_DOC}  ${ODATA_TYPE_KEY}?:${odataType};\n`;
  for (const p of t.properties) body += propertyMember(ctx, p, keyNames.has(p.name), ns, imports, note);
  for (const n of t.navigationProperties) body += navigationMember(ctx, n, ns, imports);
  if (t.open) body += member("", "[property: string]", false, "unknown");
  body += "}";
  return declaration({
    isInterface: true,
    doc: jsdoc("", [
      description(t.annotations),
      `${typeKindLabel(t)} type \`${t.qualifiedName}\`${t.open ? " (open: may carry more properties)" : ""}.`,
      deprecation(t.annotations) && `@deprecated ${deprecation(t.annotations)}`,
    ]),
    name: ctx.names.type(t),
    // Measured with the ` {` the template writes after it, then left out.
    extends: t.baseType ? heritage(`export interface ${ctx.names.type(t)}`, [typeName(ctx, t.baseType, ns, imports)], " {").slice(0, -2) : "",
    body,
  });
}
