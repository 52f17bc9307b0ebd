/**
 * A composable function with a parameter that a URL gives as JSON in a parameter alias (a complex
 * value: `…/rangeAt(spec=@s)/format?@s={"row":1}`), or that returns entities without a key, has no
 * address builder, so `odatagen url` refuses a path that goes on after it; the slice does not go on
 * through it either, and says why, naming the function: in the ODG302 error of a pattern that
 * matches nothing then, an ODG308 warning for one that matches short of it, and for a request of
 * `--include @file` (passes/slice/composable.ts, model/rules.ts `inParameterAlias`).
 */
import { generate } from "../generator/generate";
import { urlCalls } from "../generator/url-calls";
import { edmx, keyed, schema } from "./helpers/csdl";
import { errorsOf } from "./helpers/slice-errors";

const CSDL = edmx(
  schema(
    "Book",
    `
    ${keyed("worksheet")}
    ${keyed("sheetRange", `<NavigationProperty Name="format" Type="Book.rangeFormat" ContainsTarget="true"/>`)}
    ${keyed("rangeFormat")}
    <EntityType Name="cellNote"><Property Name="text" Type="Edm.String"/></EntityType>
    <ComplexType Name="rangeSpec"><Property Name="row" Type="Edm.Int32"/></ComplexType>
    <Function Name="rangeAt" IsBound="true" IsComposable="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <Parameter Name="spec" Type="Book.rangeSpec" Nullable="false"/>
      <ReturnType Type="Book.sheetRange"/>
    </Function>
    <Function Name="rangesOf" IsBound="true" IsComposable="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <Parameter Name="rows" Type="Collection(Edm.Int32)" Nullable="false"/>
      <ReturnType Type="Collection(Book.sheetRange)"/>
    </Function>
    <Function Name="range" IsBound="true" IsComposable="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <Parameter Name="address" Type="Edm.String" Nullable="false"/>
      <ReturnType Type="Book.sheetRange"/>
    </Function>
    <Function Name="notes" IsBound="true" IsComposable="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <ReturnType Type="Collection(Book.cellNote)"/>
    </Function>
    <Function Name="rangeList" IsBound="true" IsComposable="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <ReturnType Type="Collection(Book.sheetRange)"/>
    </Function>
    <Function Name="lastCell" IsBound="true">
      <Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/>
      <ReturnType Type="Book.sheetRange"/>
    </Function>
    <Action Name="clear" IsBound="true"><Parameter Name="sheet" Type="Book.worksheet" Nullable="false"/></Action>
    <Function Name="lastRow" IsComposable="false"><ReturnType Type="Book.sheetRange"/></Function>
    <EntityContainer Name="c">
      <FunctionImport Name="lastRow" Function="Book.lastRow"/>
      <EntitySet Name="worksheets" EntityType="Book.worksheet"/>
    </EntityContainer>`,
  ),
);

const inputs = [{ file: "book.xml", content: CSDL }];
const ALIAS = "composable function Book.rangeAt takes parameter spec (Book.rangeSpec), which a URL gives as JSON in a parameter alias (spec=@spec, its value in the query): odatagen makes no address builder for its result, so nothing can follow it";

describe("a composable function whose parameter goes in a parameter alias", () => {
  test("odatagen url refuses a path after it, naming the parameter; after a function whose parameters are written inline it prints the call", () => {
    const [alias, inline] = urlCalls({ inputs }, [{ path: "/worksheets/{id}/rangeAt(spec=@s)/format" }, { path: "/worksheets/{id}/range(address='A1')/format" }]).results;
    expect(alias).toEqual({ ok: false, problem: `/worksheets/{id}/rangeAt(spec=@s)/format: nothing follows rangeAt: ${ALIAS}` });
    expect(inline?.ok).toBe(true);
  });

  test("a URL path pattern through it matches nothing, and its error says why", () => {
    expect(errorsOf(() => generate({ inputs, include: ["/worksheets/{id}/rangeAt/format"] })).map((d) => d.message)).toEqual([
      `--include /worksheets/{id}/rangeAt/format matches no URL path of the service: nothing follows rangeAt: ${ALIAS}`,
    ]);
    // A collection parameter goes in an alias too.
    expect(errorsOf(() => generate({ inputs, include: ["/worksheets/{id}/rangesOf/format"] })).map((d) => d.message)).toEqual([
      "--include /worksheets/{id}/rangesOf/format matches no URL path of the service: nothing follows rangesOf: composable function Book.rangesOf takes parameter rows (a collection of Edm.Int32), " +
        "which a URL gives as JSON in a parameter alias (rows=@rows, its value in the query): odatagen makes no address builder for its result, so nothing can follow it",
    ]);
    // A collection of entities without a key has no address builder either.
    expect(errorsOf(() => generate({ inputs, include: ["/worksheets/{id}/notes/format"] })).map((d) => d.message)[0]).toMatch(
      /: nothing follows notes: composable function Book\.notes returns a collection of Book\.cellNote, which has no key: odatagen makes no address builder for its result, so nothing can follow it$/,
    );
  });

  test("the same when the function's <ReturnType> comes before its parameters (a slice reads them only when it looks at the function)", () => {
    const before = CSDL.replace(
      /(<Function Name="rangeAt"[^>]*>)([\s\S]*?)(<ReturnType Type="Book.sheetRange"\/>)/,
      (_, open: string, params: string, ret: string) => `${open}${ret}${params}`,
    );
    expect(before).toContain('<Function Name="rangeAt" IsBound="true" IsComposable="true"><ReturnType');
    expect(errorsOf(() => generate({ inputs: [{ file: "book.xml", content: before }], include: ["/worksheets/{id}/rangeAt/format"] })).map((d) => d.message)).toEqual([
      `--include /worksheets/{id}/rangeAt/format matches no URL path of the service: nothing follows rangeAt: ${ALIAS}`,
    ]);
  });

  test("through one returning a collection of keyed entities, a pattern and a request go on (the slice reads the result type's key before it looks)", () => {
    const r = generate({ inputs, include: ["/worksheets/{id}/rangeList/{id}/format"] });
    expect(r.diagnostics.filter((d) => d.severity !== "info").map((d) => d.message)).toEqual([]);
    expect([...r.model.types.keys()]).toContain("Book.rangeFormat");
    const q = generate({ inputs, includeRequests: [{ file: "book.http", content: "GET /worksheets/s1/rangeList()/r1/format\n" }] });
    expect(q.diagnostics.filter((d) => d.code === "ODG308").map((d) => d.message)).toEqual([]);
    expect([...q.model.types.keys()]).toContain("Book.rangeFormat");
  });

  test("a pattern that matches the function but not what it names after it keeps the function, with a warning (ODG308)", () => {
    const r = generate({ inputs, include: ["/worksheets/{id}/rangeAt/**"] });
    expect(r.diagnostics.filter((d) => d.code === "ODG308").map((d) => d.message)).toEqual([
      `--include /worksheets/{id}/rangeAt/**: nothing follows rangeAt: ${ALIAS}; the slice keeps what the pattern matches, not what it names after that function`,
    ]);
    expect([...r.model.types.keys()].sort()).toEqual(["Book.rangeSpec", "Book.sheetRange", "Book.worksheet"]);
    // Through a function whose parameters are written inline, the slice goes on, without a warning.
    const inline = generate({ inputs, include: ["/worksheets/{id}/range/**"] });
    expect(inline.diagnostics.filter((d) => d.code === "ODG308")).toEqual([]);
    expect([...inline.model.types.keys()]).toContain("Book.rangeFormat");
  });

  test("a pattern that may end at an action or a function that is not composable (`…/lastCell/**`) asks for nothing after it: no warning", () => {
    const warnings = (include: string) => generate({ inputs, include: [include] }).diagnostics.filter((d) => d.code === "ODG308").map((d) => d.message);
    expect(warnings("/worksheets/{id}/lastCell/**")).toEqual([]);
    expect(warnings("/worksheets/{id}/clear/**")).toEqual([]);
    expect(warnings("/lastRow/**")).toEqual([]);
    // One that names something after it matches nothing, and says why.
    expect(errorsOf(() => generate({ inputs, include: ["/worksheets/{id}/lastCell/format"] })).map((d) => d.message)).toEqual([
      '--include /worksheets/{id}/lastCell/format matches no URL path of the service: nothing follows lastCell: Book.lastCell is a function that is not composable (no IsComposable="true" in the metadata), so its result is not addressed further',
    ]);
    expect(errorsOf(() => generate({ inputs, include: ["/lastRow/format"] })).map((d) => d.message)[0]).toMatch(/: nothing follows lastRow: Book\.lastRow is a function that is not composable/);
  });

  test("a request through it in --include @file is ODG308, as url's refusal", () => {
    const r = generate({ inputs, includeRequests: [{ file: "book.http", content: 'GET /worksheets/s1/rangeAt(spec=@s)/format?@s={"row":1}\n###\nGET /worksheets/s1/range(address=\'A1\')/format\n' }] });
    expect(r.diagnostics.filter((d) => d.code === "ODG308").map((d) => `${d.line}: ${d.message}`)).toEqual([
      `1: GET /worksheets/s1/rangeAt(spec=@s)/format?@s={"row":1}: /worksheets/s1/rangeAt(spec=@s)/format: nothing follows rangeAt: ${ALIAS}; the slice does not keep it`,
    ]);
    expect([...r.model.types.keys()]).toContain("Book.rangeFormat");
  });
});
