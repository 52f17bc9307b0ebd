/**
 * All of Microsoft Graph v1.0, as published (byte-order mark, empty enums, the `self` alias, keys
 * below key-less abstract bases, flags enums, terms): it generates without errors and the whole
 * output compiles under `tsc --strict`. Skips visibly when ../shared/corpus is absent.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { generate } from "../generator/generate";
import { writeOutput } from "../generator/write/write";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { spawnBounded } from "./helpers/bounded-spawn";
import { startLoopback, type Loopback, type Recorded, type Reply } from "./helpers/loopback";

const d = describeWithGraph("graph-full");
const SHARED_NAMES = ["browse", "count", "delta", "image", "preview", "search"].map((n) => `microsoft.graph.${n}`);

const TSC = path.resolve(__dirname, "..", "node_modules", "typescript", "bin", "tsc");
const SCENARIOS = path.join(__dirname, "graph-full", "scenarios.ts");

d("Microsoft Graph v1.0, the whole document", () => {
  let out: string;
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("generates every artifact without errors, and the output compiles under tsc --strict", () => {
    const content = fs.readFileSync(GRAPH, "utf8");
    expect(content.charCodeAt(0)).toBe(0xfeff);
    // With keys as segments, as README's "Use it in your project" has a Graph user generate it
    // (`/users/{id}`, the URLs Graph documents; Graph's metadata does not say it takes them).
    const result = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content }], keyAsSegment: true });
    // Graph applies a term twice to 11 targets (inline and in an <Annotations> block, or in two
    // blocks, with different values): capability restrictions and ExplicitOperationBindings, notes,
    // not warnings (the Insertable, Updatable, Deletable and Readable the request functions' types read
    // agree in each pair); the first is kept (CSDL §3.6). The only
    // warnings: two alternate keys (Core.AlternateKeys) naming uniqueName, which accessPackage and
    // accessPackageCatalog do not have in v1.0 (left out: byKey takes the others), and two
    // NavigationRestrictions paths on groups through calendars and calendarGroups, which a group
    // does not have (its calendar is single).
    const restricted = (i: number, p: string, problem: string) => ["ODG103", 29379, `microsoft.graph.GraphService/groups/@Org.OData.Capabilities.V1.NavigationRestrictions/RestrictedProperties/${i}/NavigationProperty`,
      `${p} names no navigation property of microsoft.graph.group (microsoft.graph.group has no property or navigation property ${problem}); its restrictions are ignored`];
    expect(result.diagnostics.filter((x) => x.severity !== "info").map((x) => [x.code, x.line, x.path, x.message])).toEqual([
      ...["accessPackage", "accessPackageCatalog"].map((t, i) => [
        "ODG106",
        [12185, 12269][i],
        `microsoft.graph.${t}/@Org.OData.Core.V1.AlternateKeys/0/Key/0`,
        `alternate key 1 of microsoft.graph.${t}: property uniqueName is not a property of microsoft.graph.${t}; the alternate key is left out`,
      ]),
      restricted(2, "calendars/calendarView", "calendars (did you mean calendar?)"),
      restricted(3, "calendarGroups/calendars/calendarView", "calendarGroups"),
    ]);
    // Six names an action and a function (or an operation and a type) share, which CSDL §5 allows
    // only to an operation's overloads: notes, once a name, as the output is right.
    const shared = result.diagnostics.filter((x) => x.code === "ODG104" && / is defined more than once /.test(x.message));
    expect(shared.every((x) => x.severity === "info")).toBe(true);
    expect(shared.map((x) => x.path).sort()).toEqual(SHARED_NAMES);
    const twice = result.diagnostics.filter((x) => x.code === "ODG104" && !shared.includes(x));
    expect(twice.filter((x) => !/^Org\.OData\.(Capabilities\.V1\.\w+Restrictions|Core\.V1\.ExplicitOperationBindings) is applied to \S+ twice /.test(x.message))).toEqual([]);
    expect(twice.map((x) => x.path).sort()).toEqual([
      "microsoft.graph.GraphService/applications", "microsoft.graph.GraphService/contacts", "microsoft.graph.GraphService/devices",
      "microsoft.graph.GraphService/groups", "microsoft.graph.GraphService/servicePrincipals", "microsoft.graph.GraphService/users",
      "microsoft.graph.backupRestoreRoot/protectionUnits", "microsoft.graph.contact/photo", "microsoft.graph.event/exceptionOccurrences",
      "microsoft.graph.event/instances", "microsoft.graph.mailFolder/childFolders",
    ]);

    const kinds = { entity: 0, complex: 0, enum: 0 } as Record<string, number>;
    for (const t of result.model.types.values()) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    expect(kinds).toEqual(expect.objectContaining({ entity: 1182, complex: 1780, enum: 861 }));
    expect(result.model.schemas.map((s) => s.namespace)).toHaveLength(11);
    // The `self` alias of microsoft.graph.security resolves.
    expect(result.model.aliases.get("self")).toBe("microsoft.graph.security");
    for (const s of result.model.schemas) {
      for (const artifact of ["types", "validators", "requests"]) expect(result.files.has(`${s.namespace}.${artifact}.ts`)).toBe(true);
    }
    // Empty <EnumType/>s have no valid value; flags enums take comma-separated members.
    const types = result.files.get("microsoft.graph.types.ts") ?? "";
    expect(types).toMatch(/export type \w+ = never;/);
    expect(types).toMatch(/export type (\w+) = \1Member \| `\$\{\1Member\},\$\{string\}`;/);

    // Validation.DerivedTypeConstraint (35 in Graph): a group's members are of ten of directoryObject's
    // 41 types; the five beta type names mobileApps lists are ignored, each with a note.
    const validators = result.files.get("microsoft.graph.validators.ts") ?? "";
    const members = /vr\.navs\(o\["members"\], ctx, "members", (\w+)\)/.exec(validators.slice(validators.indexOf("export function propsGroup(")))?.[1];
    const body = validators.slice(validators.indexOf(`function ${members}(`), validators.indexOf("}", validators.indexOf(`function ${members}(`)));
    const call = /vr\.derivedType\( ?v, ctx, key, checkDirectoryObject, SERVICE, \[([^\]]*)\],? ?("[\w.]+")?/.exec(body.replace(/\s+/g, " "));
    expect(call).not.toBeNull();
    const allowed = call![1]!.match(/"microsoft\.graph\.\w+"/g);
    expect(allowed).toHaveLength(10);
    expect(allowed).toContain('"microsoft.graph.user"');
    expect(allowed).not.toContain('"microsoft.graph.contract"');
    // directoryObject itself is not among them: a member without @odata.type would be one, refused in a create.
    expect(call![2]).toBe('"microsoft.graph.directoryObject"');
    expect(result.diagnostics.filter((x) => x.message.startsWith("DerivedTypeConstraint names")).map((x) => x.path)).toEqual(
      Array(5).fill("microsoft.graph.deviceAppManagement/mobileApps/@Org.OData.Validation.V1.DerivedTypeConstraint"),
    );
    expect(types).toContain("Only `microsoft.graph.administrativeUnit` or `microsoft.graph.group` values (Validation.DerivedTypeConstraint).");

    out = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-graph-"));
    writeOutput(out, result.files);
    // Graph's own "Create team" example: a member of a subtype binds the subtype's navigation
    // property (`user`); the same with the name misspelt is the one error.
    const example = `{ "@odata.type": "#microsoft.graph.aadUserConversationMember", roles: ["owner"], "user@odata.bind": "https://graph.microsoft.com/v1.0/users('0040b377-61d8-43db-94f5-81374122dc7e')" }`;
    fs.writeFileSync(path.join(out, "create-team.ts"), [
      `import type { Client } from "./runtime.js";`,
      `import { createTeam, teams } from "./microsoft.graph.requests.js";`,
      `export const sent = (client: Client) => createTeam(client, teams(), { "template@odata.bind": "https://graph.microsoft.com/v1.0/teamsTemplates('standard')", displayName: "My Sample Team", members: [${example}] });`,
      `export const misspelt = (client: Client) => createTeam(client, teams(), { displayName: "T", members: [${example.replace("user@", "usr@")}] });`,
      "",
    ].join("\n"));
    // What Graph's metadata forbids does not compile (Capabilities.DeleteRestrictions on
    // microsoft.graph.security/alerts: Deletable false; CountRestrictions on
    // microsoft.graph.GraphService/drives: Countable false, so `$count` there), with the marker's
    // words; rt.unrestricted lets it through, and the seed's updateSession on its callRecords path
    // and a list of drives with `$top` compile as they did.
    fs.writeFileSync(path.join(out, "restrictions.ts"), [
      `import { unrestricted, type Client } from "./runtime.js";`,
      `import { communications, cloudCommunicationsCallRecords, deleteAlert, drives, listDrives, security, securityAlerts } from "./microsoft.graph.requests.js";`,
      `import { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";`,
      `export const forbidden = (client: Client) => deleteAlert(client, securityAlerts(security()).byKey("a1"));`,
      `export const anyway = (client: Client) => deleteAlert(client, unrestricted(securityAlerts(security()).byKey("a1")));`,
      `export const seed = (client: Client) => updateSession(client, callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("c1")).byKey("s1"), { modalities: ["audio"] });`,
      `export const counted = (client: Client) => listDrives(client, drives(), { count: true });`,
      `export const topped = (client: Client) => listDrives(client, drives(), { top: 5 });`,
      "",
    ].join("\n"));
    // A Graph user's program (test/graph-full/scenarios.ts) compiles beside it, in the same run.
    fs.copyFileSync(SCENARIOS, path.join(out, "scenarios.ts"));
    const files = [...result.files.keys(), "create-team.ts", "restrictions.ts", "scenarios.ts"].filter((f) => f.endsWith(".ts")).map((f) => path.join(out, f));
    const tsc = spawnBounded(
      process.execPath,
      ["--max-old-space-size=6144", TSC, "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom",
        "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", ...files],
      840_000,
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const errors = tsc.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors.slice(0, 20)).toEqual([
      expect.stringMatching(/create-team\.ts\(4,\d+\): error TS2353: .*'"usr@odata\.bind"' does not exist/),
      expect.stringMatching(/restrictions\.ts\(4,\d+\): error TS2345: Argument of type 'EntityRef<Alert, never, NoDelete>' is not assignable to parameter of type 'EntityRef<Alert, null, Deletable>'\./),
      expect.stringMatching(/restrictions\.ts\(7,\d+\): error TS2345: Argument of type 'CollectionRef<Drive, string, NoCount>' is not assignable to parameter of type 'CollectionRef<Drive, string, QueryTarget<"count">>'\./),
    ]);
    expect(tsc.stdout).toContain(`"the service's metadata forbids $count here (Capabilities.CountRestrictions); rt.unrestricted(target) sends it anyway"`);
    expect(tsc.stdout).toContain(`"the service's metadata forbids deleting here (Capabilities.DeleteRestrictions); rt.unrestricted(target) sends it anyway"`);
    expect(tsc.status).not.toBe(0);
  }, 900_000);

  // The bench's tree-shaking program (bench/run.js `treeShake`), request side: of every entity set
  // and singleton of Graph only `communications` is bundled, with no binding table.
  test("updateSession and its path builders bundle without the other roots", () => {
    expect(out).toBeDefined();
    const entry = `export { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
export { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";`;
    const r = buildSync({ stdin: { contents: entry, resolveDir: out, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral", write: false, logLevel: "silent" });
    const code = r.outputFiles[0].text;
    expect(code).toContain('"communications"');
    for (const other of ['"users"', '"groups"', '"directoryObjects"', '"agreementAcceptances"', '"solutions"', "bindings:", "$select", "@odata.nextLink"]) expect(code).not.toContain(other);
  });

  // The program of test/graph-full/scenarios.ts, bundled from the output compiled above and run
  // against a loopback server that answers as Graph's documentation shows: the exact requests sent,
  // and the documented answers taken (each through its validator).
  describe("Graph's documented calls, against a loopback server", () => {
    type Call = (client: unknown, ...args: string[]) => Promise<unknown>;
    let app: Record<string, Call> & { graph(baseUrl: string): unknown };
    let lb: Loopback;
    let base: string;
    let client: unknown;
    beforeAll(async () => {
      const r = buildSync({ entryPoints: [path.join(out, "scenarios.ts")], bundle: true, format: "cjs", platform: "node", target: "node18", write: false, logLevel: "silent" });
      fs.writeFileSync(path.join(out, "scenarios.cjs"), r.outputFiles[0].text);
      app = require(path.join(out, "scenarios.cjs"));
      lb = await startLoopback();
      base = `${lb.url}/v1.0`;
      client = app.graph(base);
    });
    afterAll(() => lb?.close());

    const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, body, headers });
    /** What was sent: method, URL as it arrived, and the JSON body, if any. */
    const sent = () => lb.requests.map((r: Recorded) => [r.method, r.url, ...(r.body ? [JSON.parse(r.body)] : [])]);
    const replies = (...answers: Reply[]) => lb.handle((_, i) => answers[i] ?? { status: 500 });

    test("GET /users with $select, $filter, $count, $top and ConsistencyLevel, then @odata.nextLink with the same header", async () => {
      const next = `${base}/users?$select=displayName,mail&$filter=startswith(displayName,'A')&$count=true&$top=5&$skiptoken=RFNwdAIAAQAAAD8`;
      replies(
        json({
          "@odata.context": `${base}/$metadata#users(displayName,mail)`, "@odata.count": 6, "@odata.nextLink": next,
          value: [
            { displayName: "Adele Vance", mail: "AdeleV@contoso.com" }, { displayName: "Alex Wilber", mail: "AlexW@contoso.com" },
            { displayName: "Allan Deyoung", mail: "AllanD@contoso.com" }, { displayName: "Alfred", mail: null },
            { displayName: "Anna", mail: "anna@contoso.com" },
          ],
        }),
        json({ "@odata.context": `${base}/$metadata#users(displayName,mail)`, value: [{ displayName: "Aaron", mail: "aaron@contoso.com" }] }),
      );
      await expect(app.usersStartingWithA(client)).resolves.toEqual({
        count: 6,
        people: ["Adele Vance <AdeleV@contoso.com>", "Alex Wilber <AlexW@contoso.com>", "Allan Deyoung <AllanD@contoso.com>", "Alfred <->", "Anna <anna@contoso.com>", "Aaron <aaron@contoso.com>"],
      });
      // Graph's query in another order; fetch's URL parser writes `'` in a query as %27 (WHATWG URL's
      // special-query set), the next link's too, which Graph reads as `'`.
      const quoted = (url: string) => url.replace(/'/g, "%27");
      expect(sent()).toEqual([
        ["GET", quoted("/v1.0/users?$select=displayName,mail&$filter=startswith(displayName,'A')&$top=5&$count=true")],
        ["GET", quoted(next.slice(lb.url.length))],
      ]);
      for (const r of lb.requests) expect([r.headers.consistencylevel, r.headers.authorization]).toEqual(["eventual", "Bearer t0k"]);
    });

    test("GET /me/messages?$select=subject, POST a fileAttachment to /me/messages/{id}/attachments, POST /me/sendMail with an attachment", async () => {
      replies(json({
        "@odata.context": `${base}/$metadata#users('bb8775a4-4d8c-42cf-a1d4-4d58c2bb668f')/messages(subject)`,
        value: [
          { "@odata.etag": 'W/"CQAAABYAAADHcgC8Hl9tRZ/hc1wEUs1TAAAwR4Hg"', id: "AAMkAGUAAAwTW09AAA=", subject: "You have late tasks!" },
          { "@odata.etag": 'W/"CQAAABYAAADHcgC8Hl9tRZ/hc1wEUs1TAAAwR4Hh"', id: "AAMkAGUAAAwTW09AAB=", subject: "Lunch?" },
        ],
      }));
      await expect(app.mySubjects(client)).resolves.toEqual(["You have late tasks!", "Lunch?"]);
      expect(sent()).toEqual([["GET", "/v1.0/me/messages?$select=subject"]]);

      replies(json({
        "@odata.context": `${base}/$metadata#users('ddfcd489-628b-40d7-b48b-57002df800e5')/messages('AAMkAGUAAAwTW09AAA%3D')/attachments/$entity`,
        "@odata.type": "#microsoft.graph.fileAttachment", id: "AAMkADNkN2R1ZjgwLTE2YjYtNGI0Ny1iOTQ0LTQ1MTM=", lastModifiedDateTime: "2017-01-26T08:48:28Z",
        name: "smile", contentType: "image/gif", size: 35, isInline: false, contentId: null, contentLocation: null, contentBytes: "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=",
      }, 201));
      await expect(app.attachFile(client, "AAMkAGUAAAwTW09AAA=")).resolves.toBe("AAMkADNkN2R1ZjgwLTE2YjYtNGI0Ny1iOTQ0LTQ1MTM=");
      expect(sent()).toEqual([["POST", "/v1.0/me/messages/AAMkAGUAAAwTW09AAA%3D/attachments", { "@odata.type": "#microsoft.graph.fileAttachment", name: "smile", contentBytes: "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=" }]]);

      // Graph's own form is POST /me/sendMail with `message` and `saveToSentItems`: the metadata
      // names the parameters `Message` and `SaveToSentItems` (Graph takes either), and a bound
      // action's segment is namespace-qualified (Graph declares no Core.DefaultNamespace).
      replies({ status: 202 });
      await expect(app.sendHello(client)).resolves.toBeUndefined();
      expect(sent()).toEqual([["POST", "/v1.0/me/microsoft.graph.sendMail", {
        Message: {
          subject: "Meet for lunch?", body: { contentType: "text", content: "The new cafeteria is open." },
          toRecipients: [{ emailAddress: { address: "frannis@contoso.com" } }], ccRecipients: [{ emailAddress: { address: "danas@contoso.com" } }],
          attachments: [{ "@odata.type": "#microsoft.graph.fileAttachment", name: "attachment.txt", contentType: "text/plain", contentBytes: "SGVsbG8gV29ybGQh" }],
        },
        SaveToSentItems: false,
      }]]);
    });

    test("POST /groups/{id}/members/$ref, DELETE /groups/{id}/members/{id}/$ref, GET /groups/{id}/members/microsoft.graph.user", async () => {
      replies({ status: 204 }, { status: 204 }, json({
        "@odata.context": `${base}/$metadata#users(displayName,userPrincipalName)`,
        value: [{ "@odata.type": "#microsoft.graph.user", id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", displayName: "Adele Vance", userPrincipalName: "AdeleV@contoso.com" }],
      }));
      await expect(app.membership(client, "02bd9fd6-8f93-4758-87c3-1fb73740a315", "87d349ed-44d7-43e1-9a83-5f2406dee5bd")).resolves.toEqual(["AdeleV@contoso.com"]);
      expect(sent()).toEqual([
        ["POST", "/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/$ref", { "@odata.id": `${base}/directoryObjects/87d349ed-44d7-43e1-9a83-5f2406dee5bd` }],
        ["DELETE", "/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/87d349ed-44d7-43e1-9a83-5f2406dee5bd/$ref"],
        ["GET", "/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/microsoft.graph.user?$select=displayName,userPrincipalName"],
      ]);
    });

    test("GET /users/delta() through its pages to the @odata.deltaLink, then the next round from it", async () => {
      const deltaLink = `${base}/users/delta()?$deltatoken=mS5DuRZGjVL-abreviated`;
      replies(
        json({
          "@odata.context": `${base}/$metadata#users(displayName)`,
          "@odata.nextLink": `${base}/users/delta()?$skiptoken=pqwSUjGYvb3jQpbwVAwEL7yuI3dU1LecfkkfLPtnIjsXoYQp_dpA3cNJWc`,
          value: [{ displayName: "Adele Vance", id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd" }],
        }),
        json({
          "@odata.context": `${base}/$metadata#users(displayName)`, "@odata.deltaLink": deltaLink,
          value: [{ "@odata.type": "#microsoft.graph.user", id: "5d4b2a4c-8a31-4a8b-9e3e-2b6f2a1d9c11", "@removed": { reason: "changed" } }],
        }),
        json({ "@odata.context": `${base}/$metadata#users(displayName)`, "@odata.deltaLink": `${base}/users/delta()?$deltatoken=next`, value: [{ displayName: "Alex Wilber", id: "a1" }] }),
      );
      await expect(app.deltaRounds(client)).resolves.toEqual({
        names: ["Adele Vance", "Alex Wilber"], removed: ["5d4b2a4c-8a31-4a8b-9e3e-2b6f2a1d9c11"], deltaLink: `${base}/users/delta()?$deltatoken=next`,
      });
      expect(sent()).toEqual([
        ["GET", "/v1.0/users/microsoft.graph.delta()?$select=displayName"],
        ["GET", "/v1.0/users/delta()?$skiptoken=pqwSUjGYvb3jQpbwVAwEL7yuI3dU1LecfkkfLPtnIjsXoYQp_dpA3cNJWc"],
        ["GET", "/v1.0/users/delta()?$deltatoken=mS5DuRZGjVL-abreviated"],
      ]);
    });

    test("GET /me/drive/items/{id}/content follows the redirect to the download; POST …/createUploadSession", async () => {
      replies(
        { status: 302, headers: { Location: `${lb.url}/download/largefile.dat?tempauth=eyJ0eXAi` } },
        { status: 200, headers: { "Content-Type": "application/octet-stream" }, body: "file contents" },
        json({ "@odata.context": `${base}/$metadata#microsoft.graph.uploadSession`, uploadUrl: "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337", expirationDateTime: "2015-01-29T09:21:55.523Z", nextExpectedRanges: ["0-"] }),
      );
      await expect(app.driveFile(client, "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K")).resolves.toEqual({ text: "file contents", uploadUrl: "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337" });
      expect(sent()).toEqual([
        ["GET", "/v1.0/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/content"],
        ["GET", "/download/largefile.dat?tempauth=eyJ0eXAi"],
        ["POST", "/v1.0/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/microsoft.graph.createUploadSession", { item: { name: "largefile.dat", description: "a large file" } }],
      ]);
    });

    test("GET /me/drive/items/{id}/content as a stream: the redirect followed, the download handed out as it comes", async () => {
      replies(
        { status: 302, headers: { Location: `${lb.url}/download/largefile.dat?tempauth=eyJ0eXAi` } },
        { status: 200, headers: { "Content-Type": "application/octet-stream", "Content-Length": "13" }, body: "file contents" },
      );
      await expect(app.driveFileStreamed(client, "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K")).resolves.toEqual({ type: "application/octet-stream", length: 13, text: "file contents" });
      expect(sent()).toEqual([
        ["GET", "/v1.0/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K/content"],
        ["GET", "/download/largefile.dat?tempauth=eyJ0eXAi"],
      ]);
    });

    test("POST /me/events with start and end in a time zone; GET /me/calendarView with startDateTime and endDateTime", async () => {
      const pst = (dateTime: string) => ({ dateTime, timeZone: "Pacific Standard Time" });
      replies(
        json({
          "@odata.context": `${base}/$metadata#users('cd209b0b-3f83-4c35-82d2-d88a61820480')/events/$entity`,
          "@odata.etag": 'W/"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ=="', id: "AAMkAGI1AAAt9AHjAAA=", createdDateTime: "2017-04-15T03:00:50.7579581Z",
          lastModifiedDateTime: "2017-04-15T03:00:51.245372Z", changeKey: "ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ==", categories: [],
          originalStartTimeZone: "Pacific Standard Time", originalEndTimeZone: "Pacific Standard Time", iCalUId: "040000008200E00074C5B7101A82E00800000000DA2B357D94B5D201000000000000000010000000EC4597557F0CB34EA4CC2887EA7B17C3",
          reminderMinutesBeforeStart: 15, isReminderOn: true, hasAttachments: false, subject: "Let's go for lunch", bodyPreview: "Does noon work for you?",
          importance: "normal", sensitivity: "normal", isAllDay: false, isCancelled: false, isOrganizer: true, responseRequested: true, seriesMasterId: null,
          showAs: "busy", type: "singleInstance", webLink: "https://outlook.office365.com/owa/?itemid=AAMkAGI1AAAt9AHjAAA%3D&exvsurl=1&path=/calendar/item",
          onlineMeetingUrl: null, isOnlineMeeting: false, onlineMeetingProvider: "unknown", allowNewTimeProposals: true, isDraft: false, hideAttendees: false,
          recurrence: null, onlineMeeting: null, responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" },
          body: { contentType: "html", content: "<html><body>Does noon work for you?</body></html>" },
          start: pst("2017-04-15T12:00:00.0000000"), end: pst("2017-04-15T14:00:00.0000000"),
          location: { displayName: "Harry's Bar", locationType: "default", uniqueId: "Harry's Bar", uniqueIdType: "private" },
          locations: [{ displayName: "Harry's Bar", locationType: "default", uniqueIdType: "unknown" }],
          attendees: [{ type: "required", status: { response: "none", time: "0001-01-01T00:00:00Z" }, emailAddress: { name: "Samantha Booth", address: "samanthab@contoso.com" } }],
          organizer: { emailAddress: { name: "Dana Swope", address: "danas@contoso.com" } },
        }, 201),
        json({
          "@odata.context": `${base}/$metadata#users('cd209b0b-3f83-4c35-82d2-d88a61820480')/calendarView(subject,start,end)`,
          value: [{ "@odata.etag": 'W/"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw=="', id: "AAMkAGI1AAAoZCfHAAA=", subject: "Orientation ", start: pst("2017-01-02T15:00:00.0000000"), end: pst("2017-01-02T16:00:00.0000000") }],
        }),
      );
      await expect(app.calendar(client)).resolves.toEqual({ created: "AAMkAGI1AAAt9AHjAAA=", seen: ["Orientation  2017-01-02T15:00:00.0000000 Pacific Standard Time"] });
      expect(sent()).toEqual([
        ["POST", "/v1.0/me/events", {
          subject: "Let's go for lunch", body: { contentType: "html", content: "Does noon work for you?" },
          start: pst("2017-04-15T12:00:00"), end: pst("2017-04-15T14:00:00"), location: { displayName: "Harry's Bar" },
          attendees: [{ emailAddress: { address: "samanthab@contoso.com", name: "Samantha Booth" }, type: "required" }], allowNewTimeProposals: true,
        }],
        ["GET", "/v1.0/me/calendarView?$select=subject,start,end&startDateTime=2017-01-01T19:00:00-08:00&endDateTime=2017-01-07T19:00:00-08:00"],
      ]);
    });

    test("POST /me/extensions with an openTypeExtension and its dynamic properties", async () => {
      replies(json({
        "@odata.context": `${base}/$metadata#Me/extensions/$entity`, "@odata.type": "#microsoft.graph.openTypeExtension",
        id: "Com.Contoso.Referral", extensionName: "Com.Contoso.Referral", companyName: "Wingtip Toys", dealValue: 500050, expirationDate: "2015-12-03T10:00:00.000Z",
      }, 201));
      await expect(app.referral(client)).resolves.toBe(500050);
      expect(sent()).toEqual([["POST", "/v1.0/me/extensions", {
        "@odata.type": "#microsoft.graph.openTypeExtension", extensionName: "Com.Contoso.Referral", companyName: "Wingtip Toys", dealValue: 500050, expirationDate: "2015-12-03T10:00:00.000Z",
      }]]);
    });

    test("a 404 with Graph's error body, and 429s with Retry-After: one waited for, one longer than the client waits", async () => {
      replies(json({
        error: {
          code: "Request_ResourceNotFound",
          message: "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
          innerError: { date: "2024-05-08T10:33:41", "request-id": "b0a7d4a4-9c3b-4b39-9c4e-4b3c1f1b2e3d", "client-request-id": "b0a7d4a4-9c3b-4b39-9c4e-4b3c1f1b2e3d" },
        },
      }, 404, { "request-id": "b0a7d4a4-9c3b-4b39-9c4e-4b3c1f1b2e3d" }));
      await expect(app.missingUser(client, "nobody@contoso.com")).resolves.toBe(
        "404 Request_ResourceNotFound: Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present. (request-id b0a7d4a4-9c3b-4b39-9c4e-4b3c1f1b2e3d, 2024-05-08T10:33:41)",
      );
      // `@` percent-encoded in the key, as Graph's own SDKs send it.
      expect(sent()).toEqual([["GET", "/v1.0/users/nobody%40contoso.com?$select=displayName"]]);

      const throttled = (wait: string): Reply => json({
        error: {
          code: "TooManyRequests", message: "Please retry again later.",
          innerError: { code: "429", date: "2020-08-18T12:51:51", message: "Please retry after", "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2", status: "429" },
        },
      }, 429, { "Retry-After": wait });
      const page = json({ value: [{ id: "AAMkAGUAAAwTW09AAA=", subject: "You have late tasks!" }] });
      replies(throttled("0"), page, throttled("120"));
      await expect(app.throttled(client)).resolves.toEqual({
        subjects: ["You have late tasks!"],
        refused: "429 TooManyRequests: Please retry again later.: the service asked to wait 120 s (Retry-After), more than maxDelayMs 60 s: not retried",
      });
      expect(sent()).toEqual(Array(3).fill(["GET", "/v1.0/me/messages?$select=subject"]));
    });
  });
});
