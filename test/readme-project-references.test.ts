/**
 * README ("What gets generated"): the output compiled once as a project of its own (a project
 * reference), and a program compiled against the `.d.ts` files it makes. The two `tsconfig.json`
 * files are taken from the README as written (the ```json block after each
 * `<!-- readme-project-references: … -->` marker), laid out as it says over a copy of the
 * committed `generated/graph-callrecords/`, and built with `tsc -b` by TypeScript 5.9 and 7: the
 * build succeeds, the program's own compilation reads the declarations, not the sources, and the
 * built program runs against a loopback service.
 */
import { execFile, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { forEachCompiler, REPO } from "./helpers/typecheck";

function block(marker: string): string {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const m = new RegExp(`<!-- readme-project-references: ${marker} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no json block after <!-- readme-project-references: ${marker} -->`);
  return m[1]!;
}

const APP = `import { createClient } from "./generated/graph/runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./generated/graph/microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./generated/graph/microsoft.graph.callRecords.requests.js";

declare const process: { argv: string[] };
const client = createClient({ baseUrl: process.argv[2]! });
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")).byKey("s1");
await updateSession(client, session, { modalities: ["video"] });
// @ts-expect-error the declarations keep the body's type
await updateSession(client, session, { modalities: ["smell"] });
console.log("patched");
`;

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-refs-"));
  fs.mkdirSync(path.join(dir, "src", "generated"), { recursive: true });
  fs.cpSync(path.join(REPO, "generated", "graph-callrecords"), path.join(dir, "src", "generated", "graph"), { recursive: true });
  fs.writeFileSync(path.join(dir, "src", "generated", "tsconfig.json"), block("generated"));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), block("app"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  fs.writeFileSync(path.join(dir, "src", "app.ts"), APP);
  return dir;
}

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

describe("the README's project reference for the output", () => {
  forEachCompiler((label, c) => {
    test(`builds with tsc -b, the program against the declarations, and runs (${label})`, async () => {
      const dir = project();
      try {
        const tsc = (...args: string[]) => spawnSync(process.execPath, [c.tsc, ...args], { cwd: dir, encoding: "utf8", timeout: 300000 });
        const built = tsc("-b");
        expect(built.stdout + built.stderr).toBe("");
        expect(built.status).toBe(0);
        for (const f of ["generated/graph/runtime.js", "generated/graph/runtime.d.ts", "generated/graph/microsoft.graph.callRecords.requests.d.ts", "app.js"])
          expect(fs.existsSync(path.join(dir, "build", f))).toBe(true);
        // The program's own compilation reads the output's declarations, none of its sources.
        const files = tsc("-p", ".", "--listFilesOnly").stdout.split("\n").filter((f) => !f.includes("node_modules"));
        expect(files.filter((f) => f.includes("/generated/graph/") && f.endsWith(".d.ts")).length).toBeGreaterThan(3);
        expect(files.filter((f) => f.includes("/src/generated/"))).toEqual([]);
        srv.handle(() => ({ status: 204 }));
        // Not spawnSync: the loopback server answers from this process's event loop.
        const out = await new Promise<string>((resolve, reject) =>
          execFile(process.execPath, [path.join(dir, "build", "app.js"), srv.url], { timeout: 60000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
        );
        expect(out.trim()).toBe("patched");
        expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["PATCH /communications/callRecords/r1/sessions/s1", "PATCH /communications/callRecords/r1/sessions/s1"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
