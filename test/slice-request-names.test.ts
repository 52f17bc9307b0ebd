/**
 * A slice names its request functions as the full run does (request-names.ts): every function a
 * slice exports exists in the full run's output under the same name, with the same meaning (its doc
 * comment, which names the type, member or operation it is for). So widening or narrowing a slice
 * renames nothing a user imports.
 */
import * as fs from "node:fs";
import { generate, type GenerateOptions } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

/**
 * Graph's shapes in small: `list.operations` beside the entity type `operation` (whose list function
 * is `listOperations`), the stream `listItem.analytics` beside the entity type `itemAnalytics` (a
 * plural name, whose list function is `listItemAnalytics`), `restore` bound to two types, and overloads of `image`, one of which takes a
 * type an `--exclude` may leave out.
 */
const CSDL = edmx(
  schema(
    "t",
    `
    ${keyed("operation")}
    ${keyed("longRunningOperation", `<Property Name="status" Type="Edm.String"/>`)}
    ${keyed("itemAnalytics")}
    ${keyed("listItem", `<Property Name="analytics" Type="Edm.Stream"/>`)}
    ${keyed("list", `<NavigationProperty Name="operations" Type="Collection(t.longRunningOperation)" ContainsTarget="true"/><NavigationProperty Name="items" Type="Collection(t.listItem)" ContainsTarget="true"/>`)}
    ${keyed("site", `<NavigationProperty Name="lists" Type="Collection(t.list)" ContainsTarget="true"/>`)}
    ${keyed("cloudPc")}
    ${keyed("policy")}
    <ComplexType Name="spec"><Property Name="size" Type="Edm.Int32"/></ComplexType>
    <Action Name="restore" IsBound="true"><Parameter Name="it" Type="t.cloudPc"/></Action>
    <Action Name="restore" IsBound="true"><Parameter Name="it" Type="t.policy"/></Action>
    <Function Name="image" IsBound="true"><Parameter Name="it" Type="t.policy"/><Parameter Name="spec" Type="t.spec"/><ReturnType Type="Edm.String"/></Function>
    <Function Name="image" IsBound="true"><Parameter Name="it" Type="t.policy"/><Parameter Name="width" Type="Edm.Int32"/><Parameter Name="height" Type="Edm.Int32"/><ReturnType Type="Edm.String"/></Function>
    <EntityContainer Name="c">
      <EntitySet Name="operations" EntityType="t.operation"/>
      <EntitySet Name="sites" EntityType="t.site"/>
      <EntitySet Name="cloudPcs" EntityType="t.cloudPc"/>
      <EntitySet Name="policies" EntityType="t.policy"/>
    </EntityContainer>`,
  ),
);

/**
 * The functions the requests modules export, by module and name, each with its meaning: its doc
 * comment, but for the subtype a type cast's names as an example (the first the output has).
 */
function requestFunctions(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of files) {
    if (!file.endsWith(".requests.ts")) continue;
    for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\nexport function ([\w$]+)/g)) {
      const key = `${file} ${m[2]}`;
      // What depends on the elements a slice keeps is left out: the subtypes a cast may name, where
      // explicitly bound operations are named (Core.ExplicitOperationBindings), and the custom query
      // options the entity sets it keeps require (each such doc comment line).
      const meaning = m[1]
        .replace(/(to one of its subtypes): `[^`]*`/, "$1")
        .split("\n")
        .filter((line) => !/Core\.ExplicitOperationBindings|custom query option/.test(line))
        .join("\n")
        .replace(/( \*\n)+( \*\/)/, "$2")
        .replace(/( \*\n){2,}/g, " *\n");
      if (!out.has(key)) out.set(key, meaning);
    }
  }
  return out;
}

/** The slice's functions whose name the full run lacks or gives another meaning, as "module name: meaning". */
function renamed(slice: ReadonlyMap<string, string>, full: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [key, meaning] of slice) if (full.get(key) !== meaning) out.push(`${key}: ${meaning}`);
  return out;
}

describe("a slice's request functions are named as in the full run", () => {
  const run = (options: Omit<GenerateOptions, "inputs"> = {}) => generate({ inputs: [{ file: "t.xml", content: CSDL }], ...options }).files;
  const full = requestFunctions(run());

  test("a builder whose name the full run gives a reading function keeps its fallback name", () => {
    expect(full.get("t.requests.ts listOperations")).toMatch(/collection of `t.operation`/);
    const slice = requestFunctions(run({ include: ["/sites/**"] }));
    expect(slice.get("t.requests.ts operationsOfList")).toMatch(/`operations` of a `t.list`/);
    expect(slice.has("t.requests.ts listOperations")).toBe(false);
    expect(renamed(slice, full)).toEqual([]);
  });

  test("so does one whose name is a plural type's reading function (`list` and the name itself)", () => {
    expect(full.get("t.requests.ts listItemAnalytics")).toMatch(/collection of `t.itemAnalytics`/);
    const slice = requestFunctions(run({ include: ["/sites/**"] }));
    expect(slice.get("t.requests.ts analyticsOfListItem")).toMatch(/`analytics` of a `t.listItem`/);
    expect(slice.has("t.requests.ts listItemAnalytics")).toBe(false);
    expect(renamed(slice, full)).toEqual([]);
  });

  test("a bound operation keeps its binding type's name in front where the full run has it there", () => {
    expect(full.get("t.requests.ts restore")).toMatch(/bound to `t.cloudPc`/);
    const slice = requestFunctions(run({ include: ["/policies/**"] }));
    expect(slice.get("t.requests.ts policyRestore")).toMatch(/bound to `t.policy`/);
    expect(slice.has("t.requests.ts restore")).toBe(false);
    expect(renamed(slice, full)).toEqual([]);
  });

  test("an overload kept without the one an --exclude leaves out keeps its name", () => {
    expect(full.get("t.requests.ts image")).toMatch(/Function `t.image`/);
    const slice = requestFunctions(run({ include: ["/policies/**"], exclude: ["t.spec"] }));
    expect(slice.get("t.requests.ts imageWithWidthHeight")).toMatch(/Function `t.image`/);
    expect(slice.has("t.requests.ts image")).toBe(false);
    expect(renamed(slice, full)).toEqual([]);
  });

  test.each([[["/sites/**", "/policies/**"]], [["t.list"]], [["/cloudPcs/**"]], [["t.*"]], [["/operations"]]])("%j", (include) => {
    expect(renamed(requestFunctions(run({ include })), full)).toEqual([]);
  });
});

const d = describeWithGraph("slice request names");

d("Microsoft Graph v1.0: slices name their request functions as the full run does", () => {
  let full: Map<string, string>;
  let content: string;
  beforeAll(() => {
    content = fs.readFileSync(GRAPH, "utf8");
    full = requestFunctions(generate({ inputs: [{ file: GRAPH, content }] }).files);
  }, 240_000);

  // SharePoint lists (Graph's `list.operations` and the `operation` type), a mailbox's action,
  // conditional access policies (`restore`), a workbook's ranges (`cell`, `usedRange` bound to two types).
  test.each([["/sites/{id}/lists/**"], ["/users/{id}/sendMail"], ["/identity/conditionalAccess/**"], ["/communications/callRecords/**"], ["microsoft.graph.workbookWorksheet"]])(
    "%s",
    (include) => {
      const slice = requestFunctions(generate({ inputs: [{ file: GRAPH, content }], include: [include] }).files);
      expect(slice.size).toBeGreaterThan(0);
      expect(renamed(slice, full)).toEqual([]);
    },
    120_000,
  );
});

test("an operation whose name holds a long run of digits before its end is named in linear time in a slice", async () => {
  // A pattern for a name's trailing digits tried every digit of the run, and every start of the name
  // was looked up as a type's: each alone took 5 s or more here, both 4 s at 30,000 digits and 17 s at
  // 60,000, past this test's time limit (a hang guard: it takes milliseconds).
  const name = `f${"1".repeat(60_000)}a1`;
  const csdl = edmx(schema("t", `<Function Name="${name}"><ReturnType Type="Edm.String"/></Function><EntityContainer Name="c"><FunctionImport Name="${name}" Function="t.${name}"/></EntityContainer>`));
  const files = generate({ inputs: [{ file: "t.xml", content: csdl }], include: [`/${name}`] }).files;
  await new Promise((resolve) => setTimeout(resolve, 0)); // the time limit, if passed, fires first
  expect(files.get("t.requests.ts")?.includes(`export function ${name}(`)).toBe(true);
}, 5_000);
