/**
 * The callRecords slice of all of Microsoft Graph v1.0, through the real CLI: it holds the session
 * API and the types it needs, little else, and compiles. Skips visibly when ../shared/corpus is absent.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const GRAPH = path.join(CORPUS, "graph-v1.0-clean.xml");
const present = fs.existsSync(GRAPH);
if (!present) console.warn(`SKIPPED graph-slice tests: ${GRAPH} is absent`);
const d = present ? describe : describe.skip;

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
    expect(requests).toMatch(/export function updateSession\(client: rt\.Client, target: rt\.EntityRef<Session, null>/);
    expect(requests).toMatch(/export function callRecordSessions\(/);
    expect(read("microsoft.graph.requests.ts")).toMatch(/export function communications\(\)/);
    expect(read("microsoft.graph.callRecords.validators.ts")).toMatch(/export function validateSession\(/);
    // Little else: no other namespace, and none of microsoft.graph's unrelated types.
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".types.ts")).sort()).toEqual(["microsoft.graph.callRecords.types.ts", "microsoft.graph.types.ts"]);
    expect(read("microsoft.graph.types.ts")).not.toMatch(/export interface User\b/);

    const files = fs.readdirSync(out).filter((f) => f.endsWith(".ts")).map((f) => path.join(out, f));
    const tsc = spawnSync(process.execPath, [TSC, "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "nodenext",
      "--moduleResolution", "nodenext", "--skipLibCheck", ...files], { encoding: "utf8" });
    expect(tsc.stdout).toBe("");
    expect(tsc.status).toBe(0);
  }, 300_000);
});
