// Metadata shaped to make a generator's output or time grow faster than the document: each shape
// takes n and returns the inside of <edmx:DataServices>. Used by bench/hostile.js and by
// test/hostile-scale.test.ts.
"use strict";

const MAX_BASE_DEPTH = 32; // generator/model/base-chains.ts
const schema = (ns, body, alias = "") =>
  `<Schema Namespace="${ns}"${alias && ` Alias="${alias}"`} xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join("\n");
/** Four characters that no identifier holds, different for each i below 65,536. */
const MARKS = "-+~!:%^;,=?|'`#\\";
const mark = (i) => [4096, 256, 16, 1].map((d) => MARKS[Math.floor(i / d) % 16]).join("");
const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;

const shapes = {
  // n chains, each as deep as allowed, of entity types with a navigation property each
  "deep inheritance": (n) =>
    schema("t", times(n, (k) => times(MAX_BASE_DEPTH + 1, (i) =>
      `<EntityType Name="e${k}_${i}"${i < MAX_BASE_DEPTH ? ` BaseType="t.e${k}_${i + 1}"` : ""}>${i === MAX_BASE_DEPTH ? KEYED : ""}<NavigationProperty Name="n${i}" Type="t.e${k}_0"/></EntityType>`))),
  // n schemas, each with an alias and a type that uses the next schema's type by alias
  "many namespaces and aliases": (n) =>
    times(n, (i) => schema(`n${i}`, `<ComplexType Name="c"><Property Name="p" Type="a${(i + 1) % n}.c"/></ComplexType>`, `a${i}`)),
  // one abstract base with n subtypes, each holding a property of the base type
  "wide hierarchy": (n) =>
    schema("t", `<ComplexType Name="b" Abstract="true"/>${times(n, (i) => `<ComplexType Name="d${i}" BaseType="t.b"><Property Name="p" Type="t.b"/></ComplexType>`)}`),
  // a containment chain n entity types long under one entity set
  "containment chain": (n) =>
    schema("t", `${times(n, (i) => `<EntityType Name="e${i}">${KEYED}${i < n - 1 ? `<NavigationProperty Name="next" Type="t.e${i + 1}" ContainsTarget="true"/>` : ""}</EntityType>`)}
      <EntityContainer Name="s"><EntitySet Name="es" EntityType="t.e0"/></EntityContainer>`),
  // n overloads of one bound function
  overloads: (n) =>
    schema("t", `<EntityType Name="e">${KEYED}</EntityType>${times(n, (i) => `<Function Name="f" IsBound="true"><Parameter Name="b" Type="t.e"/><Parameter Name="p${i}" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>`)}`),
  // names that differ only in case or underscores, so that identifiers must be made unique
  "clashing names": (n) =>
    schema("t", times(n, (i) => `<ComplexType Name="x_${i}"><Property Name="a" Type="Edm.String"/><Property Name="A" Type="Edm.String"/></ComplexType><ComplexType Name="X_${i}"/><ComplexType Name="x__${i}"/>`)),
  // n names that all become one identifier (`a----`, `a---+`, ...: `A____`), which must be numbered
  "one identifier for many names": (n) =>
    schema("t", times(n, (i) => `<ComplexType Name="a${mark(i)}"><Property Name="p" Type="t.a${mark((i + 1) % n)}"/></ComplexType>`)),
  // n namespaces ending alike (p0.x, p1.x, ...), each with a type `c` that one module imports: the
  // imports need aliases (`XC`, `XC2`, ...)
  "one alias for many imports": (n) =>
    schema("m", `<ComplexType Name="c">${times(n, (i) => `<Property Name="p${i}" Type="p${i}.x.c"/>`)}</ComplexType>`) +
    times(n, (i) => schema(`p${i}.x`, `<ComplexType Name="c"/>`)),
  // n entity types holding one complex value whose n properties each lead to a navigation property:
  // n paths for $expand per entity type (n² in all) unless they are capped
  "complex navigation fan-out": (n) =>
    schema("t", `<ComplexType Name="hub">${times(n, (i) => `<Property Name="p${i}" Type="t.d${i}"/>`)}</ComplexType>
      ${times(n, (i) => `<ComplexType Name="d${i}"><NavigationProperty Name="to" Type="t.e${i}"/></ComplexType><EntityType Name="e${i}">${KEYED}<Property Name="c" Type="t.hub"/></EntityType>`)}`),
};

/** A whole document around a shape's schemas. */
function document(body) {
  return `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${body}</edmx:DataServices></edmx:Edmx>`;
}

module.exports = { shapes, document, MAX_BASE_DEPTH };
