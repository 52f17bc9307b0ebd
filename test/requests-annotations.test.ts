// Instance annotations in request bodies (OData JSON Format §18, §20): `@Namespace.Term` on an object
// and `property@Namespace.Term` on a property, in a create's body and its deep inserts' entities, in
// a PATCH's and a PUT's body and their related entities, in a complex value nested in any of them
// (not in one of a type with subtypes, an `Any…` union, but inside it), and in an action's complex
// parameter and the complex values nested in it, as Microsoft Graph documents them (creating a
// folder with "@microsoft.graph.conflictBehavior", driveItem's createUploadSession with it in
// `item`). The types take them and still refuse a misspelt property, a wrong declared `@odata.type` and `@odata.…`
// control information the body's type does not declare; a value typed by an interface still fits.
// The request functions send the body as written. On test/fixtures/requests/drive-annotations.xml.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

const dir = generateFixture("requests/drive-annotations.xml", "annotations");
const api: typeof import("./.generated/annotations/microsoft.graph.requests") = require(path.join(dir, "microsoft.graph.requests"));
const rt: typeof import("./.generated/annotations/runtime") = require(path.join(dir, "runtime"));

const HEAD = `import * as rt from "./runtime.js";
import { createDriveItem, createUploadSession, drive, driveItemChildren, driveRoot, invite, updateDriveItem } from "./microsoft.graph.requests.js";
import type { AnyIdentitySet, AnyItemFacet, DriveItem, DriveItemUploadableProperties, FileSystemInfo, IdentitySet, SharepointIdentitySet } from "./microsoft.graph.types.js";

declare const client: rt.Client;
declare const props: DriveItemUploadableProperties;
declare const existing: DriveItem;
declare const info: FileSystemInfo;
declare const by: IdentitySet;
declare const anyBy: AnyIdentitySet;
declare const spBy: SharepointIdentitySet;
declare const facet: AnyItemFacet;
const root = driveRoot(drive());
const children = driveItemChildren(root);

export async function usage(): Promise<void> {`;

/** [what, call, verdict]. */
const CASES: [string, string, "compiles" | "refused"][] = [
  ["Graph's new folder", `createDriveItem(client, children, { name: "New Folder", folder: {}, "@microsoft.graph.conflictBehavior": "rename" })`, "compiles"],
  ["Graph's upload session: in a complex parameter", `createUploadSession(client, root, { item: { "@microsoft.graph.conflictBehavior": "rename", name: "a.txt" } })`, "compiles"],
  ["on a property", `createUploadSession(client, root, { item: { "name@Core.Description": "d", fileSystemInfo: {} } })`, "compiles"],
  ["in a deep insert's entity", `createDriveItem(client, children, { name: "b", children: [{ name: "c", "@microsoft.graph.conflictBehavior": "fail", "name@Org.Example.note": 1 }] })`, "compiles"],
  ["a namespace starting with o and two dots", `createDriveItem(client, children, { "@org.example.note": 1 })`, "compiles"],
  ["values typed by the interfaces still fit", `createUploadSession(client, root, { item: props }).then(() => createDriveItem(client, children, existing))`, "compiles"],
  ["not a misspelt property beside one", `createDriveItem(client, children, { nme: "New Folder", "@microsoft.graph.conflictBehavior": "rename" })`, "refused"],
  ["  nor in a complex parameter", `createUploadSession(client, root, { item: { nam: "a.txt", "@microsoft.graph.conflictBehavior": "rename" } })`, "refused"],
  ["  nor in a deep insert", `createDriveItem(client, children, { children: [{ nam: "c", "@Org.Example.note": 1 }] })`, "refused"],
  ["a property keeps its type beside one", `createDriveItem(client, children, { name: 5, "@microsoft.graph.conflictBehavior": "rename" })`, "refused"],
  ["a declared @odata.type keeps its type", `createDriveItem(client, children, { "@odata.type": "#microsoft.graph.drive", "@microsoft.graph.conflictBehavior": "rename" })`, "refused"],
  ["control information the type does not declare is no annotation", `createDriveItem(client, children, { "@odata.tpye": "#microsoft.graph.driveItem" })`, "refused"],
  ["  nor on a property", `createDriveItem(client, children, { "name@odata.tpye": "Edm.String" })`, "refused"],
  ["a name without a qualified term is no annotation", `createDriveItem(client, children, { "@note": 1 })`, "refused"],
  ["a PATCH's body", `updateDriveItem(client, root, { name: "b", "@microsoft.graph.conflictBehavior": "rename", "name@Core.Description": "d" })`, "compiles"],
  ["  a deep update's entity", `updateDriveItem(client, root, { children: [{ name: "c", "@Org.Example.note": 1 }] })`, "compiles"],
  ["a PUT's body", `updateDriveItem(client, root, { name: "b", folder: null, fileSystemInfo: null, size: null, "@Org.Example.note": 1 }, { replace: true })`, "compiles"],
  ["  a value typed by the interface still fits, PATCH and PUT", `updateDriveItem(client, root, existing).then(() => updateDriveItem(client, root, existing, { replace: true }))`, "compiles"],
  ["  not a misspelt property beside one (PATCH)", `updateDriveItem(client, root, { nme: "b", "@microsoft.graph.conflictBehavior": "rename" })`, "refused"],
  ["  nor in a PUT", `updateDriveItem(client, root, { nme: "b", folder: null, fileSystemInfo: null, size: null, "@Org.Example.note": 1 }, { replace: true })`, "refused"],
  ["  a property keeps its type beside one", `updateDriveItem(client, root, { size: true, "@Org.Example.note": 1 })`, "refused"],
  ["  no control information the type does not declare (PATCH)", `updateDriveItem(client, root, { "@odata.tpye": "#microsoft.graph.driveItem" })`, "refused"],
  ["  nor in a PUT", `updateDriveItem(client, root, { name: "b", folder: null, fileSystemInfo: null, size: null, "@odata.tpye": "#microsoft.graph.driveItem" }, { replace: true })`, "refused"],
  ["a complex value nested in a PATCH's body", `updateDriveItem(client, root, { fileSystemInfo: { createdDateTime: "2026-01-01T00:00:00Z", "@Org.Example.note": 1, "createdDateTime@Core.Description": "d" } })`, "compiles"],
  ["  a value typed by its interface still fits", `updateDriveItem(client, root, { fileSystemInfo: info })`, "compiles"],
  ["  not a misspelt property beside one", `updateDriveItem(client, root, { fileSystemInfo: { createdDateTim: "x", "@Org.Example.note": 1 } })`, "refused"],
  ["  nor @odata.tpye", `updateDriveItem(client, root, { fileSystemInfo: { "@odata.tpye": "x" } })`, "refused"],
  ["  a value of a type with subtypes, typed by its interface, a subtype's or its union, still fits", `updateDriveItem(client, root, { lastModifiedBy: by }).then(() => updateDriveItem(client, root, { lastModifiedBy: spBy })).then(() => updateDriveItem(client, root, { lastModifiedBy: anyBy }))`, "compiles"],
  ["  but does not take them (a union)", `updateDriveItem(client, root, { lastModifiedBy: { user: { "@Org.Example.note": 1 }, "@Org.Example.note": 1 } })`, "refused"],
  ["  inside it", `updateDriveItem(client, root, { lastModifiedBy: { user: { "@Org.Example.note": 1 } } })`, "compiles"],
  ["a complex value nested in a create's body", `createDriveItem(client, children, { name: "b", fileSystemInfo: { createdDateTime: "2026-01-01T00:00:00Z", "@Org.Example.note": 1, "createdDateTime@Core.Description": "d" } })`, "compiles"],
  ["  in a deep insert's entity, inside a union's member", `createDriveItem(client, children, { children: [{ name: "c", lastModifiedBy: { user: { displayName: "u", "displayName@Org.Example.note": 1 } } }] })`, "compiles"],
  ["  not in a union (a type with subtypes)", `createDriveItem(client, children, { lastModifiedBy: { user: {}, "@Org.Example.note": 1 } })`, "refused"],
  ["  values typed by the interfaces, a subtype's or a union still fit", `createDriveItem(client, children, { fileSystemInfo: info, lastModifiedBy: by }).then(() => createDriveItem(client, children, { lastModifiedBy: spBy })).then(() => createDriveItem(client, children, { lastModifiedBy: anyBy }))`, "compiles"],
  ["  not a misspelt property beside one", `createDriveItem(client, children, { fileSystemInfo: { createdDateTim: "x", "@Org.Example.note": 1 } })`, "refused"],
  ["  nor a level deeper, in a union", `createDriveItem(client, children, { lastModifiedBy: { user: { displayNam: "u", "@Org.Example.note": 1 } } })`, "refused"],
  ["  nor @odata.tpye", `createDriveItem(client, children, { fileSystemInfo: { "@odata.tpye": "x" } })`, "refused"],
  ["  nor in a union", `createDriveItem(client, children, { lastModifiedBy: { "@odata.tpye": "x" } })`, "refused"],
  ["  a property keeps its type beside one", `createDriveItem(client, children, { fileSystemInfo: { createdDateTime: 5, "@Org.Example.note": 1 } })`, "refused"],
  ["a complex value nested in a PUT's body", `updateDriveItem(client, root, { name: "b", folder: null, size: null, fileSystemInfo: { "@Org.Example.note": 1 }, lastModifiedBy: { user: { "@Org.Example.note": 1 } } }, { replace: true })`, "compiles"],
  ["  values typed by the interfaces still fit", `updateDriveItem(client, root, { name: "b", folder: null, size: null, fileSystemInfo: info, lastModifiedBy: by }, { replace: true })`, "compiles"],
  ["  not a misspelt property beside one", `updateDriveItem(client, root, { name: "b", folder: null, size: null, fileSystemInfo: { createdDateTim: "x", "@Org.Example.note": 1 } }, { replace: true })`, "refused"],
  ["a complex value nested in an action's complex parameter", `createUploadSession(client, root, { item: { fileSystemInfo: { createdDateTime: "2026-01-01T00:00:00Z", "@Org.Example.note": 1, "createdDateTime@Core.Description": "d" } } })`, "compiles"],
  ["  in each of a collection of them, and in an abstract type's union", `invite(client, root, { recipients: [{ user: { displayName: "u", "displayName@Org.Example.note": 1 }, "@Org.Example.note": 1 }], facet: { "@odata.type": "#microsoft.graph.tagFacet", taggedBy: { "@Org.Example.note": 1 }, "@Org.Example.note": 1 } })`, "compiles"],
  ["  values typed by the interfaces, a subtype's or a union still fit", `createUploadSession(client, root, { item: { fileSystemInfo: info } }).then(() => invite(client, root, { recipients: [by, spBy, anyBy], facet }))`, "compiles"],
  ["  not a misspelt property beside one", `createUploadSession(client, root, { item: { fileSystemInfo: { createdDateTim: "x", "@Org.Example.note": 1 } } })`, "refused"],
  ["  nor in a collection's item", `invite(client, root, { recipients: [{ user: { displayNam: "u", "@Org.Example.note": 1 } }] })`, "refused"],
  ["  nor in a union's member", `invite(client, root, { recipients: [], facet: { "@odata.type": "#microsoft.graph.tagFacet", taggedBy: { displayNam: "u", "@Org.Example.note": 1 } } })`, "refused"],
  ["  nor at a union's top", `invite(client, root, { recipients: [], facet: { "@odata.type": "#microsoft.graph.tagFacet", tagedBy: {}, "@Org.Example.note": 1 } })`, "refused"],
  ["  nor @odata.tpye", `createUploadSession(client, root, { item: { fileSystemInfo: { "@odata.tpye": "x" } } })`, "refused"],
  ["  nor in a union", `invite(client, root, { recipients: [], facet: { "@odata.type": "#microsoft.graph.sizeFacet", "@odata.tpye": "x" } })`, "refused"],
  ["  a property keeps its type beside one", `invite(client, root, { recipients: [{ user: { displayName: 5, "@Org.Example.note": 1 } }] })`, "refused"],
];

forEachCompiler((label, c) => {
  test(`${label}: bodies with instance annotations`, () => {
    const errors = compileCases(c, dir, HEAD, CASES.map(([, call]) => `await ${call};`));
    expect(CASES.map(([what], i) => [what, errors.has(i) ? "refused" : "compiles"])).toEqual(CASES.map(([what, , verdict]) => [what, verdict]));
  });
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("the body is sent as written, annotations kept", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    const sent = () => srv.requests.map((r) => [r.method, r.url, JSON.parse(r.body) as unknown]);
    srv.handle(() => ({ status: 201, headers: { "content-type": "application/json" }, body: { id: "f1", name: "New Folder" } }));
    // `satisfies`: the tests' type check (typecheck.test.ts) holds the literal to the create's body type.
    const folder = { name: "New Folder", folder: { "@Org.Example.note": 1 }, "@microsoft.graph.conflictBehavior": "rename", fileSystemInfo: { createdDateTime: "2026-01-01T00:00:00Z", "createdDateTime@Org.Example.note": "n" } } satisfies Parameters<typeof api.createDriveItem>[2];
    await api.createDriveItem(client, api.driveItemChildren(api.driveRoot(api.drive())), folder);
    expect(sent()).toEqual([["POST", "/drive/root/children", folder]]);
    srv.handle(() => ({ headers: { "content-type": "application/json" }, body: { uploadUrl: "https://up/1" } }));
    const item = { "@microsoft.graph.conflictBehavior": "rename", name: "a.txt", fileSystemInfo: { createdDateTime: "2026-01-01T00:00:00Z", "createdDateTime@Org.Example.note": "n", "@Org.Example.note": 1 } };
    const session = await api.createUploadSession(client, api.driveRoot(api.drive()), { item } satisfies Parameters<typeof api.createUploadSession>[2]);
    expect(session).toEqual({ uploadUrl: "https://up/1" });
    expect(sent()).toEqual([["POST", "/drive/root/microsoft.graph.createUploadSession", { item }]]);
    srv.handle(() => ({ status: 204 }));
    const rename = { name: "b", "@microsoft.graph.conflictBehavior": "rename", "name@Org.Example.note": "n", fileSystemInfo: { "@Org.Example.note": 1 } };
    await api.updateDriveItem(client, api.driveRoot(api.drive()), rename);
    expect(sent()).toEqual([["PATCH", "/drive/root", rename]]);
    srv.handle(() => ({ status: 204 }));
    const whole = { name: "b", folder: null, fileSystemInfo: null, size: null, "@Org.Example.note": 1 };
    await api.updateDriveItem(client, api.driveRoot(api.drive()), whole, { replace: true });
    expect(sent()).toEqual([["PUT", "/drive/root", whole]]);
  });
});
