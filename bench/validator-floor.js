// For the tree-shaking row: the text any complete validator of a type must spell out, whatever its
// code looks like. A value declared as T may be T or any subtype `@odata.type` names; every property
// of each of those (and of their base types) must be recognised by name, every enum member by name,
// and every type a payload may name by its qualified name. Counted as minified string literals
// ("name" = length + 2); the code around them comes on top.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const DIST = path.resolve(__dirname, "..", "dist");

/** The types a complete validator of `qualifiedName` reaches, and the bytes of the names it must contain. */
function validatorFloor(file, qualifiedName) {
  const { readCsdlXml } = require(path.join(DIST, "parse", "xml.js"));
  const { DiagnosticBag } = require(path.join(DIST, "diagnostics.js"));
  const { buildModel } = require(path.join(DIST, "model", "build.js"));
  const diags = new DiagnosticBag();
  const model = buildModel([readCsdlXml(file, fs.readFileSync(file, "utf8"), diags)], diags);
  const reached = new Set();
  const asValue = new Set();
  const queue = [];
  const reach = (t) => {
    if (t && t.kind !== "primitive" && !reached.has(t)) {
      reached.add(t);
      queue.push(t);
    }
  };
  // A value of T may be an instance of any subtype of T (a base type is reached for its properties only).
  const value = (t) => {
    reach(t);
    if (!t || asValue.has(t) || !t.derived) return;
    asValue.add(t);
    for (const d of t.derived) value(d);
  };
  value(model.types.get(qualifiedName));
  while (queue.length) {
    const t = queue.pop();
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    reach(t.baseType);
    for (const p of t.properties) value(p.type.type);
    for (const n of t.navigationProperties) value(n.target);
  }
  const literal = (s) => s.length + 2;
  let properties = 0;
  let members = 0;
  let typeNames = 0;
  for (const t of reached) {
    if (t.kind === "enum") for (const m of t.members) members += literal(m.name);
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    if (asValue.has(t)) typeNames += literal(t.qualifiedName);
    for (const p of t.properties) properties += literal(p.name);
    for (const n of t.navigationProperties) properties += literal(n.name);
  }
  return { types: reached.size, bytes: properties + members + typeNames, properties, members, typeNames };
}

module.exports = { validatorFloor };
