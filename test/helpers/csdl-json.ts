/**
 * Test-only: writes a CSDL XML document as CSDL JSON (OData CSDL JSON 4.01), from the raw CSDL the
 * XML reader gives, the way a converter writes it: JSON's defaults left out (`$Type` Edm.String,
 * `$Nullable` false, a Decimal's `$Scale` variable), XML's written out (`$Nullable: true`, `$Scale: 0`).
 * For comparing what odatagen generates from the two forms of the same metadata.
 */
import { DiagnosticBag } from "../../generator/diagnostics";
import { readCsdlXml } from "../../generator/parse/xml";
import type { RawAnnotation, RawExpression, RawFacets, RawSchema } from "../../generator/parse/raw";

type J = Record<string, unknown>;

/** An object without a prototype: a member named `__proto__` (the validation fixture has one) is a member. */
const obj = (init: J = {}): J => Object.assign(Object.create(null) as J, init);

export function xmlToCsdlJson(file: string, xml: string): string {
  const diags = new DiagnosticBag();
  const doc = readCsdlXml(file, xml, diags);
  if (!doc) throw new Error(`${file}: ${diags.items.map((d) => d.message).join("; ")}`);
  const out = obj({ $Version: doc.version });
  if (doc.references.length) {
    const refs = obj();
    for (const r of doc.references)
      refs[r.uri] = { $Include: r.includes.map((i) => (i.alias ? { $Namespace: i.namespace, $Alias: i.alias } : { $Namespace: i.namespace })) };
    out.$Reference = refs;
  }
  for (const s of doc.schemas) out[s.namespace] = schema(s);
  return `${JSON.stringify(out, null, 2)}\n`;
}

function schema(s: RawSchema): J {
  const o = obj();
  if (s.alias) o.$Alias = s.alias;
  for (const t of [...s.entityTypes.map((x) => ["EntityType", x] as const), ...s.complexTypes.map((x) => ["ComplexType", x] as const)]) {
    const [kind, x] = t;
    const e = obj({ $Kind: kind });
    if (x.baseType) e.$BaseType = x.baseType;
    flags(e, { $Abstract: x.abstract, $OpenType: x.openType, $HasStream: x.hasStream });
    if (x.key) e.$Key = x.key.map((k) => (k.alias ? { [k.alias]: k.name } : k.name));
    for (const p of x.properties) {
      const v = typed(p.type, p);
      if (p.defaultValue !== undefined) v.$DefaultValue = p.defaultValue;
      e[p.name] = annotate(v, p.annotations);
    }
    for (const n of x.navigationProperties) {
      const v = obj({ $Kind: "NavigationProperty", ...collectionType(n.type) });
      if (!n.type.startsWith("Collection(") && n.nullable !== "false") v.$Nullable = true;
      if (n.partner) v.$Partner = n.partner;
      flags(v, { $ContainsTarget: n.containsTarget });
      if (n.constraints) v.$ReferentialConstraint = obj(Object.fromEntries(n.constraints.map((c) => [c.property, c.referencedProperty])));
      e[n.name] = annotate(v, n.annotations);
    }
    o[x.name] = annotate(e, x.annotations);
  }
  for (const x of s.enumTypes) {
    const e = obj({ $Kind: "EnumType" });
    if (x.underlyingType) e.$UnderlyingType = x.underlyingType;
    flags(e, { $IsFlags: x.isFlags });
    x.members.forEach((m, k) => {
      // A value beyond 2^53 as a string (CSDL JSON allows it for Int64), which keeps its digits.
      const v = m.value ?? String(k);
      e[m.name] = Number.isSafeInteger(Number(v)) ? Number(v) : v;
      for (const a of m.annotations) e[`${m.name}${annotationKey(a)}`] = value(a);
    });
    o[x.name] = annotate(e, x.annotations);
  }
  for (const x of s.typeDefinitions) {
    const { $Type, ...rest } = typed(x.underlyingType, { ...x, nullable: "false" });
    o[x.name] = annotate(obj({ $Kind: "TypeDefinition", $UnderlyingType: $Type ?? "Edm.String", ...rest }), x.annotations);
  }
  for (const x of s.terms) {
    const e = obj({ $Kind: "Term", ...typed(x.type, x) });
    if (x.baseTerm) e.$BaseTerm = x.baseTerm;
    if (x.appliesTo) e.$AppliesTo = x.appliesTo.split(/\s+/);
    if (x.defaultValue !== undefined) e.$DefaultValue = x.defaultValue;
    o[x.name] = annotate(e, x.annotations);
  }
  for (const op of [...s.actions, ...s.functions]) {
    const e = obj({ $Kind: op.kind === "action" ? "Action" : "Function" });
    flags(e, { $IsBound: op.isBound, $IsComposable: op.isComposable });
    if (op.entitySetPath) e.$EntitySetPath = op.entitySetPath;
    if (op.parameters.length) e.$Parameter = op.parameters.map((p) => annotate(obj({ $Name: p.name, ...typed(p.type, p) }), p.annotations));
    if (op.returnType) e.$ReturnType = typed(op.returnType.type, op.returnType);
    const list = (o[op.name] ??= []) as J[];
    list.push(annotate(e, op.annotations));
  }
  for (const c of s.containers) {
    const e = obj({ $Kind: "EntityContainer" });
    if (c.extends) e.$Extends = c.extends;
    const bindings = (v: J, list: { path: string; target: string }[]) => {
      if (list.length) v.$NavigationPropertyBinding = obj(Object.fromEntries(list.map((b) => [b.path, b.target])));
    };
    for (const x of c.entitySets) {
      const v = obj({ $Collection: true, $Type: x.entityType });
      flags(v, { $IncludeInServiceDocument: x.includeInServiceDocument });
      bindings(v, x.bindings);
      e[x.name] = annotate(v, x.annotations);
    }
    for (const x of c.singletons) {
      const v = obj({ $Type: x.type });
      flags(v, { $Nullable: x.nullable });
      bindings(v, x.bindings);
      e[x.name] = annotate(v, x.annotations);
    }
    for (const x of c.imports) {
      const v = obj(x.kind === "action" ? { $Action: x.operation } : { $Function: x.operation });
      if (x.entitySet) v.$EntitySet = x.entitySet;
      flags(v, { $IncludeInServiceDocument: x.includeInServiceDocument });
      e[x.name] = annotate(v, x.annotations);
    }
    o[c.name] = annotate(e, c.annotations);
  }
  if (s.annotationGroups.length) {
    const groups = obj();
    for (const g of s.annotationGroups) {
      const target = (groups[g.target] ??= obj()) as J;
      for (const a of g.annotations) target[annotationKey({ ...a, qualifier: a.qualifier ?? g.qualifier })] = value(a);
    }
    o.$Annotations = groups;
  }
  return annotate(o, s.annotations);
}

function flags(o: J, values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) o[k] = v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v;
}

function collectionType(type: string): J {
  const m = /^Collection\((.*)\)$/.exec(type);
  return m ? { $Collection: true, $Type: m[1] } : { $Type: type };
}

/** `$Type`/`$Collection`, `$Nullable` and the facets, JSON's defaults left out. */
function typed(type: string, f: RawFacets): J {
  const t = collectionType(type);
  const o = obj(t.$Type === "Edm.String" ? (t.$Collection ? { $Collection: true } : {}) : t);
  if (f.nullable !== "false") o.$Nullable = true;
  const num = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  if (f.maxLength !== undefined) o.$MaxLength = num(f.maxLength);
  if (f.precision !== undefined) o.$Precision = num(f.precision);
  if (t.$Type === "Edm.Decimal" && f.scale === undefined) o.$Scale = 0;
  else if (f.scale !== undefined && !(t.$Type === "Edm.Decimal" && f.scale === "variable")) o.$Scale = num(f.scale);
  if (f.srid !== undefined) o.$SRID = num(f.srid);
  if (f.unicode !== undefined) o.$Unicode = f.unicode === "true";
  return o;
}

function annotationKey(a: Pick<RawAnnotation, "term" | "qualifier">): string {
  return a.qualifier ? `@${a.term}#${a.qualifier}` : `@${a.term}`;
}

function annotate(o: J, annotations: readonly RawAnnotation[]): J {
  for (const a of annotations) o[annotationKey(a)] = value(a);
  return o;
}

function value(a: RawAnnotation): unknown {
  return a.value ? expression(a.value) : true;
}

function expression(e: RawExpression): unknown {
  switch (e.kind) {
    case "constant":
      if (e.type === "Bool") return e.value === "true" || e.value === "1";
      if (e.type === "Int" || e.type === "Float" || e.type === "Decimal") return Number(e.value);
      if (e.type === "Binary") return { $Binary: e.value };
      if (e.type === "EnumMember") return e.value.split(/\s+/).map((m) => m.slice(m.lastIndexOf("/") + 1)).join(",");
      return e.value;
    case "path":
      return { [`$${e.type}`]: e.value };
    case "null":
      return null;
    case "collection":
      return e.items.map(expression);
    case "record": {
      const o = obj(e.type ? { "@type": `#${e.type}` } : {});
      for (const p of e.properties) o[p.name] = expression(p.value);
      return o;
    }
    case "dynamic":
      return { [`$${e.name}`]: e.operands.map(expression) };
  }
}
