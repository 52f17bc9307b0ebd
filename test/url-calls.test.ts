/**
 * `odatagen url` (urlCalls): the code it prints for a URL path as documentation writes it compiles
 * against the real generated output — a slice of Microsoft Graph v1.0 generated once for the file,
 * Graph beta's Security Copilot excerpt, TripPin — with the functions the requests modules really
 * export, named as they name them. Then what it refuses. The corpus parts skip visibly when
 * ../shared/corpus is absent.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { urlCalls, type UrlCall, type UrlCallResult, type UrlRequest } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { describeWithSeeds, readSeed } from "./helpers/seeds";
import { anyCompiler, BASE_OPTIONS, runTscCases, type UsageCase } from "./helpers/typecheck";

const CORPUS = path.dirname(GRAPH);
const COPILOT = path.join(CORPUS, "graph-beta-securityCopilot-excerpt.xml");
const TRIPPIN = path.join(CORPUS, "trippin-v4.xml");
const SCRATCH = path.join(__dirname, ".generated", "url-calls");

/** `describe` when the corpus files are there, else `describe.skip` after a visible warning. */
function describeWith(what: string, ...files: string[]): jest.Describe {
  const missing = files.filter((f) => !fs.existsSync(f));
  if (!missing.length) return describe;
  console.warn(`SKIPPED ${what} tests: ${missing.join(", ")} absent`);
  return describe.skip;
}

function inputs(file: string) {
  return [{ file, content: fs.readFileSync(file, "utf8") }];
}

/** The output of `options`, written to a folder of its own under test/.generated. */
function writeOutput(tag: string, options: Parameters<typeof generate>[0]): string {
  const dir = path.join(SCRATCH, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of generate(options).files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function call(r: UrlCallResult | undefined): UrlCall {
  if (!r?.ok) throw new Error(`no call: ${r ? r.problem : "no result"}`);
  return r.call;
}

/**
 * A program of the printed code as a user pastes it: the imports at the top, the rest in an async
 * function, the variables it names declared (a key as its type; a body, parameters or media as
 * `never`, which fits any parameter: what is checked is the functions, the address and the arguments).
 */
function usage(dir: string, c: UrlCall): UsageCase {
  const [head, rest] = c.code.split("\n\n");
  const declared = c.variables.map((v) => `declare const ${v.name}: ${v.name === "client" ? "Client" : (v.type ?? "never")};`);
  return { from: [dir], usage: [`import type { Client } from "./index.js";`, head, ...declared, "export async function run() {", rest, "}", ""].join("\n") };
}

/**
 * Each case compiled under --strict, in one program, by TypeScript 7 where it runs (else 5.9): what
 * is checked is that the printed calls name the functions and arguments the generated modules have,
 * which does not depend on the compiler; typecheck.test.ts checks the generated code with both.
 */
function compiles(cases: () => { name: string; use: UsageCase }[]) {
  test("the printed code compiles against the generated output", () => {
    const c = anyCompiler();
    const all = cases();
    const results = runTscCases(c, all.map((x) => x.use), BASE_OPTIONS);
    expect(results.map((r, i) => (r.status === 0 ? "" : `${all[i].name}:\n${r.output}`)).filter((x) => x)).toEqual([]);
  });
}

const SESSION = "/communications/callRecords/{callRecordId}/sessions/{sessionId}";

/** Graph v1.0 requests, and what they call. */
const GRAPH_REQUESTS: [UrlRequest, string][] = [
  [{ method: "PATCH", path: SESSION }, "await updateSession(client, target, body)"],
  [{ method: "GET", path: "/groups/{id}/members/microsoft.graph.user" }, "await listUsers(client, target)"],
  [{ method: "GET", path: "/groups/{id}/members/graph.user" }, "await listUsers(client, target)"],
  [{ method: "POST", path: "/me/sendMail" }, "await sendMail(client, target, params)"],
  [{ method: "POST", path: "/me/microsoft.graph.sendMail" }, "await sendMail(client, target, params)"],
  [{ method: "POST", path: "/me/graph.sendMail" }, "await sendMail(client, target, params)"],
  [{ method: "GET", path: "/reports/getEmailActivityUserDetail(period='{period_value}')" }, "await getEmailActivityUserDetailWithPeriod(client, target, { period: period_value })"],
  [{ method: "GET", path: "/reports/getEmailActivityUserDetail(period='D7')" }, 'await getEmailActivityUserDetailWithPeriod(client, target, { period: "D7" })'],
  [{ method: "GET", path: "/identity/conditionalAccess/policies/{id}/grantControls/authenticationStrength" }, "await getAuthenticationStrengthPolicy(client, target)"],
  [{ method: "GET", path: "/me" }, "await getUser(client, target)"],
  [{ method: "GET", path: "/me/messages" }, "await listMessages(client, target)"],
  [{ method: "GET", path: "/me/drive/items/{item-id}/content" }, "await readStream(client, target)"],
  [{ method: "PUT", path: "/me/drive/items/{item-id}/content" }, "const result = await writeStream(client, target, data)"],
  [{ method: "GET", path: "/me/photo/$value" }, "await readStream(client, target)"],
  [{ method: "GET", path: "/groups/{id}/members/$count" }, "await count(client, target)"],
  [{ method: "POST", path: "/groups/{id}/members/$ref" }, "await addRef(client, target, related)"],
  [{ method: "DELETE", path: "/groups/{id}/members/{id}/$ref" }, "await removeRef(client, target)"],
  [{ method: "GET", path: "/groups" }, "await listGroups(client, target)"],
  [{ method: "POST", path: "/groups" }, "await createGroup(client, target, body)"],
  [{ method: "PUT", path: "/groups/{id}" }, "await updateGroup(client, target, body, { replace: true })"],
  [{ method: "DELETE", path: "/groups/{id}" }, "await deleteGroup(client, target)"],
  [{ method: "GET", path: "/groups/{id}/settings" }, "await listGroupSettings(client, target)"],
  [{ method: "GET", path: "/users/delta()" }, "await userDelta(client, target)"],
  [{ method: "GET", path: "https://graph.microsoft.com/v1.0/users/42/manager" }, "await getDirectoryObject(client, target)"],
  [{ method: "GET", path: "/me/drive/items/{item-id}/workbook/worksheets/{id}/range(address='A1:B2')/format" }, "await getWorkbookRangeFormat(client, target)"],
  [{ method: "GET", path: "/groups/{id}/members/$ref" }, "await readRefs(client, target)"],
  [{ method: "GET", path: "/users/{id}/manager/$ref" }, "await readRef(client, target)"],
  // Graph's addressing by path (`…:/path:`), which no metadata declares: rt.byPath.
  [{ method: "PUT", path: "/me/drive/items/{parent-id}:/{filename}:/content" }, "const result = await writeStream(client, target, data)"],
  [{ method: "GET", path: "/me/drive/root:/Documents/Book 1.xlsx:" }, "await getDriveItem(client, target)"],
  [{ method: "GET", path: "/me/drive/root:/{folder}/{name}.xlsx:/children" }, "await listDriveItems(client, target)"],
  // The URL's query as the call's options.
  [
    { method: "GET", path: "/me/messages?$select=subject,from&$top={n}&$filter=isRead eq false&$orderby=receivedDateTime desc,subject" },
    'await listMessages(client, target, { select: ["subject", "from"], top: n, filter: (m) => m.isRead.eq(false), orderby: ["receivedDateTime desc", "subject"] })',
  ],
  [{ method: "GET", path: "/groups/{id}?$expand=members($select=id;$top=5)&$select=displayName" }, 'await getGroup(client, target, { expand: { members: { select: ["id"], top: 5 } }, select: ["displayName"] })'],
  [{ method: "GET", path: "/me/messages/{id}?$select=subject&tenant={tenant-id}" }, 'await getMessage(client, target, { select: ["subject"], query: { tenant: tenantId } })'],
  [{ method: "GET", path: "/groups/{id}/members/$count?$filter=startswith(displayName,%27a%27)" }, `await count(client, target, { filter: "startswith(displayName,'a')" })`],
  [{ method: "GET", path: "/users/delta()?$select=displayName,mail" }, 'await userDelta(client, target, { select: ["displayName", "mail"] })'],
  [{ method: "PUT", path: "/groups/{id}?tenant=x" }, 'await updateGroup(client, target, body, { replace: true, query: { tenant: "x" } })'],
  // An open type's undeclared name (a directory extension) is a dynamic property.
  [{ method: "GET", path: "/users/{id}?$select=id,extension_0a1b2c3d_costCentre" }, 'await getUser(client, target, { select: ["id", dynamic("extension_0a1b2c3d_costCentre")] })'],
  // A navigation property of a complex property, by its path.
  [
    { method: "GET", path: "/identity/conditionalAccess/policies/{id}?$expand=grantControls/authenticationStrength($select=id)" },
    'await getConditionalAccessPolicy(client, target, { expand: { "grantControls/authenticationStrength": { select: ["id"] } } })',
  ],
  // A subtype's property behind its type cast.
  [{ method: "GET", path: "/groups/{id}/members?$select=id,microsoft.graph.user/displayName" }, 'await listDirectoryObjects(client, target, { select: ["id", "microsoft.graph.user/displayName"] })'],
  // A subtype's navigation property behind its type cast.
  [
    { method: "GET", path: "/groups/{id}/members?$expand=microsoft.graph.user/manager($select=id)" },
    'await listDirectoryObjects(client, target, { expand: { "microsoft.graph.user/manager": { select: ["id"] } } })',
  ],
  // Nested options without their $, as Graph's documentation writes $expand=fields(select=Column1).
  [{ method: "GET", path: "/groups/{id}?$expand=members(select=id;top=5)" }, 'await getGroup(client, target, { expand: { members: { select: ["id"], top: 5 } } })'],
  // A + in the query is a space; %2B a plus sign.
  // A stream read takes custom query options: Graph's file conversion.
  [{ method: "GET", path: "/me/drive/items/{item-id}/content?format={format}" }, "const result = await readStream(client, target, { query: { format: format } })"],
  [{ method: "GET", path: "/groups?$filter=groupTypes/any(c:c+eq+'Unified')&$search=%22a%2Bb%22" }, `await listGroups(client, target, { filter: (g) => g.groupTypes.any((c) => c.eq("Unified")), search: "\\"a+b\\"" })`],
  // Filters from Graph's documentation, as typed filters (compiled below against the slice).
  [
    { method: "GET", path: "/users?$filter=assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67) and accountEnabled eq true and mail in ('a@b.com','c@d.com')" },
    'await listUsers(client, target, { filter: (u) => u.assignedLicenses.any((x) => x.skuId.eq("184efa21-98c3-4e5d-95ab-d07053a96e67")).and(u.accountEnabled.eq(true), u.mail.in(["a@b.com", "c@d.com"])) })',
  ],
  [
    { method: "GET", path: "/me/messages?$filter=importance eq microsoft.graph.importance'high' and from/emailAddress/address eq 'a@b.com' and hasAttachments" },
    'await listMessages(client, target, { filter: (m) => m.importance.eq("high").and(m.from.emailAddress.address.eq("a@b.com"), m.hasAttachments.eq(true)) })',
  ],
  [
    { method: "GET", path: "/users?$filter=signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z or endsWith(mail,'@contoso.com')" },
    'await listUsers(client, target, { filter: (u) => u.signInActivity.lastSignInDateTime.le("2019-06-01T00:00:00Z").or(u.mail.endswith("@contoso.com")) })',
  ],
  [
    { method: "GET", path: "/users?$filter=extension_9d98asdfl15980a_Education_Graduation_Year eq 2022 and assignedLicenses/$count eq 0" },
    'await listUsers(client, target, { filter: (u) => u.$dynamic("extension_9d98asdfl15980a_Education_Graduation_Year").eq(2022).and(u.assignedLicenses.count().eq(0)) })',
  ],
];

/** The slice that holds them. */
const GRAPH_SLICE = [
  "/communications/callRecords/{id}/sessions",
  "/groups/{id}/members/microsoft.graph.user",
  "/groups/{id}/settings",
  "/me/sendMail",
  "/me/messages",
  "/me/drive/items",
  "/me/drive/root",
  "/me/photo",
  "/reports/getEmailActivityUserDetail",
  "/identity/conditionalAccess/policies/{id}/grantControls/authenticationStrength",
  "/users/delta",
  "/users/{id}/manager",
  "/me/drive/items/{id}/workbook/worksheets/{id}/range",
  "microsoft.graph.workbookRangeFormat",
  "/users",
];

describeWithGraph("url-calls on Graph")("Microsoft Graph v1.0 (a slice, generated once)", () => {
  const options = { inputs: inputs(GRAPH), include: GRAPH_SLICE, keyAsSegment: true };
  let dir: string;
  let calls: UrlCallResult[];
  beforeAll(() => {
    dir = writeOutput("graph", options);
    calls = urlCalls(options, GRAPH_REQUESTS.map(([r]) => r)).results;
  });

  test.each(GRAPH_REQUESTS.map(([r, expected], i) => [`${r.method} ${r.path}`, expected, i] as const))("%s calls %s", (_, expected, i) => {
    expect(call(calls[i]).call).toContain(expected);
  });

  test("the seed page's PATCH reads as the README's walkthrough writes it: the builders from the root, the URL's key names", () => {
    const c = call(calls[0]);
    expect(c.address).toBe("callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId)");
    expect(c.imports).toEqual([
      { module: "./microsoft.graph.requests.js", names: ["cloudCommunicationsCallRecords", "communications"] },
      { module: "./microsoft.graph.callRecords.requests.js", names: ["callRecordSessions", "updateSession"] },
    ]);
    expect(c.variables.map((v) => [v.name, v.type])).toEqual([["client", undefined], ["callRecordId", "string"], ["sessionId", "string"], ["body", undefined]]);
    expect(c).toMatchObject({ function: "updateSession", module: "./microsoft.graph.callRecords.requests.js", method: "PATCH", path: SESSION });
  });

  test("renamed functions are printed as the requests modules export them (settingsOfGroup, the overload's …WithPeriod)", () => {
    const exported = (f: string) => new Set([...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
    const graph = exported("microsoft.graph.requests.ts");
    expect(call(calls[21]).address).toBe("settingsOfGroup(groups().byKey(id))");
    expect(graph.has("settingsOfGroup") && graph.has("groupSettings")).toBe(true);
    expect(graph.has("getEmailActivityUserDetailWithPeriod")).toBe(true);
    // Two `{id}` keys are two variables.
    expect(call(calls[16]).address).toBe("groupMembers(groups().byKey(id)).byKey(id2)");
    // A cast and a complex property's step, and a whole URL's key written as a value.
    expect(call(calls[1]).address).toBe('castDirectoryObject(groupMembers(groups().byKey(id)), "microsoft.graph.user")');
    expect(call(calls[8]).address).toBe("conditionalAccessGrantControlsAuthenticationStrength(conditionalAccessPolicyGrantControls(conditionalAccessRootPolicies(identityContainerConditionalAccess(identity())).byKey(id)))");
    expect(call(calls[23]).address).toBe('userManager(users().byKey("42"))');
    // Past a composable function, through its result's address builder (`…Ref`, named as the function is, plus `Ref`).
    expect(call(calls[24]).address).toBe('workbookRangeFormat(workbookWorksheetRangeWithAddressRef(workbookWorksheets(driveItemWorkbook(driveItems(userDrive(me())).byKey(itemId))).byKey(id), { address: "A1:B2" }))');
  });

  test("an address by path is made by rt.byPath from the entity before the colon, its path a string, a variable or a template", () => {
    const [upload, byName, templated] = calls.slice(27).map(call);
    expect(upload.address).toBe("driveItemContent(byPath(driveItems(userDrive(me())).byKey(parentId), filename))");
    expect(upload.imports).toContainEqual({ module: "./index.js", names: ["byPath", "writeStream"] });
    expect(upload.variables.map((v) => [v.name, v.type])).toEqual([["client", undefined], ["parentId", "string"], ["filename", "string"], ["data", undefined]]);
    expect(upload.code).toContain("const driveItem = driveItems(userDrive(me())).byKey(parentId);\nconst driveItem2 = byPath(driveItem, filename);\nconst target = driveItemContent(driveItem2);");
    expect(byName.address).toBe('byPath(driveRoot(userDrive(me())), "Documents/Book 1.xlsx")');
    expect(templated.address).toBe("driveItemChildren(byPath(driveRoot(userDrive(me())), `${folder}/${name}.xlsx`))");
  });

  test("a method the target does not take, a URL that names nothing and one the slice leaves out are refused, saying why", () => {
    const problems = urlCalls(options, [
      { method: "PATCH", path: "/groups" },
      { method: "POST", path: "/users/delta()" },
      { method: "GET", path: "/communications/callrecords/{id}" },
      { method: "GET", path: "/sites/{id}/lists" },
      { method: "POST", path: "/groups/{id}" },
      { method: "GET", path: "/me/drive/root:/Documents/../Book.xlsx:" },
      { method: "GET", path: "/me/drive/items:/Book.xlsx:" },
      { method: "GET", path: "/groups/{id}?$top=5" },
      { method: "GET", path: "/groups?$expand=membrs" },
      { method: "GET", path: "/groups?$select=members" },
      { method: "GET", path: "/communications/callRecords/{id}/sessions?$select=startDateTme" },
      { method: "GET", path: "/users/delta()?$deltatoken=latest" },
      { method: "GET", path: "/me/photo/$value?$select=id" },
      { method: "GET", path: "/groups?$top=five" },
      { method: "GET", path: "/me/messages/{id}?$expand=attachments" },
      { method: "GET", path: "/me/messages?$select=subjct" },
      { method: "GET", path: "/me/messages/{id}?$expand=microsoft.graph.eventMessage/event" },
      { method: "GET", path: "/identity/conditionalAccess/policies/{id}?$expand=grantControls/authenticationStrengh" },
      { method: "GET", path: "/groups/{id}/members?$select=microsoft.graph.usr/displayName" },
      { method: "GET", path: "/groups/{id}/members?$select=microsoft.graph.device/displayName" },
      { method: "GET", path: "/groups/{id}/members?$select=microsoft.graph.user/displayNam" },
      { method: "GET", path: "/groups/{id}/settings?$select=values/name" },
      { method: "GET", path: "/communications/callRecords/{id}/sessions?$orderby=startDateTme DESC,length(id)" },
      { method: "POST", path: "/$batch" },
      { method: "GET", path: "/groups/members" },
    ]).results.map((r) => (r.ok ? "ok" : r.problem));
    expect(problems).toEqual([
      "PATCH /groups: PATCH changes one entity; this addresses a collection of microsoft.graph.group (GET or POST to it, or give a key: …/{id})",
      "POST /users/delta(): delta is a function, called with GET",
      "/communications/callrecords: microsoft.graph.cloudCommunications has no navigation property, stream property, subtype or bound action or function named callrecords (did you mean /communications/callRecords/{id}?)",
      '/sites/{id}/lists is not in the slice (its --include and --exclude leave it out): --include "/sites/{id}/lists" keeps it',
      "POST /groups/{id}: POST creates in a collection; this addresses one microsoft.graph.group (GET, PATCH, PUT or DELETE it)",
      "/me/drive/root:: the path (Graph's `…:/path:`) Documents/../Book.xlsx has a .. segment, which rt.byPath refuses: a service would read another item",
      "/me/drive/items:: a path between colons (Graph's `…:/path:`) addresses an entity below one entity, such as a drive item below a folder's (`…/root:/…:`, `…/items/{id}:/…:`) (did you mean /me/drive/items/{id}?)",
      "GET /groups/{id}: $top applies to a collection; this addresses one entity (getGroup takes $select, $expand and $compute)",
      "GET /groups: $expand=membrs: microsoft.graph.group has no navigation property membrs; did you mean members?",
      "GET /groups: $select=members: members is a navigation property of microsoft.graph.group: expand it ($expand=members)",
      "GET /communications/callRecords/{id}/sessions: $select=startDateTme: microsoft.graph.callRecords.session has no property startDateTme; did you mean startDateTime?",
      'GET /users/delta(): $deltatoken is no option of userDelta: it comes in a delta round\'s @odata.deltaLink, which rt.readLink reads (Graph\'s `…/delta()?$deltatoken=latest` too: rt.readLink(client, "users/delta()?$deltatoken=latest"))',
      "GET /me/photo/$value: readStream takes no system query options ($select); a stream is read whole",
      "GET /groups: $top=five: a whole number goes there",
      "GET /me/messages/{id}: $expand=attachments: microsoft.graph.message has no navigation property attachments in this slice (a slice keeps the navigation properties its --include and --exclude reach)",
      'GET /me/messages: $select=subjct: microsoft.graph.message declares no property subjct; did you mean subject? (a dynamic property of this open type is selected with dynamic("subjct"))',
      "GET /me/messages/{id}: $expand=microsoft.graph.eventMessage/event: microsoft.graph.eventMessage is no type derived from microsoft.graph.message in this slice (--include-derived keeps subtypes)",
      "GET /identity/conditionalAccess/policies/{id}: $expand=grantControls/authenticationStrengh: microsoft.graph.conditionalAccessPolicy has no navigation property grantControls/authenticationStrengh; did you mean grantControls/authenticationStrength?",
      "GET /groups/{id}/members: $select=microsoft.graph.usr/displayName: microsoft.graph.usr is no type derived from microsoft.graph.directoryObject; did you mean microsoft.graph.user?",
      "GET /groups/{id}/members: $select=microsoft.graph.device/displayName: microsoft.graph.device is no type derived from microsoft.graph.directoryObject in this slice (--include-derived keeps subtypes)",
      "GET /groups/{id}/members: $select=microsoft.graph.user/displayNam: microsoft.graph.user declares no property displayNam; did you mean displayName? (the typed select takes no dynamic property behind a type cast)",
      "GET /groups/{id}/settings: $select=values/name: values/name: a property of a complex property, which the typed select does not take: select values",
      "GET /communications/callRecords/{id}/sessions: $orderby=startDateTme DESC,length(id): microsoft.graph.callRecords.session has no property startDateTme; did you mean startDateTime?",
      "/$batch: $batch is the service's batch resource: calls made on rt.batch(client) go in one $batch request, sent by its send()",
      "/groups/members: microsoft.graph.group here is a collection: a key comes before members (…/{id}/members); if members is a key value, write it in parentheses: …('members')",
    ]);
  });

  compiles(() => GRAPH_REQUESTS.map(([r], i) => ({ name: `${r.method} ${r.path}`, use: usage(dir, call(calls[i])) })));
});

// Capabilities restrictions (test/fixtures/requests/restrictions.xml): a request the metadata
// forbids at its address is refused, naming the annotation; one it allows is answered.
test("a request the metadata forbids is refused, saying where it is forbidden; what it allows is answered", () => {
  const file = path.join(__dirname, "fixtures", "requests", "restrictions.xml");
  const answers = urlCalls({ inputs: inputs(file) }, [
    { method: "POST", path: "/Books" },
    { method: "PATCH", path: "/featured" },
    { method: "GET", path: "/Books/{id}/secret" },
    { method: "GET", path: "/Books/{id}/notes/{noteId}" },
    { method: "DELETE", path: "/store/shelves/{shelfId}" },
    { method: "DELETE", path: "/Books/{id}/receipts/{receiptId}" },
    { method: "GET", path: "/Shelves" },
    { method: "GET", path: "/Books/{id}/notes" },
    { method: "PATCH", path: "/Books/{id}/reviews/{reviewId}" },
    { method: "DELETE", path: "/Shelves/{id}/receipts/{receiptId}" },
    { method: "GET", path: "/Books/{id}/window/{windowId}" },
    { method: "POST", path: "/store/aisles/{aisleId}/receipts" },
    { method: "GET", path: "/Books/{id}/window" },
  ]).results.map((r) => (r.ok ? r.call.call : r.problem));
  const forbidden = (request: string, term: string, by: string, fn: string) =>
    `${request}: the service's metadata forbids this request (Capabilities ${term} is false on ${by}), so ${fn} does not compile on this address; to send it anyway, give ${fn} rt.unrestricted(target)`;
  expect(answers).toEqual([
    forbidden("POST /Books", "InsertRestrictions/Insertable", "Shop.c/Books", "createBook"),
    forbidden("PATCH /featured", "UpdateRestrictions/Updatable", "Shop.c/featured", "updateBook"),
    forbidden("GET /Books/{id}/secret", "ReadRestrictions/Readable", "Shop.Book/secret", "getReview"),
    forbidden("GET /Books/{id}/notes/{noteId}", "ReadRestrictions/ReadByKeyRestrictions/Readable", "Shop.Book/notes", "getReview"),
    forbidden("DELETE /store/shelves/{shelfId}", "NavigationRestrictions/RestrictedProperties(shelves)/DeleteRestrictions/Deletable", "Shop.c/store", "deleteShelf"),
    forbidden("DELETE /Books/{id}/receipts/{receiptId}", "DeleteRestrictions/Deletable", "Shop.Receipt", "deleteReceipt"),
    forbidden("GET /Shelves", "ReadRestrictions/Readable", "Shop.c/Shelves", "listShelfs"),
    "const result = await listReviews(client, target);",
    "const result = await updateReview(client, target, body);",
    "await deleteReceipt(client, target);",
    "GET /Books/{id}/window/{windowId}: the service's metadata forbids addressing a member by key here (Capabilities IndexableByKey is false on Shop.Book/window), so byKey does not compile on this address; to send it anyway, call byKey on rt.unrestricted(target)",
    "POST /store/aisles/{aisleId}/receipts: the service's metadata forbids addressing a member by key here (Capabilities NavigationRestrictions/RestrictedProperties(aisles)/IndexableByKey is false on Shop.c/store), so byKey does not compile on this address; to send it anyway, call byKey on rt.unrestricted(target)",
    "const result = await listReviews(client, target);",
  ]);
});

// Query restrictions (test/fixtures/requests/query-restrictions.xml): `/$count` where Countable is
// false, and a system query option the URL gives that the metadata forbids at its address, to a
// list, `/$count` or a collection's `$ref`, are refused; the options it allows are answered.
test("a query option or /$count the metadata forbids is refused, saying where; what it allows is answered", () => {
  const file = path.join(__dirname, "fixtures", "requests", "query-restrictions.xml");
  const answers = urlCalls({ inputs: inputs(file) }, [
    { method: "GET", path: "/Books?$count=true" },
    { method: "GET", path: "/Books/$count" },
    { method: "GET", path: "/Archive/$count?%24filter=title%20eq%20'x'" },
    { method: "GET", path: "/shelf/bins/$ref?$Top=5" },
    { method: "GET", path: "/Books?$top=5&$filter=title eq 'x'" },
    { method: "GET", path: "/Archive/$count" },
    { method: "GET", path: "/Books/{id}?$select=title" },
  ]).results.map((r) => (r.ok ? r.call.call : r.problem));
  const forbidden = (request: string, option: string, term: string, by: string, fn: string) =>
    `${request}: the service's metadata forbids $${option} here (Capabilities ${term} is false on ${by}), so ${fn} does not compile with it on this address; to send it anyway, give ${fn} rt.unrestricted(target)`;
  expect(answers).toEqual([
    forbidden("GET /Books", "count", "CountRestrictions/Countable", "Lib.c/Books", "listBooks"),
    "GET /Books/$count: the service's metadata forbids this request (Capabilities CountRestrictions/Countable is false on Lib.c/Books), so count does not compile on this address; to send it anyway, give count rt.unrestricted(target)",
    forbidden("GET /Archive/$count", "filter", "FilterRestrictions/Filterable", "Lib.c/Archive", "count"),
    forbidden("GET /shelf/bins/$ref", "top", "NavigationRestrictions/RestrictedProperties(bins)/TopSupported", "Lib.c/shelf", "readRefs"),
    `const result = await listBooks(client, target, { top: 5, filter: (b) => b.title.eq("x") });`,
    "const result = await count(client, target);",
    // One entity's read: a collection's query restrictions are not its members'.
    'const result = await getBook(client, target, { select: ["title"] });',
  ]);
});

const CALL_RECORDS_SEED = "000_d62b62a72e170c75.txt";

describeWithSeeds(CALL_RECORDS_SEED)("the callRecords seed page, over this repository's generated/graph-callrecords", () => {
  const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
  const generated = path.join(__dirname, "..", "generated", "graph-callrecords");
  let results: UrlCallResult[];
  beforeAll(() => {
    const page = readSeed(CALL_RECORDS_SEED);
    // The example's URL as the page writes it: `https://graph.microsoft.com/docs\api/communications/…`.
    results = urlCalls({ inputs: inputs(spec), unqualifiedOperations: true }, [page.template, { method: page.request.method, path: page.request.target }]).results;
  });

  test("the template and the page's example URL both call updateSession on the session", () => {
    for (const r of results) {
      expect(call(r).address).toBe("callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId)");
      expect(call(r).call).toBe("const result = await updateSession(client, target, body);");
    }
  });

  compiles(() => results.map((r, i) => ({ name: `callRecords seed ${i}`, use: usage(generated, call(r)) })));
});

const COPILOT_SEED = "003_83e9e3cd3e605487.txt";

describeWith("url-calls on Graph beta's Security Copilot excerpt", COPILOT)("Graph beta's Security Copilot excerpt", () => {
  describeWithSeeds(COPILOT_SEED)("the seed page's request", () => {
    let dir: string;
    let results: UrlCallResult[];
    beforeAll(() => {
      dir = writeOutput("copilot", { inputs: inputs(COPILOT), keyAsSegment: true });
      const page = readSeed(COPILOT_SEED);
      // The page's template, and its example, whose keys are values (`default`, a GUID) under a whole URL.
      results = urlCalls({ inputs: inputs(COPILOT) }, [page.template, { method: page.request.method, path: page.request.target }]).results;
    });

    test("the template and the example call updateSession on the session the builders address", () => {
      expect(call(results[0]).address).toBe("workspaceSessions(securityCopilotWorkspaces(securitySecurityCopilot(security())).byKey(workspaceId)).byKey(sessionId)");
      expect(call(results[0]).call).toBe("const result = await updateSession(client, target, body);");
      expect(call(results[1]).address).toBe('workspaceSessions(securityCopilotWorkspaces(securitySecurityCopilot(security())).byKey("default")).byKey("ecdfb9b3-58f5-457f-a18c-4a477890b252")');
      expect(call(results[0]).imports.map((i) => i.module)).toEqual(["./microsoft.graph.requests.js", "./microsoft.graph.security.securityCopilot.requests.js"]);
    });

    compiles(() => results.map((r, i) => ({ name: `seed ${i}`, use: usage(dir, call(r)) })));
  });
});

const TRIPPIN_REQUESTS: [UrlRequest, string][] = [
  [{ method: "GET", path: "/People('russellwhyte')/Trips(0)/PlanItems" }, 'tripPlanItems(personTrips(people().byKey("russellwhyte")).byKey(0))'],
  [{ method: "GET", path: "/People/{UserName}/Friends" }, "personFriends(people().byKey(userName))"],
  [{ method: "GET", path: "/Me/Microsoft.OData.SampleService.Models.TripPin.GetFavoriteAirline()" }, "me()"],
  [{ method: "POST", path: "/People/{userName}/Microsoft.OData.SampleService.Models.TripPin.ShareTrip" }, "people().byKey(userName)"],
  [{ method: "GET", path: "/Photos/{id}/$value" }, "photoContent(photos().byKey(id))"],
  [{ method: "GET", path: "/People/{id}/Photo" }, "personPhoto(people().byKey(id))"],
  [{ method: "PATCH", path: "/Airlines('AA')" }, 'airlines().byKey("AA")'],
  [{ method: "POST", path: "/People" }, "people()"],
  // $apply: rt.aggregate, with the options that may follow it.
  [{ method: "GET", path: "/People?$apply=groupby((Gender),aggregate($count as Total))&$orderby=Total desc&$top={n}" }, "people()"],
];

describeWith("url-calls on TripPin", TRIPPIN)("TripPin", () => {
  let dir: string;
  let results: UrlCallResult[];
  let unbound: UrlCallResult[];
  beforeAll(() => {
    dir = writeOutput("trippin", { inputs: inputs(TRIPPIN) });
    results = urlCalls({ inputs: inputs(TRIPPIN) }, TRIPPIN_REQUESTS.map(([r]) => r)).results;
    unbound = urlCalls({ inputs: inputs(TRIPPIN) }, [{ path: "/GetNearestAirport(lat=33,lon=-118)" }, { method: "post", path: "/ResetDataSource" }]).results;
  });

  test.each(TRIPPIN_REQUESTS.map(([r, address], i) => [`${r.method} ${r.path}`, address, i] as const))("%s addresses %s", (_, address, i) => {
    expect(call(results[i]).address).toBe(address);
  });

  test("an imported function takes the URL's parameters as an object; an imported action takes none", () => {
    expect(call(unbound[0]).call).toBe("const result = await getNearestAirport(client, { lat: 33, lon: -118 });");
    expect(call(unbound[0]).address).toBeUndefined();
    expect(call(unbound[1]).call).toBe("await resetDataSource(client);");
  });

  test("a mistyped name gets the path that names something", () => {
    const [r] = urlCalls({ inputs: inputs(TRIPPIN) }, [{ path: "/People/{id}/Frends" }]).results;
    expect(r).toEqual({ ok: false, problem: "/People/{id}/Frends: Microsoft.OData.SampleService.Models.TripPin.Person has no navigation property, stream property, subtype or bound action or function named Frends (did you mean /People/{id}/Friends?)" });
  });

  compiles(() => [...results, ...unbound].map((r, i) => ({ name: `TripPin ${i}`, use: usage(dir, call(r)) })));
});

test("the package exports urlCalls beside generate (loading its stage when first called)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const index = require("../generator/index") as typeof import("../generator/index");
  const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
  const options = { inputs: [{ file: "graph-callrecords.xml", content: fs.readFileSync(spec, "utf8") }] };
  const request = { method: "PATCH", path: "/communications/callRecords/{callRecordId}/sessions/{sessionId}" };
  expect(index.urlCalls(options, [request])).toEqual(urlCalls(options, [request]));
  expect(index.urlCalls(options, [request]).results[0]).toHaveProperty("call");
});

test("a function's parameter named __proto__ is printed with a computed key (a bare one would set the literal's prototype)", () => {
  const content = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="T"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<Function Name="f" IsBound="true"><Parameter Name="it" Type="N.T"/><Parameter Name="__proto__" Type="Edm.String"/><ReturnType Type="Edm.String"/></Function>
<EntityContainer Name="C"><EntitySet Name="Ts" EntityType="N.T"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const [answer] = urlCalls({ inputs: [{ file: "n.xml", content }] }, [{ method: "GET", path: "/Ts('a')/N.f(__proto__='x')" }]).results;
  expect(answer?.ok && answer.call.call).toBe('const result = await f(client, target, { ["__proto__"]: "x" });');
});

test("an option given twice inside $expand, a navigation property expanded twice, and a $top beyond 2^53 - 1 are refused", () => {
  const content = fs.readFileSync(path.join(__dirname, "fixtures", "trippin-lite.xml"), "utf8");
  const paths = [
    "/People?$expand=Friends($top=1;$top=2)",
    "/People?$expand=Friends($top=1;top=2)",
    "/People?$expand=Trips($select=Name;$SELECT=Budget)",
    "/People?$expand=Friends($top=1),Friends",
    "/People?$top=1000000000000000000000",
    "/People?$skip=9007199254740993",
  ];
  const answers = urlCalls({ inputs: [{ file: "trippin-lite.xml", content }] }, paths.map((p) => ({ path: p }))).results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(answers).toEqual([
    "GET /People: $expand=Friends($top=1;$top=2): $top is given twice in the options of Friends",
    "GET /People: $expand=Friends($top=1;top=2): top is given twice in the options of Friends",
    "GET /People: $expand=Trips($select=Name;$SELECT=Budget): $SELECT is given twice in the options of Trips",
    "GET /People: $expand=Friends($top=1),Friends: Friends is expanded twice",
    "GET /People: $top=1000000000000000000000: more than 9007199254740991 (2^53 - 1), the largest whole number a request function sends as it is written",
    "GET /People: $skip=9007199254740993: more than 9007199254740991 (2^53 - 1), the largest whole number a request function sends as it is written",
  ]);
});

test("a mistyped segment is suggested an operation bound to what the path stands on: to a collection after a collection, to an entity after a key", () => {
  const content = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="ev"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
<Function Name="f" IsBound="true"><Parameter Name="b" Type="Collection(N.ev)"/><ReturnType Type="Edm.String"/></Function>
<Action Name="go" IsBound="true"><Parameter Name="b" Type="N.ev"/></Action>
<EntityContainer Name="svc"><EntitySet Name="evs" EntityType="N.ev"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const problems = urlCalls({ inputs: [{ file: "n.xml", content }] }, [{ path: "/evs/{id}/g" }, { path: "/evs/g()" }, { method: "POST", path: "/evs/{id}/ga" }]).results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(problems).toEqual([
    "/evs/{id}/g: N.ev has no navigation property, stream property, subtype or bound action or function named g (did you mean /evs/{id}/go?)",
    "/evs/g(): no action or function bound to a collection of N.ev is named g (did you mean /evs/f()?)",
    "/evs/{id}/ga: N.ev has no navigation property, stream property, subtype or bound action or function named ga (did you mean /evs/{id}/go?)",
  ]);
});

test("in a slice, a cast to a subtype the slice leaves out is said to be outside it, not read as a key; a key is still a key", () => {
  const xml =
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="A" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
    `<EntityType Name="base"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>` +
    `<EntityType Name="leaf" BaseType="A.base"><Property Name="x" Type="Edm.String"/></EntityType>` +
    `<EntityType Name="holder"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="items" Type="Collection(A.base)"/></EntityType>` +
    `<EntityContainer Name="c"><EntitySet Name="holders" EntityType="A.holder"/>` +
    `<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const inputs = [{ file: "a.xml", content: xml }];
  const ask = (include?: string[]) => urlCalls({ inputs, ...(include ? { include } : {}) }, [{ path: "/holders/{id}/items/A.leaf" }, { path: "/holders/{id}/items/k1" }]).results.map((r) => (r.ok ? r.call.call : r.problem));
  expect(ask()).toEqual(["const result = await listLeafs(client, target);", "const result = await getBase(client, target);"]);
  expect(ask(["/holders/{id}/items"])).toEqual([
    '/holders/{id}/items/A.leaf is not in the slice (its --include and --exclude leave it out): --include "/holders/{id}/items/A.leaf" keeps it',
    "const result = await getBase(client, target);",
  ]);
});
