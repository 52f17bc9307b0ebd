/**
 * The two seed operations made by the generated request functions against a real HTTP server on
 * 127.0.0.1 that records them: method, path, Authorization, Content-Type and body as the pages show;
 * the response comes back as sent; a 4xx with a Graph error body becomes an ODataError.
 */
import { describeWithSeeds, readSeed, type SeedPage } from "./helpers/seeds";
import { RecordingServer } from "./helpers/recording-server";
import { createClient, ODataError, type Client } from "../generated/graph-callrecords/runtime";
import { cloudCommunicationsCallRecords, communications } from "../generated/graph-callrecords/microsoft.graph.requests";
import { callRecordSessions, getSession, updateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import type { Session } from "../generated/graph-callrecords/microsoft.graph.callRecords.types";
import * as copilotRuntime from "../generated/graph-beta-securitycopilot/runtime";
import { security, securityCopilotWorkspaces, securitySecurityCopilot } from "../generated/graph-beta-securitycopilot/microsoft.graph.requests";
import { updateSession as updateCopilotSession, workspaceSessions } from "../generated/graph-beta-securitycopilot/microsoft.graph.security.securityCopilot.requests";
import type { Session as CopilotSession } from "../generated/graph-beta-securitycopilot/microsoft.graph.security.securityCopilot.types";

const CALL_RECORDS = "000_d62b62a72e170c75.txt";
const COPILOT = "003_83e9e3cd3e605487.txt";
const TOKEN = "eyJ0eXAiOiJKV1QiLCJ.test-token";

const server = new RecordingServer();
let origin: string;
let tokenCalls = 0;

beforeAll(async () => {
  origin = await server.start();
});
afterAll(() => server.stop());

function client(prefix: string): Client {
  return createClient({
    baseUrl: `${origin}${prefix}`,
    getToken: async () => {
      tokenCalls++;
      return TOKEN;
    },
  });
}

/** The session addressed the way the seed page's path spells it. */
function sessionRef(callRecordId: string, sessionId: string) {
  return callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId);
}

describeWithSeeds(CALL_RECORDS)("PATCH /communications/callRecords/{callRecordId}/sessions/{sessionId}", () => {
  let page: SeedPage;
  beforeAll(() => {
    page = readSeed(CALL_RECORDS);
  });

  test("the request is made as the page shows, and the response comes back", async () => {
    const callRecordId = "e523d2ed-2966-4b6b-925b-754a88034cc5";
    const sessionId = "77900896-0896-7790-9608-907796089077";
    server.json(200, page.response.body);
    const before = tokenCalls;
    const result = await updateSession(client("/v1.0"), sessionRef(callRecordId, sessionId), page.request.body as Partial<Session>);

    const req = server.last();
    expect(req.method).toBe(page.template.method);
    expect(req.url).toBe("/v1.0" + page.template.path.replace("{callRecordId}", callRecordId).replace("{sessionId}", sessionId));
    expect(req.url).toBe(`/v1.0/communications/callRecords/${callRecordId}/sessions/${sessionId}`);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers["content-type"]).toBe(page.request.headers["content-type"]);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(page.request.body);
    expect(tokenCalls).toBe(before + 1);

    expect(result).toEqual(page.response.body);
  });

  test.each([
    ["a/b?c#d'e", "a%2Fb%3Fc%23d'e"],
    ["50% off", "50%25%20off"],
    ["ünïcödé", "%C3%BCn%C3%AFc%C3%B6d%C3%A9"],
    // Only "." and ".." are dot segments (WHATWG URL); "..." is an ordinary segment.
    ["...", "..."],
  ])("key %j is sent as one percent-encoded path segment (%s)", async (id, encoded) => {
    server.reply({ status: 204 });
    const result = await updateSession(client("/v1.0"), sessionRef(id, "s1"), { isTest: true });
    expect(result).toBeUndefined();
    expect(server.last().url).toBe(`/v1.0/communications/callRecords/${encoded}/sessions/s1`);
    expect(decodeURIComponent(server.last().url.split("/")[4])).toBe(id);
  });

  // A URL parser removes "." and ".." segments even when written %2E%2E, and an empty segment would
  // address the collection: such keys are written in parentheses, as an OData string literal.
  test.each([
    ["..", "('..')"],
    [".", "('.')"],
    ["", "('')"],
  ])("key %j, which cannot be a path segment, is sent as %s", async (id, suffix) => {
    server.reply({ status: 204 });
    await updateSession(client("/v1.0"), sessionRef(id, "s1"), { isTest: true });
    expect(server.last().url).toBe(`/v1.0/communications/callRecords${suffix}/sessions/s1`);
  });

  test("a 4xx with a Graph error body rejects with a typed ODataError", async () => {
    const error = { error: { code: "itemNotFound", message: "The session was not found.", innerError: { "request-id": "r-123" } } };
    server.json(404, error);
    const failed = updateSession(client("/v1.0"), sessionRef("x", "y"), { modalities: ["audio"] });
    await expect(failed).rejects.toBeInstanceOf(ODataError);
    await expect(failed).rejects.toMatchObject({ status: 404, code: "itemNotFound", message: "The session was not found.", requestId: "r-123", body: error });
  });

  test("a 4xx without a JSON body still rejects with an ODataError carrying the status", async () => {
    server.reply({ status: 403, headers: { "Content-Type": "text/plain" }, body: "Forbidden" });
    await expect(getSession(client("/v1.0"), sessionRef("x", "y"))).rejects.toMatchObject({ name: "ODataError", status: 403, code: "403", body: "Forbidden" });
    expect(server.last().method).toBe("GET");
    expect(server.last().headers["content-type"]).toBeUndefined();
  });

  test("a pluggable fetch is used instead of the global one", async () => {
    const seen: string[] = [];
    const c = createClient({
      baseUrl: `${origin}/v1.0`,
      fetch: (input, init) => {
        seen.push(`${init?.method} ${String(input)}`);
        return fetch(input, init);
      },
    });
    server.json(200, { id: "s1" });
    await expect(getSession(c, sessionRef("c1", "s1"), { select: ["id", "modalities"] })).resolves.toEqual({ id: "s1" });
    expect(seen).toEqual([`GET ${origin}/v1.0/communications/callRecords/c1/sessions/s1?$select=id,modalities`]);
    expect(server.last().headers.authorization).toBeUndefined();
  });
});

describeWithSeeds(COPILOT)("PATCH /security/securityCopilot/workspaces/{workspaceId}/sessions/{sessionId}", () => {
  let page: SeedPage;
  beforeAll(() => {
    page = readSeed(COPILOT);
  });

  test("the request is made as the page shows, and the response comes back", async () => {
    const url = new URL(page.request.target);
    expect(url.pathname).toBe("/beta/security/securityCopilot/workspaces/default/sessions/ecdfb9b3-58f5-457f-a18c-4a477890b252");
    const c = copilotRuntime.createClient({ baseUrl: `${origin}/beta`, getToken: () => TOKEN });
    const session = workspaceSessions(securityCopilotWorkspaces(securitySecurityCopilot(security())).byKey("default")).byKey("ecdfb9b3-58f5-457f-a18c-4a477890b252");
    server.json(200, page.response.body);

    const result = await updateCopilotSession(c, session, page.request.body as Partial<CopilotSession>);

    const req = server.last();
    expect(req.method).toBe(page.request.method);
    expect(req.method).toBe("PATCH");
    expect(req.url).toBe(url.pathname);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers["content-type"]).toBe(page.request.headers["content-type"]);
    expect(JSON.parse(req.body)).toEqual(page.request.body);
    expect(result).toEqual(page.response.body);
  });

  test("a 400 with a Graph error body rejects with a typed ODataError", async () => {
    const c = copilotRuntime.createClient({ baseUrl: `${origin}/beta`, getToken: () => TOKEN });
    const session = workspaceSessions(securityCopilotWorkspaces(securitySecurityCopilot(security())).byKey("default")).byKey("s");
    server.json(400, { error: { code: "BadRequest", message: "displayName is too long" } }, { "request-id": "abc" });
    const failed = updateCopilotSession(c, session, { displayName: "x".repeat(10) });
    await expect(failed).rejects.toBeInstanceOf(copilotRuntime.ODataError);
    await expect(failed).rejects.toMatchObject({ status: 400, code: "BadRequest", message: "displayName is too long", requestId: "abc" });
  });
});
