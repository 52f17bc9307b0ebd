/**
 * All of Microsoft Graph v1.0, as published (byte-order mark, empty enums, the `self` alias, keys
 * below key-less abstract bases, flags enums, terms): it generates without errors and the whole
 * output compiles under `tsc --strict`. Skips visibly when ../shared/corpus is absent.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { generate } from "../generator/generate";
import { writeOutput } from "../generator/write/write";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";

const d = describeWithGraph("graph-full");

const TSC = path.resolve(__dirname, "..", "node_modules", "typescript", "bin", "tsc");

d("Microsoft Graph v1.0, the whole document", () => {
  let out: string;
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("generates every artifact without errors, and the output compiles under tsc --strict", () => {
    const content = fs.readFileSync(GRAPH, "utf8");
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const result = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content }] });
    // Graph applies a term twice to 11 targets (inline and in an <Annotations> block, or in two
    // blocks, with different values): capability restrictions and ExplicitOperationBindings, which
    // no generated line depends on, so notes, not warnings; the first is kept (CSDL §3.6). Nothing else.
    expect(result.diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
    const twice = result.diagnostics.filter((x) => x.code === "ODG104");
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
    const files = [...result.files.keys(), "create-team.ts"].filter((f) => f.endsWith(".ts")).map((f) => path.join(out, f));
    const tsc = spawnSync(
      process.execPath,
      ["--max-old-space-size=6144", TSC, "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom",
        "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", ...files],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const errors = tsc.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors.slice(0, 20)).toEqual([expect.stringMatching(/create-team\.ts\(4,\d+\): error TS2353: .*'"usr@odata\.bind"' does not exist/)]);
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
});
