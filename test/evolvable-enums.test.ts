/**
 * Microsoft's evolvable enums (model/evolvable-enums.ts), on test/fixtures/requests/evolvable-enums.xml
 * and on Graph: members after an enum's `unknownFutureValue` are sent by a service following the
 * pattern only to a request preferring `include-unknown-enum-members`, and refused in one without.
 * The enum's doc comment says so; a typed filter naming one sends the preference; `odatagen url`
 * sends it with a `$filter` or a body naming one, saying why; `--from` warns of a recorded request
 * that named one without a Prefer header.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { BIN, scratch } from "./helpers/cli";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { generateFixture } from "./helpers/generated";
import { RecordingServer } from "./helpers/recording-server";
import { spawnLimited } from "./helpers/spawn-limited";
import { anyCompiler, runTscWithUse } from "./helpers/typecheck";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "evolvable-enums.xml");
const PREFER = 'headers: { Prefer: "include-unknown-enum-members" }';

function calls(paths: readonly (string | { method: string; path: string; body: unknown })[], file = FIXTURE) {
  const requests = paths.map((p) => (typeof p === "string" ? { path: p } : p));
  return urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, requests).results.map((r) => (r.ok ? r.call : { problem: r.problem }));
}

/** The call's code, in a function of a program compiled against the fixture's output. */
function compiles(code: string): string {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  const lines = code.split("\n");
  return runTscWithUse(anyCompiler(), dir, [
    ...lines.filter((l) => l.startsWith("import ")),
    'import { createClient } from "./index.js";',
    "export async function run(body: any, params: any) {",
    '  const client = createClient({ baseUrl: "http://localhost/odata" });',
    ...lines.filter((l) => l !== "" && !l.startsWith("import ")).map((l) => `  ${l}`),
    "  void [body, params];",
    ...(code.includes("const result = ") ? ["  return result;"] : []),
    "}",
  ]).output;
}

/** The doc comment above `export type <name> =`. */
function typeDoc(types: string, name: string): string {
  const at = types.indexOf(`export type ${name} =`);
  return types.slice(types.lastIndexOf("/**", at), at);
}

test("an enum with members after its unknownFutureValue says so in its doc comment, naming them; one whose sentinel is last, or without one, does not", () => {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  const types = fs.readFileSync(path.join(dir, "Ev.types.ts"), "utf8");
  expect(typeDoc(types, "Result")).toBe(
    [
      "/**",
      " * Enum `Ev.Result`.",
      " *",
      " * `reportOnly` and `reportOnlyFailed` come after `unknownFutureValue` (an evolvable enum, as Microsoft Graph's):",
      " * the service sends `unknownFutureValue` in their place, and refuses a request naming them, unless",
      ' * the request prefers `include-unknown-enum-members` (`headers: { Prefer: "include-unknown-enum-members" }`).',
      " */",
      "",
    ].join("\n"),
  );
  expect(typeDoc(types, "Kind")).toBe("/** Enum `Ev.Kind`. */\n");
  expect(typeDoc(types, "Level")).toBe("/** Enum `Ev.Level`. */\n");
});

test("odatagen url sends include-unknown-enum-members with a $filter naming a member after the sentinel, in any literal form, saying why; not for the others; and the call compiles", () => {
  const made = calls([
    "/Signals?$filter=result eq 'reportOnly'",
    "/Signals?$filter=result in ('ok', 'reportOnlyFailed') and kind eq 'unknownFutureValue'",
    "/Signals?$filter=Ev.Result'reportOnly' ne result",
    "/Signals?$filter=result eq 'failed' or level eq 'high'",
    "/Signals?$filter=result eq 'reportOnlyx'",
  ]);
  expect(made.map((c) => ("problem" in c ? c.problem : [c.prefer, c.call.includes(PREFER), c.code.split("\n").find((l) => l.startsWith("// $filter")) ?? ""]))).toEqual([
    [["include-unknown-enum-members"], true, "// $filter names reportOnly, a member after unknownFutureValue (an evolvable enum, as Microsoft Graph's): the service refuses the request unless it prefers include-unknown-enum-members, which the options' headers send."],
    [["include-unknown-enum-members"], true, "// $filter names reportOnlyFailed, a member after unknownFutureValue (an evolvable enum, as Microsoft Graph's): the service refuses the request unless it prefers include-unknown-enum-members, which the options' headers send."],
    [["include-unknown-enum-members"], true, expect.stringContaining("// $filter names reportOnly, a member")],
    [undefined, false, ""],
    "GET /Signals: $filter=result eq 'reportOnlyx': result is a Ev.Result, which has no member reportOnlyx; did you mean reportOnly?",
  ]);
  expect(compiles((made[0] as { code: string }).code)).toBe("");
});

test("odatagen url says a body naming a member after the sentinel (an update's, in a complex value's collection, an action's parameter) needs include-unknown-enum-members, which the generated write sends by itself, a deep insert's too; not the others; and the calls compile", () => {
  const made = calls([
    { method: "PATCH", path: "/Signals('a')", body: { result: "reportOnly", level: "high" } },
    { method: "POST", path: "/Signals", body: { id: "b", outcome: { results: ["ok", "REPORTONLYFAILED"] } } },
    { method: "POST", path: "/Flag", body: { result: "reportOnlyFailed" } },
    { method: "POST", path: "/Signals", body: { id: "c", origin: { id: "s", verdict: "reportOnly" } } },
    { method: "PATCH", path: "/Signals('a')", body: { result: "failed", kind: "unknownFutureValue", "result@odata.type": "#Ev.Result" } },
    { method: "POST", path: "/Calls", body: { id: "c", sessions: [{ "@odata.type": "#Rec.VideoSession", id: "s", grade: "reportOnlyFailed" }] } },
  ]);
  const shown = made.map((c) => ("problem" in c ? c.problem : [c.prefer, c.preferFor, c.call.includes(PREFER), c.code.split("\n").find((l) => l.startsWith("// ") && l.includes("unknownFutureValue")) ?? ""]));
  const note = (where: string, names: string, sent = "the options' headers send") =>
    `// ${where} ${names} after unknownFutureValue (an evolvable enum, as Microsoft Graph's): the service refuses the request unless it prefers include-unknown-enum-members, which ${sent}.`;
  const bySelf = (fn: string) => `${fn} sends by itself for a body naming one`;
  expect(shown).toEqual([
    [["include-unknown-enum-members"], ["body"], false, note("the body names", "reportOnly, a member", bySelf("updateSignal"))],
    [["include-unknown-enum-members"], ["body"], false, note("the body names", "reportOnlyFailed, a member", bySelf("createSignal"))],
    [["include-unknown-enum-members"], ["body"], false, note("the body names", "reportOnlyFailed, a member", bySelf("flag"))],
    [["include-unknown-enum-members"], ["body"], false, note("the body names", "reportOnly, a member", bySelf("createSignal"))],
    [undefined, undefined, false, ""],
    [["include-unknown-enum-members"], ["body"], false, note("the body names", "reportOnlyFailed, a member", bySelf("createCall"))],
  ]);
  // REPORTONLYFAILED is reportOnlyFailed but for its case: the generated write's rt.preferLater finds it so too, and the call notes it.
  expect((made[1] as { code: string }).code).toContain(
    "// the body's outcome/results[1]: REPORTONLYFAILED is no member of Ev.Result as the metadata writes it; did you mean reportOnlyFailed? The generated type takes reportOnlyFailed alone, and the body is sent as written (a service reading members case-sensitively refuses REPORTONLYFAILED).",
  );
  for (const c of [...made.slice(0, 4), made[5]!]) expect(compiles((c as { code: string }).code)).toBe("");
});


test("url --from warns of a recorded request whose $filter names a member after the sentinel and that sent no Prefer header", async () => {
  const dir = scratch();
  const root = "https://signals.example/odata";
  fs.writeFileSync(
    path.join(dir, "calls.sh"),
    [
      `curl "${root}/Signals?\\$filter=result%20eq%20'reportOnly'" -H 'Authorization: Bearer x'`,
      `curl "${root}/Signals?\\$filter=result%20eq%20'reportOnlyFailed'" -H 'Prefer: include-unknown-enum-members'`,
      `curl "${root}/Signals?\\$filter=result%20eq%20'failed'" -H 'Authorization: Bearer x'`,
      "",
    ].join("\n"),
  );
  const r = await spawnLimited(process.execPath, [BIN, "url", "-i", FIXTURE, "--from", "calls.sh", "--base", root], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
  expect(r.stderr).toBe(
    `calls.sh:1:7: warning ODG603: GET /Signals?$filter=result%20eq%20'reportOnly': sent without the header Prefer: include-unknown-enum-members; its $filter names a member after unknownFutureValue (an evolvable enum, as Microsoft Graph's), which the service refuses without it\n` +
      "odatagen: calls.sh: 3 requests: 3 made by the generated functions, 0 refused\n",
  );
  expect(r.status).toBe(0);
});

test("url --from warns of a recorded update whose body names a member after the sentinel and that sent no Prefer header", async () => {
  const dir = scratch();
  const root = "https://signals.example/odata";
  fs.writeFileSync(
    path.join(dir, "calls.sh"),
    [
      `curl -X PATCH "${root}/Signals('a')" -H 'Content-Type: application/json' -d '{"result":"reportOnly"}'`,
      `curl -X PATCH "${root}/Signals('a')" -H 'Prefer: include-unknown-enum-members' -d '{"result":"reportOnlyFailed"}'`,
      `curl -X PATCH "${root}/Signals('a')" -H 'Content-Type: application/json' -d '{"result":"failed"}'`,
      "",
    ].join("\n"),
  );
  const r = await spawnLimited(process.execPath, [BIN, "url", "-i", FIXTURE, "--from", "calls.sh", "--base", root], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
  expect(r.stderr).toBe(
    `calls.sh:1:16: warning ODG603: PATCH /Signals('a'): sent without the header Prefer: include-unknown-enum-members; its body names a member after unknownFutureValue (an evolvable enum, as Microsoft Graph's), which the service refuses without it\n` +
      "odatagen: calls.sh: 3 requests: 3 made by the generated functions, 0 refused\n",
  );
  expect(r.status).toBe(0);
});

test("a typed filter naming a member after the sentinel sends Prefer: include-unknown-enum-members (joined with the call's own preferences), in a list and in a function's collection; one naming none sends no Prefer", async () => {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require(path.join(dir, "Ev.requests")) as typeof import("./.generated/evolvable-enums/Ev.requests");
  const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/evolvable-enums/runtime");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata` });
    const lists = [
      () => api.listSignals(client, api.signals(), { filter: (s) => s.result.eq("reportOnly") }),
      () => api.listSignals(client, api.signals(), { filter: (s) => s.outcome.results.any((r) => r.in(["ok", "reportOnlyFailed"])) }),
      () => api.listSignals(client, api.signals(), { filter: (s) => s.result.ne("reportOnly"), headers: { prefer: 'outlook.timezone="UTC"' } }),
      () => api.recent(client, { filter: (s) => s.result.eq("reportOnlyFailed").or(s.level.eq("high")) }),
      () => api.listSignals(client, api.signals(), { filter: (s) => s.result.eq("failed").and(s.kind.eq("unknownFutureValue")) }),
      () => api.listSignals(client, api.signals(), { filter: "result eq Ev.Result'reportOnly'" }),
      () => api.recent(client, { filter: (s) => s.level.eq("low") }),
    ];
    for (const list of lists) {
      server.json(200, { value: [] });
      await list();
    }
    expect(server.requests.map((r) => [decodeURIComponent(r.url), r.headers["prefer"]])).toEqual([
      ["/odata/Signals?$filter=result eq Ev.Result'reportOnly'", "include-unknown-enum-members"],
      ["/odata/Signals?$filter=outcome/results/any(x1:x1 eq Ev.Result'ok' or x1 eq Ev.Result'reportOnlyFailed')", "include-unknown-enum-members"],
      ["/odata/Signals?$filter=result ne Ev.Result'reportOnly'", 'outlook.timezone="UTC", include-unknown-enum-members'],
      ["/odata/Recent()?$filter=result eq Ev.Result'reportOnlyFailed' or level eq Ev.Level'high'", "include-unknown-enum-members"],
      ["/odata/Signals?$filter=result eq Ev.Result'failed' and kind eq Ev.Kind'unknownFutureValue'", undefined],
      // A filter written as text is sent as it is: `odatagen url` says what it needs.
      ["/odata/Signals?$filter=result eq Ev.Result'reportOnly'", undefined],
      ["/odata/Recent()?$filter=level eq Ev.Level'low'", undefined],
    ]);
  } finally {
    await server.stop();
  }
});

test("a create, an update or an action whose body names a member after the sentinel sends Prefer: include-unknown-enum-members (also in a subtype's complex value, a collection and a batch's part, joined with the call's own preferences); one naming none, or naming it in another property, sends no Prefer", async () => {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require(path.join(dir, "Ev.requests")) as typeof import("./.generated/evolvable-enums/Ev.requests");
  const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/evolvable-enums/runtime");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata` });
    const one = api.signals().byKey("a");
    const writes = [
      () => api.updateSignal(client, one, { result: "reportOnly" }),
      () => api.createSignal(client, api.signals(), { id: "b", outcome: { results: ["ok", "reportOnlyFailed"] } }, { prefer: "return=minimal" }),
      () => api.updateSignal(client, one, { note: { "@odata.type": "#Ev.RatedNote", rating: "reportOnly" } }),
      () => api.flag(client, { result: "reportOnlyFailed" }),
      () => api.updateSignal(client, one, { result: "failed", kind: "unknownFutureValue", note: { text: "reportOnly" } }),
      () => api.flag(client, { result: "ok" }),
    ];
    for (const write of writes) {
      server.json(200, { id: "a" });
      await write();
    }
    expect(server.requests.map((r) => [r.method, decodeURIComponent(r.url), r.headers["prefer"]])).toEqual([
      ["PATCH", "/odata/Signals('a')", "include-unknown-enum-members"],
      ["POST", "/odata/Signals", "return=minimal, include-unknown-enum-members"],
      ["PATCH", "/odata/Signals('a')", "include-unknown-enum-members"],
      ["POST", "/odata/Flag", "include-unknown-enum-members"],
      // `text` is a string, not a Result: its value is no member.
      ["PATCH", "/odata/Signals('a')", undefined],
      ["POST", "/odata/Flag", undefined],
    ]);

    // In a batch, the preference is the part's own header.
    server.requests.length = 0;
    server.json(200, { responses: [{ id: "1", status: 204 }, { id: "2", status: 204 }] });
    const b = rt.batch(client);
    const calls = [api.updateSignal(b, one, { result: "reportOnlyFailed" }), api.updateSignal(b, one, { result: "ok" })];
    await b.send();
    await Promise.all(calls);
    const sent = JSON.parse(server.requests[0]!.body) as { requests: { headers?: Record<string, string> }[] };
    expect(sent.requests.map((r) => r.headers?.["Prefer"] ?? r.headers?.["prefer"])).toEqual(["include-unknown-enum-members", undefined]);
  } finally {
    await server.stop();
  }
});

test("a deep insert or a deep update naming a member after the sentinel in an entity of a navigation property (of another namespace, of a subtype named by @odata.type, at any depth) sends Prefer: include-unknown-enum-members, alone or in a batch; a binding, or members before the sentinel, send none", async () => {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require(path.join(dir, "Ev.requests")) as typeof import("./.generated/evolvable-enums/Ev.requests");
  const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/evolvable-enums/runtime");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata` });
    const one = api.calls().byKey("c");
    const writes = [
      () => api.createCall(client, api.calls(), { id: "c", sessions: [{ id: "s", modalities: ["audio", "screenShare"] }] }),
      () => api.createCall(client, api.calls(), { id: "c", sessions: [{ "@odata.type": "#Rec.VideoSession", id: "s", modalities: ["audio"], grade: "reportOnlyFailed" }] }),
      () => api.updateCall(client, one, { organizer: { id: "o", verdict: "reportOnly" } }, { prefer: "return=minimal" }),
      () => api.createSignal(client, api.signals(), { id: "b", origin: { id: "o", verdict: "reportOnly" } }),
      () => api.createCall(client, api.calls(), { id: "c", "organizer@odata.bind": "Sources('reportOnly')", sessions: [{ id: "s", modalities: ["audio"] }] }),
      () => api.updateCall(client, one, { organizer: { id: "o", verdict: "failed" } }),
    ];
    for (const write of writes) {
      server.json(200, { id: "c" });
      await write();
    }
    expect(server.requests.map((r) => [r.method, decodeURIComponent(r.url), r.headers["prefer"]])).toEqual([
      ["POST", "/odata/Calls", "include-unknown-enum-members"],
      ["POST", "/odata/Calls", "include-unknown-enum-members"],
      ["PATCH", "/odata/Calls('c')", "return=minimal, include-unknown-enum-members"],
      ["POST", "/odata/Signals", "include-unknown-enum-members"],
      ["POST", "/odata/Calls", undefined],
      ["PATCH", "/odata/Calls('c')", undefined],
    ]);

    server.requests.length = 0;
    server.json(200, { responses: [{ id: "1", status: 201, body: { id: "c" } }, { id: "2", status: 201, body: { id: "d" } }] });
    const b = rt.batch(client);
    const calls = [
      api.createCall(b, api.calls(), { id: "c", sessions: [{ id: "s", modalities: ["screenShare"] }] }),
      api.createCall(b, api.calls(), { id: "d", sessions: [{ id: "s", modalities: ["audio"] }] }),
    ];
    await b.send();
    await Promise.all(calls);
    const sent = JSON.parse(server.requests[0]!.body) as { requests: { headers?: Record<string, string> }[] };
    expect(sent.requests.map((r) => r.headers?.["Prefer"] ?? r.headers?.["prefer"])).toEqual(["include-unknown-enum-members", undefined]);
  } finally {
    await server.stop();
  }
});

test("each write names the later members its own body type reaches, in a table defined once, in the module of the namespace of the types sharing it; an action whose parameters reach no entity type's table writes its own", async () => {
  const dir = generateFixture("requests/evolvable-enums.xml", "evolvable-enums");
  /* eslint-disable @typescript-eslint/no-require-imports */
  const ev = require(path.join(dir, "Ev.requests")) as Record<string, unknown>;
  const rec = require(path.join(dir, "Rec.requests")) as Record<string, unknown>;
  const api = require(path.join(dir, "Ev.requests")) as typeof import("./.generated/evolvable-enums/Ev.requests");
  const recApi = require(path.join(dir, "Rec.requests")) as typeof import("./.generated/evolvable-enums/Rec.requests");
  const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/evolvable-enums/runtime");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const tables = (module: Record<string, unknown>) => Object.fromEntries(Object.entries(module).filter(([name]) => name.endsWith("LaterMembers")));
  const result = "reportOnly,reportOnlyFailed";
  // A signal reaches its outcome's results, its note's subtype's rating and its origin's verdict; a source only its verdict; a call its sessions' (of Rec) and its organizer's.
  expect(tables(ev)).toEqual({
    SignalLaterMembers: { rating: result, result, results: result, verdict: result },
    SourceLaterMembers: { verdict: result },
    CallLaterMembers: { grade: result, modalities: "screenShare", verdict: result },
  });
  // A session and a video session (a subtype, reaching the same) share one table, in Rec's module.
  expect(tables(rec)).toEqual({ SessionLaterMembers: { grade: result, modalities: "screenShare" } });
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"));
  const text = sources.map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  expect(text).not.toContain("LATER_MEMBERS");
  expect(text).toContain('rt.preferLater(options, params, { result: "reportOnly,reportOnlyFailed" })');

  // So a write sends the preference for a member its own body type reaches, not for one under another type's property name.
  const server = new RecordingServer();
  const root = await server.start();
  try {
    const client = rt.createClient({ baseUrl: `${root}/odata` });
    const writes = [
      () => api.updateSource(client, api.sources().byKey("s"), { verdict: "reportOnly" }),
      () => api.updateSource(client, api.sources().byKey("s"), { verdict: "ok", result: "reportOnly", modalities: ["screenShare"] } as never),
      () => api.updateSignal(client, api.signals().byKey("a"), { modalities: ["screenShare"] } as never),
      () => recApi.updateVideoSession(client, api.callSessions(api.calls().byKey("c")).byKey("v") as never, { grade: "reportOnly" }),
    ];
    for (const write of writes) {
      server.json(200, { id: "a" });
      await write();
    }
    expect(server.requests.map((r) => r.headers["prefer"])).toEqual(["include-unknown-enum-members", undefined, undefined, "include-unknown-enum-members"]);
  } finally {
    await server.stop();
  }
});

describeWithGraph("Graph's evolvable enums")("Graph v1.0's evolvable enums", () => {
  test("a sign-in's conditional access result after its sentinel: url sends the preference", () => {
    const [call] = calls(["/auditLogs/signIns?$filter=appliedConditionalAccessPolicies/any(p:p/result eq 'reportOnlySuccess')"], GRAPH);
    expect(call).toEqual(expect.objectContaining({ prefer: ["include-unknown-enum-members"], call: expect.stringContaining(PREFER) }));
  });
});
