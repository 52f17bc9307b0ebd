// Operations bound explicitly (test/fixtures/requests/explicit-bindings.xml, as Graph writes `add`
// and `remove` on collections of sites): an overload annotated Core.RequiresExplicitBinding is
// called only at an address whose metadata names it in Core.ExplicitOperationBindings. The address
// builders' types say which they name (`rt.BindsExplicitly<…>`), so that a call elsewhere does not
// compile (both real compilers); a name listed on the binding type, or an overload without the tag,
// goes anywhere; `rt.unrestricted` calls it anyway. The requests go over HTTP to 127.0.0.1;
// `odatagen url` refuses what would not compile; a slice types them as the whole run does.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { urlCalls } from "../generator/url-calls";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";
import { docOf } from "./helpers/doc-of";

const FIXTURE = path.join(FIXTURES, "requests", "explicit-bindings.xml");
const inputs = [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }];

const USAGE = `
import * as rt from "./runtime.js";
import {
  add, archive, backupDrafts, backupRoot, backupUnits, directoryObjects, groupSites, groups, listSites, memberAdd, members, offboard, orphan,
  remove, restore, siteArchive, sites, userFollowedSites, users,
} from "./Ex.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const group = groups().byKey("g1");
  const user = users().byKey("u1");
  // @ts-expect-error add is named on group/sites and user/followedSites, not on the sites set
  await add(client, sites(), { value: [] });
  // @ts-expect-error user/followedSites names add, not remove
  await remove(client, userFollowedSites(user), { value: [] });
  // @ts-expect-error drafts' list is no collection of names: ignored
  await offboard(client, backupDrafts(backupRoot()).byKey("d1"));
  // @ts-expect-error orphan is named nowhere
  await orphan(client, sites().byKey("s1"));
  // @ts-expect-error a cast does not keep what its address names
  await add(client, rt.cast<never, ReturnType<typeof groupSites>>(groupSites(group), "Ex.site"), { value: [] });

  // Where the metadata names them: a navigation property, by a block too, an entity set, a collection's members.
  await add(client, groupSites(group), { value: [] });
  await remove(client, groupSites(group), { value: [] });
  await add(client, userFollowedSites(user), { value: [] });
  await remove(client, archive(), { value: [] });
  await offboard(client, backupUnits(backupRoot()).byKey("u1"));
  // Named on the binding type: anywhere that type or a subtype is.
  await restore(client, directoryObjects().byKey("d1"));
  await restore(client, group);
  // Overloads without the tag, or with it false.
  await memberAdd(client, members(), { values: [] });
  await siteArchive(client, sites().byKey("s1"));
  // An address that names them goes wherever an address goes.
  await listSites(client, groupSites(group));
  // The escape hatch.
  await orphan(client, rt.unrestricted(sites().byKey("s1")));
  await add(client, rt.unrestricted(sites()), { value: [] });
}
`;

forEachCompiler((label, c) => {
  test("an explicitly bound operation compiles only at an address that names it, or through rt.unrestricted", () => {
    const dir = generateFixture("requests/explicit-bindings.xml", `explicit-bindings-${label.replace(/\W+/g, "")}`);
    const r = expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(5);
    // The message names the operation the address lacks (TypeScript 5.9 prints the chain; 7 may shorten it).
    if (label === "TypeScript 5.9") {
      expect(r.output).toContain(`Property 'explicitlyBinds' is missing in type '{}' but required in type 'BindsExplicitly<"Ex.add">'.`);
      expect(r.output).toContain(`Property '"Ex.remove"' is missing in type '{ readonly "Ex.add": true; }' but required in type '{ readonly "Ex.remove": true; }'.`);
    }
  });
});

test("the run notes an operation named nowhere and a name of no operation, and warns of a list that is none", () => {
  const { diagnostics } = generate({ inputs });
  expect(diagnostics.map((d) => [d.severity, d.line, d.path, d.message]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
    ["info", 100, "Ex.svc/archive/@Org.OData.Core.V1.ExplicitOperationBindings", 'ExplicitOperationBindings names "Ex.notAnOperation", no operation of the model; that name is ignored'],
    ["warning", 115, "Ex.backup/drafts/@Org.OData.Core.V1.ExplicitOperationBindings", "ExplicitOperationBindings is no collection of qualified operation names; it is ignored"],
    // At the annotation, in the <Annotations Target="Ex.orphan(Ex.site)"> block that gives it.
    [
      "info",
      125,
      "Ex.orphan/@Org.OData.Core.V1.RequiresExplicitBinding",
      "Ex.orphan requires explicit binding (Core.RequiresExplicitBinding), and no element of the metadata names it in Core.ExplicitOperationBindings: its function takes only an address given through rt.unrestricted(target)",
    ],
  ]);
});

test("the doc comments say where an operation is named, and what an address names", () => {
  const code = generate({ inputs }).files.get("Ex.requests.ts") as string;
  const doc = (fn: string) => docOf(code, fn);
  expect(doc("add")).toContain(
    "It requires explicit binding (`Core.RequiresExplicitBinding`): it takes only an address where the metadata names it (`Core.ExplicitOperationBindings`), at `Ex.group/sites`, `Ex.user/followedSites`; elsewhere give `rt.unrestricted(target)`.",
  );
  expect(doc("remove")).toContain("at `Ex.group/sites`, `Ex.svc/archive`;");
  expect(doc("orphan")).toContain("and no element of the metadata names it (`Core.ExplicitOperationBindings`): it takes only an address given through `rt.unrestricted(target)`.");
  expect(doc("restore")).not.toContain("explicit binding");
  expect(doc("groupSites")).toContain("Here the metadata names `Ex.add`, `Ex.remove` in `Core.ExplicitOperationBindings`: their overloads that require explicit binding take this address.");
  expect(doc("sites")).not.toContain("ExplicitOperationBindings");
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("the calls go to the addresses given, unrestricted ones too", async () => {
    const dir = generateFixture("requests/explicit-bindings.xml", "explicit-bindings-http");
    const ex: typeof import("./.generated/explicit-bindings-http/Ex.requests") = require(path.join(dir, "Ex.requests"));
    const rt: typeof import("./.generated/explicit-bindings-http/runtime") = require(path.join(dir, "runtime"));
    srv.handle((r) => (r.method === "GET" ? { body: { value: "x" } } : r.url.endsWith("Ex.add") ? { body: { value: [] } } : { status: 204 }));
    const client = rt.createClient({ baseUrl: srv.url });
    await ex.add(client, ex.groupSites(ex.groups().byKey("g1")), { value: [{ id: "s1" }] });
    await ex.offboard(client, ex.backupUnits(ex.backupRoot()).byKey("u1"));
    expect(await ex.orphan(client, rt.unrestricted(ex.sites().byKey("s1")))).toEqual({ value: "x" });
    expect(srv.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/groups('g1')/sites/Ex.add", '{"value":[{"id":"s1"}]}'],
      ["POST", "/backupRoot/units('u1')/Ex.offboard", "{}"],
      ["GET", "/sites('s1')/Ex.orphan()", ""],
    ]);
  });
});

test("odatagen url refuses an explicitly bound operation where the metadata does not name it, and writes it where it does", () => {
  const { results } = urlCalls({ inputs }, [
    { method: "POST", path: "/sites/Ex.add" },
    { method: "POST", path: "/groups/{id}/sites/Ex.add" },
    { method: "POST", path: "/backupRoot/units/{id}/Ex.offboard" },
    { method: "POST", path: "/backupRoot/drafts/{id}/Ex.offboard" },
    { path: "/sites/{id}/Ex.orphan()" },
    { method: "POST", path: "/groups/{id}/Ex.restore" },
  ]);
  const said = results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(said).toEqual([
    "POST /sites/Ex.add: Ex.add requires explicit binding (Core.RequiresExplicitBinding), and the metadata names it only at Ex.group/sites, Ex.user/followedSites (Core.ExplicitOperationBindings), so add does not compile on this address; to call it anyway, give add rt.unrestricted(target)",
    "const result = await add(client, target, params);",
    "await offboard(client, target);",
    "POST /backupRoot/drafts/{id}/Ex.offboard: Ex.offboard requires explicit binding (Core.RequiresExplicitBinding), and the metadata names it only at Ex.backup/units (Core.ExplicitOperationBindings), so offboard does not compile on this address; to call it anyway, give offboard rt.unrestricted(target)",
    "GET /sites/{id}/Ex.orphan(): Ex.orphan requires explicit binding (Core.RequiresExplicitBinding), and the metadata names it nowhere (Core.ExplicitOperationBindings), so orphan does not compile on this address; to call it anyway, give orphan rt.unrestricted(target)",
    "const result = await restore(client, target);",
  ]);
});

test("a slice types the operations and the addresses it keeps as the whole run does, and notes nothing of the elements it leaves out", () => {
  const whole = generate({ inputs }).files.get("Ex.requests.ts") as string;
  const slice = generate({ inputs, include: ["/users/{id}/followedSites/**", "Ex.orphan"] });
  const code = slice.files.get("Ex.requests.ts") as string;
  const signature = (text: string, fn: string) => /export function \w+\(\s*[^)]*?\)/.exec(text.slice(text.indexOf(`export function ${fn}(`)))?.[0];
  for (const fn of ["add", "userFollowedSites", "orphan"]) {
    expect(signature(code, fn)).toBeDefined();
    expect(signature(code, fn)).toBe(signature(whole, fn));
  }
  expect(code).toContain('rt.BindsExplicitly<"Ex.add">');
  expect(slice.diagnostics.filter((d) => /explicit/i.test(d.message))).toEqual([]);
  // Its doc comments and `odatagen url` name the places it keeps, and say so.
  const doc = (fn: string) => docOf(code, fn);
  expect(doc("add")).toContain("at `Ex.user/followedSites` (of the elements this slice keeps); elsewhere");
  expect(doc("orphan")).toContain("and no element this slice keeps names it (`Core.ExplicitOperationBindings`): here it takes only an address given through `rt.unrestricted(target)`.");
  const { results } = urlCalls({ inputs, include: ["/users/{id}/followedSites/**", "Ex.orphan", "Ex.remove"] }, [{ method: "POST", path: "/sites/Ex.remove" }]);
  expect(results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    "POST /sites/Ex.remove: Ex.remove requires explicit binding (Core.RequiresExplicitBinding), and the metadata names it only at Ex.svc/archive (Core.ExplicitOperationBindings, among the elements this slice keeps), so remove does not compile on this address; to call it anyway, give remove rt.unrestricted(target)",
  ]);
});
