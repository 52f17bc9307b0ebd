// An entity nested in a body (a deep insert, a PATCH's or a PUT's related entity) through a
// navigation property to a concrete entity type with subtypes may be of one of those subtypes, named
// by `@odata.type` (JSON Format §4.5.3), with that subtype's own properties, its own navigation
// properties' deep inserts and bindings: the `…SubtypeBodies` map its `rt.Nav` carries. A body
// compiles exactly when the validator's mode accepts it: a subtype's property of the wrong type, or
// without the subtype's `@odata.type`, or computed by the service, is refused by both. Checked by
// the real compilers (TypeScript 5.9 and 7) on a small service, and on Graph v1.0's mailFolder,
// whose childFolders may hold a mailSearchFolder (skipped when ../shared/corpus is absent).
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERATED } from "./helpers/generated";
import { forEachCompiler, messagesByLine, runTscCases, type Compiler, type UsageCase } from "./helpers/typecheck";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

const XML = edmx(
  schema(
    "Deep",
    `<EntityType Name="Mailbox">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <NavigationProperty Name="folders" Type="Collection(Deep.Folder)" ContainsTarget="true"/>
      <NavigationProperty Name="home" Type="Deep.Folder"/>
    </EntityType>
    <EntityType Name="Folder">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <Property Name="name" Type="Edm.String"/>
      <NavigationProperty Name="children" Type="Collection(Deep.Folder)" ContainsTarget="true"/>
    </EntityType>
    <EntityType Name="SearchFolder" BaseType="Deep.Folder">
      <Property Name="filterQuery" Type="Edm.String"/>
      <Property Name="stamp" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Property>
      <NavigationProperty Name="source" Type="Deep.Folder"/>
    </EntityType>
    <EntityType Name="PinnedFolder" BaseType="Deep.Folder">
      <Property Name="rank" Type="Edm.Int32"/>
    </EntityType>
    <EntityContainer Name="C">
      <EntitySet Name="Mailboxes" EntityType="Deep.Mailbox"><NavigationPropertyBinding Path="home" Target="Folders"/></EntitySet>
      <EntitySet Name="Folders" EntityType="Deep.Folder"/>
    </EntityContainer>`,
  ),
);

type Mode = "create" | "update" | "replace";
interface Case {
  what: string;
  mode: Mode;
  body: Record<string, unknown>;
  /** Where the validator refuses the body, the path of its error; the compiler must refuse it too. */
  error?: string;
}

const search = (more: Record<string, unknown>) => ({ "@odata.type": "#Deep.SearchFolder", ...more });
const CASES: Case[] = [
  { what: "a deep insert of a subtype with its own property", mode: "create", body: { folders: [search({ name: "s", filterQuery: "q" })] } },
  { what: "of another subtype, single-valued", mode: "create", body: { home: { "@odata.type": "#Deep.PinnedFolder", rank: 2 } } },
  { what: "the declared type beside them", mode: "create", body: { folders: [{ name: "plain" }, search({ filterQuery: "q" })] } },
  { what: "a subtype's property of the wrong type", mode: "create", body: { folders: [search({ filterQuery: 3 })] }, error: "/folders/0/filterQuery" },
  { what: "another subtype's property", mode: "create", body: { home: search({ rank: 2 }) }, error: "/home/rank" },
  { what: "a subtype's property without its @odata.type", mode: "create", body: { folders: [{ name: "s", filterQuery: "q" }] }, error: "/folders/0/filterQuery" },
  { what: "a subtype's computed property", mode: "create", body: { folders: [search({ stamp: "x" })] }, error: "/folders/0/stamp" },
  { what: "a deep insert through the subtype's own navigation property", mode: "create", body: { folders: [search({ source: { name: "src" } })] } },
  { what: "a binding of the subtype's own navigation property", mode: "create", body: { folders: [search({ "source@odata.bind": "Folders('f')" })] } },
  { what: "that binding without its @odata.type", mode: "create", body: { folders: [{ "source@odata.bind": "Folders('f')" }] }, error: "/folders/0/source@odata.bind" },
  { what: "a subtype deeper down", mode: "create", body: { folders: [{ children: [search({ filterQuery: "q", source: search({ filterQuery: "r" }) })] }] } },
  { what: "a wrong property deeper down", mode: "create", body: { folders: [{ children: [search({ source: search({ filterQuery: false }) })] }] }, error: "/folders/0/children/0/source/filterQuery" },
  { what: "a PATCH's related entity of a subtype", mode: "update", body: { folders: [search({ filterQuery: "q" })] } },
  { what: "a PATCH's wrong one", mode: "update", body: { home: search({ filterQuery: 1 }) }, error: "/home/filterQuery" },
  { what: "a PUT's related entity of a subtype", mode: "replace", body: { folders: [search({ name: "s", filterQuery: "q", children: [] })] } },
  { what: "a PUT's wrong one", mode: "replace", body: { folders: [search({ name: "s", filterQuery: [] })] }, error: "/folders/0/filterQuery" },
];

function call(c: Case): string {
  const body = JSON.stringify(c.body);
  if (c.mode === "create") return `await createMailbox(client, mailboxes(), ${body});`;
  return `await updateMailbox(client, one, ${body}${c.mode === "replace" ? ", { replace: true }" : ""});`;
}

const HEAD = `import * as rt from "./runtime.js";
import { createMailbox, mailboxes, updateMailbox } from "./Deep.requests.js";
import type { Folder, SearchFolder } from "./Deep.types.js";

declare const client: rt.Client;
declare const folder: Folder;
declare const searchFolder: SearchFolder;
const one = mailboxes().byKey("m");

export async function usage(): Promise<void> {`;
// Values typed by the read interfaces still fit, as they did: the declared type's, and a subtype's with its @odata.type.
const TYPED = [
  "await createMailbox(client, mailboxes(), { folders: [folder], home: folder });",
  'await createMailbox(client, mailboxes(), { folders: [{ ...searchFolder, "@odata.type": "#Deep.SearchFolder" }] });',
  "await updateMailbox(client, one, { folders: [folder] });",
];

const GRAPH_HEAD = `import * as rt from "./runtime.js";
import { createMailFolder, mailFolderChildFolders } from "./microsoft.graph.requests.js";
import type { MailFolder } from "./microsoft.graph.types.js";

declare const client: rt.Client;
const inbox = rt.at<MailFolder>("/me/mailFolders/inbox");

export async function usage(): Promise<void> {`;
const searchFolder = { "@odata.type": "#microsoft.graph.mailSearchFolder", displayName: "Weekly digests", includeNestedFolders: true, sourceFolderIds: ["AQMkADYA"], filterQuery: "contains(subject, 'weekly digest')" };
const GRAPH_LINES = [
  `await createMailFolder(client, mailFolderChildFolders(inbox), ${JSON.stringify({ displayName: "Digests", childFolders: [searchFolder] })});`,
  `await createMailFolder(client, mailFolderChildFolders(inbox), ${JSON.stringify({ displayName: "Digests", childFolders: [{ ...searchFolder, includeNestedFolders: "yes" }] })});`,
];

let out = "";
let graphDir = "";
beforeAll(() => {
  out = write("deep-subtypes", generate({ inputs: [{ file: "deep.xml", content: XML }] }).files);
  if (fs.existsSync(GRAPH)) {
    const files = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["microsoft.graph.mailFolder", "microsoft.graph.mailSearchFolder"] }).files;
    graphDir = write("deep-subtypes-graph", files);
  }
});

function write(tag: string, files: ReadonlyMap<string, string>): string {
  const dir = path.join(GENERATED, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Per compiler, one program: the cases a line each, the typed values, and Graph's lines; per group, its messages by line. */
const compiled = new Map<Compiler, Map<number, string>[]>();
function compile(c: Compiler): Map<number, string>[] {
  let r = compiled.get(c);
  if (!r) {
    const groups: [string, string, string[]][] = [
      [out, HEAD, CASES.map(call)],
      [out, HEAD, TYPED],
      ...(graphDir ? [[graphDir, GRAPH_HEAD, GRAPH_LINES] as [string, string, string[]]] : []),
    ];
    const cases: UsageCase[] = groups.map(([dir, head, lines]) => ({ from: [dir], usage: [head, ...lines.map((l) => `  ${l}`), "}", ""].join("\n") }));
    r = runTscCases(c, cases).map((result, i) => new Map([...messagesByLine(result.output, groups[i]![1])].map(([line, m]) => [line, m.map((x) => x.text).join("")])));
    compiled.set(c, r);
  }
  return r;
}

test.each(CASES.map((c) => [c.what, c] as const))("the validator: %s", (_what, c) => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(out, "Deep.validators")) as { validateMailbox: (x: unknown, o: object) => { errors: { path: string }[] } };
  expect(v.validateMailbox(c.body, { mode: c.mode }).errors.map((e) => e.path)).toEqual(c.error ? [c.error] : []);
});

test("the module declares the subtypes a body's folder may be, and the navigation properties to a folder carry them", () => {
  const requests = fs.readFileSync(path.join(out, "Deep.requests.ts"), "utf8");
  // SearchFolder's computed stamp left out: its write type, the same in a create and an update.
  expect(requests).toContain('export interface FolderSubtypeBodies {\n  "Deep.SearchFolder": SearchFolderInput;\n  "Deep.PinnedFolder": PinnedFolder;\n}');
  expect(requests).toMatch(/folders: rt\.Nav<[^;]*FolderWriteNav,\s*FolderSubtypeBodies\s*>;/);
});

forEachCompiler((label, c) => {
  test(`${label}: a body compiles exactly when the validator accepts it`, () => {
    const errors = compile(c)[0]!;
    expect(CASES.map((x, i) => [x.what, errors.has(i) ? "refused" : "compiles"])).toEqual(CASES.map((x) => [x.what, x.error ? "refused" : "compiles"]));
  });

  test(`${label}: values typed by the read interfaces still fit`, () => {
    expect([...compile(c)[1]!]).toEqual([]);
  });
});

describeWithGraph("deep-subtypes Graph")("Graph v1.0: a mailSearchFolder deep-inserted into a mailFolder's childFolders", () => {
  test("the validator accepts it, and refuses a wrong includeNestedFolders", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(graphDir, "microsoft.graph.validators")) as { validateMailFolder: (x: unknown, o: object) => { errors: { path: string }[] } };
    expect(v.validateMailFolder({ displayName: "Digests", childFolders: [searchFolder] }, { mode: "create" }).errors).toEqual([]);
    expect(v.validateMailFolder({ childFolders: [{ ...searchFolder, includeNestedFolders: "yes" }] }, { mode: "create" }).errors.map((e) => e.path)).toEqual(["/childFolders/0/includeNestedFolders"]);
  });

  forEachCompiler((label, c) => {
    test(`${label}: so does the compiler`, () => {
      const errors = compile(c)[2]!;
      expect([...errors.keys()]).toEqual([1]);
      expect(errors.get(1)).toContain("includeNestedFolders");
    });
  });
});
