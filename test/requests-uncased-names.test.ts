// Names whose first character has no case (`_x`, `名前`, `_`) are their own camel and Pascal forms,
// so a request function (camel-cased) can meet a name made for a type (Pascal-cased). Found by a
// fuzzer of random names: the filter-kinds table `_xFilterKinds` and the builder of `_x`'s
// navigation property `filterKinds` were both declared (TS2300), and an entity set `_` of another
// namespace's type `_` gave the requests module a function `_` beside `import type { _ }`, which
// TypeScript 7 reads as the type-only import where the function is called (TS1361).
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

function requestsModule(content: string, file: string): string {
  const { files } = generate({ inputs: [{ file: "doc.xml", content }] });
  return files.get(file)!;
}

const declared = (source: string) => [...source.matchAll(/^export (?:const|function) ([^\s(:<]+)/gmu)].map((m) => m[1]!);

test.each(["_x", "名前"])("type %s with a navigation property filterKinds: its kinds table and the property's builder have names of their own", (name) => {
  const source = requestsModule(
    edmx(
      schema(
        "a",
        `<EnumType Name="E"><Member Name="x" Value="0"/></EnumType>
<EntityType Name="${name}"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Property Name="e" Type="a.E"/><NavigationProperty Name="filterKinds" Type="a.${name}"/></EntityType>
<EntityContainer Name="C"><EntitySet Name="xs" EntityType="a.${name}"/></EntityContainer>`,
      ),
    ),
    "a.requests.ts",
  );
  const names = declared(source);
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  // The table keeps the name the README gives it (`XFilterKinds`); the builder takes another.
  expect(source).toContain(`export const ${name}FilterKinds: rt.FilterKinds = { e: "enum:a.E" };`);
  expect(source).toMatch(new RegExp(`^export function filterKindsOf${name}\\(parent`, "mu"));
});

test("an entity set _ of another namespace's type _: the type is imported under an alias, not the set's function's name", () => {
  const source = requestsModule(
    edmx([
      schema("l", `<EntityType Name="_"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`),
      schema("r", `<EntityContainer Name="C"><EntitySet Name="_" EntityType="l._"/></EntityContainer>`),
    ]),
    "r.requests.ts",
  );
  expect(source).toContain(`import type { _ as L_ } from "./l.types.js";`);
  expect(source).toContain(`export function _(): rt.CollectionRef<L_, number> {`);
});
