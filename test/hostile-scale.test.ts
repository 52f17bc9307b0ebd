// Output grows in proportion to the metadata, also for documents shaped to make it grow faster:
// each shape is generated at n and at 2n, and the output (all artifacts, in characters) may grow
// by a little over 2× at most (static files aside) (names get a digit longer), never by n× as a quadratic design would.
import { generate } from "../generator/generate";
import { STATIC_FILES } from "../generator/emit/emit";
import { MAX_BASE_DEPTH } from "../generator/model/base-chains";

const EDMX = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>`;
const END = `</edmx:DataServices></edmx:Edmx>`;
const schema = (ns: string, body: string, alias = "") =>
  `<Schema Namespace="${ns}"${alias && ` Alias="${alias}"`} xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n");
const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;

const shapes: Record<string, (n: number) => string> = {
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
};

/** The size of what is generated from the metadata (the static runtime files are the same for any). */
const outputSize = (body: string) => {
  let size = 0;
  for (const [file, text] of generate({ inputs: [{ file: "h.xml", content: `${EDMX}${body}${END}` }] }).files)
    if (!STATIC_FILES.includes(file)) size += text.length;
  return size;
};

describe("output grows in proportion to the metadata", () => {
  test.each(Object.keys(shapes))("%s", (name) => {
    const n = 60;
    const once = outputSize(shapes[name](n));
    const twice = outputSize(shapes[name](2 * n));
    expect(twice / once).toBeLessThanOrEqual(2.2);
    expect(twice / once).toBeGreaterThan(1.5); // the shape does scale with n
  });
});
