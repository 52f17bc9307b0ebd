// An entity nested in a body (a deep insert, a PATCH's or a PUT's related entity) through a
// navigation property to a concrete entity type with subtypes may be of one of those subtypes, named
// by `@odata.type` (JSON Format §4.5.3), with that subtype's own properties, its own navigation
// properties' deep inserts and bindings: the `…SubtypeBodies` map its `rt.Nav` carries. A body
// compiles exactly when the validator's mode accepts it: a subtype's property of the wrong type, or
// without the subtype's `@odata.type`, or computed by the service, is refused by both. Checked by
// the real compilers (TypeScript 5.9 and 7) on a small service, and on Graph v1.0's mailFolder,
// whose childFolders may hold a mailSearchFolder (skipped when ../shared/corpus is absent). The
// same at the top of a body (`top`): a create through a set of the base type, and a PATCH's or a
// PUT's through an address of it, take a subtype's body named by `@odata.type` (`rt.SubtypeCreate`,
// `rt.SubtypeUpdate`), as the validator of the base type does; and where the base type has no base
// type (its interface's `@odata.type` is `#${string}`), a name outside its hierarchy does not
// compile there, as the validator refuses it (in a slice, a subtype it left out is still taken).
import * as fs from "node:fs";
import * as path from "node:path";
import { writeGenerated } from "./helpers/generated";
import { compileCaseGroups, forEachCompiler, type Compiler } from "./helpers/typecheck";
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
    <EntityType Name="TopFolder" BaseType="Deep.PinnedFolder">
      <Property Name="top" Type="Edm.Boolean"/>
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
  /** The body is a folder's own, sent to `/Folders` or `/Folders('f')` (else a mailbox's). */
  top?: true;
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
  { what: "a PATCH's related entity with a subtype's property without its @odata.type", mode: "update", body: { folders: [{ filterQuery: "q" }] }, error: "/folders/0/filterQuery" },
  { what: "a PATCH's single-valued one without it", mode: "update", body: { home: { rank: 2 } }, error: "/home/rank" },
  { what: "a PATCH's related entity of the declared type", mode: "update", body: { folders: [{ name: "n" }], home: { name: "h" } } },
  { what: "a PUT's related entity of a subtype", mode: "replace", body: { folders: [search({ name: "s", filterQuery: "q", children: [] })] } },
  { what: "a PUT's wrong one", mode: "replace", body: { folders: [search({ name: "s", filterQuery: [] })] }, error: "/folders/0/filterQuery" },
  { what: "top: a create of a subtype with its own property", mode: "create", top: true, body: search({ name: "s", filterQuery: "q" }) },
  { what: "top: of another subtype", mode: "create", top: true, body: { "@odata.type": "#Deep.PinnedFolder", rank: 2 } },
  { what: "top: of the declared type, named", mode: "create", top: true, body: { "@odata.type": "#Deep.Folder", name: "f" } },
  { what: "top: of the declared type, not named", mode: "create", top: true, body: { name: "f", children: [search({ filterQuery: "q" })] } },
  { what: "top: with an instance annotation", mode: "create", top: true, body: search({ filterQuery: "q", "@ns.term": 1 }) },
  { what: "top: a subtype's property of the wrong type", mode: "create", top: true, body: search({ filterQuery: 3 }), error: "/filterQuery" },
  { what: "top: another subtype's property", mode: "create", top: true, body: search({ rank: 2 }), error: "/rank" },
  { what: "top: a subtype's property without its @odata.type", mode: "create", top: true, body: { name: "s", filterQuery: "q" }, error: "/filterQuery" },
  { what: "top: a subtype's computed property", mode: "create", top: true, body: search({ stamp: "x" }), error: "/stamp" },
  { what: "top: a deep insert through the subtype's own navigation property", mode: "create", top: true, body: search({ source: search({ filterQuery: "r" }) }) },
  { what: "top: a wrong property in it", mode: "create", top: true, body: search({ source: search({ filterQuery: 1 }) }), error: "/source/filterQuery" },
  { what: "top: a binding of the subtype's own navigation property", mode: "create", top: true, body: search({ "source@odata.bind": "Folders('f')" }) },
  { what: "top: that binding on another subtype", mode: "create", top: true, body: { "@odata.type": "#Deep.PinnedFolder", "source@odata.bind": "Folders('f')" }, error: "/source@odata.bind" },
  { what: "top: of a subtype's subtype", mode: "create", top: true, body: { "@odata.type": "#Deep.TopFolder", rank: 1, top: true } },
  { what: "top: a PATCH of a subtype's property", mode: "update", top: true, body: search({ filterQuery: "q" }) },
  { what: "top: a PATCH binding the subtype's navigation property", mode: "update", top: true, body: search({ "source@odata.bind": "Folders('f')" }) },
  { what: "top: a PATCH of the declared type's", mode: "update", top: true, body: { name: "n" } },
  { what: "top: a PATCH's wrong one", mode: "update", top: true, body: { "@odata.type": "#Deep.PinnedFolder", rank: "x" }, error: "/rank" },
  { what: "top: a PATCH's without its @odata.type", mode: "update", top: true, body: { filterQuery: "q" }, error: "/filterQuery" },
  { what: "top: a PATCH's computed one", mode: "update", top: true, body: search({ stamp: "x" }), error: "/stamp" },
  { what: "top: a PUT of a subtype", mode: "replace", top: true, body: search({ id: "f", name: "s", filterQuery: "q" }) },
  { what: "top: a PUT's wrong one", mode: "replace", top: true, body: search({ filterQuery: 1 }), error: "/filterQuery" },
  { what: "top: a create naming a type outside the hierarchy", mode: "create", top: true, body: { "@odata.type": "#Deep.Mailbox", name: "f" }, error: "/@odata.type" },
  { what: "top: a create naming a misspelt subtype", mode: "create", top: true, body: { "@odata.type": "#Deep.SerchFolder", name: "f" }, error: "/@odata.type" },
  { what: "top: a PATCH naming a type outside the hierarchy", mode: "update", top: true, body: { "@odata.type": "#Deep.Mailbox", name: "f" }, error: "/@odata.type" },
  { what: "top: a PUT naming a type outside the hierarchy", mode: "replace", top: true, body: { "@odata.type": "#Deep.Mailbox", name: "f" }, error: "/@odata.type" },
];

function call(c: Case): string {
  const body = JSON.stringify(c.body);
  const [type, set, at] = c.top ? ["Folder", "folders()", "folders().byKey(\"f\")"] : ["Mailbox", "mailboxes()", "one"];
  if (c.mode === "create") return `await create${type}(client, ${set}, ${body});`;
  return `await update${type}(client, ${at}, ${body}${c.mode === "replace" ? ", { replace: true }" : ""});`;
}

const HEAD = `import * as rt from "./runtime.js";
import { createFolder, createMailbox, folders, mailboxes, updateFolder, updateMailbox } from "./Deep.requests.js";
import type { Folder, PinnedFolder, SearchFolder } from "./Deep.types.js";

declare const client: rt.Client;
declare const folder: Folder;
declare const searchFolder: SearchFolder;
declare const pinnedFolder: PinnedFolder;
const one = mailboxes().byKey("m");

export async function usage(): Promise<void> {`;
// Values typed by the read interfaces still fit, as they did: the declared type's, and a subtype's with its @odata.type;
// also one of a subtype with subtypes of its own, whose @odata.type may be several names (checked as the declared type's).
const TYPED = [
  "await createMailbox(client, mailboxes(), { folders: [folder], home: folder });",
  'await createMailbox(client, mailboxes(), { folders: [{ ...searchFolder, "@odata.type": "#Deep.SearchFolder" }] });',
  "await updateMailbox(client, one, { folders: [folder] });",
  "await createFolder(client, folders(), folder);",
  "await createFolder(client, folders(), searchFolder);",
  'await createFolder(client, folders(), { ...searchFolder, "@odata.type": "#Deep.SearchFolder" });',
  "await updateFolder(client, folders().byKey(\"f\"), searchFolder);",
  "await createFolder(client, folders(), pinnedFolder);",
  "await updateFolder(client, folders().byKey(\"f\"), pinnedFolder);",
];

// A slice that left SearchFolder out: its name is still one a folder's body may give (the validator checks it as a folder), not another type's.
const SLICE_HEAD = `import * as rt from "./runtime.js";
import { createFolder, folders, updateFolder } from "./Deep.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {`;
const SLICE_CASES: { mode: Mode; body: Record<string, unknown>; error?: string }[] = [
  { mode: "create", body: { "@odata.type": "#Deep.SearchFolder", name: "s" } },
  { mode: "update", body: { "@odata.type": "#Deep.SearchFolder", name: "s" } },
  { mode: "create", body: { "@odata.type": "#Deep.PinnedFolder", rank: 1 } },
  { mode: "create", body: { "@odata.type": "#Deep.Mailbox", name: "s" }, error: "/@odata.type" },
  { mode: "update", body: { "@odata.type": "#Deep.Mailbox" }, error: "/@odata.type" },
];
const SLICE_LINES = SLICE_CASES.map((c) =>
  c.mode === "create" ? `await createFolder(client, folders(), ${JSON.stringify(c.body)});` : `await updateFolder(client, folders().byKey("f"), ${JSON.stringify(c.body)});`,
);

const GRAPH_HEAD = `import * as rt from "./runtime.js";
import { createMailFolder, mailFolderChildFolders, updateMailFolder } from "./microsoft.graph.requests.js";
import type { MailFolder } from "./microsoft.graph.types.js";

declare const client: rt.Client;
const inbox = rt.at<MailFolder>("/me/mailFolders/inbox");

export async function usage(): Promise<void> {`;
const searchFolder = { "@odata.type": "#microsoft.graph.mailSearchFolder", displayName: "Weekly digests", includeNestedFolders: true, sourceFolderIds: ["AQMkADYA"], filterQuery: "contains(subject, 'weekly digest')" };
/** Graph's bodies: a mailFolder's, deep-inserting a mailSearchFolder, or one at the top (POST /me/mailFolders/inbox/childFolders, PATCH /me/mailFolders/inbox); the path of the validator's error. */
const GRAPH_CASES: { mode: Mode; body: Record<string, unknown>; error?: string }[] = [
  { mode: "create", body: { displayName: "Digests", childFolders: [searchFolder] } },
  { mode: "create", body: { displayName: "Digests", childFolders: [{ ...searchFolder, includeNestedFolders: "yes" }] }, error: "/childFolders/0/includeNestedFolders" },
  { mode: "create", body: searchFolder },
  { mode: "create", body: { ...searchFolder, includeNestedFolders: "yes" }, error: "/includeNestedFolders" },
  { mode: "create", body: { displayName: "Digests", filterQuery: "isRead eq false" }, error: "/filterQuery" },
  { mode: "update", body: { "@odata.type": searchFolder["@odata.type"], filterQuery: "isRead eq false" } },
  { mode: "update", body: { "@odata.type": searchFolder["@odata.type"], sourceFolderIds: "AQMkADYA" }, error: "/sourceFolderIds" },
  { mode: "update", body: { childFolders: [{ "@odata.type": searchFolder["@odata.type"], filterQuery: "isRead eq false" }] } },
  { mode: "update", body: { childFolders: [{ filterQuery: "isRead eq false" }] }, error: "/childFolders/0/filterQuery" },
  { mode: "create", body: { "@odata.type": "#microsoft.graph.user", displayName: "Digests" }, error: "/@odata.type" },
];
const GRAPH_LINES = GRAPH_CASES.map((c) =>
  c.mode === "create" ? `await createMailFolder(client, mailFolderChildFolders(inbox), ${JSON.stringify(c.body)});` : `await updateMailFolder(client, inbox, ${JSON.stringify(c.body)});`,
);

let out = "";
let graphDir = "";
let sliceDir = "";
beforeAll(() => {
  out = writeGenerated("deep-subtypes", generate({ inputs: [{ file: "deep.xml", content: XML }] }).files);
  sliceDir = writeGenerated("deep-subtypes-slice", generate({ inputs: [{ file: "deep.xml", content: XML }], include: ["Deep.Mailbox", "Deep.Folder", "Deep.PinnedFolder"] }).files);
  if (fs.existsSync(GRAPH)) {
    const files = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], include: ["microsoft.graph.mailFolder", "microsoft.graph.mailSearchFolder"] }).files;
    graphDir = writeGenerated("deep-subtypes-graph", files);
  }
});

/** Per compiler, one program: the cases a line each, the typed values, and Graph's lines; per group, its messages by line. */
const compiled = new Map<Compiler, Map<number, string>[]>();
function compile(c: Compiler): Map<number, string>[] {
  let r = compiled.get(c);
  if (!r) {
    const groups: [string, string, string[]][] = [
      [out, HEAD, CASES.map(call)],
      [out, HEAD, TYPED],
      [sliceDir, SLICE_HEAD, SLICE_LINES],
      ...(graphDir ? [[graphDir, GRAPH_HEAD, GRAPH_LINES] as [string, string, string[]]] : []),
    ];
    r = compileCaseGroups(c, groups.map(([dir, head, lines]) => ({ dir, head, lines }))).map((byLine) => new Map([...byLine].map(([line, m]) => [line, m.map((x) => x.text).join("")])));
    compiled.set(c, r);
  }
  return r;
}

test.each(CASES.map((c) => [c.what, c] as const))("the validator: %s", (_what, c) => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(out, "Deep.validators")) as Record<"validateMailbox" | "validateFolder", (x: unknown, o: object) => { errors: { path: string }[] }>;
  const validate = c.top ? v.validateFolder : v.validateMailbox;
  expect(validate(c.body, { mode: c.mode }).errors.map((e) => e.path)).toEqual(c.error ? [c.error] : []);
});

test("in a slice, the validator takes the name of a subtype it left out, and no other type's", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(sliceDir, "Deep.validators")) as { validateFolder: (x: unknown, o: object) => { errors: { path: string }[] } };
  expect(SLICE_CASES.map((c) => v.validateFolder(c.body, { mode: c.mode }).errors.map((e) => e.path))).toEqual(SLICE_CASES.map((c) => (c.error ? [c.error] : [])));
});

test("the module declares the subtypes a body's folder may be, and the navigation properties to a folder carry them", () => {
  const requests = fs.readFileSync(path.join(out, "Deep.requests.ts"), "utf8");
  // SearchFolder's computed stamp left out: its write type, the same in a create and an update.
  expect(requests).toContain('export interface FolderSubtypeBodies {\n  "Deep.SearchFolder": SearchFolderInput;\n  "Deep.PinnedFolder": PinnedFolder;\n  "Deep.TopFolder": TopFolder;\n}');
  expect(requests).toMatch(/folders: rt\.Nav<[^;]*FolderWriteNav,\s*FolderSubtypeBodies\s*>;/);
});

forEachCompiler((label, c) => {
  test(`${label}: a body compiles exactly when the validator accepts it`, () => {
    const errors = compile(c)[0]!;
    expect(CASES.map((x, i) => [x.what, errors.has(i) ? "refused" : "compiles"])).toEqual(CASES.map((x) => [x.what, x.error ? "refused" : "compiles"]));
  });

  test(`${label}: a body naming a type outside the hierarchy is told the names it may give`, () => {
    const errors = compile(c)[0]!;
    const at = CASES.findIndex((x) => x.what === "top: a create naming a misspelt subtype");
    // Each compiler orders the union its own way.
    const names = /Type '"#Deep\.SerchFolder"' is not assignable to type '([^']*)'/.exec(errors.get(at) ?? "")?.[1];
    expect(names?.split(" | ").sort()).toEqual(['"#Deep.Folder"', '"#Deep.PinnedFolder"', '"#Deep.SearchFolder"', '"#Deep.TopFolder"']);
  });

  test(`${label}: in a slice, a body may name a subtype it left out, and still no other type`, () => {
    const errors = compile(c)[2]!;
    expect([...errors.keys()]).toEqual(SLICE_CASES.flatMap((x, i) => (x.error ? [i] : [])));
  });

  test(`${label}: values typed by the read interfaces still fit`, () => {
    expect([...compile(c)[1]!]).toEqual([]);
  });
});

describeWithGraph("deep-subtypes Graph")("Graph v1.0: a mailSearchFolder deep-inserted into a mailFolder's childFolders, or created and updated through mailFolder's addresses", () => {
  test("the validator accepts it, and refuses a wrong includeNestedFolders, sourceFolderIds, or a filterQuery without its @odata.type", () => {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const v = require(path.join(graphDir, "microsoft.graph.validators")) as { validateMailFolder: (x: unknown, o: object) => { errors: { path: string }[] } };
    expect(GRAPH_CASES.map((c) => v.validateMailFolder(c.body, { mode: c.mode }).errors.map((e) => e.path))).toEqual(GRAPH_CASES.map((c) => (c.error ? [c.error] : [])));
  });

  forEachCompiler((label, c) => {
    test(`${label}: so does the compiler`, () => {
      const errors = compile(c)[3]!;
      expect([...errors.keys()]).toEqual(GRAPH_CASES.flatMap((x, i) => (x.error ? [i] : [])));
      expect(errors.get(1)).toContain("includeNestedFolders");
      expect(errors.get(4)).toContain("filterQuery");
      expect(errors.get(8)).toContain("filterQuery");
      expect(errors.get(9)).toContain('"#microsoft.graph.user"');
    });
  });
});
