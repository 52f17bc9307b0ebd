/**
 * The generated validators as real ES modules: namespace modules import each other in a cycle
 * (microsoft.graph.identity has a subtype in microsoft.graph.callRecords), and checkers.ts (the
 * aliases, `checkerFor`) and the namespace modules import each other too; this works because no
 * top-level code reads an imported binding. And a bundler drops what a program does not use.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import ts from "typescript";
import { build } from "esbuild";

const generated = path.join(__dirname, "..", "generated", "graph-callrecords");

test("ESM: each namespace module loads first, across the import cycle, and validates", () => {
  const out = path.join(__dirname, ".generated", "esm");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "package.json"), '{ "type": "module" }\n');
  for (const f of fs.readdirSync(generated).filter((x) => x.endsWith(".ts"))) {
    const js = ts.transpileModule(fs.readFileSync(path.join(generated, f), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    fs.writeFileSync(path.join(out, f.replace(/\.ts$/, ".js")), js);
  }
  for (const first of ["microsoft.graph.validators.js", "microsoft.graph.callRecords.validators.js", "checkers.js"]) {
    const script = `
      await import("./${first}");
      const g = await import("./microsoft.graph.validators.js");
      const cr = await import("./microsoft.graph.callRecords.validators.js");
      const id = { "@odata.type": "#microsoft.graph.callRecords.userIdentity", id: "1", userPrincipalName: 5 };
      console.log(JSON.stringify([
        g.validateIdentity(id).errors.map((e) => e.path),
        cr.isSession({ id: "s", modalities: [], startDateTime: "2024-01-01T00:00:00Z", endDateTime: "2024-01-01T00:00:00Z" }),
        g.validateIdentity({ "@odata.type": "#graph.identity", id: 1 }).errors.map((e) => e.path),
        cr.checkerFor("#graph.identity") === g.checkIdentity && g.checkerFor("microsoft.graph.callRecords.session") === cr.checkSession,
      ]));
    `;
    const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: out, encoding: "utf8" });
    expect(JSON.parse(stdout)).toEqual([["/userPrincipalName"], true, ["/id"], true]);
  }
});

test("tree-shaking: a program using isSession bundles the session's validators only", async () => {
  const entry = `import { isSession } from ${JSON.stringify(path.join(generated, "microsoft.graph.callRecords.validators.ts"))};\nexport const ok = isSession({});\n`;
  const result = await build({ stdin: { contents: entry, resolveDir: generated, loader: "ts" }, bundle: true, format: "esm", write: false, treeShaking: true, logLevel: "silent" });
  const code = result.outputFiles[0].text;
  expect(code).toMatch(/function propsSession\(/);
  expect(code).toMatch(/function propsMediaStream\(/);
  expect(code).toMatch(/var isSession = /);
  // Types a session never reaches, and the entry points nobody called, are gone.
  for (const absent of ["propsPstnCallLogRow", "exactPstnCallLogRow", "propsDirectRoutingLogRow", "propsCallRecord", "exactCallRecord", "validateSession", "assertSession", "asserter", "PstnCallDurationSourceMembers"]) {
    expect(code).not.toContain(absent);
  }
});
