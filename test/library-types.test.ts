/**
 * The package's type declarations (dist/index.d.ts, as a TypeScript build tool imports "odatagen")
 * export every type its public signatures name, and take a plugin's optional settings passed
 * through as they are (possibly undefined) under exactOptionalPropertyTypes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { anyCompiler, REPO, runTsc, STRICT_OPTIONS } from "./helpers/typecheck";
import { scratch } from "./helpers/cli";

const USE = `
import { createFollower, defineConfig, generate, writeOutput } from "odatagen";
import type { GenerateOptions, GenerateResult, Model, SliceSummary, WriteOptions, WriteReport, OutputRecord, ManifestInput, ManifestOptions, ManifestWrite, KeptEdit, Diagnostic, Severity, Place } from "odatagen";

export interface PluginSettings { keyAsSegment?: boolean; validators?: boolean; include?: string | string[]; removeStale?: boolean; followReferences?: boolean; acceptWarnings?: string | string[] }

export function run(user: PluginSettings, inputs: GenerateOptions["inputs"], files: string[]): { report: WriteReport; model: Model; slice: SliceSummary | undefined } {
  const follower = createFollower(files, { off: user.followReferences === false ? true : undefined });
  const result: GenerateResult = generate({ inputs, keyAsSegment: user.keyAsSegment, validators: user.validators, include: user.include, acceptWarnings: user.acceptWarnings, follow: follower.follow });
  const open: Diagnostic[] = result.diagnostics.filter((d) => d.severity === "warning" && d.accepted === undefined);
  if (open.length) throw new Error(open.map((d) => d.message).join("; "));
  const options: WriteOptions = { removeStale: user.removeStale };
  const record: OutputRecord | undefined = undefined;
  const report = writeOutput("gen", result.files, { ...options, record });
  return { report, model: result.model, slice: result.slice };
}

export const config = (user: PluginSettings & { name?: string }) =>
  defineConfig({ services: [{ input: "a.xml", out: "gen", name: user.name, include: user.include, acceptWarnings: user.acceptWarnings, options: { keyAsSegment: user.keyAsSegment, validators: user.validators } }] });

export type Used = [ManifestInput, ManifestOptions, ManifestWrite, KeptEdit, Diagnostic, Severity, Place];
`;

test("a plugin's use of the library's types compiles under --strict with exactOptionalPropertyTypes", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(REPO, path.join(dir, "node_modules", "odatagen"), "dir");
  fs.writeFileSync(path.join(dir, "plugin.ts"), USE);
  const r = runTsc(anyCompiler(), dir, ["plugin.ts"], { ...STRICT_OPTIONS, noUnusedLocals: false });
  expect(r.output).toBe("");
  expect(r.status).toBe(0);
});
