/**
 * The generated session validators on the examples of the two seed pages (../shared/seeds). The
 * callRecords example is not valid as published, and the validator must say exactly where.
 */
import { copy, describeWithSeeds, readSeed, type SeedPage } from "./helpers/seeds";
import { assertSession, isSession, validateSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.validators";
import type { ValidationFailedError } from "../generated/graph-callrecords/validation";
import { validateSession as validateCopilotSession } from "../generated/graph-beta-securitycopilot/microsoft.graph.security.securityCopilot.validators";

const CALL_RECORDS = "000_d62b62a72e170c75.txt";
const COPILOT = "003_83e9e3cd3e605487.txt";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The published example with its placeholder values made real. */
function madeReal(body: unknown): Json {
  const b = copy(body) as Json;
  b.modalities = ["audio"];
  b.failureInfo.stage = "callSetup";
  b.caller.userAgent["@odata.type"] = "#microsoft.graph.callRecords.clientUserAgent";
  b.caller.userAgent.platform = "windows";
  b.caller.userAgent.productFamily = "teams";
  return b;
}

/** The value with each nested `@odata.type` written as `#ns.T`, as Graph itself sends it. */
function withHashes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withHashes);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    out[k] = k === "@odata.type" && typeof v === "string" && !v.startsWith("#") ? `#${v}` : withHashes(v);
  }
  return out;
}

const paths = (r: { errors: readonly { path: string }[] }) => r.errors.map((e) => e.path).sort();
const PUBLISHED_ERRORS = ["/caller/userAgent", "/failureInfo/stage", "/modalities/0"];

describeWithSeeds(CALL_RECORDS)("callRecords session (000_d62b62a72e170c75)", () => {
  let page: SeedPage;
  beforeAll(() => {
    page = readSeed(CALL_RECORDS);
  });

  test("the page is read: a PATCH with a JSON body and a 200 response", () => {
    expect(page.request.method).toBe("PATCH");
    expect(page.response.status).toBe(200);
    expect(page.request.body).toMatchObject({ "@odata.type": "#microsoft.graph.callRecords.session" });
    expect(page.response.body).toMatchObject({ id: "77900896-0896-7790-9608-907796089077" });
  });

  test.each([
    ["request body", "update"],
    ["response body", "read"],
  ] as const)("published %s (mode %s) fails at exactly /modalities/0, /failureInfo/stage, /caller/userAgent", (which, mode) => {
    const body = which === "request body" ? page.request.body : page.response.body;
    const r = validateSession(body, { mode });
    expect(r.valid).toBe(false);
    expect(paths(r)).toEqual(PUBLISHED_ERRORS);
    const at = (p: string) => r.errors.find((e) => e.path === p)!;
    expect(at("/modalities/0")).toMatchObject({ expected: "microsoft.graph.callRecords.modality", actual: '"String"' });
    expect(at("/failureInfo/stage")).toMatchObject({ expected: "microsoft.graph.callRecords.failureStage", actual: '"String"' });
    expect(at("/caller/userAgent").message).toMatch(/userAgent is abstract/);
    expect(isSession(body, { mode })).toBe(false);
    // assertSession reports each of them too, besides the forms of @odata.type a guard does not take.
    let thrown: unknown;
    try {
      assertSession(body, { mode });
    } catch (e) {
      thrown = e;
    }
    const asserted = (thrown as ValidationFailedError).errors.map((e) => e.path);
    expect(asserted.filter((p) => !p.endsWith("/@odata.type")).sort()).toEqual([...PUBLISHED_ERRORS].sort());
    expect(asserted.filter((p) => p.endsWith("/@odata.type"))).toEqual(["/callee/@odata.type", "/caller/@odata.type", "/caller/userAgent/@odata.type", "/failureInfo/@odata.type"]);
  });

  test.each([
    ["request body", "update"],
    ["response body", "read"],
  ] as const)("%s with real values passes (mode %s)", (which, mode) => {
    const body = madeReal(which === "request body" ? page.request.body : page.response.body);
    expect(validateSession(body, { mode })).toEqual({ valid: true, errors: [] });
    // The page writes nested types without "#" ("microsoft.graph.callRecords.endpoint"), which
    // validateSession takes and a guard does not: its narrowed type has the "#ns.T" form only.
    expect(isSession(body, { mode })).toBe(false);
    expect(isSession(withHashes(body), { mode })).toBe(true);
    // assertSession says which form it met and the one it takes, at each (in the order the type declares them).
    let thrown: unknown;
    try {
      assertSession(body, { mode });
    } catch (e) {
      thrown = e;
    }
    const noHash = (path: string, type: string) =>
      `${path}/@odata.type @odata.type "${type}" has no "#" (JSON Format §4.5.3 writes a type as a URL fragment): validateX takes the name without it, but isX and assertX take only "#${type}", the form its type declares`;
    expect((thrown as ValidationFailedError).errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      noHash("/callee", "microsoft.graph.callRecords.endpoint"),
      noHash("/caller", "microsoft.graph.callRecords.endpoint"),
      noHash("/failureInfo", "microsoft.graph.callRecords.failureInfo"),
    ]);
  });

  test("each published placeholder alone is one error at its own path", () => {
    const real = madeReal(page.response.body);
    const cases: [string, (b: Json) => void][] = [
      ["/modalities/0", (b) => (b.modalities = ["String"])],
      ["/failureInfo/stage", (b) => (b.failureInfo.stage = "String")],
      ["/caller/userAgent", (b) => (b.caller.userAgent["@odata.type"] = "microsoft.graph.callRecords.userAgent")],
    ];
    for (const [path, spoil] of cases) {
      const b = copy(real);
      spoil(b);
      expect(paths(validateSession(b))).toEqual([path]);
    }
  });

  test("the example's timestamps (7 fractional digits, +03:00, no Precision in the metadata) are valid", () => {
    const body = page.request.body as Json;
    expect(body.startDateTime).toBe("2017-01-01T00:03:15.6077862+03:00");
    expect(validateSession({ startDateTime: body.startDateTime, endDateTime: body.endDateTime }, { mode: "update" }).errors).toEqual([]);
  });

  test.each([
    ["2017-01-01T24:03:15Z", "hour 24"],
    ["2017-01-01 00:03:15Z", "space instead of T"],
    ["2017-01-01T00:03:15", "no offset"],
    ["2017-01-01T00:03:15.6077862+3:00", "one-digit offset hour"],
  ])("%s (%s) is not a DateTimeOffset", (value) => {
    expect(paths(validateSession({ startDateTime: value }, { mode: "update" }))).toEqual(["/startDateTime"]);
  });

  test("a PATCH body may leave out required properties; a read value may not when it must be complete", () => {
    const body = madeReal(page.request.body);
    expect(validateSession(body, { mode: "update" }).valid).toBe(true);
    expect(paths(validateSession(body, { mode: "read", complete: true }))).toEqual(["/id"]);
    expect(validateSession(body, { mode: "read" }).valid).toBe(true);
  });
});

describeWithSeeds(COPILOT)("securityCopilot session (003_83e9e3cd3e605487)", () => {
  let page: SeedPage;
  beforeAll(() => {
    page = readSeed(COPILOT);
  });

  test("the example request body passes (mode update)", () => {
    expect(page.request.body).toEqual({ "@odata.type": "#microsoft.graph.security.securityCopilot.session", displayName: "API Test: Who am I?" });
    expect(validateCopilotSession(page.request.body, { mode: "update" })).toEqual({ valid: true, errors: [] });
  });

  test("the example response body passes (mode read), @odata.context included", () => {
    expect(Object.keys(page.response.body as Json)).toContain("@odata.context");
    expect(validateCopilotSession(page.response.body, { mode: "read" })).toEqual({ valid: true, errors: [] });
  });

  test("the same response with a wrong value fails where it is wrong", () => {
    const b = copy(page.response.body) as Json;
    b.createdDateTime = "yesterday";
    b.displayName = 42;
    expect(paths(validateCopilotSession(b))).toEqual(["/createdDateTime", "/displayName"]);
  });

  test("the callRecords session validator rejects the securityCopilot session (a different type)", () => {
    expect(validateSession(page.request.body, { mode: "update" }).valid).toBe(false);
  });
});
