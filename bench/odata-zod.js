// Derives zod 4 schemas from odatagen's resolved model, the way a CSDL → OpenAPI → zod pipeline
// would express odatagen's `read`-mode, strict validator: strict objects that allow annotations
// (keys containing "@"), unions over subtypes picked by @odata.type. Used by the benchmark only.
"use strict";
const { z } = require("zod");

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,12})?)?$/;
const DURATION = /^[-+]?P(?=[0-9T])([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/;
const INT_TEXT = /^[-+]?[0-9]+$/;
const DECIMAL_TEXT = /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const BASE64URL = /^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2}(==)?|[A-Za-z0-9_-]{3}=?)?$/;

function primitive(name, facets) {
  const special = z.enum(["INF", "-INF", "NaN"]);
  switch (name) {
    case "String": return typeof facets.maxLength === "number" ? z.string().max(facets.maxLength) : z.string();
    case "Boolean": return z.boolean();
    case "Byte": return z.number().int().min(0).max(255);
    case "SByte": return z.number().int().min(-128).max(127);
    case "Int16": return z.number().int().min(-32768).max(32767);
    case "Int32": return z.number().int().min(-2147483648).max(2147483647);
    case "Int64": return z.union([z.number().int(), z.string().regex(INT_TEXT)]);
    case "Decimal": return z.union([z.number(), z.string().regex(DECIMAL_TEXT)]);
    case "Single": return z.union([z.number().min(-3.4028234663852886e38).max(3.4028234663852886e38), special]);
    case "Double": return z.union([z.number(), special]);
    case "Guid": return z.string().regex(GUID);
    case "Date": return z.iso.date();
    case "DateTimeOffset": return z.iso.datetime({ offset: true });
    case "TimeOfDay": return z.string().regex(TIME);
    case "Duration": return z.string().regex(DURATION);
    case "Binary": return z.string().regex(BASE64URL);
    default: return z.unknown();
  }
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

function concrete(t) {
  const out = [];
  const visit = (c) => {
    if (!c.abstract) out.push(c);
    c.derived.forEach(visit);
  };
  visit(t);
  return out;
}

function zodSchemaFor(model, root) {
  const checks = new Map();
  const exacts = new Map();
  const typeSchema = (type, facets) => {
    if (type.kind === "primitive") return primitive(type.name, facets);
    if (type.kind === "typedef") return primitive(type.underlying.name, { ...facets, ...type.facets });
    if (type.kind === "enum") {
      const names = type.members.map((m) => m.name);
      return type.isFlags ? z.string().regex(new RegExp(`^(${names.join("|")})(,(${names.join("|")}))*$`)) : z.enum(names);
    }
    return z.lazy(() => check(type));
  };
  const exact = (t, typeRequired) => {
    const key = `${t.qualifiedName}:${typeRequired}`;
    if (exacts.has(key)) return exacts.get(key);
    const shape = {};
    const type = z.enum(spellings(model, t));
    shape["@odata.type"] = typeRequired ? type : type.optional();
    for (const c of chain(t)) {
      const keys = new Set(c.kind === "entity" ? (c.key || []).map((k) => k.name) : []);
      for (const p of c.properties) {
        let s = typeSchema(p.type.type, p.type.facets);
        if (p.type.collection) s = z.array(p.type.nullable ? s.nullable() : s);
        else if (p.type.nullable) s = s.nullable();
        shape[p.name] = !p.type.nullable || keys.has(p.name) ? s : s.optional();
      }
      for (const n of c.navigationProperties) {
        const s = z.lazy(() => check(n.target));
        shape[n.name] = (n.collection ? z.array(s) : n.nullable ? s.nullable() : s).optional();
      }
    }
    let schema;
    if (chain(t).some((c) => c.open)) schema = z.looseObject(shape);
    else {
      // Strict, except for control information and annotations.
      schema = z.looseObject(shape).superRefine((o, ctx) => {
        for (const k of Object.keys(o)) {
          if (!(k in shape) && k.indexOf("@") === -1) ctx.addIssue({ code: "custom", message: `unknown property ${k}`, path: [k] });
        }
      });
    }
    exacts.set(key, schema);
    return schema;
  };
  const check = (t) => {
    if (checks.has(t)) return checks.get(t);
    const variants = concrete(t).map((c) => exact(c, c !== t));
    const schema = variants.length === 1 ? variants[0] : variants.length === 0 ? z.never() : z.union(variants);
    checks.set(t, schema);
    return schema;
  };
  return check(model.types.get(root));
}

module.exports = { zodSchemaFor };
