/**
 * The requests `odatagen url --from` reads (generator/parse/requests/request-list.ts): one a line, a server's access
 * log, or a HAR file, each with the line and column it was written at, and `--base` keeping the
 * URLs below the service root.
 */
import { readRequestList, type ListedRequest, type RequestList } from "../generator/parse/requests/request-list";
import { randomEdits } from "./helpers/random";
import { linearity, PROGRAM_READER } from "./helpers/work-steps";

function listOf(text: string, base?: string | string[]): RequestList {
  const list = readRequestList(text, base);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

/** The text at each request's line and column: where a refusal would point. */
function atPlaces(text: string, requests: readonly ListedRequest[]): string[] {
  const lines = text.split(/\r?\n/);
  return requests.map((r) => lines[r.line - 1].slice(r.column - 1, r.column - 1 + 12));
}

test("one request a line: the method (GET when none), a path or a whole URL; comments, blank lines and a request line's HTTP version are left out", () => {
  const text = ["# recorded by the smoke test", "", "GET /People?$filter=FirstName eq 'Scott'", "  /People('russellwhyte')/Trips", "patch https://host/odata/People('a')  HTTP/1.1", "\tDELETE   /People('b')"].join("\r\n");
  const { requests, skipped } = listOf(`\ufeff${text}`);
  expect(requests.map((r) => [r.method, r.path, r.line, r.column])).toEqual([
    ["GET", "/People?$filter=FirstName eq 'Scott'", 3, 5],
    ["GET", "/People('russellwhyte')/Trips", 4, 3],
    ["PATCH", "https://host/odata/People('a')", 5, 7],
    ["DELETE", "/People('b')", 6, 11],
  ]);
  expect(atPlaces(text, requests)).toEqual(["/People?$fil", "/People('rus", "https://host", "/People('b')"]);
  expect(skipped.size).toBe(0);
  expect(requests.every((r) => r.problem === undefined)).toBe(true);
});

test("a line that is no request says so at its place: a method odatagen makes no request with, a URL without its leading /", () => {
  const { requests } = listOf("OPTIONS /People\nPeople('a')\nGET\n");
  expect(requests.map((r) => [r.line, r.column, r.problem])).toEqual([
    [1, 1, "OPTIONS is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
    [2, 1, "People('a') is no URL: a line is [METHOD] <url>, the URL a whole one or a path from the service root (/users/{id})"],
    [3, 1, "GET is no URL: a line is [METHOD] <url>, the URL a whole one or a path from the service root (/users/{id})"],
  ]);
});

test("a server's access log (Common and Combined Log Format): the quoted request line is read, pointing at its URL", () => {
  const text = [
    '127.0.0.1 - - [05/Dec/2026:10:00:00 +0000] "GET /odata/v4/orders?$filter=status%20eq%20%27open%27 HTTP/1.1" 200 12',
    '::1 - alice [05/Dec/2026:10:00:01 +0000] "PATCH /odata/v4/orders(1) HTTP/1.1" 204 - "-" "node"',
    '127.0.0.1 - - [05/Dec/2026:10:00:02 +0000] "HEAD /odata/v4/ HTTP/1.1" 200 -',
  ].join("\n");
  const { requests } = listOf(text);
  expect(requests.map((r) => [r.method, r.path, r.problem])).toEqual([
    ["GET", "/odata/v4/orders?$filter=status%20eq%20%27open%27", undefined],
    ["PATCH", "/odata/v4/orders(1)", undefined],
    ["HEAD", "/odata/v4/", "HEAD is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
  ]);
  expect(atPlaces(text, requests)).toEqual(["/odata/v4/or", "/odata/v4/or", "/odata/v4/ H"]);
});

/** A HAR 1.2 file, as a browser's developer tools save one: entries with their request and response. */
function har(requests: readonly { method: string; url: string }[]): string {
  const entries = requests.map(({ method, url }) => ({
    startedDateTime: "2026-12-05T10:00:00.000Z",
    time: 12,
    request: { method, url, httpVersion: "HTTP/1.1", cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: "OK", httpVersion: "HTTP/1.1", cookies: [], headers: [], content: { size: 0, mimeType: "application/json" }, redirectURL: "", headersSize: -1, bodySize: 0 },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
  }));
  return JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, pages: [], entries } }, null, 2);
}

test("a HAR file: each entry's request, at the line and column of its URL, the browser's OPTIONS and HEAD left unchecked", () => {
  const root = "https://graph.microsoft.com/v1.0";
  const text = har([
    { method: "OPTIONS", url: `${root}/me` },
    { method: "GET", url: `${root}/me` },
    { method: "post", url: "https://login.microsoftonline.com/common/oauth2/v2.0/token" },
    { method: "GET", url: `${root}/me` },
    { method: "HEAD", url: `${root}/me` },
    { method: "GET", url: `${root}/users?$filter=startswith(displayName,%27a%27)` },
  ]);
  const { requests, skipped } = listOf(text);
  expect(requests.map((r) => [r.method, r.path, r.at])).toEqual([
    ["GET", `${root}/me`, "log.entries[1]"],
    ["POST", "https://login.microsoftonline.com/common/oauth2/v2.0/token", "log.entries[2]"],
    ["GET", `${root}/me`, "log.entries[3]"],
    ["GET", `${root}/users?$filter=startswith(displayName,%27a%27)`, "log.entries[5]"],
  ]);
  expect(Object.fromEntries(skipped)).toEqual({ OPTIONS: 1, HEAD: 1 });
  // Each at its own entry's URL (the same URL twice is found twice, in order).
  const lines = text.split("\n");
  for (const r of requests) expect(lines[r.line - 1].slice(r.column - 1)).toBe(`${JSON.stringify(r.path).slice(1)},`);
  expect(new Set(requests.map((r) => r.line)).size).toBe(4);
});

test("a Postman collection (format 2.1 and 2.0): each request at its URL, named by its folders; variables put in, or placeholders; the root variable left out", () => {
  const collection = {
    info: { name: "Graph", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "version", value: "v1.0" }, { key: "empty", value: "" }],
    item: [
      {
        name: "Users",
        item: [
          { name: "Get a user", request: { method: "GET", header: [{ key: "ConsistencyLevel", value: "eventual" }, { key: "X-Off", value: "1", disabled: true }], url: { raw: "https://graph.microsoft.com/{{version}}/users/{{UserId}}?$select=displayName", host: ["graph", "microsoft", "com"] } } },
          { name: "Nested", item: [{ name: "Update a user", request: { method: "PATCH", url: "{{baseUrl}}/users/:id", body: { mode: "raw", raw: '{"displayName":"A"}' } } }] },
        ],
      },
      { name: "A URL alone", request: "https://graph.microsoft.com/v1.0/me" },
      // Format 2.0: a URL object without raw, put together from its parts.
      { name: "Parts", request: { method: "get", url: { protocol: "https", host: "graph.microsoft.com", path: ["v1.0", "groups"], query: [{ key: "$top", value: "5" }, { key: "$skip", value: "1", disabled: true }] } } },
      { name: "Preflight", request: { method: "OPTIONS", url: "https://graph.microsoft.com/v1.0/me" } },
      { name: "Broken", request: { method: "GET" } },
      { name: "An empty folder", item: [] },
    ],
  };
  const text = JSON.stringify(collection, null, 2);
  const { requests, skipped } = listOf(text);
  expect(requests.map((r) => [r.at, r.method, r.path, r.headers, r.body, r.problem])).toEqual([
    ["Users / Get a user", "GET", "https://graph.microsoft.com/v1.0/users/{UserId}?$select=displayName", ["consistencylevel"], undefined, undefined],
    ["Users / Nested / Update a user", "PATCH", "/users/{id}", undefined, '{"displayName":"A"}', undefined],
    ["A URL alone", "GET", "https://graph.microsoft.com/v1.0/me", undefined, undefined, undefined],
    ["Parts", "GET", "https://graph.microsoft.com/v1.0/groups?$top=5", undefined, undefined, undefined],
    ["Broken", "GET", "", undefined, undefined, "the request has no url"],
  ]);
  expect(Object.fromEntries(skipped)).toEqual({ OPTIONS: 1 });
  // Each at its URL as written: the raw string's first character, a URL object's brace.
  const lines = text.split("\n");
  expect(requests.slice(0, 4).map((r) => lines[r.line - 1]!.slice(r.column - 1, r.column + 14))).toEqual(["https://graph.m", "{{baseUrl}}/use", "https://graph.m", "{"]);
  // With --base, the whole URLs are read from below it; the one the root variable starts is already.
  expect(listOf(text, "https://graph.microsoft.com/v1.0").requests.map((r) => r.path)).toEqual(["/users/{UserId}?$select=displayName", "/users/{id}", "/me", "/groups?$top=5", ""]);
  // A variable whose value holds another is put in too; one that never ends is left as a placeholder.
  const chained = { info: { schema: "https://schema.getpostman.com/json/collection/v2.0.0/" }, variable: [{ key: "root", value: "https://x/{{svc}}" }, { key: "svc", value: "odata" }, { key: "a", value: "{{b}}" }, { key: "b", value: "{{a}}" }], item: [{ request: "{{root}}/People('{{a}}')" }] };
  expect(listOf(JSON.stringify(chained)).requests.map((r) => [r.at, r.path])).toEqual([["item 1", "https://x/odata/People('{a}')"]]);
});

test("an HTTP file (.http, as REST Client, JetBrains' HTTP Client and Visual Studio write one): requests between ### lines, variables, headers, bodies, query lines", () => {
  const text = [
    "@graph = https://graph.microsoft.com/v1.0",
    "@version = v1.0",
    "# A comment, and // another",
    "// @name me",
    "GET {{graph}}/me?$select=displayName HTTP/1.1",
    "Authorization: Bearer {{token}}",
    "ConsistencyLevel: eventual",
    "",
    "### Update a user",
    "PATCH https://graph.microsoft.com/{{version}}/users/{{userId}}",
    "Content-Type: application/json",
    "",
    "{",
    '  "displayName": "{{name}}",',
    '  "jobTitle": "x"',
    "}",
    "",
    "> {%",
    '  client.test("ok", () => {});',
    "%}",
    "###",
    "{{baseUrl}}/users",
    "    ?$top=5",
    "    &$filter=startswith(displayName,'a')",
    "",
    "###",
    "POST {{graph}}/me/sendMail",
    "Content-Type: application/json",
    "",
    "< ./mail.json",
    "",
    "###",
    "HEAD /",
    "###",
    "not a request",
  ].join("\r\n");
  const { requests } = listOf(text);
  expect(requests.map((r) => [r.at, r.method, r.path, r.line, r.column, r.headers, r.body, r.problem])).toEqual([
    ["me", "GET", "https://graph.microsoft.com/v1.0/me?$select=displayName", 5, 5, ["authorization", "consistencylevel"], undefined, undefined],
    ["Update a user", "PATCH", "https://graph.microsoft.com/v1.0/users/{userId}", 10, 7, ["content-type"], '{\n  "displayName": "{{name}}",\n  "jobTitle": "x"\n}', undefined],
    [undefined, "GET", "/users?$top=5&$filter=startswith(displayName,'a')", 22, 1, undefined, undefined, undefined],
    [undefined, "POST", "https://graph.microsoft.com/v1.0/me/sendMail", 27, 6, ["content-type"], undefined, undefined],
    [undefined, "HEAD", "/", 33, 6, undefined, undefined, "HEAD is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
    [undefined, "", "not a request", 35, 1, undefined, undefined, "not a request is no request line: a request is [METHOD] <url> [HTTP/1.1], then its headers, a blank line and its body"],
  ]);
  // With --base, the whole URLs are read from below it.
  expect(listOf(text, "https://graph.microsoft.com/v1.0").requests.slice(0, 4).map((r) => r.path)).toEqual(["/me?$select=displayName", "/users/{userId}", "/users?$top=5&$filter=startswith(displayName,'a')", "/me/sendMail"]);
  // Visual Studio's template: a variable for the host, one request, no separator.
  expect(listOf("@App_HostAddress = http://localhost:5000\n\nGET {{App_HostAddress}}/odata/People/\nAccept: application/json\n").requests.map((r) => [r.method, r.path, r.headers])).toEqual([["GET", "http://localhost:5000/odata/People/", ["accept"]]]);
  // A plain list is not an HTTP file: each line its own request (a header-less line after a request is one too).
  expect(listOf("GET /a\nGET /b\n# ### not a separator\n").requests.map((r) => r.path)).toEqual(["/a", "/b"]);
  // A list with ### headings: each request line is still a request.
  expect(listOf("### People\nGET /People\n/People('a')\n### Airlines\nDELETE /Airlines('AA')\n").requests.map((r) => [r.at, r.method, r.path])).toEqual([["People", "GET", "/People"], [undefined, "GET", "/People('a')"], ["Airlines", "DELETE", "/Airlines('AA')"]]);
});

test("a HAR file that cannot be read says where: no JSON, no log.entries; an entry without a request is a problem of its own", () => {
  expect(readRequestList('{\n  "log": {\n    "entries": [,]\n  }\n}')).toEqual({ problem: "not JSON, as a HAR file or a Postman collection is: expected a value, found ','", line: 3, column: 17 });
  expect(readRequestList('{ "entries": [] }')).toEqual({ problem: "a JSON file here is a HAR file, whose log.entries lists the requests, or a Postman collection, whose item does; this one has neither", line: 1, column: 1 });
  const { requests } = listOf(JSON.stringify({ log: { entries: [{ response: {} }, null] } }));
  expect(requests.map((r) => [r.at, r.problem])).toEqual([
    ["log.entries[0]", "the entry has no request.method and request.url"],
    ["log.entries[1]", "the entry has no request.method and request.url"],
  ]);
});

test("--base keeps the whole URLs below the service root and reads them from below it; a path is read from below the root's path", () => {
  const text = [
    "GET https://graph.microsoft.com/v1.0/me",
    "GET HTTPS://Graph.Microsoft.com/v1.0?$top=1",
    "GET https://graph.microsoft.com/v1.0",
    "GET https://graph.microsoft.com/beta/me",
    "GET https://graph.microsoft.com/v1.01/me",
    "GET https://graph.microsoft.com.evil/v1.0/me",
    "POST https://login.microsoftonline.com/common/oauth2/v2.0/token",
    "GET /v1.0/users",
    "GET /users",
  ].join("\n");
  const { requests, skipped } = listOf(text, "https://graph.microsoft.com/v1.0/");
  expect(requests.map((r) => [r.line, r.path])).toEqual([
    [1, "/me"],
    [2, "/?$top=1"],
    [3, "/"],
    [8, "/users"],
    [9, "/users"],
  ]);
  expect(Object.fromEntries(skipped)).toEqual({ "not under https://graph.microsoft.com/v1.0": 4 });
  // Several roots (v1.0 and beta): each URL below the one it is under; a path below the root whose path it starts with.
  const two = listOf(`${text}\nGET /beta/me`, ["https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta"]);
  expect(two.requests.map((r) => [r.line, r.path])).toEqual([
    [1, "/me"],
    [2, "/?$top=1"],
    [3, "/"],
    [4, "/me"],
    [8, "/users"],
    [9, "/users"],
    [10, "/me"],
  ]);
  expect(Object.fromEntries(two.skipped)).toEqual({ "not under https://graph.microsoft.com/v1.0 or https://graph.microsoft.com/beta": 3 });
});

test("a $batch's requests are read from its body, JSON or multipart, each below the service root; one whose body the file does not hold is left unchecked", () => {
  const root = "https://graph.microsoft.com/v1.0";
  const json = JSON.stringify({ requests: [{ id: "1", method: "GET", url: "/me" }, { id: "2", method: "patch", url: "users/{id}", body: {} }, { id: "3", method: "HEAD", url: "/me" }] });
  const multipart = [
    "--batch_1",
    "Content-Type: application/http",
    "",
    "GET People('russellwhyte') HTTP/1.1",
    "",
    "--batch_1",
    "Content-Type: multipart/mixed; boundary=changeset_1",
    "",
    "--changeset_1",
    "Content-Type: application/http",
    "",
    "DELETE https://trips.example/odata/Airlines('AA') HTTP/1.1",
    "",
    "--changeset_1",
    "Content-Type: application/http",
    "",
    "PATCH People('russellwhyte') HTTP/1.1",
    "Content-Type: application/json",
    "",
    '{"FirstName":"R"}',
    "--changeset_1--",
    "--batch_1--",
  ].join("\r\n");
  const entries = [
    { request: { method: "POST", url: `${root}/$batch`, postData: { mimeType: "application/json", text: json } } },
    { request: { method: "POST", url: "https://trips.example/odata/$batch", postData: { mimeType: "multipart/mixed; boundary=batch_1", text: multipart } } },
    { request: { method: "POST", url: `${root}/$batch` } },
    { request: { method: "POST", url: `${root}/$batch`, postData: { text: "nothing" } } },
  ];
  const { requests, skipped } = listOf(JSON.stringify({ log: { entries } }, null, 1));
  expect(requests.map((r) => [r.method, r.path, r.at, r.problem])).toEqual([
    ["GET", "/me", "log.entries[0], its request 1", undefined],
    ["PATCH", "/users/{id}", "log.entries[0], its request 2", undefined],
    ["HEAD", "/me", "log.entries[0], its request 3", "HEAD is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
    ["GET", "/People('russellwhyte')", "log.entries[1], its request 1", undefined],
    ["DELETE", "https://trips.example/odata/Airlines('AA')", "log.entries[1], its request 2", undefined],
    ["PATCH", "/People('russellwhyte')", "log.entries[1], its request 3", undefined],
  ]);
  // Each with its own body: a JSON batch's, a multipart one's after its headers.
  expect(requests.map((r) => r.body)).toEqual([undefined, "{}", undefined, undefined, undefined, '{"FirstName":"R"}']);
  // Each at its $batch's URL.
  expect(new Set(requests.slice(0, 3).map((r) => `${r.line}:${r.column}`)).size).toBe(1);
  expect(Object.fromEntries(skipped)).toEqual({
    "$batch (its requests are in its body, which the file does not hold)": 1,
    "$batch (a body with no request odatagen reads)": 1,
  });
  // With --base: the $batch below it is read, its relative requests kept; the other $batch is left out.
  const based = listOf(JSON.stringify({ log: { entries } }), root);
  expect(based.requests.map((r) => r.path)).toEqual(["/me", "/users/{id}", "/me"]);
  expect(based.skipped.get(`not under ${root}`)).toBe(1);
  // A list holds no bodies.
  expect(Object.fromEntries(listOf("POST /odata/$batch\n").skipped)).toEqual({ "$batch (its requests are in its body, which the file does not hold)": 1 });
});

test("a Markdown page: the first line of each HTTP code block that is a request, at its line; a response's block and other blocks are passed over", () => {
  const page = [
    "# Update order",
    "",
    "```http",
    "PATCH /orders/{id}",
    "```",
    "",
    "```json",
    "GET /not/http",
    "```",
    "",
    "~~~ HTTP",
    "",
    "PATCH https://shop.example/odata/orders/7",
    "Content-Type: application/json",
    "",
    '{ "status": "open" }',
    "~~~",
    "",
    "```http",
    "HTTP/1.1 204 No Content",
    "```",
    "",
    "Text that says GET /orders is not read.",
  ].join("\n");
  const { requests } = listOf(page);
  expect(requests.map((r) => [r.method, r.path, r.line, r.column])).toEqual([
    ["PATCH", "/orders/{id}", 4, 7],
    ["PATCH", "https://shop.example/odata/orders/7", 13, 7],
  ]);
  // An "HTTP request" section's block lists each form a line; Graph writes a GET example as msgraph-interactive.
  const forms = ["```http", "GET /me/messages", "GET /users/{id | userPrincipalName}/messages", "```", "", "```msgraph-interactive", "GET https://graph.microsoft.com/v1.0/me/messages?$top=2", "```"].join("\n");
  expect(listOf(forms).requests.map((r) => [r.path, r.line])).toEqual([
    ["/me/messages", 2],
    ["/users/{id | userPrincipalName}/messages", 3],
    ["https://graph.microsoft.com/v1.0/me/messages?$top=2", 7],
  ]);
});

test("curl commands, as a browser's \"Copy all as cURL (bash)\", a script or a page's shell block writes them: the method curl sends and the URL, at its place", () => {
  const text = [
    "curl 'https://graph.microsoft.com/v1.0/me/messages?$select=subject' \\",
    "  -H 'accept: application/json' \\",
    "  -H 'authorization: Bearer x' ;",
    "curl 'https://graph.microsoft.com/v1.0/me' \\",
    "  -H 'content-type: application/json' \\",
    `  --data-raw '{"displayName":"x"}' \\`,
    "  -X 'PATCH' ;",
    `curl -s --json '{"a":1}' "https://graph.microsoft.com/v1.0/me/sendMail"`,
    "curl -XDELETE --url=https://graph.microsoft.com/v1.0/me/events/1",
    "curl -G -d '$top=5' https://graph.microsoft.com/v1.0/users",
    "curl -T file.txt $'https://graph.microsoft.com/v1.0/me/drive/root:/file.txt:/content'",
    "curl -I https://graph.microsoft.com/v1.0/me",
    "curl -H 'x: y'",
  ].join("\n");
  const { requests } = listOf(text);
  expect(requests.map((r) => [r.method, r.path, r.line, r.column, r.problem])).toEqual([
    ["GET", "https://graph.microsoft.com/v1.0/me/messages?$select=subject", 1, 7, undefined],
    ["PATCH", "https://graph.microsoft.com/v1.0/me", 4, 7, undefined],
    ["POST", "https://graph.microsoft.com/v1.0/me/sendMail", 8, 27, undefined],
    ["DELETE", "https://graph.microsoft.com/v1.0/me/events/1", 9, 21, undefined],
    ["GET", "https://graph.microsoft.com/v1.0/users", 10, 21, undefined],
    ["PUT", "https://graph.microsoft.com/v1.0/me/drive/root:/file.txt:/content", 11, 20, undefined],
    ["HEAD", "https://graph.microsoft.com/v1.0/me", 12, 9, "HEAD is not a method odatagen makes requests with (GET, POST, PATCH, PUT, DELETE)"],
    ["", "", 13, 1, "the curl command names no URL"],
  ]);
  expect(atPlaces(text, requests.slice(0, 6))).toEqual(Array(6).fill("https://grap"));
  // In a Markdown page's shell block, after a prompt, a command continued over lines.
  const page = ["Try it:", "", "```bash", "$ curl -X PATCH \\", "    https://shop.example/odata/orders/7 \\", "    -d '{}'", "echo done", "```"].join("\n");
  expect(listOf(page).requests.map((r) => [r.method, r.path, r.line, r.column])).toEqual([["PATCH", "https://shop.example/odata/orders/7", 5, 5]]);
});

test("curl commands as a browser's \"Copy all as cURL (cmd)\" writes them on Windows: ^ escapes and continuations, CRLF, a line break in a value; at the URL's place as written", () => {
  const text = [
    'curl ^"https://graph.microsoft.com/v1.0/me/messages?^$select=subject^&^$top=5^" ^',
    '  -H ^"accept: application/json^" ^',
    "  --compressed &",
    'curl ^"https://graph.microsoft.com/v1.0/me/sendMail^" ^',
    '  -H ^"content-type: application/json^" ^',
    '  --data-raw ^"^{^\\^"subject^\\^":^\\^"a^',
    "",
    'b^\\^"^}^"',
    'curl "https://graph.microsoft.com/v1.0/me" -X PATCH --data-binary "^{^\\^"a^\\^":1^}"',
  ].join("\r\n");
  const { requests } = listOf(text);
  expect(requests.map((r) => [r.method, r.path, r.line, r.column, r.body])).toEqual([
    ["GET", "https://graph.microsoft.com/v1.0/me/messages?$select=subject&$top=5", 1, 8, undefined],
    ["POST", "https://graph.microsoft.com/v1.0/me/sendMail", 4, 8, '{"subject":"a\nb"}'],
    ["PATCH", "https://graph.microsoft.com/v1.0/me", 9, 7, '{"a":1}'],
  ]);
  expect(atPlaces(text.replace(/\r/g, ""), requests)).toEqual(Array(3).fill("https://grap"));
  // In a Markdown page's cmd block.
  const page = ["```cmd", 'curl ^"https://shop.example/odata/orders/7^" ^', "  -X PATCH ^", '  --data-raw ^"^{^}^"', "```"].join("\n");
  expect(listOf(page).requests.map((r) => [r.method, r.path, r.line, r.column, r.body])).toEqual([["PATCH", "https://shop.example/odata/orders/7", 2, 8, "{}"]]);
});

test("a HAR entry's answer is kept: its status, and an OData error's message; none for no answer (status 0), and none for a $batch's requests", () => {
  const long = "x".repeat(300);
  const entries = [
    { request: { method: "GET", url: "https://x/odata/a" }, response: { status: 400, statusText: "Bad Request", content: { text: JSON.stringify({ error: { code: "c", message: long } }) } } },
    { request: { method: "GET", url: "https://x/odata/b" }, response: { status: 0, statusText: "" } },
    { request: { method: "GET", url: "https://x/odata/c" }, response: { status: 500, content: { text: "<html>oops</html>" } } },
    { request: { method: "POST", url: "https://x/odata/$batch", postData: { text: '{"requests":[{"id":"1","method":"GET","url":"a"}]}' } }, response: { status: 200 } },
  ];
  const { requests } = listOf(JSON.stringify({ log: { entries } }));
  expect(requests.map((r) => r.answered)).toEqual([{ status: 400, statusText: "Bad Request", message: `${"x".repeat(200)}...` }, undefined, { status: 500 }, undefined]);
});

test("a JSON $batch's requests take their answers from its answer's responses, by id, and their headers from their own", () => {
  const batch = { requests: [{ id: "1", method: "GET", url: "/users?$count=true", headers: { ConsistencyLevel: "eventual" } }, { id: "2", method: "GET", url: "/me" }, { id: "3", method: "GET", url: "/groups" }] };
  const answer = { responses: [{ id: "2", status: 200, body: {} }, { id: "1", status: 400, body: { error: { code: "c", message: "bad count" } } }] };
  const har = JSON.stringify({ log: { entries: [{ request: { method: "POST", url: "https://x/v1.0/$batch", headers: [{ name: "Authorization", value: "x" }], postData: { text: JSON.stringify(batch) } }, response: { status: 200, content: { text: JSON.stringify(answer) } } }] } });
  const { requests } = listOf(har, "https://x/v1.0");
  expect(requests.map((r) => [r.path, r.answered, r.headers])).toEqual([
    ["/users?$count=true", { status: 400, message: "bad count" }, ["consistencylevel"]],
    ["/me", { status: 200 }, undefined],
    ["/groups", undefined, undefined],
  ]);
  expect(requests.some((r) => "answerBody" in r)).toBe(false);
});

/** A multipart body of `parts` under `boundary` (lines joined by CRLF, as services write them). */
const mixed = (boundary: string, parts: string[]) => `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--`;
/** A part holding one HTTP message: a request line or a status line, its headers, its body. */
const httpPart = (start: string, headers: string[] = [], body = "", mime: string[] = []) => ["Content-Type: application/http", ...mime, "", start, ...headers, "", body].join("\r\n");
/** A part holding a change set. */
const changeSet = (boundary: string, parts: string[]) => `Content-Type: multipart/mixed; boundary=${boundary}\r\n\r\n${mixed(boundary, parts)}`;
const harOf = (requestBody: string, answer?: { status: number; text: string; encoding?: string }) =>
  JSON.stringify({ log: { entries: [{ request: { method: "POST", url: "https://x/odata/$batch", postData: { mimeType: "multipart/mixed; boundary=b", text: requestBody } }, ...(answer ? { response: { status: answer.status, content: { text: answer.text, ...(answer.encoding ? { encoding: answer.encoding } : {}) } } } : {}) }] } });

test("a multipart $batch's requests take their answers from its answer's parts, in order, a change set's by Content-ID; each its own headers", () => {
  const error = (message: string) => JSON.stringify({ error: { code: "c", message } });
  const asked = mixed("b", [
    httpPart("GET People('a') HTTP/1.1", ["Accept: application/json"]),
    changeSet("cs", [
      httpPart("PATCH People('a') HTTP/1.1", ["Content-Type: application/json", "If-Match: *"], '{"FirstName":"A"}', ["Content-ID: 1"]),
      httpPart("DELETE People('b') HTTP/1.1", [], "", ["Content-ID: 2"]),
    ]),
    httpPart("GET People?$top=1 HTTP/1.1"),
  ]);
  // The change set's answers out of order (matched by Content-ID), a quoted boundary, a preamble, LF line ends in one part.
  const answer = `preamble\r\n${mixed("answer 1", [
    httpPart("HTTP/1.1 200 OK", ["Content-Type: application/json"], "{}"),
    changeSet("csa", [httpPart("HTTP/1.1 204 No Content", [], "", ["Content-ID: 2"]), httpPart("HTTP/1.1 400 Bad Request", ["Content-Type: application/json"], error("bad name"), ["Content-ID: 1"]).replace(/\r\n/g, "\n")]),
    httpPart("HTTP/1.1 501 Not Implemented"),
  ])}\r\nepilogue`;
  const { requests } = listOf(harOf(asked, { status: 200, text: answer }), "https://x/odata");
  expect(requests.map((r) => [r.method, r.path, r.answered, r.headers, r.body])).toEqual([
    ["GET", "/People('a')", { status: 200, statusText: "OK" }, ["accept"], undefined],
    ["PATCH", "/People('a')", { status: 400, statusText: "Bad Request", message: "bad name" }, ["content-type", "if-match"], '{"FirstName":"A"}'],
    ["DELETE", "/People('b')", { status: 204, statusText: "No Content" }, undefined, undefined],
    ["GET", "/People?$top=1", { status: 501, statusText: "Not Implemented" }, undefined, undefined],
  ]);
  // The same answer held in base64, as a HAR file may hold a body.
  const encoded = listOf(harOf(asked, { status: 200, text: Buffer.from(answer).toString("base64"), encoding: "base64" }), "https://x/odata");
  expect(encoded.requests.map((r) => r.answered)).toEqual(requests.map((r) => r.answered));
});

test("a multipart $batch's answers: a change set without Content-IDs by order; one failed as a whole, or a service that stopped, leaves requests unanswered", () => {
  const asked = mixed("b", [
    changeSet("cs", [httpPart("POST People HTTP/1.1", [], "{}"), httpPart("DELETE People('b') HTTP/1.1")]),
    httpPart("GET People('a') HTTP/1.1"),
    httpPart("GET People('c') HTTP/1.1"),
  ]);
  const answered = (answer: string) => listOf(harOf(asked, { status: 200, text: answer })).requests.map((r) => r.answered?.status);
  // By order, where as many came back.
  expect(answered(mixed("a", [changeSet("x", [httpPart("HTTP/1.1 201 Created"), httpPart("HTTP/1.1 204 No Content")]), httpPart("HTTP/1.1 200 OK"), httpPart("HTTP/1.1 404 Not Found")]))).toEqual([201, 204, 200, 404]);
  // A change set answered by one message (its failure: which request failed is not said); the service stopped after it.
  expect(answered(mixed("a", [httpPart("HTTP/1.1 400 Bad Request", [], JSON.stringify({ error: { message: "m" } }))]))).toEqual([undefined, undefined, undefined, undefined]);
  // Fewer answers in the change set than requests, without Content-IDs: none can be told apart.
  expect(answered(mixed("a", [changeSet("x", [httpPart("HTTP/1.1 201 Created")]), httpPart("HTTP/1.1 200 OK")]))).toEqual([undefined, undefined, 200, undefined]);
  // An answer that is no multipart body (a JSON error for the whole batch), none at all: no answers.
  expect(answered(JSON.stringify({ error: { message: "m" } }))).toEqual([undefined, undefined, undefined, undefined]);
  expect(listOf(harOf(asked)).requests.map((r) => r.answered)).toEqual([undefined, undefined, undefined, undefined]);
  // A body cut short (no close delimiter) is read as far as it goes.
  expect(answered(mixed("a", [changeSet("x", [httpPart("HTTP/1.1 201 Created"), httpPart("HTTP/1.1 204 No Content")]), httpPart("HTTP/1.1 200 OK")]).replace(/\r\n--a--$/, ""))).toEqual([201, 204, 200, undefined]);
});

test("2,000 seeded random edits of a multipart $batch and its answer each read to requests (answered or not), never an exception", () => {
  const asked = mixed("b", [httpPart("GET People('a') HTTP/1.1", ["Accept: */*"]), changeSet("cs", [httpPart("PATCH People('a') HTTP/1.1", [], "{}", ["Content-ID: 1"])])]);
  const answer = mixed("a", [httpPart("HTTP/1.1 200 OK", [], "{}"), changeSet("x", [httpPart("HTTP/1.1 400 Bad Request", [], JSON.stringify({ error: { message: "m" } }), ["Content-ID: 1"])])]);
  let answeredSome = 0;
  for (const [i, edited] of randomEdits([answer], "-\r\n :HTP/1.20b", 1000, 57).entries()) {
    const { requests } = listOf(harOf(asked, { status: 200, text: edited }));
    expect([i, requests.length]).toEqual([i, 2]);
    if (requests.some((r) => r.answered)) answeredSome++;
  }
  for (const [i, edited] of randomEdits([asked], "-\r\n :HTP/1.GET", 1000, 58).entries()) {
    const list = readRequestList(harOf(edited, { status: 200, text: answer }));
    expect([i, "requests" in list]).toEqual([i, true]);
  }
  expect(answeredSome).toBeGreaterThan(100);
});

test("the names of the headers a request sent, where the file records them: a HAR entry's, a curl command's -H; none for a $batch's requests or a plain list", () => {
  const har = JSON.stringify({ log: { entries: [
    { request: { method: "GET", url: "https://x/odata/a", headers: [{ name: "ConsistencyLevel", value: "eventual" }, { name: "Accept", value: "*/*" }] } },
    { request: { method: "POST", url: "https://x/odata/$batch", headers: [{ name: "If-Match", value: "*" }], postData: { text: '{"requests":[{"id":"1","method":"GET","url":"a"}]}' } } },
  ] } });
  expect(listOf(har).requests.map((r) => r.headers)).toEqual([["consistencylevel", "accept"], undefined]);
  const curl = "curl -H 'If-Match: W/\"1\"' --header=X-Thing:1 -H 'bad' https://x/odata/a -X PATCH -d '{}'";
  expect(listOf(curl).requests.map((r) => r.headers)).toEqual([["if-match", "x-thing"]]);
  expect(listOf("GET /a").requests.map((r) => r.headers)).toEqual([undefined]);
  const fetches = ['fetch("https://x/odata/a", {\n  "headers": { "If-Match": "*", "accept": "*/*" },\n  "method": "PATCH"\n});', 'fetch("https://x/odata/b", { "method": "DELETE" });', "fetch('https://x/odata/c', { method: 'GET', headers });"].join("\n");
  expect(listOf(fetches).requests.map((r) => r.headers)).toEqual([["if-match", "accept"], [], undefined]);
  // A page's example shows its headers; a section's forms show none, and record none.
  const page = ["```http", "PATCH /planner/tasks/{id}/details", "```", "", "```http", "PATCH /planner/tasks/gcrY/details", "Content-Type: application/json", 'If-Match: W/"JzEt"', "", "{}", "```"].join("\n");
  expect(listOf(page).requests.map((r) => r.headers)).toEqual([undefined, ["content-type", "if-match"]]);
  // 200,000 header lines in one block, read. (Each line is matched by regular expressions, which no count here sees: not checked linear.)
  const many = `\`\`\`http\nGET /a\n${Array.from({ length: 200000 }, (_, i) => `X-H${i}: v`).join("\n")}\n\`\`\`\n`;
  expect(listOf(many).requests[0]!.headers).toHaveLength(200000);
});

test("a request's body is kept: a Markdown HTTP block's text after its headers, a curl command's data, a HAR entry's postData", () => {
  const page = ["```http", "PATCH /orders/7", "Content-Type: application/json", "", "{", '  "status": "open"', "}", "```", "", "```http", "DELETE /orders/7", "```"].join("\n");
  expect(listOf(page).requests.map((r) => r.body)).toEqual(['{\n  "status": "open"\n}', undefined]);
  const curl = `curl -X PATCH https://shop.example/odata/orders/7 -H 'Content-Type: application/json' --data-raw '{"status":"open"}' -d 'second'\ncurl -d @body.json https://shop.example/odata/orders`;
  expect(listOf(curl).requests.map((r) => [r.method, r.body])).toEqual([["PATCH", '{"status":"open"}'], ["POST", undefined]]);
  const har = JSON.stringify({ log: { entries: [{ request: { method: "PATCH", url: "https://shop.example/odata/orders/7", postData: { mimeType: "application/json", text: '{"status":"open"}' } } }] } });
  expect(listOf(har).requests.map((r) => r.body)).toEqual(['{"status":"open"}']);
});

test("a program's HTTP client calls (axios, Angular's HttpClient, ky): the method each is named for, a literal URL, a write's literal body; a Map's or a Headers' get passed over", () => {
  const text = [
    "@Injectable() export class PeopleService {",
    "  constructor(private http: HttpClient, private cache: Map<string, Person>) {}",
    "  list() { return this.http.get<Page<Person>>(`${this.root}/People?$top=${n}`); }",
    "  rename(p: Person) { return this.http.patch<void>(`${this.root}/People('${p.UserName}')`, { FirstName: 'R' }); }",
    '  cached(k: string) { return this.cache.get("key") ?? this.cache.get(`${k}:x`) ?? response.headers.get("etag"); }',
    "}",
    'await axios.post("https://trips.example/odata/v4/People", person);',
    "await api.delete(`/Airlines('${code}')`);",
    "const [a, b] = await Promise.all([fetch(`${root}/Airports`), fetch(`${root}/Airlines`)]);",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.line, r.body])).toEqual([
    ["GET", "/People?$top={n}", 3, undefined],
    ["PATCH", "/People('{UserName}')", 4, '{"FirstName":"R"}'],
    ["POST", "https://trips.example/odata/v4/People", 7, undefined],
    ["DELETE", "/Airlines('{code}')", 8, undefined],
    ["GET", "/Airports", 9, undefined],
    ["GET", "/Airlines", 9, undefined],
  ]);
});

test("an HTTP client call's query options in its config's params (axios, Angular) or searchParams (ky, got), written as literals, are added to its URL", () => {
  const text = [
    'await axios.get("/People", { params: { $filter: "Age gt 18 & x", $top: 5, $count: true } });',
    'await axios.get("/People?$select=Age", { headers: { auth }, params: { "$orderby": "Age desc" } });',
    "await ky.delete(`/People('a')`, { searchParams: { reason: 'a+b#1=2' } });",
    'await axios.patch("/People(\'a\')", { Age: 3 }, { params: { etag: "x" } });',
    'await axios.get("/Airlines", { headers: { params: { $top: 1 } } });',
    'await axios.get("/Airports", { params: { $top: n } });',
    'await axios.get("/Trips", { params: { $select: ["a", "b"] } });',
    'await axios.get("/Photos", config);',
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["GET", "/People?$filter=Age gt 18 %26 x&$top=5&$count=true", undefined],
    ["GET", "/People?$select=Age&$orderby=Age desc", undefined],
    ["DELETE", "/People('a')?reason=a%2Bb%231=2", undefined],
    ["PATCH", "/People('a')?etag=x", '{"Age":3}'],
    // A params property inside another (headers'), a variable, an array, a config by name: the URL alone.
    ["GET", "/Airlines", undefined],
    ["GET", "/Airports", undefined],
    ["GET", "/Trips", undefined],
    ["GET", "/Photos", undefined],
  ]);
  // Hostile: nested params objects and top-level arrays before them, read in steps linear in them (12 each: brackets paired, characters asked whether they are code; read to the end from each, n times more).
  const hostile = (n: number) => `axios.get("/a", { ${"x: [], ".repeat(n)}y: { ${"params: {}, ".repeat(n)} } });`;
  expect(listOf(hostile(1000)).requests.map((r) => r.path)).toEqual(["/a"]);
  expect(linearity("params", PROGRAM_READER, (n) => readRequestList(hostile(n)), 250, 30)).toBe("linear");
});

test("got's and ky's write takes its body in its options' json, with searchParams beside it; axios's second argument is its body", () => {
  const text = [
    'import got from "got";',
    'import kyClient from "ky";',
    'const api = ky.create({ prefixUrl: "https://trips.example/odata/v4" });',
    'await got.post("/People", { json: { UserName: "x" }, searchParams: { $select: "UserName" } });',
    "await kyClient.patch(`/People('a')`, { json: { Age: 3 }, headers: { a: 'b' } });",
    'await api.put("/Airlines(\'AA\')", { json: { Name: "A" } });',
    'await got.post("/People", { body: payload });',
    'await axios.post("/People", { json: { UserName: "x" } });',
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["POST", "/People?$select=UserName", '{"UserName":"x"}'],
    ["PATCH", "/People('a')", '{"Age":3}'],
    ["PUT", "/Airlines('AA')", '{"Name":"A"}'],
    ["POST", "/People", undefined],
    ["POST", "/People", '{"json":{"UserName":"x"}}'],
  ]);
});

test("a path relative to a client's base (ky's prefixUrl, axios's baseURL) is a path from the service root where the receiver is an HTTP client's; another receiver's get of a word is no request", () => {
  const text = [
    'import ky from "ky";',
    'import axios from "axios";',
    'const graph = ky.create({ prefixUrl: "https://graph.microsoft.com/v1.0" });',
    'const api = axios.create({ baseURL: "https://graph.microsoft.com/v1.0" });',
    'await graph.get("me/messages", { searchParams: { $top: 5 } }).json();',
    'await graph.post("me/events", { json: { subject: "x" } });',
    "await api.get(`users/${id}/manager?$select=id`);",
    'store.get("users"); cache.delete("me/events"); api.get("mailto:x");',
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["GET", "/me/messages?$top=5", undefined],
    ["POST", "/me/events", '{"subject":"x"}'],
    ["GET", "/users/{id}/manager?$select=id", undefined],
  ]);
});

test("params as programs write them: quotes of the other kind inside strings, comments, a body of null, null values, a template without ${}; calls nested in configs and bodies read in linear time", () => {
  const text = [
    "await axios.get(\"/People\", { params: { $filter: \"LastName eq 'O''Neil', x: y\" } });",
    "await axios.get('/People', { /* paged */ params: { $top: 2, $skip: null, $count: undefined } });",
    "await axios.get(\"/People\", {",
    "  // the first page",
    "  params /* here */ : { $select: `FirstName` },",
    "});",
    "await axios.post(\"/People\", null, { params: { $select: \"UserName\" } });",
    "await axios.put(\"/People('a')\", person, { ...defaults, params: { etag: 'x' } });",
    "await axios.get(\"/Airlines\", { params: { $top: `${n}` } });",
    "await axios.post(\"/People\", { Emails: ['a@x', \"b@x\"], Age: 3, /* c */ Nick: undefined, }, {});",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body])).toEqual([
    ["GET", "/People?$filter=LastName eq 'O''Neil', x: y", undefined],
    ["GET", "/People?$top=2", undefined],
    ["GET", "/People?$select=FirstName", undefined],
    ["POST", "/People?$select=UserName", undefined],
    ["PUT", "/People('a')?etag=x", undefined],
    ["GET", "/Airlines", undefined],
    ["POST", "/People", '{"Emails":["a@x","b@x"],"Age":3}'],
  ]);
  const depth = 32000;
  const inConfigs = `${'axios.get("/People", { a: '.repeat(depth)}1, params: { $top: 1 } ${"})".repeat(depth)}`;
  expect(listOf(inConfigs).requests.map((r) => r.path)).toEqual([...Array(depth - 1).fill("/People"), "/People?$top=1"]);
  const inBodies = `${'axios.post("/People", { a: '.repeat(depth)}1${"})".repeat(depth)}`;
  const bodies = listOf(inBodies).requests.map((r) => r.body);
  expect(bodies.at(-1)).toBe('{"a":1}');
  expect(bodies.slice(0, -1).every((b) => b === undefined)).toBe(true);
});

test("a program's Graph SDK chains (Kiota's request builders): segments, keys, casts, $count, queryParameters and headers written as literals, a write's body; only a client's chains", () => {
  const text = [
    'import { createGraphServiceClient, type GraphServiceClient } from "@microsoft/msgraph-sdk";',
    "const client = createGraphServiceClient(adapter);",
    "export async function run(userId: string, record: { id: string }) {",
    '  await client.me.get({ queryParameters: { select: ["displayName", "mail"], count: false } });',
    "  await client.users",
    "    .byUserId(userId) // the user",
    '    .messages.get({ queryParameters: { top: 10, filter: "isRead eq false", orderby: ["receivedDateTime desc"] }, headers: { ConsistencyLevel: "eventual" } });',
    '  await client.communications.callRecords.byCallRecordId(record.id).sessions.bySessionId("s 1").patch({ modalities: ["audio"] });',
    "  await client.groups.byGroupId(42).members.graphUser.count.get();",
    "  await client.users.delta.get(options);",
    "  await client.users.withUrl(next).get();",
    "  await other.users.get();",
    "  const mine = client.me;",
    "  await mine.messages.get();",
    "}",
    "class Mail { constructor(private readonly graph: GraphServiceClient) {} drop(id: string) { return this.graph.me.messages.byMessageId(id).delete(); } }",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.line, r.column, r.body, r.headers])).toEqual([
    ["GET", "/me?$select=displayName,mail&$count=false", 4, 9, undefined, undefined],
    ["GET", "/users/{userId}/messages?$top=10&$filter=isRead eq false&$orderby=receivedDateTime desc", 5, 9, undefined, ["consistencylevel"]],
    ["PATCH", "/communications/callRecords/{id}/sessions/s%201", 8, 9, '{"modalities":["audio"]}', undefined],
    ["GET", "/groups/42/members/microsoft.graph.user/$count", 9, 9, undefined, undefined],
    ["GET", "/users/delta", 10, 9, undefined, undefined],
    ["DELETE", "/me/messages/{id}", 16, text.split("\n")[15]!.indexOf("this.graph") + 1, undefined, undefined],
  ]);
  // A configuration by name may add query options: the URL may lack them.
  expect(listOf(text).requests.map((r) => r.partialQuery ?? false)).toEqual([false, false, false, false, true, false]);
  // Hostile: 32,000 chains, each in the body of the one before, read (no stack overflow), in steps linear in them (6 each, brackets paired; read to the end from each, n times more).
  const depth = 32000;
  const nested = (n: number) => `const client = createGraphServiceClient(x);\n${"client.users.byUserId(u).post({ a: ".repeat(n)}1${" })".repeat(n)}`;
  const posted = listOf(nested(depth)).requests;
  expect(posted).toHaveLength(depth);
  expect(posted.at(-1)!.body).toBe('{"a":1}');
  expect(linearity("chains", PROGRAM_READER, (n) => readRequestList(nested(n)), 250, 15)).toBe("linear");
});

test("a Graph SDK client declared with an annotation over lines or holding ; is a client, as one declared untyped; one made by another function is not", () => {
  const text = [
    'import { createGraphServiceClient } from "@microsoft/msgraph-sdk";',
    "const graph: ReturnType<",
    "  typeof createGraphServiceClient",
    "> = createGraphServiceClient(adapter);",
    "const tagged: { readonly name: \"graph\"; } & ReturnType<typeof createGraphServiceClient> =",
    "  await createGraphServiceClient(adapter);",
    "let later: ReturnType<typeof createGraphServiceClient> | undefined;",
    "const wrapped: ReturnType<typeof createGraphServiceClient> = wrap(createGraphServiceClient(adapter));",
    "const open: { a: 1;",
    'graph.users.byUserId("u1").messages.get();',
    "tagged.me.events.get();",
    "later.me.get();",
    "wrapped.me.drive.get();",
  ].join("\n");
  // Before, the annotation was read on its line up to its first ; or =: neither graph's nor tagged's chain was read.
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.line])).toEqual([
    ["GET", "/users/u1/messages", 10],
    ["GET", "/me/events", 11],
  ]);
});

test("Graph SDK chains as the SDK sends them: ref is $ref (its id as $id), bodies' odataType, odataId and additionalData as the wire has them, keys encoded as its URI template encodes them; a write's config after any body; no request without a segment", () => {
  const text = [
    "const client = createGraphServiceClient(adapter);",
    'await client.groups.byGroupId(g).members.ref.post({ odataId: "https://graph.microsoft.com/v1.0/directoryObjects/x" });',
    'await client.groups.byGroupId(g).members.ref.delete({ queryParameters: { id: "https://graph.microsoft.com/v1.0/directoryObjects/x" } });',
    'await client.me.messages.post({ body: { content: "hi", odataType: "#microsoft.graph.itemBody" }, additionalData: { extra: 1 } });',
    'await client.users.byUserId("a(b)!").byUserId(user?.id ?? "x").get();',
    'await client.me.patch(changes, { headers: { "If-Match": "*" }, queryParameters: { select: [], count: false } });',
    "await client.me.get(undefined);",
    "function drop() { return client.delete(); }",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.body, r.headers, r.partialQuery ?? false])).toEqual([
    ["POST", "/groups/{g}/members/$ref", '{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/x"}', undefined, false],
    ["DELETE", "/groups/{g}/members/$ref?$id=https://graph.microsoft.com/v1.0/directoryObjects/x", undefined, undefined, false],
    ["POST", "/me/messages", '{"body":{"content":"hi","@odata.type":"#microsoft.graph.itemBody"},"extra":1}', undefined, false],
    ["GET", "/users/a%28b%29%21/{userId}", undefined, undefined, false],
    ["PATCH", "/me?$count=false", undefined, ["if-match"], false],
    ["GET", "/me", undefined, undefined, false],
  ]);
});

test("literals as JavaScript reads them: escapes, line continuations, templates with an escaped backtick or ${, numbers as names; hostile comments, names and keys in linear time", () => {
  const text = [
    "const client = createGraphServiceClient(adapter);",
    'await client.me.patch({ a: "\\b\\x41\\u0042\\u{43}\\0", b: `t\\tu\\u0041`, c: "x\\',
    'y", 0x10: 1, 1.50: 2 });',
    "await client.me.patch({ a: `x\\`${y}` });",
    "await client.me.patch({ a: `x\\${y}` });",
    "await client.me.patch({ -1: 1 });",
  ].join("\n");
  expect(listOf(text).requests.map((r) => r.body)).toEqual([
    JSON.stringify({ 16: 1, a: "\bABC\0", b: "t\tuA", c: "xy", "1.5": 2 }),
    undefined,
    JSON.stringify({ a: "x${y}" }),
    undefined,
  ]);
  const head = "const client = createGraphServiceClient(a);\n";
  // Long strings and comments left open: read by loops that call no method a step, so no count sees them; the result alone is checked.
  expect(readRequestList(`${head}client.users.post({ a: "${"a".repeat(160000)}", b: "${" ".repeat(160000)}" });`)).toEqual(expect.objectContaining({}));
  expect(readRequestList(`${head}${"client./*".repeat(4000)}`)).toEqual(expect.objectContaining({}));
  const hostile = {
    calls: (n: number) => `${head}${"client.users.byUserId(".repeat(n)}u${")".repeat(n)}`,
    posts: (n: number) => 'x.post("/a", /*'.repeat(n),
  };
  // Read, to requests or to "no request", in steps linear in the text: 4 steps a unit (brackets paired, literals read); read to the end from each, n times more.
  for (const [input, text] of Object.entries(hostile)) {
    expect(readRequestList(text(1000))).toEqual(expect.objectContaining({}));
    expect(linearity(input, PROGRAM_READER, (n) => readRequestList(text(n)), 250, 10)).toBe("linear");
  }
});

test("a program none of whose calls has a literal URL is said so at its first statement, not read line by line as a list", () => {
  const text = "// the client\n\nimport axios from 'axios';\nexport const get = (url: string) => axios.get(url);\n";
  expect(readRequestList(text)).toEqual({ problem: "a program (JavaScript or TypeScript) none of whose fetch, HTTP client or Graph client calls has a literal URL (a string, or a template literal): there is no request to read", line: 3, column: 1 });
});

test("hostile programs: calls left open, templates nested 50,000 deep, 300,000 brackets that close nothing, each read (the brackets paired in one pass)", () => {
  const open = "client.api(\"/me\").select(\"a\", (\n".repeat(50000);
  expect(listOf(open).requests).toHaveLength(50000);
  const nested = `fetch(\`/a/${"${`".repeat(50000)}x${"`}".repeat(50000)}\`)`;
  expect(listOf(nested).requests.map((r) => r.path)).toEqual(["/a/{x}"]);
  const brackets = `fetch(\`/a\`, { method: "DELETE", x: ${"(".repeat(300000)}${"]".repeat(300000)}`;
  expect(listOf(brackets).requests.map((r) => [r.method, r.path])).toEqual([["GET", "/a"]]);
  const array = `client.api("/me").select([${'"a",'.repeat(300000)}]).get()`;
  expect(listOf(array).requests[0]!.path).toBe(`/me?$select=${Array(300000).fill("a").join(",")}`);
});

test("hostile lists, HTTP files, collections and batches: 100,000 blank lines or separators, a line of 100,000 spaces, a word of 100,000 letters, folders 50,000 deep, a change set of 50,000: each read in linear time", () => {
  expect(listOf(`${"\n".repeat(100000)}GET /a`).requests.map((r) => [r.path, r.line])).toEqual([["/a", 100001]]);
  expect(listOf(`${"###\n".repeat(100000)}x`).requests.map((r) => r.problem)).toEqual([expect.stringMatching(/^x is no URL/)]);
  expect(listOf(`@a = x${" ".repeat(100000)}y\nGET {{a}}/b`).requests).toHaveLength(1);
  expect(listOf(`fetch(\`/a/\${${"a".repeat(100000)} b}\`)`).requests.map((r) => r.path)).toEqual(["/a/{b}"]);
  expect(listOf(`### x\nGET /a/{{${"a".repeat(100000)} b}}`).requests.map((r) => r.path)).toEqual(["/a/{b}"]);
  // A Postman collection's folders nested 50,000 deep are counted, not read; 60 deep, with 10,000 requests, each read at its place.
  const folders = (n: number, inside: string) => `{"item":[${'{"name":"f","item":['.repeat(n)}${inside}${"]}".repeat(n)}]}`;
  expect(Object.fromEntries(listOf(folders(50000, '{"request":"/a"}')).skipped)).toEqual({ "folders nested deeper than 64": 1 });
  const wide = listOf(folders(60, Array(10000).fill('{"request":"/a"}').join(",")));
  expect([wide.requests.length, wide.requests[9999]!.column - wide.requests[0]!.column]).toEqual([10000, 9999 * '{"request":"/a"},'.length]);
  // A change set of 50,000 requests paired with its answers by Content-ID.
  const ids = Array.from({ length: 50000 }, (_, i) => i);
  const asked = mixed("b", [changeSet("c", ids.map((i) => httpPart("GET /a HTTP/1.1", [], "", [`Content-ID: ${i}`])))]);
  const answered = mixed("x", [changeSet("y", ids.reverse().map((i) => httpPart(i % 2 ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK", [], "", [`Content-ID: ${i}`])))]);
  const statuses = listOf(harOf(asked, { status: 200, text: answered })).requests.map((r) => r.answered?.status);
  expect([statuses.length, statuses[0], statuses[1], statuses[49999]]).toEqual([50000, 200, 404, 404]);
});

test("2,000 seeded random edits of a HAR file, a Markdown page, curl commands, fetch calls, a program's Graph client calls, a Postman collection, an HTTP file and a list each read to requests or a problem, never an exception", () => {
  const har = JSON.stringify({ log: { entries: [{ request: { method: "POST", url: "https://x/odata/$batch", postData: { text: '{"requests":[{"id":"1","method":"GET","url":"/a"}]}' } } }, { request: { method: "PATCH", url: "https://x/odata/a(1)", postData: { text: "{}" } } }] } });
  const page = "```http\nPATCH /a(1)\nContent-Type: application/json\n\n{}\n```\n```bash\n$ curl -X POST \\\n  'https://x/odata/a' --data-raw '{}'\n```\n";
  const curl = "curl 'https://x/odata/a' -H 'x: y' --data-raw $'{\"a\":1}' -X 'PATCH' ;\ncurl -I --url=https://x/odata/b\ncurl ^\"https://x/odata/a^\" ^\n  --data-raw ^\"^{^\\\\^\"a^\\\\^\":1^}^\" &";
  const list = "# list\nGET /a?$filter=b eq 'c'\n127.0.0.1 - - [x] \"DELETE /odata/a(1) HTTP/1.1\" 204 -\nPOST /odata/$batch";
  const fetches = 'fetch("https://x/odata/a(1)", {\n  "body": "{\\"b\\":1}",\n  "method": "PATCH"\n});\nawait fetch(\'https://x/odata/a\');';
  const postman = JSON.stringify({ info: { schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, variable: [{ key: "v", value: "odata" }], item: [{ name: "F", item: [{ name: "R", request: { method: "PATCH", url: { raw: "{{root}}/{{v}}/a(:id)" }, body: { mode: "raw", raw: "{}" } } }] }, { request: "https://x/odata/a" }] });
  const http = "@root = https://x/odata\n### one\nPATCH {{root}}/a(1) HTTP/1.1\nContent-Type: application/json\n\n{\"b\": {{v}}}\n\n> {%\n  client.log(1);\n%}\n###\n{{root}}/a\n  ?$top=1\n";
  const program = "const r = await client\n  .api(`/users/${id}/messages`)\n  .select([\"subject\"]).filter(`a eq '${b}'`)\n  .top(5)\n  .patch({ \"x\": 1 });\nawait fetch(`${root}/a(${k})`, { method: \"DELETE\" });\n";
  const texts = randomEdits([har, page, curl, list, fetches, postman, http, program], "{}[]\"':,\\\n `$@-/#;^&", 2000, 5);
  const answers = texts.map((text, i) => readRequestList(text, i % 2 ? "https://x/odata" : undefined));
  const lists = answers.filter((r): r is RequestList => "requests" in r);
  const problems = answers.filter((r) => !("requests" in r)) as { problem: string; line: number }[];
  expect(lists.flatMap((l) => l.requests).filter((r) => typeof r.method !== "string" || typeof r.path !== "string" || !(r.line >= 0))).toEqual([]);
  expect(problems.filter((p) => !/^(not JSON, as a HAR file or a Postman collection is|a JSON file here is a HAR file|a program \(JavaScript or TypeScript\) none of whose)/.test(p.problem))).toEqual([]);
  // Both answers occur: a HAR file's edits often leave no JSON; the others' never do.
  expect(problems.length).toBeGreaterThan(50);
  expect(lists.length).toBeGreaterThan(1000);
});

test("fetch calls, as a browser's \"Copy all as fetch\" writes them: each URL at its place, the method and body its options give", () => {
  const text = [
    'fetch("https://graph.microsoft.com/v1.0/me/messages?$top=2", {',
    '  "headers": { "accept": "*/*", "authorization": "Bearer x" },',
    '  "referrer": "https://developer.microsoft.com/",',
    '  "body": null,',
    '  "method": "GET",',
    '  "mode": "cors"',
    "}); ;",
    'fetch("https://graph.microsoft.com/v1.0/me", {',
    '  "headers": { "content-type": "application/json" },',
    '  "body": "{\\"displayName\\":\\"x\\",\\"note\\":\\"a } brace\\"}",',
    '  "method": "PATCH"',
    "});",
    "const r = await fetch('https://graph.microsoft.com/v1.0/users', { method: 'post', body: JSON.stringify(user) });",
    "await fetch(`${root}/me`);",
  ].join("\n");
  const { requests } = listOf(text);
  expect(requests.map((r) => [r.method, r.path, r.line, r.column, r.body])).toEqual([
    ["GET", "https://graph.microsoft.com/v1.0/me/messages?$top=2", 1, 8, undefined],
    ["PATCH", "https://graph.microsoft.com/v1.0/me", 8, 8, '{"displayName":"x","note":"a } brace"}'],
    ["POST", "https://graph.microsoft.com/v1.0/users", 13, 24, undefined],
    // A template: its expressions are placeholders, one that starts it the service root.
    ["GET", "/me", 14, 14, undefined],
  ]);
});

test("a program's fetch calls with template literals: placeholders named by each expression's last word, the method from its options", () => {
  const text = [
    "export async function rename(graph: string, user: { id: string }, name: string) {",
    "  return fetch(`${graph}/users/${encodeURIComponent(user.id)}`, {",
    '    method: "PATCH",',
    "    headers: { authorization: `Bearer ${token}` }, // a comment with ) and }",
    "    body: JSON.stringify({ displayName: name }),",
    "  });",
    "}",
    "const page = await fetch(`https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'${prefix}')&$top=${n}`);",
    "await fetch(`/users/${`nested ${deep}`}/manager`, { method: 'DELETE' });",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.line, r.column])).toEqual([
    ["PATCH", "/users/{id}", 2, 17],
    ["GET", "https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'{prefix}')&$top={n}", 8, 27],
    ["DELETE", "/users/{deep}/manager", 9, 14],
  ]);
});

test("the Graph JavaScript client's api calls: the path, the query its chained calls add, their headers, the method of the call that sends it, a JSON body", () => {
  const text = [
    'import { Client } from "@microsoft/microsoft-graph-client";',
    "const messages = await client",
    '  .api("/me/messages")',
    '  .select(["subject", "from"]) // what the list shows',
    "  .filter(`receivedDateTime ge ${since}`)",
    '  .orderby("receivedDateTime desc")',
    "  .top(10)",
    "  .count()",
    '  .header("ConsistencyLevel", "eventual")',
    "  .get();",
    "await client.api(`/users/${user.id}`).update({ displayName: \"A\", jobTitle: 'x' });",
    "await client.api('/me/sendMail').post(message);",
    "await client.api(\"/groups?$top=5\").headers({ \"If-Match\": etag, Prefer: 'x' }).expand(fields).delete();",
    "const request = client.api('/me/events');",
    "client.api(path).get();",
  ].join("\n");
  expect(listOf(text).requests.map((r) => [r.method, r.path, r.line, r.column, r.headers, r.body])).toEqual([
    ["GET", "/me/messages?$select=subject,from&$filter=receivedDateTime ge {since}&$orderby=receivedDateTime desc&$top=10&$count=true", 3, 9, ["consistencylevel"], undefined],
    ["PATCH", "/users/{id}", 11, 19, [], '{"displayName":"A","jobTitle":"x"}'],
    ["POST", "/me/sendMail", 12, 19, [], undefined],
    ["DELETE", "/groups?$top=5", 13, 19, ["if-match", "prefer"], undefined],
    ["GET", "/me/events", 14, 29, [], undefined],
  ]);
});
