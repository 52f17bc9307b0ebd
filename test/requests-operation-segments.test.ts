// How bound actions and functions are named in URLs (test/fixtures/requests/operation-segments.xml):
// qualified (`/users('u1')/Mail.Svc.sendMail`, OData 4.0) by default, by name alone
// (`/users('u1')/sendMail`) for a schema annotated Core.DefaultNamespace or with
// `unqualifiedOperations`, but qualified where the name alone could name something else. The
// requests go over HTTP to 127.0.0.1 and the URLs are those the server received.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { defaultNamespaces } from "../generator/model/capabilities";
import { buildOk, edmx, schema } from "./helpers/csdl";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { docOf } from "./helpers/doc-of";

type Svc = typeof import("./.generated/opsegs-default/Mail.Svc.requests");
type Extra = typeof import("./.generated/opsegs-default/Mail.Extra.requests");
type Runtime = typeof import("./.generated/opsegs-default/runtime");

/** The generated modules of the fixture, generated with `options`. */
function api(tag: string, options: { unqualifiedOperations?: boolean } = {}) {
  const dir = generateFixture("requests/operation-segments.xml", tag, options);
  const load = <T>(name: string): T => require(path.join(dir, name));
  return { svc: load<Svc>("Mail.Svc.requests"), extra: load<Extra>("Mail.Extra.requests"), rt: load<Runtime>("runtime"), dir };
}

const byDefault = api("opsegs-default");
const unqualified = api("opsegs-unqualified", { unqualifiedOperations: true });
const qualified = api("opsegs-qualified", { unqualifiedOperations: false });

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** Calls every operation of the fixture once; resolves with [method, URL, body] as the server received them. */
async function callAll({ svc, extra, rt }: ReturnType<typeof api>): Promise<string[][]> {
  const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
  // A page where the operation returns a collection (a read, getByIds), else no content.
  srv.handle((r) => (r.method === "GET" || r.url.includes("getByIds") ? { body: { value: [] } } : { status: 204 }));
  const user = svc.users().byKey("u1");
  const message = svc.userMessages(user).byKey("m1");
  await svc.sendMail(client, user, { comment: "hi", saveToSentItems: false });
  await svc.getByIds(client, svc.users(), { ids: ["a", "b"] });
  await svc.reminderView(client, user, { startDateTime: "2026-01-01", endDateTime: null }, { select: ["subject"] });
  await svc.delta(client, svc.users(), { select: ["displayName"] });
  // Composable: the function's result is an address to go on from.
  await svc.listMessages(client, svc.reminderViewRef(user, { startDateTime: "a", endDateTime: "b" }), { top: 1 });
  await svc.getUser(client, svc.deltaRef(svc.users()).byKey("u2"));
  await svc.subject(client, svc.userMessages(user));
  await extra.flag(client, message, { color: "red" });
  await svc.displayName(client, user);
  await svc.messages(client, user);
  await svc.restore(client, user);
  await extra.admin(client, svc.users());
  await svc.archive(client, svc.users());
  await extra.archive(client, svc.castUser(svc.users(), "Mail.Svc.admin"));
  await svc.mostActive(client);
  return srv.requests.map((r) => [r.method, r.url, r.body]);
}

/** The requests of `callAll`, with each bound operation's segment as `segment(qualified name)` writes it. */
function expected(segment: (qualifiedName: string) => string): string[][] {
  const s = (name: string) => encodeURI(segment(name));
  return [
    ["POST", `/v1.0/users('u1')/${s("Mail.Svc.sendMail")}`, '{"comment":"hi","saveToSentItems":false}'],
    ["POST", `/v1.0/users/${s("Mail.Svc.getByIds")}`, '{"ids":["a","b"]}'],
    ["GET", `/v1.0/users('u1')/${s("Mail.Svc.reminderView")}(startDateTime='2026-01-01',endDateTime=null)?$select=subject`, ""],
    ["GET", `/v1.0/users/${s("Mail.Svc.delta")}()?$select=displayName`, ""],
    ["GET", `/v1.0/users('u1')/${s("Mail.Svc.reminderView")}(startDateTime='a',endDateTime='b')?$top=1`, ""],
    ["GET", `/v1.0/users/${s("Mail.Svc.delta")}()('u2')`, ""],
    ["GET", `/v1.0/users('u1')/messages/${s("Mail.Svc.subject")}()`, ""],
    ["POST", `/v1.0/users('u1')/messages('m1')/${s("Mail.Extra.flag")}`, '{"color":"red"}'],
    // Ambiguous alone, so qualified whatever is asked for.
    ["GET", "/v1.0/users('u1')/Mail.Svc.displayName()", ""],
    ["POST", "/v1.0/users('u1')/Mail.Svc.messages", "{}"],
    ["POST", "/v1.0/users('u1')/Mail.Svc.restore", "{}"],
    ["POST", "/v1.0/users/Mail.Extra.admin", "{}"],
    ["POST", "/v1.0/users/Mail.Svc.archive", "{}"],
    ["POST", "/v1.0/users/Mail.Svc.admin/Mail.Extra.archive", "{}"],
    // An unbound function is called through its import, by the import's name, always.
    ["GET", "/v1.0/mostActive()", ""],
  ];
}

const alone = (qualifiedName: string) => qualifiedName.slice(qualifiedName.lastIndexOf(".") + 1);

describe("bound operations' segments, as sent", () => {
  test("by default: qualified (OData 4.0), but a Core.DefaultNamespace schema's operations by name alone", async () => {
    expect(await callAll(byDefault)).toEqual(expected((name) => (name.startsWith("Mail.Extra.") ? alone(name) : name)));
  });

  test("unqualifiedOperations: every operation by name alone, for an entity and a collection, with parameters, composed", async () => {
    expect(await callAll(unqualified)).toEqual(expected(alone));
  });

  test("unqualifiedOperations false: every operation qualified, those of a Core.DefaultNamespace schema too", async () => {
    expect(await callAll(qualified)).toEqual(expected((name) => name));
  });
});

describe("where the name alone is ambiguous, the doc comment says why it stays qualified", () => {
  const source = (file: string) => fs.readFileSync(path.join(unqualified.dir, file), "utf8");
  const doc = (file: string, fn: string) => docOf(source(file), fn);

  test.each([
    ["Mail.Svc.requests.ts", "displayName", "`Mail.Svc.user` has a property `displayName`, which a service reads first."],
    ["Mail.Svc.requests.ts", "messages", "`Mail.Svc.user` has a navigation property `messages`, which a service reads first."],
    // Through a type cast to the subtype, the target may be an admin.
    ["Mail.Svc.requests.ts", "restore", "`Mail.Svc.admin` has a property `restore`, which a service reads first."],
    ["Mail.Extra.requests.ts", "admin", "it would read as a type cast to subtype `Mail.Svc.admin`."],
    ["Mail.Svc.requests.ts", "archive", "`Mail.Extra.archive` is bound to a collection of `Mail.Svc.admin` too."],
    ["Mail.Extra.requests.ts", "archive", "`Mail.Svc.archive` is bound to a collection of `Mail.Svc.user` too."],
  ])("%s %s", (file, fn, why) => {
    expect(doc(file, fn)).toContain(`Named qualified in the URL, not by its name alone: ${why}`);
  });

  test("an unambiguous one says nothing of it; with qualified names asked for, none does", () => {
    expect(doc("Mail.Svc.requests.ts", "sendMail")).toBe("/** Action `Mail.Svc.sendMail`, bound to `Mail.Svc.user`. */\n");
    expect(fs.readFileSync(path.join(qualified.dir, "Mail.Svc.requests.ts"), "utf8")).not.toContain("Named qualified");
  });

  test("a composable function's address builder shows the segment it writes", () => {
    expect(doc("Mail.Svc.requests.ts", "deltaRef")).toContain("returns (it is composable): `.../delta(...)`");
  });
});

describe("Core.DefaultNamespace", () => {
  const CORE = `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>\n`;
  const ops = `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>`;

  test.each<[string, string, string[]]>([
    ["inline", schema("ns", `<Annotation Term="Core.DefaultNamespace"/>${ops}`), ["ns"]],
    ["inline, Bool=\"true\", by the vocabulary's namespace", schema("ns", `<Annotation Term="Org.OData.Core.V1.DefaultNamespace" Bool="true"/>${ops}`), ["ns"]],
    ["inline, Bool=\"false\"", schema("ns", `<Annotation Term="Core.DefaultNamespace" Bool="false"/>${ops}`), []],
    ["through <Annotations Target> naming the namespace", schema("ns", `${ops}<Annotations Target="ns"><Annotation Term="Core.DefaultNamespace"/></Annotations>`), ["ns"]],
    ["through <Annotations Target> naming the alias", schema("ns", `${ops}<Annotations Target="self"><Annotation Term="Core.DefaultNamespace"/></Annotations>`, "self"), ["ns"]],
    ["on another schema only", [schema("ns", ops), schema("other", `<Annotation Term="Core.DefaultNamespace"/>`)].join("\n"), ["other"]],
    ["qualified (another meaning)", schema("ns", `<Annotation Term="Core.DefaultNamespace" Qualifier="v2"/>${ops}`), []],
    ["absent", schema("ns", ops), []],
  ])("%s", (_label, schemas, want) => {
    expect([...defaultNamespaces(buildOk(edmx(schemas, CORE)))]).toEqual(want);
  });

  // The vocabulary's term applies to Schema and Include: a document may say so of a namespace it
  // includes from another (here: the second input), as OASIS's examples write it on Core's include.
  describe("on an edmx:Include", () => {
    const included = (annotation: string, alias = "Core") => `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="${alias}"/></edmx:Reference>
<edmx:Reference Uri="lib.xml"><edmx:Include Namespace="lib" Alias="L">${annotation}</edmx:Include></edmx:Reference>\n`;
    const main = (annotation: string, alias?: string) => edmx(schema("main", ops), included(annotation, alias));
    const lib = edmx(schema("lib", `${ops}<Action Name="ping" IsBound="true"><Parameter Name="it" Type="lib.e" Nullable="false"/></Action>`));
    const run = (first: string) => generate({ inputs: [{ file: "main.xml", content: first }, { file: "lib.xml", content: lib }] });

    test.each<[string, string, boolean]>([
      ["by the alias the document gives the vocabulary", `<Annotation Term="Core.DefaultNamespace"/>`, true],
      ["by the vocabulary's namespace, Bool=\"true\"", `<Annotation Term="Org.OData.Core.V1.DefaultNamespace" Bool="true"/>`, true],
      ["Bool=\"false\"", `<Annotation Term="Core.DefaultNamespace" Bool="false"/>`, false],
      ["qualified (another meaning)", `<Annotation Term="Core.DefaultNamespace" Qualifier="v2"/>`, false],
      ["another term", `<Annotation Term="Core.Description" String="x"/>`, false],
    ])("%s", (_label, annotation, want) => {
      const { files, diagnostics } = run(main(annotation));
      expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(files.get("lib.requests.ts")).toContain(want ? "`${target.path}/ping`" : "`${target.path}/lib.ping`");
    });

    test("a slice reads it as the whole service does", () => {
      const { files } = generate({ inputs: [{ file: "main.xml", content: main(`<Annotation Term="Core.DefaultNamespace"/>`) }, { file: "lib.xml", content: lib }], include: ["lib"] });
      expect(files.get("lib.requests.ts")).toContain("`${target.path}/ping`");
    });

    test("an alias is the referring document's own: another document's Core alias means nothing there", () => {
      // main.xml calls the vocabulary V, so its Core.DefaultNamespace names no term it knows.
      expect(run(main(`<Annotation Term="Core.DefaultNamespace"/>`, "V")).files.get("lib.requests.ts")).toContain("`${target.path}/lib.ping`");
      expect(run(main(`<Annotation Term="V.DefaultNamespace"/>`, "V")).files.get("lib.requests.ts")).toContain("`${target.path}/ping`");
    });

    test("its value is checked as a schema's is, at the annotation, with the include's path", () => {
      const { diagnostics, files } = run(main(`<Annotation Term="Core.DefaultNamespace" Bool="maybe"/>`));
      expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.path])).toEqual([["ODG102", "warning", "main.xml", 4, "Reference/Include"]]);
      expect(files.get("lib.requests.ts")).toContain("`${target.path}/lib.ping`");
    });

    test("in CSDL JSON", () => {
      const doc = (annotations: Record<string, unknown>) => JSON.stringify({
        $Version: "4.01",
        $Reference: {
          "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.json": { $Include: [{ $Namespace: "Org.OData.Core.V1", $Alias: "Core" }] },
          "lib.xml": { $Include: [{ $Namespace: "lib", ...annotations }] },
        },
        main: { e: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" } } },
      });
      const json = (annotations: Record<string, unknown>) =>
        generate({ inputs: [{ file: "main.json", content: doc(annotations) }, { file: "lib.xml", content: lib }] }).files.get("lib.requests.ts");
      expect(json({ "@Core.DefaultNamespace": true })).toContain("`${target.path}/ping`");
      expect(json({ "@Core.DefaultNamespace": false })).toContain("`${target.path}/lib.ping`");
      expect(json({})).toContain("`${target.path}/lib.ping`");
    });
  });

  test("in CSDL JSON, on the schema", () => {
    const doc = {
      $Version: "4.01", $EntityContainer: "ns.svc",
      $Reference: { "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.json": { $Include: [{ $Namespace: "Org.OData.Core.V1", $Alias: "Core" }] } },
      ns: {
        "@Core.DefaultNamespace": true,
        e: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" } },
        ping: [{ $Kind: "Action", $IsBound: true, $Parameter: [{ $Name: "it", $Type: "ns.e", $Nullable: false }] }],
        svc: { $Kind: "EntityContainer", es: { $Collection: true, $Type: "ns.e" } },
      },
    };
    const files = generate({ inputs: [{ file: "ns.json", content: JSON.stringify(doc) }] }).files;
    expect(files.get("ns.requests.ts")).toContain('rt.send<void>(client, "POST", `${target.path}/ping`, {}, options)');
  });

  test("the annotation applies to operations of its schema only: an unbound one keeps its import's name, and without it the output is as before", () => {
    const xml = fs.readFileSync(path.join(FIXTURES, "requests/operation-segments.xml"), "utf8");
    const without = xml.replace('<Annotation Term="Core.DefaultNamespace"/>', "");
    const run = (content: string) => generate({ inputs: [{ file: "operation-segments.xml", content }] }).files;
    const a = run(xml);
    const b = run(without);
    expect(a.get("Mail.Svc.requests.ts")).toBe(b.get("Mail.Svc.requests.ts"));
    expect(b.get("Mail.Extra.requests.ts")).toContain("`${target.path}/Mail.Extra.flag`");
    expect(a.get("Mail.Extra.requests.ts")).toContain("`${target.path}/flag`");
  });
});

test("a slice names an operation in its URL as the full run does: what it leaves out still makes the name alone ambiguous", () => {
  const content = fs.readFileSync(path.join(FIXTURES, "requests/operation-segments.xml"), "utf8");
  const archive = (include?: string[]) =>
    generate({ inputs: [{ file: "operation-segments.xml", content }], ...(include ? { include } : {}) }).files.get("Mail.Extra.requests.ts")!.match(/export function archive\([\s\S]*?`\$\{target\.path\}\/([^`]*)`/)![1];
  expect(archive()).toBe("Mail.Extra.archive");
  // The slice leaves out Mail.Svc.archive, which is bound to the users the admins are among.
  expect(archive(["Mail.Extra.archive"])).toBe("Mail.Extra.archive");
  expect(archive(["/users/{id}/Mail.Svc.admin", "Mail.Extra.archive"])).toBe("Mail.Extra.archive");
});
