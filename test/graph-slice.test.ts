/**
 * Slices of all of Microsoft Graph v1.0, through the real CLI. The callRecords slice holds the session
 * API and the types it needs, little else, and compiles; /me/** leaves out most of entity's subtypes.
 * Skips visibly when ../shared/corpus is absent.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnBounded } from "./helpers/bounded-spawn";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

const ROOT = path.resolve(__dirname, "..");
const d = describeWithGraph("graph-slice");

const CLI = path.join(ROOT, "bin", "odatagen.js");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

d("Microsoft Graph v1.0, callRecords slice", () => {
  let out: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
      spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.json")]);
    }
    out = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-slice-"));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("--include /communications/callRecords/** keeps the session types and updateSession, and compiles", () => {
    const run = spawnSync(process.execPath, [CLI, "generate", "--input", GRAPH, "--out", out, "--include", "/communications/callRecords/**"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    // Graph's six entity sets whose ReadRestrictions are given twice are notes, not printed.
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const count = /slice: ([0-9]+) of ([0-9]+) types/.exec(run.stdout);
    expect(count).not.toBeNull();
    const [kept, of] = [Number(count?.[1]), Number(count?.[2])];
    expect(of).toBe(3823);
    expect(kept).toBeGreaterThan(20);
    expect(kept).toBeLessThan(60);

    const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");
    const types = read("microsoft.graph.callRecords.types.ts");
    for (const t of ["Session", "Segment", "CallRecord", "Endpoint", "UserAgent", "ClientUserAgent", "Media", "FailureInfo"]) {
      expect(types).toMatch(new RegExp(`export interface ${t}\\b`));
    }
    expect(types).toMatch(/export type Modality = /);
    const requests = read("microsoft.graph.callRecords.requests.ts");
    expect(requests).toContain(
      'export function updateSession<R extends boolean | undefined = undefined>(\n  client: rt.Client,\n  target: rt.EntityRef<Session, null>,\n  body: rt.UpdateBody<Session, R, "id", never, SessionNavigation>,\n  options?: rt.UpdateOptions<R>,\n)',
    );
    expect(requests).toMatch(/export function callRecordSessions\(/);
    expect(read("microsoft.graph.requests.ts")).toMatch(/export function communications\(\)/);
    expect(read("microsoft.graph.callRecords.validators.ts")).toMatch(/export const validateSession: Validate = /);
    // Little else: no other namespace, and none of microsoft.graph's unrelated types.
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".types.ts")).sort()).toEqual(["microsoft.graph.callRecords.types.ts", "microsoft.graph.types.ts"]);
    expect(read("microsoft.graph.types.ts")).not.toMatch(/export interface User\b/);

    const files = fs.readdirSync(out).filter((f) => f.endsWith(".ts")).map((f) => path.join(out, f));
    const tsc = spawnBounded(process.execPath, [TSC, "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext",
      "--moduleResolution", "nodenext", "--skipLibCheck", ...files], 280_000);
    expect(tsc.stdout).toBe("");
    expect(tsc.status).toBe(0);
  }, 300_000);
});

d("Microsoft Graph v1.0, callRecords slice: validators and the subtypes it leaves out", () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { payloads, session } = require("../bench/session-payloads") as {
    payloads: { name: string; value: unknown; valid: boolean }[];
    session: () => Record<string, unknown>;
  };
  type Validators = typeof import("../generated/graph-callrecords/microsoft.graph.callRecords.validators");
  let cr: Validators;
  let graph: typeof import("../generated/graph-callrecords/microsoft.graph.validators");
  let graphModule: string;
  let checkers: typeof import("../generated/graph-callrecords/checkers");
  let checkersModule: string;
  beforeAll(() => {
    // Lazily: `generate` is imported only when the corpus is there.
    const { generate } = require("../generator/generate") as typeof import("../generator/generate");
    const { GENERATED } = require("./helpers/generated") as typeof import("./helpers/generated");
    const result = generate({ inputs: [{ file: GRAPH, content: fs.readFileSync(GRAPH, "utf8") }], include: ["/communications/callRecords/**"] });
    const dir = path.join(GENERATED, "graph-slice-callrecords");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
    cr = require(path.join(dir, "microsoft.graph.callRecords.validators"));
    graph = require(path.join(dir, "microsoft.graph.validators"));
    graphModule = fs.readFileSync(path.join(dir, "microsoft.graph.validators.ts"), "utf8");
    checkers = require(path.join(dir, "checkers"));
    checkersModule = fs.readFileSync(path.join(dir, "checkers.ts"), "utf8");
  }, 120_000);

  test("entity, kept only as a base type, does not list its ~1,150 left-out subtypes", () => {
    expect(graphModule).not.toContain('"microsoft.graph.user"');
    // 72.8 KB when they were listed, 10.9 KB before left-out subtypes were remembered at all.
    expect(graphModule.length).toBeLessThan(20_000);
    expect(graph.validateEntity({ "@odata.type": "#microsoft.graph.user", id: "u1" }).errors.map((e) => e.message)).toEqual([
      "#microsoft.graph.user is not microsoft.graph.entity or one of its subtypes in this slice",
    ]);
    // A session through entity: its subtypes the slice left out are listed below session, a value.
    expect(graph.validateEntity({ ...session(), "@odata.type": "#microsoft.graph.callRecords.session" })).toEqual({ valid: true, errors: [] });
  });

  test("participantEndpoint and serviceEndpoint are left out, and a session that holds them is valid", () => {
    expect(cr).not.toHaveProperty("validateParticipantEndpoint");
    // The benchmark's session: caller and callee are participantEndpoints.
    expect(cr.validateSession(session())).toEqual({ valid: true, errors: [] });
    // As Graph returns it: the callee a service.
    const t = session();
    t.callee = { "@odata.type": "#microsoft.graph.callRecords.serviceEndpoint", userAgent: { "@odata.type": "#microsoft.graph.callRecords.serviceUserAgent", role: "skypeForBusinessMicrosoftTeamsGateway" } };
    expect(cr.validateSession(t)).toEqual({ valid: true, errors: [] });
  });

  test("each benchmark payload gets the verdict of the full output", () => {
    for (const p of payloads) expect([p.name, cr.validateSession(p.value, { complete: true }).valid]).toEqual([p.name, p.valid]);
  });

  test("an endpoint of a left-out subtype is checked as an endpoint; a name that is no subtype is an error", () => {
    const s = session();
    const caller = s.caller as Record<string, unknown>;
    (caller.userAgent as Record<string, unknown>).platform = "amiga";
    expect(cr.validateSession(s).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '/caller/userAgent/platform: "amiga" is not a member of microsoft.graph.callRecords.clientPlatform',
    ]);
    caller["@odata.type"] = "#microsoft.graph.callRecords.robotEndpoint";
    expect(cr.validateSession(s).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "/caller/@odata.type: #microsoft.graph.callRecords.robotEndpoint is not microsoft.graph.callRecords.endpoint or one of its subtypes",
    ]);
  });

  test("checkerFor takes a left-out identity: a sharePointIdentitySet organizer's siteUser is checked as an identity", () => {
    // identitySet and identity are open and kept; sharePointIdentitySet and sharePointIdentity are
    // left out, so siteUser is a dynamic property of the identitySet the organizer is checked as.
    const record = (siteUser: object) => ({
      id: "r1",
      organizer: { "@odata.type": "#microsoft.graph.sharePointIdentitySet", user: { id: "u1", displayName: "Ada" }, siteUser },
    });
    const types = checkers.checkerFor;
    const siteUser = { "@odata.type": "#microsoft.graph.sharePointIdentity", id: "u1", displayName: "Ada", loginName: "i:0#.f|membership|ada@contoso.com" };
    expect(cr.validateCallRecord(record(siteUser), { types })).toEqual({ valid: true, errors: [] });
    expect(cr.validateCallRecord(record({ ...siteUser, displayName: 5 }), { types }).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "/organizer/siteUser/displayName: expected Edm.String, got number 5",
    ]);
    // It lists the 29 left-out subtypes of identity, identitySet and endpoint, not entity's ~1,150.
    expect(checkersModule).not.toContain('"microsoft.graph.user"');
    expect(checkersModule.length).toBeLessThan(8_000);
  });
});

d("Microsoft Graph v1.0, /me/** slice: entity's subtypes are left out", () => {
  test("/me/** reaches lastSharedMethod, a microsoft.graph.entity, and keeps 699 types, not 3165; a note says --include-derived keeps the others", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-slice-me-"));
    try {
      const run = spawnSync(process.execPath, [CLI, "generate", "--input", GRAPH, "--out", out, "--include", "/me/**", "--why", "microsoft.graph.workbookChart", "--dry-run", "--verbose"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(run.stderr + run.stdout).toContain("slice keeps 699 of 3823 types and 230 of 1181 operations");
      expect(run.stderr + run.stdout).toContain("microsoft.graph.entity is abstract and has 1145 subtypes, more than the request functions list: the slice keeps 203 of them");
      expect(run.stderr + run.stdout).toContain("microsoft.graph.workbookChart is not in the slice");
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
