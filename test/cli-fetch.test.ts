// `odatagen fetch`: downloads over real HTTP from a scripted server on 127.0.0.1 (no internet), saved
// files checked on disk, and `generate` run offline on what was saved. The CLI runs in this process
// (runCliInProcess, in plain tests, each in its turn: the servers answer meanwhile, as they are
// this process's too); as a child process where the process is the subject: a signal ending it,
// and Node's fetch and the proxy variables Node reads from its environment when it starts.
import * as fs from "node:fs";
import * as path from "node:path";
import { exited } from "./helpers/child";
import { runCliAsync, scratch, startCli, writeJson } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { edmx, schema } from "./helpers/csdl";
import { startLoopback, type Loopback, type Recorded, type Reply } from "./helpers/loopback";

const servers: Loopback[] = [];
async function server(fn: (url: string) => (req: Recorded) => Reply): Promise<Loopback> {
  const s = await startLoopback();
  servers.push(s);
  s.handle(fn(s.url));
  return s;
}
afterAll(async () => {
  for (const s of servers) await s.close();
});

const ref = (uri: string, ns: string, alias = "") => `<edmx:Reference Uri="${uri}"><edmx:Include Namespace="${ns}"${alias ? ` Alias="${alias}"` : ""}/></edmx:Reference>\n`;
/** A service whose entity type has a property of `shared.address` (a type of a referenced document) and a Core.Description (a term alone). */
const main = (refs: string, extra = "") =>
  edmx(
    schema("main", `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"><Annotation Term="Core.Description" String="The key"/></Property><Property Name="home" Type="shared.address"/>${extra}</EntityType><EntityContainer Name="c"><EntitySet Name="ts" EntityType="main.t"/></EntityContainer>`),
    refs,
  );
const shared = edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>`));
const xml = (body: string): Reply => ({ headers: { "content-type": "application/xml" }, body });

test("fetch saves the metadata and the referenced document whose types it uses, maps its Uri, and generate reads them offline", async () => {
  const dir = scratch();
  const s = await server((url) => (req) =>
    req.url === "/svc/$metadata" ? xml(main(ref(`${url}/shared/types.xml`, "shared") + ref(`${url}/vocabularies/Core.xml`, "Org.OData.Core.V1", "Core")))
    : req.url === "/shared/types.xml" ? xml(shared)
    : { status: 404 });
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toBe([
    `odatagen: not downloaded: ${s.url}/vocabularies/Core.xml (only its terms are used, which odatagen reads by name)`,
    `odatagen: specs/main.xml: saved (${fs.statSync(path.join(dir, "specs/main.xml")).size} bytes from ${s.url}/svc/$metadata)`,
    `odatagen: specs/main.types.xml: saved (${Buffer.byteLength(shared)} bytes from ${s.url}/shared/types.xml)`,
    "odatagen: specs/main.references.json: saved (the reference map: generate follows the Uris it names to the files saved)",
    "",
  ].join("\n"));
  // XML asked for; the vocabulary, used for its terms alone, never requested.
  expect(s.requests.map((q) => [q.url, q.headers.accept])).toEqual([["/svc/$metadata", "application/xml"], ["/shared/types.xml", "application/xml"]]);
  expect(fs.readFileSync(path.join(dir, "specs/main.types.xml"), "utf8")).toBe(shared);
  expect(JSON.parse(fs.readFileSync(path.join(dir, "specs/main.references.json"), "utf8"))).toEqual({ references: { [`${s.url}/shared/types.xml`]: "main.types.xml" } });

  const g = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "gen", "--verbose"], dir);
  expect(g.code).toBe(0);
  expect(g.stderr).toContain(`specs/main.xml:3:1: info ODG113: specs/main.types.xml is read as an input too: <edmx:Reference Uri="${s.url}/shared/types.xml"> names it [Reference]`);
  expect(g.stderr).not.toContain("ODG110");
  expect(fs.readFileSync(path.join(dir, "gen", "main.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
  // A second generate is up to date (the map and the followed file are recorded in the manifest).
  const again = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(again.stdout).toMatch(/up to date/);

  // Unchanged: nothing written (the files keep their inode and time), and --check agrees.
  const before = fs.statSync(path.join(dir, "specs/main.xml"));
  const same = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(same.code).toBe(0);
  expect(same.stdout).toMatch(/specs\/main\.xml: unchanged\n.*main\.types\.xml: unchanged\n.*main\.references\.json: unchanged\n$/);
  const after = fs.statSync(path.join(dir, "specs/main.xml"));
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  expect((await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml", "--check"], dir)).code).toBe(0);

  // The service changes: --check exits 1 and saves nothing; fetch saves it and says how to compare.
  s.handle((req) => (req.url === "/svc/$metadata" ? xml(main(ref(`${s.url}/shared/types.xml`, "shared"), `<Property Name="n" Type="Edm.Int32"/>`)) : req.url === "/shared/types.xml" ? xml(shared) : { status: 404 }));
  const saved = fs.readFileSync(path.join(dir, "specs/main.xml"), "utf8");
  const check = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml", "--check"], dir);
  expect(check.code).toBe(1);
  expect(check.stdout).toContain(`odatagen: specs/main.xml: differs from the service's (from ${s.url}/svc/$metadata)`);
  expect(fs.readFileSync(path.join(dir, "specs/main.xml"), "utf8")).toBe(saved);
  const changed = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml", "--diff"], dir);
  expect(changed.code).toBe(0);
  expect(changed.stdout).toMatch(/specs\/main\.xml: changed \(\d+ bytes from /);
  expect(changed.stdout).toMatch(/added +property +main\.t\/n: property added: Edm\.Int32/);
  expect(fs.readFileSync(path.join(dir, "specs/main.xml"), "utf8")).toContain(`Name="n"`);
});

test("a .json file asks for CSDL JSON, whose $Reference is followed as XML's; a redirect is followed", async () => {
  const dir = scratch();
  const types = { $Version: "4.0", shared: { address: { $Kind: "ComplexType", street: { $Nullable: true } } } };
  const doc = (url: string) => ({
    $Version: "4.0",
    $Reference: { [`${url}/types.json`]: { $Include: [{ $Namespace: "shared" }] } },
    $EntityContainer: "j.c",
    j: { t: { $Kind: "EntityType", $Key: ["id"], id: {}, home: { $Type: "shared.address", $Nullable: true } }, c: { $Kind: "EntityContainer", ts: { $Collection: true, $Type: "j.t" } } },
  });
  const s = await server((url) => (req) =>
    req.url === "/old/$metadata" ? { status: 301, headers: { location: "/new/$metadata" } }
    : req.url === "/new/$metadata" ? { body: doc(url) }
    : req.url === "/types.json" ? { body: types }
    : { status: 404 });
  const r = await runCliInProcess(["fetch", `${s.url}/old/$metadata`, "--out", "specs/j.json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(s.requests.map((q) => [q.url, q.headers.accept])).toEqual([["/old/$metadata", "application/json"], ["/new/$metadata", "application/json"], ["/types.json", "application/json"]]);
  expect(JSON.parse(fs.readFileSync(path.join(dir, "specs/j.json"), "utf8"))).toEqual(doc(s.url));
  expect(JSON.parse(fs.readFileSync(path.join(dir, "specs/j.types.json"), "utf8"))).toEqual(types);
  expect(JSON.parse(fs.readFileSync(path.join(dir, "specs/j.references.json"), "utf8"))).toEqual({ references: { [`${s.url}/types.json`]: "j.types.json" } });
  const g = await runCliInProcess(["generate", "-i", "specs/j.json", "-o", "gen"], dir);
  expect(g.stderr).toBe("");
  expect(g.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "gen", "j.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
});

test("headers go to the service, from flags or the environment, never printed; a referenced document on another host gets none", async () => {
  const dir = scratch();
  const other = await server(() => (req) => (req.url === "/types.xml" ? xml(shared) : { status: 404 }));
  const s = await server(() => (req) => (req.url === "/$metadata" ? xml(main(ref(`${other.url}/types.xml`, "shared"))) : { status: 404 }));
  const r = await runCliInProcess(["fetch", `${s.url}/$metadata`, "-o", "m.xml", "--header-from-env", "Authorization=ODATA_TOKEN", "--header", "sap-client: 100", "-H", "Accept: application/xml;q=1"], dir, { ODATA_TOKEN: "Bearer very-secret" });
  expect(r.code).toBe(0);
  expect(s.requests[0].headers).toMatchObject({ authorization: "Bearer very-secret", "sap-client": "100", accept: "application/xml;q=1" });
  expect(other.requests[0].headers.authorization).toBeUndefined();
  expect(other.requests[0].headers["sap-client"]).toBeUndefined();
  expect(r.stdout + r.stderr).not.toContain("very-secret");
  for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f), "utf8")).not.toContain("very-secret");

  const unset = await runCliInProcess(["fetch", `${s.url}/$metadata`, "-o", "m.xml", "--header-from-env", "Authorization=NOT_SET_ANYWHERE"], dir);
  expect(unset.code).toBe(2);
  expect(unset.stderr).toBe("odatagen: --header-from-env Authorization=NOT_SET_ANYWHERE: the environment variable NOT_SET_ANYWHERE is not set\n");
  const malformed = await runCliInProcess(["fetch", `${s.url}/$metadata`, "-o", "m.xml", "--header", "Bearer very-secret"], dir);
  expect(malformed.code).toBe(2);
  expect(malformed.stderr).toBe('odatagen: --header: expected "Name: value" (the value given is not shown)\n');
});

test("a 401, an HTML page, a slow answer and a refused connection exit 4 and leave the saved file as it was", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "m.xml"), "previous");
  const s = await server(() => (req) =>
    req.url === "/401" ? { status: 401, body: { error: { code: "Unauthorized", message: "no token" } } }
    : req.url === "/login" ? { headers: { "content-type": "text/html" }, body: "<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>" }
    : req.url === "/slow" ? { ...xml(shared), delayMs: 5000 }
    : { status: 404 });
  const fetch = (url: string, ...more: string[]) => runCliInProcess(["fetch", url, "--out", "m.xml", ...more], dir);
  const unauthorized = await fetch(`http://user:pw@${s.url.slice(7)}/401`);
  expect(unauthorized.code).toBe(4);
  expect(s.requests[0].headers.authorization).toBe(`Basic ${Buffer.from("user:pw").toString("base64")}`);
  expect(unauthorized.stderr).toBe(`odatagen: ${s.url}/401 answered HTTP 401 Unauthorized (the Authorization header sent was not accepted): {"error":{"code":"Unauthorized","message":"no token"}}; nothing saved\n`);
  const html = await fetch(`${s.url}/login`);
  expect(html.code).toBe(4);
  expect(html.stderr).toBe(`odatagen: ${s.url}/login answered with an HTML page ("Sign in"), not metadata: a sign-in or error page? The service may want credentials (--header, --header-from-env), or the URL may not be its $metadata; nothing saved\n`);
  const slow = await fetch(`${s.url}/slow`, "--timeout", "0.5");
  expect(slow.code).toBe(4);
  expect(slow.stderr).toBe(`odatagen: ${s.url}/slow did not answer within 0.5 s (--timeout sets the limit); nothing saved\n`);
  const closed = await server(() => () => ({ reset: true }));
  const refused = await fetch(`${closed.url}/x`);
  expect(refused.code).toBe(4);
  expect(refused.stderr).toMatch(new RegExp(`^odatagen: cannot download ${closed.url}/x: fetch failed`));
  expect(fs.readFileSync(path.join(dir, "m.xml"), "utf8")).toBe("previous");
  expect(fs.readdirSync(dir)).toEqual(["m.xml"]);
});

test("with no URL, fetch downloads each service of the config that has a url into its first input, with headersFromEnv", async () => {
  const dir = scratch();
  const s = await server(() => (req) => (req.url === "/a/$metadata" ? xml(shared) : { status: 404 }));
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "a", input: "specs/a.xml", out: "gen/a", url: `${s.url}/a/$metadata`, headersFromEnv: { Authorization: "A_TOKEN" } },
      { name: "b", input: "specs/b.xml", out: "gen/b" },
    ],
  });
  const r = await runCliInProcess(["fetch"], dir, { A_TOKEN: "Basic abc" });
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe(`odatagen: a: specs/a.xml: saved (${Buffer.byteLength(shared)} bytes from ${s.url}/a/$metadata)\n`);
  expect(s.requests[0].headers.authorization).toBe("Basic abc");
  const unset = await runCliInProcess(["fetch"], dir);
  expect(unset.code).toBe(2);
  expect(unset.stderr).toBe("odatagen: a: headersFromEnv.Authorization names the environment variable A_TOKEN, which is not set\n");
  const none = await runCliInProcess(["fetch", "--service", "b"], dir);
  expect(none.code).toBe(2);
  expect(none.stderr).toBe('odatagen: b: no "url" in odatagen.config.json; give the service a "url" (its $metadata) to fetch it\n');
  fs.writeFileSync(path.join(dir, "odatagen.config.json"), `{ "services": [{ "input": "a.xml", "out": "gen", "url": "ftp://x", "headersFromEnv": { "Authorization": "Bearer x" } }] }`);
  const bad = await runCliInProcess(["fetch"], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("services[0].url: expected an http: or https: URL (the service's $metadata)");
  expect(bad.stderr).toContain("services[0].headersFromEnv.Authorization: expected the name of an environment variable (letters, digits and _), not its value");
  expect(bad.stderr).not.toContain("Bearer x");
});

test("a relative Uri of a split service is downloaded from the service and saved where it leads, which generate follows; one leading up is said", async () => {
  const dir = scratch();
  const other = edmx(schema("other", `<ComplexType Name="thing"><Property Name="x" Type="Edm.String"/></ComplexType>`));
  const split = main(ref("parts/types.xml", "shared") + ref("../other.xml", "other"), `<Property Name="thing" Type="other.thing"/>`);
  const s = await server(() => (req) => (req.url === "/svc/$metadata" ? xml(split) : req.url === "/svc/parts/types.xml" ? xml(shared) : { status: 404 }));
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toBe([
    "odatagen: not downloaded: ../other.xml, whose types the documents use, a relative Uri odatagen fetch does not save (it saves one that goes down from the document's folder, without a query or fragment): download that document yourself and save it where the Uri leads (until then generate reads them as Edm.Untyped, ODG110)",
    `odatagen: specs/main.xml: saved (${Buffer.byteLength(split)} bytes from ${s.url}/svc/$metadata)`,
    `odatagen: specs/parts/types.xml: saved (${Buffer.byteLength(shared)} bytes from ${s.url}/svc/parts/types.xml)`,
    "",
  ].join("\n"));
  expect(fs.existsSync(path.join(dir, "specs/main.references.json"))).toBe(false);
  const g = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(g.code).toBe(0);
  expect(g.stderr).toContain("warning ODG110: type other.thing is in namespace other");
  expect(g.stderr).not.toContain("shared.address");
});

test("--diff compares the service's documents together: a change in a referenced document alone is shown", async () => {
  const dir = scratch();
  let types = shared;
  const s = await server((url) => (req) => (req.url === "/svc/$metadata" ? xml(main(ref(`${url}/types.xml`, "shared"))) : req.url === "/types.xml" ? xml(types) : { status: 404 }));
  expect((await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "-o", "m.xml"], dir)).code).toBe(0);
  types = edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/><Property Name="zip" Type="Edm.String"/></ComplexType>`));
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "-o", "m.xml", "--diff"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/m\.xml: unchanged\n.*m\.types\.xml: changed .*\n.*m\.references\.json: unchanged\n/);
  expect(r.stdout).toMatch(/added +property +shared\.address\/zip: property added: Edm\.String/);
  expect(fs.readdirSync(dir).sort()).toEqual(["m.references.json", "m.types.xml", "m.xml"]);
});

test("--diff finds a relative reference's previous version where its Uri leads", async () => {
  const dir = scratch();
  let types = shared;
  const s = await server(() => (req) => (req.url === "/svc/$metadata" ? xml(main(ref("parts/types.xml", "shared"))) : req.url === "/svc/parts/types.xml" ? xml(types) : { status: 404 }));
  expect((await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "-o", "m.xml"], dir)).code).toBe(0);
  types = edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/><Property Name="zip" Type="Edm.String"/></ComplexType>`));
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "-o", "m.xml", "--diff"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.stdout).toMatch(/parts\/types\.xml: changed /);
  expect(r.stdout).toMatch(/added +property +shared\.address\/zip: property added: Edm\.String\n1 change\(s\), 0 breaking/);
});

test("a file of the user's beside the document, named as a referenced document would be, is never written over", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "specs"));
  fs.writeFileSync(path.join(dir, "specs/main.types.xml"), "<!-- mine -->");
  const s = await server((url) => (req) => (req.url === "/svc/$metadata" ? xml(main(ref(`${url}/shared/types.xml`, "shared"))) : req.url === "/shared/types.xml" ? xml(shared) : { status: 404 }));
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "specs/main.types.xml"), "utf8")).toBe("<!-- mine -->");
  expect(fs.readFileSync(path.join(dir, "specs/main.types-2.xml"), "utf8")).toBe(shared);
  expect(JSON.parse(fs.readFileSync(path.join(dir, "specs/main.references.json"), "utf8"))).toEqual({ references: { [`${s.url}/shared/types.xml`]: "main.types-2.xml" } });
  // Fetched again, the file it saved is its own (the map names it): the same name, unchanged.
  const again = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(again.stdout).toContain("specs/main.types-2.xml: unchanged");
  expect(fs.readdirSync(path.join(dir, "specs")).sort()).toEqual(["main.references.json", "main.types-2.xml", "main.types.xml", "main.xml"]);
});

test.concurrent("Ctrl+C or SIGTERM while a document downloads exits 130 or 143 and says which services were saved, leaving no temporary file", async () => {
  const dir = scratch();
  let asked: () => void = () => {};
  const heldAsked = new Promise<void>((resolve) => (asked = resolve));
  // a's metadata is answered; b's is held until the signal has ended the run.
  const s = await server(() => (req) => {
    if (req.url === "/a/$metadata") return xml(shared);
    asked();
    return { delayMs: 600_000 };
  });
  writeJson(path.join(dir, "odatagen.config.json"), {
    services: [
      { name: "a", input: "specs/a.xml", out: "gen/a", url: `${s.url}/a/$metadata` },
      { name: "b", input: "specs/b.xml", out: "gen/b", url: `${s.url}/b/$metadata` },
    ],
  });
  const child = startCli(["fetch"], dir);
  const done = exited(child);
  await heldAsked;
  child.kill("SIGINT");
  const { code, stderr } = await done;
  expect(code).toBe(130);
  expect(stderr).toBe("odatagen: interrupted (SIGINT); a: done; b: not fetched\n");
  expect(fs.readdirSync(path.join(dir, "specs"))).toEqual(["a.xml"]);
  expect(fs.readFileSync(path.join(dir, "specs/a.xml"), "utf8")).toBe(shared);

  // One document held: nothing saved, the old file as it was.
  fs.writeFileSync(path.join(dir, "specs/b.xml"), "previous");
  const held = new Promise<void>((resolve) => (asked = resolve));
  const single = startCli(["fetch", `${s.url}/b/$metadata`, "--out", "specs/b.xml"], dir);
  const singleDone = exited(single);
  await held;
  single.kill("SIGTERM");
  const stopped = await singleDone;
  expect(stopped.code).toBe(143);
  expect(stopped.stderr).toBe("odatagen: interrupted (SIGTERM); nothing saved\n");
  expect(fs.readdirSync(path.join(dir, "specs")).sort()).toEqual(["a.xml", "b.xml"]);
  expect(fs.readFileSync(path.join(dir, "specs/b.xml"), "utf8")).toBe("previous");
});

test("--timeout that is no number, or not above 0, is a usage error saying what it takes", async () => {
  const dir = scratch();
  for (const [value, shown] of [["abc", ""], ["0", " 0"], ["-3", " -3"]]) {
    const r = await runCliInProcess(["fetch", "https://example.invalid/$metadata", "--out", "m.xml", "--timeout", value], dir);
    expect([r.code, r.stderr.trim()]).toEqual([2, `odatagen: --timeout${shown}: expected a number of seconds above 0`]);
  }
});

test("a document the service sends in UTF-16 (by its byte-order mark) is read as generate reads it: saved byte for byte, and its references followed", async () => {
  const dir = scratch();
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="utf-8"', 'encoding="utf-16"'), "utf16le")]);
  const s = await server((url) => (req) =>
    req.url === "/svc/$metadata" ? { headers: { "content-type": "application/xml; charset=utf-16" }, body: utf16(main(ref(`${url}/shared/types.xml`, "shared"))) }
    : req.url === "/shared/types.xml" ? { headers: { "content-type": "application/xml; charset=utf-16" }, body: utf16(shared) }
    : { status: 404 });
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "specs/main.xml")).equals(utf16(main(ref(`${s.url}/shared/types.xml`, "shared"))))).toBe(true);
  expect(fs.readFileSync(path.join(dir, "specs/main.types.xml")).equals(utf16(shared))).toBe(true);
  const g = await runCliInProcess(["generate", "-i", "specs/main.xml", "-o", "gen"], dir);
  expect(g.stderr).toBe("");
  expect(fs.readFileSync(path.join(dir, "gen", "main.types.ts"), "utf8")).toMatch(/home\?: Address \| null/);
});

test("a relative Uri leading where another saved document needs a folder, or to a folder, exits 4 and saves nothing", async () => {
  const dir = scratch();
  const other = edmx(schema("other", `<ComplexType Name="thing"/>`));
  // "x/types.xml" needs specs/x to be a folder, "x" a file there.
  const clash = main(ref("x/types.xml", "shared") + ref("x", "other"), `<Property Name="thing" Type="other.thing"/>`);
  const s = await server(() => (req) => (req.url === "/svc/$metadata" ? xml(clash) : req.url === "/svc/x/types.xml" ? xml(shared) : req.url === "/svc/x" ? xml(other) : { status: 404 }));
  fs.mkdirSync(path.join(dir, "specs"));
  fs.writeFileSync(path.join(dir, "specs/main.xml"), "<!-- before -->");
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.code).toBe(4);
  expect(r.stderr).toBe(`odatagen: "x" leads to specs/x, a folder of specs/x/types.xml, which this fetch saves too; nothing saved\n`);
  expect(fs.readdirSync(path.join(dir, "specs"))).toEqual(["main.xml"]);
  expect(fs.readFileSync(path.join(dir, "specs/main.xml"), "utf8")).toBe("<!-- before -->");
  // A folder of the user's where the Uri leads.
  const folder = main(ref("parts", "shared"));
  s.handle((req) => (req.url === "/svc/$metadata" ? xml(folder) : req.url === "/svc/parts" ? xml(shared) : { status: 404 }));
  fs.mkdirSync(path.join(dir, "specs/parts"));
  const f = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(f.code).toBe(4);
  expect(f.stderr).toBe(`odatagen: "parts" leads to specs/parts, which is a folder; nothing saved\n`);
  expect(fs.readdirSync(path.join(dir, "specs")).sort()).toEqual(["main.xml", "parts"]);
});

test("a reference back to the main document, or to a document under a second Uri, is not downloaded, and the note says its namespace is read already", async () => {
  const dir = scratch();
  // shared refers back to the service's $metadata for main's types; main names shared under two Uris.
  const back = (url: string) => edmx(schema("shared", `<ComplexType Name="address"><Property Name="street" Type="Edm.String"/><Property Name="owner" Type="main.t"/></ComplexType>`), ref(`${url}/svc/$metadata`, "main"));
  const s = await server((url) => (req) =>
    req.url === "/svc/$metadata" ? xml(main(ref(`${url}/shared/types.xml`, "shared") + ref(`${url}/shared/types.xml?v=2`, "shared", "s2")))
    : req.url === "/shared/types.xml" ? xml(back(url))
    : { status: 404 });
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n").filter((l) => l.includes("not downloaded"))).toEqual([
    `odatagen: not downloaded: ${s.url}/shared/types.xml?v=2 (a document downloaded already declares shared, which it includes)`,
    `odatagen: not downloaded: ${s.url}/svc/$metadata (a document downloaded already declares main, which it includes)`,
  ]);
  expect(s.requests.map((q) => q.url)).toEqual(["/svc/$metadata", "/shared/types.xml"]);
});

test("a reference's http: Uri that is no URL (a space in the host, a port above 65535) is not downloaded, and said so; not an internal error", async () => {
  const dir = scratch();
  const doc = main(ref("http://exa mple.com/types.xml", "shared"));
  const s = await server(() => (req) => (req.url === "/svc/$metadata" ? xml(doc) : { status: 404 }));
  const r = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n")[0]).toBe("odatagen: not downloaded: http://exa mple.com/types.xml, whose types the documents use, which is no URL fetch can download (it does not parse as one) (until then generate reads them as Edm.Untyped, ODG110)");
  s.handle((req) => (req.url === "/svc/$metadata" ? xml(main(ref("https://127.0.0.1:99999/types.xml", "shared"))) : { status: 404 }));
  const port = await runCliInProcess(["fetch", `${s.url}/svc/$metadata`, "--out", "specs/main.xml"], dir);
  expect(port.code).toBe(0);
  expect(port.stdout).toContain("not downloaded: https://127.0.0.1:99999/types.xml, whose types the documents use, which is no URL fetch can download");
});

test("the user's headers go to the service's origin only: a redirect to another host gets none (an API key neither), and an error there names where it was redirected", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "m.xml"), "previous");
  const other = await server(() => (req) => (req.url === "/m" ? xml(shared) : req.url === "/login" ? { headers: { "content-type": "text/html" }, body: "<html><head><title>Sign in to your account</title></head></html>" } : { status: 404 }));
  const s = await server(() => (req) =>
    req.url === "/$metadata" ? { status: 302, headers: { location: `${other.url}/m` } }
    : req.url === "/same" ? { status: 307, headers: { location: "/$metadata" } }
    : req.url === "/sso" ? { status: 302, headers: { location: `${other.url}/login` } }
    : req.url === "/loop" ? { status: 302, headers: { location: "/loop" } }
    : { status: 302, headers: { location: "ftp://127.0.0.1/x" } });
  const flags = ["--header-from-env", "APIKey=API_KEY", "-H", "sap-client: 100", "--header-from-env", "Authorization=ODATA_TOKEN"];
  const env = { API_KEY: "key-secret", ODATA_TOKEN: "Bearer token-secret" };
  const r = await runCliInProcess(["fetch", `${s.url}/same`, "--out", "m.xml", ...flags], dir, env);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(s.requests.map((q) => [q.url, q.headers.apikey, q.headers["sap-client"], q.headers.authorization])).toEqual([["/same", "key-secret", "100", "Bearer token-secret"], ["/$metadata", "key-secret", "100", "Bearer token-secret"]]);
  expect(other.requests.map((q) => [q.url, q.headers.apikey, q.headers["sap-client"], q.headers.authorization, q.headers.accept])).toEqual([["/m", undefined, undefined, undefined, "application/xml"]]);
  expect(fs.readFileSync(path.join(dir, "m.xml"), "utf8")).toBe(shared);

  fs.writeFileSync(path.join(dir, "m.xml"), "previous");
  const sso = await runCliInProcess(["fetch", `${s.url}/sso`, "--out", "m.xml", ...flags], dir, env);
  expect(sso.code).toBe(4);
  expect(sso.stderr).toMatch(new RegExp(`^odatagen: ${s.url}/sso \\(redirected to ${other.url}/login\\) answered with an HTML page \\("Sign in to your account"\\), not metadata`));
  expect(other.requests.every((q) => q.headers.apikey === undefined)).toBe(true);
  const loop = await runCliInProcess(["fetch", `${s.url}/loop`, "--out", "m.xml"], dir);
  expect([loop.code, loop.stderr]).toEqual([4, `odatagen: ${s.url}/loop redirected more than 20 times (a redirect loop? the last to ${s.url}/loop); nothing saved\n`]);
  const ftp = await runCliInProcess(["fetch", `${s.url}/ftp`, "--out", "m.xml"], dir);
  expect([ftp.code, ftp.stderr]).toEqual([4, `odatagen: ${s.url}/ftp redirected to "ftp://127.0.0.1/x", which is no http: or https: URL fetch can download; nothing saved\n`]);
  expect(fs.readdirSync(dir)).toEqual(["m.xml"]);
  expect(fs.readFileSync(path.join(dir, "m.xml"), "utf8")).toBe("previous");
});

test("a redirect to a URL with a user and password fails without showing the password", async () => {
  const dir = scratch();
  const other = await server(() => () => xml(shared));
  const port = new URL(other.url).port;
  const s = await server(() => (req) => (req.url === "/cred" ? { status: 302, headers: { location: `http://bob:pw-secret@127.0.0.1:${port}/m` } } : { status: 302, headers: { location: "ftp://bob:pw-secret@127.0.0.1/x" } }));
  for (const [at, said] of [["cred", `redirected to ${other.url}/m with a user and password in the URL, which fetch does not follow`], ["ftp", `redirected to "ftp://127.0.0.1/x", which is no http: or https: URL`]]) {
    const r = await runCliInProcess(["fetch", `${s.url}/${at}`, "--out", "m.xml"], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toContain("pw-secret");
  }
  expect(other.requests).toEqual([]);
});

test("a 401 after a redirect to another origin says the Authorization header did not go there, not that it was refused", async () => {
  const dir = scratch();
  const other = await server(() => () => ({ status: 401 }));
  const s = await server(() => () => ({ status: 302, headers: { location: `${other.url}/m` } }));
  const r = await runCliInProcess(["fetch", `${s.url}/$metadata`, "--out", "m.xml", "--header-from-env", "Authorization=ODATA_TOKEN"], dir, { ODATA_TOKEN: "Bearer t" });
  expect(r.code).toBe(4);
  expect(r.stderr).toContain(`(redirected to ${other.url}/m) answered HTTP 401 Unauthorized (the Authorization header goes to the URL's own origin only, not to where it redirected: fetch that URL)`);
  expect(other.requests.map((q) => q.headers.authorization)).toEqual([undefined]);
});

test("a user and password in the URL go to the service's referenced documents too, as Basic authentication", async () => {
  const dir = scratch();
  const basic = `Basic ${Buffer.from("user:pw").toString("base64")}`;
  const s = await server((url) => (req) =>
    req.headers.authorization !== basic ? { status: 401 }
    : req.url === "/svc/$metadata" ? xml(main(ref(`${url}/shared/types.xml`, "shared") + ref("parts/other.xml", "other"), `<Property Name="o" Type="other.thing"/>`))
    : req.url === "/shared/types.xml" ? xml(shared)
    : req.url === "/svc/parts/other.xml" ? xml(edmx(schema("other", `<ComplexType Name="thing"><Property Name="x" Type="Edm.String"/></ComplexType>`)))
    : { status: 404 });
  const r = await runCliInProcess(["fetch", `http://user:pw@${s.url.slice(7)}/svc/$metadata`, "--out", "m.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(s.requests.map((q) => q.url).sort()).toEqual(["/shared/types.xml", "/svc/$metadata", "/svc/parts/other.xml"]);
  expect(r.stdout).not.toContain("pw@");
  // A `%` that starts no %XX in the password is sent as written (was an internal error: URIError: URI malformed).
  const odd = await runCliInProcess(["fetch", `http://user:p%zz@${s.url.slice(7)}/svc/$metadata`, "--out", "m.xml"], dir);
  expect([odd.code, odd.stderr]).toEqual([4, expect.stringContaining(`odatagen: ${s.url}/svc/$metadata answered HTTP 401 Unauthorized (the Authorization header sent was not accepted)`)]);
  expect(s.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from("user:p%zz").toString("base64")}`);
});

test("a header value with a character past U+00FF or a line break, from a flag, the environment or the config, is a usage error that does not show it", async () => {
  const dir = scratch();
  const url = "http://127.0.0.1:9/$metadata";
  const flag = await runCliInProcess(["fetch", url, "-o", "m.xml", "-H", "X-Name: caf\u00e9 \u20ac-secret"], dir);
  expect([flag.code, flag.stderr]).toEqual([2, "odatagen: --header X-Name: a header's value cannot hold a character past U+00FF (headers carry Latin-1 only) (the value given is not shown)\n"]);
  const env = await runCliInProcess(["fetch", url, "-o", "m.xml", "--header-from-env", "Authorization=T"], dir, { T: "Bearer \u20ac-secret" });
  expect([env.code, env.stderr]).toEqual([2, "odatagen: --header-from-env Authorization=T: the value of T holds a character past U+00FF (headers carry Latin-1 only), which a header cannot\n"]);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "a", input: "a.xml", out: "gen", url, headersFromEnv: { Authorization: "T" } }] });
  const config = await runCliInProcess(["fetch"], dir, { T: "Bearer line\nbreak-secret" });
  expect([config.code, config.stderr]).toEqual([2, "odatagen: a: headersFromEnv.Authorization: the value of T holds a line break or NUL, which a header cannot\n"]);
  expect(flag.stderr + env.stderr + config.stderr).not.toContain("secret");
  // A control character (a token pasted with an escape) was fetch's `fetch failed (UND_ERR_INVALID_ARG)`, exit 4.
  for (const control of ["\x01", "\x1b", "\x7f"]) {
    const bad = await runCliInProcess(["fetch", url, "-o", "m.xml", "--header-from-env", "Authorization=T"], dir, { T: `Bearer ${control}-secret` });
    expect([bad.code, bad.stderr]).toEqual([2, "odatagen: --header-from-env Authorization=T: the value of T holds a control character (only a tab may be in a value), which a header cannot\n"]);
  }
  const tab = await runCliInProcess(["fetch", url, "-o", "m.xml", "-H", "X-Name: a\tb", "--timeout", "0.5"], dir);
  expect(tab.stderr).not.toContain("control character");
});

test("a 503 or 429 with Retry-After says how long the service asks to wait; a folder where the file goes is named as the user wrote it", async () => {
  const dir = scratch();
  const s = await server(() => (req) => (req.url === "/busy" ? { status: 503, headers: { "retry-after": "120" } } : req.url === "/slow-down" ? { status: 429, headers: { "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" } } : req.url === "/soon" ? { status: 503, headers: { "retry-after": "soon" } } : xml(shared)));
  const busy = await runCliInProcess(["fetch", `${s.url}/busy`, "-o", "m.xml"], dir);
  expect([busy.code, busy.stderr]).toEqual([4, `odatagen: ${s.url}/busy answered HTTP 503 Service Unavailable, asking to wait 120 s (Retry-After); nothing saved\n`]);
  const many = await runCliInProcess(["fetch", `${s.url}/slow-down`, "-o", "m.xml"], dir);
  expect(many.stderr).toContain("answered HTTP 429 Too Many Requests, asking to wait until Wed, 21 Oct 2026 07:28:00 GMT (Retry-After); nothing saved");
  // A Retry-After of neither form asks for no wait (it said `asking to wait until soon`).
  const soon = await runCliInProcess(["fetch", `${s.url}/soon`, "-o", "m.xml"], dir);
  expect([soon.code, soon.stderr]).toEqual([4, `odatagen: ${s.url}/soon answered HTTP 503 Service Unavailable; nothing saved\n`]);
  fs.mkdirSync(path.join(dir, "specs"));
  const folder = await runCliInProcess(["fetch", `${s.url}/$metadata`, "-o", "specs"], dir);
  expect([folder.code, folder.stderr]).toEqual([4, "odatagen: cannot save specs: EISDIR: illegal operation on a directory\n"]);
  expect(fs.readdirSync(dir)).toEqual(["specs"]);
});

test.concurrent("a network error or the time limit with HTTPS_PROXY set says whether Node's fetch went through it", async () => {
  const dir = scratch();
  const closed = await server(() => () => ({ reset: true }));
  const env = { HTTP_PROXY: "http://127.0.0.1:9", NODE_USE_ENV_PROXY: "", NODE_OPTIONS: "", NO_PROXY: "", no_proxy: "" };
  const r = await runCliAsync(["fetch", `${closed.url}/$metadata`, "--out", "m.xml"], dir, env);
  expect(r.code).toBe(4);
  expect(r.stderr).toMatch(new RegExp(`^odatagen: cannot download ${closed.url}/\\$metadata: fetch failed \\(\\w+\\) \\(HTTP_PROXY is set, which (Node's fetch goes through only with NODE_USE_ENV_PROXY=1|the fetch of Node [\\d.]+ never goes through: to use the proxy, run odatagen on Node 22.21 or later with NODE_USE_ENV_PROXY=1)\\); nothing saved\\n$`));
  const without = await runCliAsync(["fetch", `${closed.url}/$metadata`, "--out", "m.xml"], dir, { HTTPS_PROXY: "", HTTP_PROXY: "", https_proxy: "", http_proxy: "" });
  expect(without.stderr).not.toContain("PROXY");
  // Node reads no HTTPS_PROXY for an http: URL, and no proxy for a host in NO_PROXY: nothing to say.
  for (const other of [{ HTTPS_PROXY: "http://127.0.0.1:9", HTTP_PROXY: "" }, { NO_PROXY: "localhost,127.0.0.1" }] as Record<string, string>[]) {
    const r2 = await runCliAsync(["fetch", `${closed.url}/$metadata`, "--out", "m.xml"], dir, { ...env, ...other });
    expect([r2.code, r2.stderr]).toEqual([4, expect.not.stringContaining("PROXY")]);
  }
  expect(fs.readdirSync(dir)).toEqual([]);
});
