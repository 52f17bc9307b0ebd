// Derives a JSON Schema (draft-07, for ajv + ajv-formats) from odatagen's resolved model: the
// closest JSON Schema equivalent of odatagen's `read`-mode, strict validator. Used by the validator
// benchmark and the agreement test; the deliberate differences are listed in README "## Validators".
"use strict";

const GUID = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";
const TIME = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,12})?)?$";
const DURATION = "^[-+]?P(?=[0-9T])([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$";
const INT_TEXT = "^[-+]?[0-9]+$";
const DECIMAL_TEXT = "^[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$";
const BASE64URL = "^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2}(==)?|[A-Za-z0-9_-]{3}=?)?$";
const SPECIAL = { enum: ["INF", "-INF", "NaN"] };

function primitive(name, facets) {
  switch (name) {
    case "String": return typeof facets.maxLength === "number" ? { type: "string", maxLength: facets.maxLength } : { type: "string" };
    case "Boolean": return { type: "boolean" };
    case "Byte": return { type: "integer", minimum: 0, maximum: 255 };
    case "SByte": return { type: "integer", minimum: -128, maximum: 127 };
    case "Int16": return { type: "integer", minimum: -32768, maximum: 32767 };
    case "Int32": return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
    case "Int64": return { anyOf: [{ type: "integer" }, { type: "string", pattern: INT_TEXT }] };
    case "Decimal": return { anyOf: [{ type: "number" }, { type: "string", pattern: DECIMAL_TEXT }] };
    case "Single": return { anyOf: [{ type: "number", minimum: -3.4028234663852886e38, maximum: 3.4028234663852886e38 }, SPECIAL] };
    case "Double": return { anyOf: [{ type: "number" }, SPECIAL] };
    case "Guid": return { type: "string", pattern: GUID };
    case "Date": return { type: "string", format: "date" };
    case "DateTimeOffset": return { type: "string", format: "date-time" };
    case "TimeOfDay": return { type: "string", pattern: TIME };
    case "Duration": return { type: "string", pattern: DURATION };
    case "Binary": return { type: "string", pattern: BASE64URL };
    default: return {};
  }
}

/** `s` or null, written the way a hand-written schema would (a type list where possible). */
function nullable(s) {
  if (typeof s.type === "string" && !s.anyOf) return { ...s, type: [s.type, "null"], ...(s.enum ? { enum: [...s.enum, null] } : {}) };
  return { anyOf: [s, { type: "null" }] }; // the common case first: ajv builds no error for it
}

function spellings(model, t) {
  const names = [t.qualifiedName];
  for (const [alias, ns] of model.aliases) if (ns === t.namespace) names.push(`${alias}.${t.name}`);
  return names.flatMap((n) => [`#${n}`, n]);
}

function chain(t) {
  const out = [];
  for (let c = t; c; c = c.baseType) out.unshift(c);
  return out;
}

function isOpen(t) {
  return chain(t).some((c) => c.open);
}

function concrete(t) {
  const out = [];
  const visit = (c) => {
    if (!c.abstract) out.push(c);
    c.derived.forEach(visit);
  };
  visit(t);
  return out;
}

/** JSON Schema for the structured type `root` (by qualified name), with definitions for everything it reaches. */
function jsonSchemaFor(model, root) {
  const definitions = {};
  const ref = (kind, t) => {
    const id = `${kind}:${t.qualifiedName}`;
    if (!definitions[id]) {
      definitions[id] = true; // placeholder against recursion
      definitions[id] = kind === "exact" ? exact(t) : check(t);
    }
    return { $ref: `#/definitions/${encodeURIComponent(id)}` };
  };
  const typeSchema = (type, facets) => {
    if (type.kind === "primitive") return primitive(type.name, facets);
    if (type.kind === "typedef") return primitive(type.underlying.name, { ...facets, ...type.facets });
    if (type.kind === "enum") return enumSchema(type);
    return ref("check", type);
  };
  const enumSchema = (t) => {
    const names = t.members.map((m) => m.name);
    if (!t.isFlags) return { type: "string", enum: names };
    return { type: "string", pattern: `^(${names.join("|")})(,(${names.join("|")}))*$` };
  };
  const exact = (t) => {
    const properties = { "@odata.type": { type: "string", enum: spellings(model, t) } };
    const required = [];
    for (const c of chain(t)) {
      const keys = new Set(c.kind === "entity" ? (c.key || []).map((k) => k.name) : []);
      for (const p of c.properties) {
        let s = typeSchema(p.type.type, p.type.facets);
        if (p.type.collection) s = { type: "array", items: p.type.nullable ? nullable(s) : s };
        else if (p.type.nullable) s = nullable(s);
        properties[p.name] = s;
        if (!p.type.nullable || keys.has(p.name)) required.push(p.name);
      }
      for (const n of c.navigationProperties) {
        const s = ref("check", n.target);
        properties[n.name] = n.collection ? { type: "array", items: s } : n.nullable ? nullable(s) : s;
      }
    }
    const schema = { type: "object", properties, required };
    if (!isOpen(t)) {
      schema.patternProperties = { "@": {} };
      schema.additionalProperties = false;
    }
    return schema;
  };
  // A value declared as `t`: `t` itself without @odata.type, else the concrete type @odata.type names.
  const check = (t) => {
    const variants = concrete(t);
    let schema = t.abstract ? false : ref("exact", t);
    const typed = (c) => ({ required: ["@odata.type"], properties: { "@odata.type": { enum: spellings(model, c) } } });
    for (const c of variants.reverse()) {
      if (c === t) continue;
      schema = { if: typed(c), then: ref("exact", c), else: schema };
    }
    return schema;
  };
  const t = model.types.get(root);
  const top = ref("check", t);
  return { $schema: "http://json-schema.org/draft-07/schema#", ...top, definitions };
}

module.exports = { jsonSchemaFor };
