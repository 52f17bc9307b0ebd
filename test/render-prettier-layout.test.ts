// The layouts in which the generated code differed from Prettier 3's (`--print-width 120
// --quote-props preserve`) until they were matched: each expectation below is what Prettier 3.10
// prints for the generated text (the whole output was checked so when written, doc comments aside,
// with bench/prettier-diff.sh), and the output compiles under --strict. A small service holds one
// of each: propsX sums that fit on the line of `return`, that fit only on a line of their own
// inside `return (` … `)`, and that take a term a line (one term too long for its line); an
// interface whose `"@odata.type"?:` literal passes 120 characters; an abstract complex type of one
// subtype with a write type; entity types of one-letter names (their delete signatures fit on one
// line); a composite key of long names (an entity set's and a containment's
// `rt.CollectionRef<T, { … }>`); and a partner navigation with a referential constraint of two
// properties (`vr.tied`'s list of names).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { stringLiteral } from "../generator/string-literal";
import { edmx, schema } from "./helpers/csdl";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const LONG = "aVeryLongComplexTypeNameThatGoesOnAndOnAndOnForeverAndEverAndStillMoreWordsToPassTheWidthOfEveryLine";
const KEYS = ["aVeryLongKeyPropertyNameNumberOne", "aVeryLongKeyPropertyNameNumberTwo", "aVeryLongKeyPropertyNameNumberThree"];

const XML = edmx(
  schema(
    "s",
    `<EntityType Name="a">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <Property Name="shape" Type="s.shape"/>
      <Property Name="ownerId" Type="Edm.String"/>
      <Property Name="ownerKind" Type="Edm.String"/>
      <NavigationProperty Name="cs" Type="Collection(s.c)" ContainsTarget="true"/>
      <NavigationProperty Name="owner" Type="s.b" Partner="owned">
        <ReferentialConstraint Property="ownerId" ReferencedProperty="id"/>
        <ReferentialConstraint Property="ownerKind" ReferencedProperty="kind"/>
      </NavigationProperty>
    </EntityType>
    <EntityType Name="b">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <Property Name="when" Type="Edm.DateTimeOffset"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Property>
      <Property Name="aRatherLongPropertyNameForTheSum" Type="Edm.Int32"/>
      <Property Name="kind" Type="Edm.String"/>
      <NavigationProperty Name="owned" Type="Collection(s.a)" Partner="owner"/>
    </EntityType>
    <EntityType Name="c">
      <Key>${KEYS.map((k) => `<PropertyRef Name="${k}"/>`).join("")}</Key>
      ${KEYS.map((k) => `<Property Name="${k}" Type="Edm.String" Nullable="false"/>`).join("\n      ")}
    </EntityType>
    <ComplexType Name="shape" Abstract="true"/>
    <ComplexType Name="dot" BaseType="s.shape">
      <Property Name="made" Type="Edm.DateTimeOffset"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Property>
    </ComplexType>
    <ComplexType Name="plane"/>
    <ComplexType Name="dash" BaseType="s.plane">
      <Property Name="madeByThisPerson" Type="Edm.Date" Nullable="false"/>
    </ComplexType>
    <ComplexType Name="${LONG}">
      <Property Name="x" Type="Edm.String"/>
    </ComplexType>
    <EntityContainer Name="container">
      <EntitySet Name="as" EntityType="s.a"><NavigationPropertyBinding Path="owner" Target="bs"/></EntitySet>
      <EntitySet Name="bs" EntityType="s.b"><NavigationPropertyBinding Path="owned" Target="as"/></EntitySet>
      <EntitySet Name="cs" EntityType="s.c"/>
    </EntityContainer>`,
  ),
);

const files = generate({ inputs: [{ file: "s.xml", content: XML }] }).files;

/** The declaration of `name` in `module`: from its first line to the line that closes it (`}` or `;` at column 0). */
function declaration(module: string, head: string): string {
  const text = files.get(module) ?? LONG_NAMES.get(module) ?? "";
  const start = text.indexOf(head);
  if (start < 0) throw new Error(`${head} not in ${module}`);
  const end = text.slice(start).search(/\n(?:\}|[^\n]*;)\n(?=\n|$)/);
  const rest = text.slice(start + end + 1);
  return text.slice(start, start + end + 1 + rest.indexOf("\n"));
}

test("validators: a sum that fits on the line of `return` stays there", () => {
  expect(files.get("s.validators.ts")).toContain('): number {\n  return 0 + vr.p(o["x"], ctx, "x", vr.checkString);\n}\n');
});

test("validators: a sum that passes 120 characters on the line of `return` but fits on a line of its own goes there, in parentheses", () => {
  // 122 characters on the line of `return`, 116 on its own.
  expect(declaration("s.validators.ts", "export function propsDash(")).toBe(
    [
      "export function propsDash(o: Json, ctx: Context): number {",
      "  return (",
      '    propsPlane(o, ctx) + vr.p(o["madeByThisPerson"], ctx, "madeByThisPerson", vr.checkDate, vr.REQUIRED, "Edm.Date")',
      "  );",
      "}",
    ].join("\n"),
  );
});

test("validators: a longer sum a term a line, each but the last ending in ` +`", () => {
  expect(declaration("s.validators.ts", "export function propsB(")).toBe(
    [
      "export function propsB(o: Json, ctx: Context): number {",
      "  return (",
      "    0 +",
      '    vr.p(o["id"], ctx, "id", vr.checkString, vr.KEY | vr.REQUIRED) +',
      '    vr.p(o["when"], ctx, "when", vr.checkDateTimeOffset, vr.COMPUTED | vr.NULLABLE, "Edm.DateTimeOffset") +',
      '    vr.p(o["aRatherLongPropertyNameForTheSum"], ctx, "aRatherLongPropertyNameForTheSum", vr.checkInt32) +',
      '    vr.p(o["kind"], ctx, "kind", vr.checkString) +',
      '    vr.navs(o["owned"], ctx, "owned", checkAUnderB)',
      "  );",
      "}",
    ].join("\n"),
  );
});

test("validators: a term too long for its line an argument a line, `) +` closing it", () => {
  const [first, second] = KEYS;
  expect(declaration("s.validators.ts", "export function propsC(")).toContain(
    ["  return (", "    0 +", "    vr.p(", `      o["${first}"],`, "      ctx,", `      "${first}",`, "      vr.checkString,", "      vr.KEY | vr.REQUIRED,", "    ) +", "    vr.p(", `      o["${second}"],`].join("\n"),
  );
});

test("validators: a partner's names in `vr.tied` are listed with a space after each comma", () => {
  expect(files.get("s.validators.ts")).toContain('vr.tied(checkA, ["ownerId", "ownerKind"], v, ctx, key);');
});

test("types: one `\"@odata.type\"?:` literal too long for any line stays on the member's line", () => {
  expect(files.get("s.types.ts")).toContain(`\n  "@odata.type"?: "#s.${LONG}";\n`);
});

test("requests: the write type of an abstract complex type of one subtype has no parentheses", () => {
  expect(files.get("s.requests.ts")).toContain('\nexport type ShapeInput = DotInput & { "@odata.type": "#s.dot" };\n');
});

test("requests: a delete's signature on one line where it fits; create's and update's a parameter a line where they do not", () => {
  expect(declaration("s.requests.ts", "export function deleteA(")).toBe(
    [
      "export function deleteA(client: rt.Client, target: rt.EntityRef<A, null>, options?: rt.DeleteOptions): Promise<void> {",
      "  return rt.remove(client, target, options);",
      "}",
    ].join("\n"),
  );
  expect(declaration("s.requests.ts", "export function createA<")).toMatch(/^export function createA<P extends [^\n]*>\(\n {2}client: rt\.Client,\n/);
  expect(declaration("s.requests.ts", "export function updateA<")).toMatch(/^export function updateA<R extends [^\n]*>\(\n {2}client: rt\.Client,\n/);
});

test("requests: a composite key's `rt.CollectionRef<T, { … }>` after a root's or an address builder's `):` its type arguments one a line; the call infers them", () => {
  const keys = (indent: string) => [`${indent}{`, ...KEYS.map((k) => `${indent}  "${k}": string;`), `${indent}}`];
  expect(declaration("s.requests.ts", "export function cs(")).toBe(
    [
      "export function cs(): rt.CollectionRef<",
      "  C,",
      ...keys("  "),
      "> {",
      "  return rt.rootCollection(",
      '    { name: "cs" },',
      "    rt.compositeKey([",
      ...KEYS.map((k) => `      ["${k}", rt.edmString],`),
      "    ]),",
      "  );",
      "}",
    ].join("\n"),
  );
  // The only parameter stays on the name's line: Prettier groups it apart from a return type that must break.
  expect(declaration("s.requests.ts", "export function aCs(")).toMatch(/^export function aCs\(parent: rt\.EntityRef<A, null>\): rt\.CollectionRef<\n {2}C,\n {2}\{\n/);
});

test("checkers: an import of one name stays on its line, however long", () => {
  const only = generate({ inputs: [{ file: "l.xml", content: edmx(schema(`org.example.${"averylongnamespacesegment".repeat(4)}`, `<ComplexType Name="t"/>`)) }] }).files;
  expect(only.get("checkers.ts")).toMatch(/^import \{ namespaceChecker as \w+NamespaceChecker \} from "\.\/org\.example\.\w+\.validators\.js";$/m);
});

test("edm.ts: the GeoJson union on the line after `=`", () => {
  expect(files.get("edm.ts")).toContain("export type GeoJson =\n  GeoPoint | GeoLineString | GeoPolygon | GeoMultiPoint | GeoMultiLineString | GeoMultiPolygon | GeoCollection;\n");
});

// Names holding a `"`: Prettier writes a string in the quote that needs fewer escapes.
const QUOTED = generate({
  inputs: [
    {
      file: "q.xml",
      content: edmx(
        schema(
          "q",
          `<EntityType Name="q"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="we&quot;ird" Type="Edm.String"/><Property Name="tone" Type="q.tone"/></EntityType>
          <EnumType Name="tone"><Member Name="we&quot;ird" Value="0"/><Member Name="it's" Value="1"/></EnumType>
          <EntityContainer Name="c"><EntitySet Name="q&quot;s" EntityType="q.q"/></EntityContainer>`,
        ),
      ),
    },
  ],
}).files;

test("a string holding more `\"` than `'` is in single quotes, in the types, validators and requests modules", () => {
  expect(QUOTED.get("q.types.ts")).toContain(`\nexport type Tone = 'we"ird' | "it's";\n`);
  expect(QUOTED.get("q.types.ts")).toContain(`\nexport const ToneValues = ['we"ird', "it's"] as const;\n`);
  expect(QUOTED.get("q.types.ts")).toContain(`\n  'we"ird'?: string | null;\n`);
  expect(QUOTED.get("q.validators.ts")).toContain(`vr.enumChecker("q.tone", { 'we"ird': 0, "it's": 1 });`);
  expect(QUOTED.get("q.validators.ts")).toContain(`\n    vr.p(o['we"ird'], ctx, 'we"ird', vr.checkString) +\n`);
  expect(QUOTED.get("q.requests.ts")).toContain(`return rt.rootCollection({ name: 'q"s' }, rt.key("id", rt.edmString));`);
  for (const m of ["q.types.ts", "q.validators.ts", "q.requests.ts"]) expect(QUOTED.get(m)).not.toContain('\\"');
});

test.each([
  ["a", '"a"'],
  ["it's", `"it's"`],
  ["a\\b", `"a\\\\b"`],
  ['we"ird', `'we"ird'`],
  [`q"'q`, `"q\\"'q"`],
  [`two""one'`, `'two""one\\''`],
  ['\\"', `'\\\\"'`],
  ['"\n\u0001', `'"\\n\\u0001'`],
])("stringLiteral(%j) is %s, which reads back as the same string", (value, literal) => {
  expect(stringLiteral(value)).toBe(literal);
  expect(new Function(`return ${literal};`)()).toBe(value);
});

// Names of 90 to 120 characters, which CSDL allows (up to 128): lines that pass 120 characters however laid out.
const ENTITY = "anEntityTypeWhoseNameIsLongEnoughThatItsTargetParameterPassesTheWidthOfALineByItself000000000";
const BASE = "aComplexTypeWhoseNameIsSoLongThatItsPropsCallPassesTheWidthOfALineInsideTheSumOfItsSubtypes00000000000";
const PROP = "aPropertyWhoseNameIsSoLongThatItsReadPassesTheWidthOfALineEvenWithItsArgumentsOnALineOfTheirOwn0000000000000000";
const ENUM = "anEnumTypeWhoseNameIsSoLongThatTheLineDeclaringTheListOfItsMembersPassesTheWidthOfALine000000000000000";
const NAV = "aNavigationPropertyWhoseNameIsLongEnoughToFillHalfALine0000";
const SET = "anEntitySetWhoseNameIsLongEnoughToFillTheOtherHalfOfTheLine00000";
const CAST = "anEntityTypeWithSubtypesWhoseNameIsLongEnoughThatItsCastSignaturePassesTheWidthOfALine0000";
const LONG_NAMES = generate({
  inputs: [
    {
      file: "n.xml",
      content: edmx(
        schema(
          "n",
          `<EntityType Name="${ENTITY}"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
          <ComplexType Name="${BASE}"><Property Name="${PROP}" Type="Edm.String"/><Property Name="${PROP}s" Type="Collection(Edm.String)"/></ComplexType>
          <ComplexType Name="sub" BaseType="n.${BASE}"><Property Name="x" Type="Edm.String"/></ComplexType>
          <ComplexType Name="same" BaseType="n.${BASE}"/>
          <EntityType Name="${CAST}"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
          <EntityType Name="kid" BaseType="n.${CAST}"/>
          <EnumType Name="${ENUM}"><Member Name="a" Value="0"/><Member Name="b" Value="1"/></EnumType>
          <EntityType Name="holder"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="${NAV}" Type="n.holder"/></EntityType>
          <EntityContainer Name="c">
            <EntitySet Name="es" EntityType="n.${ENTITY}"/>
            <EntitySet Name="${SET}" EntityType="n.holder"><NavigationPropertyBinding Path="${NAV}" Target="${SET}"/></EntitySet>
          </EntityContainer>`,
        ),
      ),
    },
  ],
}).files;
const Entity = ENTITY[0].toUpperCase() + ENTITY.slice(1);
const Base = BASE[0].toUpperCase() + BASE.slice(1);

test("requests: a target `rt.EntityRef<…>` too long for its line has its type arguments one a line; `rt.New<Name>` stays on its line", () => {
  const text = LONG_NAMES.get("n.requests.ts") ?? "";
  const target = (empty: string) => ["  target: rt.EntityRef<", `    ${Entity},`, `    ${empty}`, "  >,"].join("\n");
  expect(declaration("n.requests.ts", `export function get${Entity}<`)).toContain(`\n${target("N")}\n`);
  expect(declaration("n.requests.ts", `export function update${Entity}<`)).toContain(`\n${target("null")}\n`);
  expect(declaration("n.requests.ts", `export function delete${Entity}(`)).toContain(`\n${target("null")}\n`);
  expect(text).toContain(`\n  body: rt.New<${Entity}>,\n`);
  // A root's call infers its type arguments from the return type, however long: it stays on its line.
  expect(declaration("n.requests.ts", "export function es(")).toContain(`\n  string\n> {\n  return rt.rootCollection({ name: "es" }, rt.key("id", rt.edmString));\n}`);
});

test("validators: a base type's count too long for its line an argument a line, a second term after its `)`", () => {
  expect(declaration("n.validators.ts", "export function propsSub(")).toBe(
    [
      "export function propsSub(o: Json, ctx: Context): number {",
      "  return (",
      `    props${Base}(`,
      "      o,",
      "      ctx,",
      '    ) + vr.p(o["x"], ctx, "x", vr.checkString)',
      "  );",
      "}",
    ].join("\n"),
  );
  expect(declaration("n.validators.ts", "export function propsSame(")).toBe(
    ["export function propsSame(o: Json, ctx: Context): number {", `  return props${Base}(`, "    o,", "    ctx,", "  );", "}"].join("\n"),
  );
});

test("validators: a property read by a name too long for its line has the name on a line of its own", () => {
  expect(LONG_NAMES.get("n.validators.ts")).toContain(["    vr.p(", "      o[", `        "${PROP}"`, "      ],", "      ctx,"].join("\n"));
});

test("types: a member too long for its line has its union on the next line, an array of a union the union inside `(` … `)[]`", () => {
  expect(LONG_NAMES.get("n.types.ts")).toContain(`\n  ${PROP}?:\n    string | null;\n  ${PROP}s?: (\n    string | null\n  )[];\n}`);
});

test("types: an enum's list whose `export const XValues = [` passes 120 characters goes on the next line", () => {
  const Enum = ENUM[0].toUpperCase() + ENUM.slice(1);
  expect(LONG_NAMES.get("n.types.ts")).toContain(`\nexport const ${Enum}Values =\n  ["a", "b"] as const;\n`);
});

test("requests: a binding whose line passes 120 characters has its target on the next line", () => {
  expect(LONG_NAMES.get("n.requests.ts")).toContain(`\n      bindings: () => ({\n        "${NAV}":\n          ${SET},\n      }),\n`);
});

test("requests: a cast of a long name its `Q extends keyof …Subtypes &` broken before `string`, its overload's parameters one a line", () => {
  const Cast = CAST[0].toUpperCase() + CAST.slice(1);
  const text = LONG_NAMES.get("n.requests.ts") ?? "";
  expect(text).toContain(`\nexport function cast${Cast}<\n  Q extends keyof ${Cast}Subtypes &\n    string,\n  R extends\n`);
  expect(text).toContain(`\n>(\n  target: R,\n  type: Q,\n): rt.CastRef<R, ${Cast}Subtypes[Q]>;\nexport function cast${Cast}(\n`);
});

// A type definition, an abstract complex type's collection and a composable function's address builder, of names of about 100 characters.
const long = (seed: string, n: number) => (seed + "0".repeat(n)).slice(0, n);
const [TD, AB, ENT2, SHAPES, FN, KEY] = [long("aTypeDefinition", 100), long("anAbstractComplexType", 90), long("anEntityType", 95), long("shapes", 60), long("aComposableFunction", 60), long("k", 60)];
const MORE_LONG_NAMES = generate({
  inputs: [
    {
      file: "m.xml",
      content: edmx(
        schema(
          "m",
          `<TypeDefinition Name="${TD}" UnderlyingType="Edm.Decimal"/>
          <ComplexType Name="${AB}" Abstract="true"/>
          <ComplexType Name="sub" BaseType="m.${AB}"><Property Name="x" Type="Edm.String"/></ComplexType>
          <EntityType Name="${ENT2}"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="${SHAPES}" Type="Collection(m.${AB})"/></EntityType>
          <Function Name="${FN}" IsComposable="true"><Parameter Name="${KEY}" Type="Edm.String" Nullable="false"/><ReturnType Type="m.${ENT2}"/></Function>
          <EntityContainer Name="c"><EntitySet Name="es" EntityType="m.${ENT2}"/><FunctionImport Name="${FN}" Function="m.${FN}" EntitySet="es"/></EntityContainer>`,
        ),
      ),
    },
  ],
}).files;
const upper = (n: string) => n[0].toUpperCase() + n.slice(1);

test("types: a type definition whose line passes 120 characters has its type on the line after `=`; `(AnyX | null)[]` stays on its member's line", () => {
  const text = MORE_LONG_NAMES.get("m.types.ts") ?? "";
  expect(text).toContain(`\nexport type ${upper(TD)} =\n  number | string;\n`);
  expect(text).toContain(`\n  ${SHAPES}?: (Any${upper(AB)} | null)[];\n`);
});

test("requests: a composable function's address builder, its one parameter hugged, has its return type's arguments one a line after `}): `", () => {
  expect(MORE_LONG_NAMES.get("m.requests.ts")).toContain(`\n}): rt.EntityRef<\n  ${upper(ENT2)},\n  null\n> {\n`);
});

test.each([
  ["the service's", files],
  ["the quoted names'", QUOTED],
  ["the long names'", LONG_NAMES],
  ["the other long names'", MORE_LONG_NAMES],
])("%s output compiles under --strict", (_, output) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-layout-"));
  try {
    for (const [name, text] of output) fs.writeFileSync(path.join(dir, name), text);
    const r = runTsc(anyCompiler(), dir, tsFiles(dir));
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
