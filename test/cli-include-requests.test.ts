/**
 * `--include @file` through the real CLI: a slice of what a recorded program's requests use. From a
 * config, the file is read from the config's folder; the manifest records its hash, so that the
 * prebuild run finds the output up to date until the file changes; a file that cannot be read fails
 * the run at the config entry that names it, with the output left as it was. `odatagen url --from`
 * on the same file over the slice makes every request.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, ROOT, scratch, snapshot, sameTree, startCli, writeJson } from "./helpers/cli";
import { Output } from "./helpers/child";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { spawnLimited } from "./helpers/spawn-limited";
import { generate, writeOutput } from "../generator/index";

async function cli(args: string[], cwd: string) {
  const r = await spawnLimited(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A HAR file of `urls` (GET), as a browser saves one. */
function har(urls: string[]): string {
  const entries = urls.map((url) => ({ request: { method: "GET", url, headers: [] }, response: { status: 200 } }));
  return JSON.stringify({ log: { version: "1.2", entries } }, null, 2);
}

test("a config's include @file: a slice of the recorded requests, up to date until the file changes, unreadable at the config's entry", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "app", "recorded"), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), path.join(dir, "app", "trippin.xml"));
  const recording = path.join(dir, "app", "recorded", "session.har");
  fs.writeFileSync(recording, har(["https://trips.example/odata/Airports('KSFO')", "https://login.example/authorize"]));
  writeJson(path.join(dir, "app", "odatagen.config.json"), { services: [{ input: "trippin.xml", out: "src/trips", include: ["@recorded/session.har"] }] });
  const config = ["--config", "app/odatagen.config.json"];

  const first = await cli(["generate", ...config], dir);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  const out = path.join(dir, "app", "src", "trips");
  expect(fs.readFileSync(path.join(out, "Travel.Lite.types.ts"), "utf8")).toMatch(/export interface Airport \{/);
  expect(fs.readFileSync(path.join(out, "Travel.Lite.types.ts"), "utf8")).not.toMatch(/export interface Person \{/);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, ".odatagen-manifest.json"), "utf8")) as { options: { include: string[] }; inputs: { file: string; followed?: boolean }[] };
  expect(manifest.options.include).toEqual(["@recorded/session.har"]);
  expect(manifest.inputs.map((i) => [i.file, i.followed ?? false])).toEqual([["../../trippin.xml", false], ["../../recorded/session.har", true]]);

  // Nothing changed: the prebuild run's fast path.
  const again = await cli(["generate", ...config], dir);
  expect(again.stdout).toMatch(/^odatagen: 1 service up to date/);

  // The app now reads people too.
  fs.writeFileSync(recording, har(["https://trips.example/odata/Airports('KSFO')", "https://trips.example/odata/People('russell')?$expand=Trips"]));
  const grown = await cli(["generate", ...config], dir);
  expect(grown.code).toBe(0);
  expect(grown.stdout).not.toMatch(/up to date/);
  expect(fs.readFileSync(path.join(out, "Travel.Lite.types.ts"), "utf8")).toMatch(/export interface Person \{/);

  // Every request of the recording is made by the slice's functions.
  const checked = await cli(["url", ...config, "--from", "app/recorded/session.har"], dir);
  expect(checked.stderr).toBe("odatagen: app/recorded/session.har: 2 requests: 2 made by the generated functions, 0 refused\n");

  // The file gone: an error at the entry that names it; the output as it was.
  const before = snapshot(out);
  fs.rmSync(recording);
  const gone = await cli(["generate", ...config], dir);
  expect(gone.code).toBe(1);
  expect(gone.stderr).toMatch(/^app\/odatagen\.config\.json:7:9: error ODG001: cannot read the file of requests app\/recorded\/session\.har: no such file \(ENOENT\) \[services\[0\]\.include\[0\]\]$/m);
  expect(sameTree(before, snapshot(out))).toBe(true);
});

test("--include @file reads the file from the working folder, beside other patterns; a request the service lacks is a warning at its line", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "requests.txt"), "GET /Airlines\nGET /Airportz\n");
  const r = await cli(["generate", "-i", path.join(FIXTURES_DIR, "trippin-lite.xml"), "-o", "out", "--include", "@requests.txt", "--include", "/Documents"], dir);
  expect(r.stderr).toBe(
    [
      "requests.txt:2:5: warning ODG308: GET /Airportz: /Airportz: no entity set, singleton or operation import is named Airportz (did you mean /Airports?); the slice does not keep it",
      "odatagen: 0 errors, 1 warning",
      "",
    ].join("\n"),
  );
  const types = fs.readFileSync(path.join(dir, "out", "Travel.Lite.types.ts"), "utf8");
  expect(types).toMatch(/export interface Airline \{/);
  expect(types).toMatch(/export interface Document \{/);
  expect(types).not.toMatch(/export interface Airport \{/);
});

test("the library's writeOutput of a run given files of requests records no inputs: the CLI without them generates again, the whole service", async () => {
  const dir = scratch();
  const input = path.join(dir, "trippin.xml");
  fs.copyFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), input);
  const run = generate({ inputs: [{ file: input, content: fs.readFileSync(input, "utf8") }], includeRequests: [{ file: "app.txt", content: "GET /Airlines\n" }] });
  writeOutput(path.join(dir, "out"), run.files);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "out", ".odatagen-manifest.json"), "utf8")) as { inputs: unknown[] };
  expect(manifest.inputs).toEqual([]);
  const r = await cli(["generate", "-i", "trippin.xml", "-o", "out"], dir);
  expect(r.stdout).not.toMatch(/up to date/);
  expect(fs.readFileSync(path.join(dir, "out", "Travel.Lite.types.ts"), "utf8")).toMatch(/export interface Person \{/);
});

test("generate --watch regenerates when a file of requests changes", async () => {
  const dir = scratch();
  fs.copyFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), path.join(dir, "trippin.xml"));
  fs.writeFileSync(path.join(dir, "requests.txt"), "GET /Airlines\n");
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "trips", input: "trippin.xml", out: "gen", include: "@requests.txt" }] });
  const child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
  try {
    const out = new Output(child);
    await out.wait(/watching 3 file\(s\)/, 30000, 0);
    const types = path.join(dir, "gen", "Travel.Lite.types.ts");
    expect(fs.readFileSync(types, "utf8")).not.toMatch(/export interface Person \{/);
    const mark = out.text.length;
    fs.writeFileSync(path.join(dir, "requests.txt"), "GET /Airlines\nGET /Me\n");
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/changed: requests\.txt/);
    expect(fs.readFileSync(types, "utf8")).toMatch(/export interface Person \{/);
  } finally {
    child.kill("SIGKILL");
  }
});

test("odatagen diff --include @file compares what the requests use: a change elsewhere is none of theirs", async () => {
  const dir = scratch();
  const old = path.join(FIXTURES_DIR, "trippin-lite.xml");
  fs.writeFileSync(path.join(dir, "new.xml"), fs.readFileSync(old, "utf8").replace('<Property Name="IataCode" Type="Edm.String" />', ""));
  fs.writeFileSync(path.join(dir, "airports.txt"), "GET /Airports?$top=5\n");
  fs.writeFileSync(path.join(dir, "airlines.txt"), "GET /Airlines\n");
  const airports = await cli(["diff", old, "new.xml", "--include", "@airports.txt", "--fail-on-breaking"], dir);
  expect(airports.stdout).toMatch(/breaking {2}removed property {12}Travel\.Lite\.Airport\/IataCode/);
  expect(airports.code).toBe(3);
  const airlines = await cli(["diff", old, "new.xml", "--include", "@airlines.txt", "--fail-on-breaking"], dir);
  expect(airlines.stdout).toBe("0 change(s), 0 breaking; suggested bump: none\n");
  expect(airlines.code).toBe(0);
  const missing = await cli(["diff", old, "new.xml", "--include", "@gone.txt"], dir);
  expect(missing.stderr).toBe("gone.txt: error ODG001: cannot read the file of requests: no such file (ENOENT)\n");
  expect(missing.code).toBe(1);
});

test("a run without files of requests loads none of their readers or URL checks (a plain generate's start-up)", async () => {
  const script = `require(${JSON.stringify(path.join(ROOT, "dist", "generate.js"))});
    console.log(Object.keys(require.cache).filter((f) => /request-patterns|[\\\\/]parse[\\\\/]requests[\\\\/]|url-query|url-call/.test(f)).join(","));`;
  const r = await spawnLimited(process.execPath, ["-e", script], { cwd: ROOT, timeoutMs: 0 });
  expect(r.stdout.trim()).toBe("");
  expect(r.status).toBe(0);
});

test("url --from over a slice that leaves requests out says how many, and that --include @file keeps them all", async () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "app.txt"), "GET /Airlines\nGET /People\nGET /Me/Friends\n");
  const lite = path.join(FIXTURES_DIR, "trippin-lite.xml");
  const r = await cli(["url", "-i", lite, "--include", "/Airlines", "--from", "app.txt"], dir);
  expect(r.stderr.split("\n").slice(-3)).toEqual([
    "odatagen: app.txt: 3 requests: 1 made by the generated functions, 2 refused",
    "odatagen: 2 requests are outside the slice: --include @app.txt keeps what every request of the file addresses",
    "",
  ]);
  expect(r.code).toBe(1);
  const all = await cli(["url", "-i", lite, "--include", "@app.txt", "--from", "app.txt"], dir);
  expect(all.stderr).toBe("odatagen: app.txt: 3 requests: 3 made by the generated functions, 0 refused\n");
  expect(all.code).toBe(0);
});

test("a config's include @glob: the calls of a program's sources, node_modules and files without calls passed over; a file added is read by the next run", async () => {
  const dir = scratch();
  const src = path.join(dir, "src");
  for (const d of ["api", "ui", "node_modules/lib", ".cache"]) fs.mkdirSync(path.join(src, d), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), path.join(dir, "trippin.xml"));
  fs.writeFileSync(path.join(src, "api", "airports.ts"), "export const airport = (code: string) => fetch(`${root}/Airports('${code}')`);\n");
  fs.writeFileSync(path.join(src, "api", "airlines.http"), "@root = https://trips.example/odata\n### Airlines\nGET {{root}}/Airlines?$top=2\n");
  fs.writeFileSync(path.join(src, "ui", "view.ts"), "export const view = (name: string) => `<p>${name}</p>`;\n");
  fs.writeFileSync(path.join(src, "ui", "stripe.ts"), 'export const pay = () => fetch("/v1/charges", { method: "POST" });\n');
  fs.writeFileSync(path.join(src, "node_modules", "lib", "people.ts"), "export const all = () => fetch(`${root}/People`);\n");
  fs.writeFileSync(path.join(src, ".cache", "people.ts"), "export const all = () => fetch(`${root}/People`);\n");
  // The output inside the folder the glob walks: its own files are not read.
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "trippin.xml", out: "src/gen", include: ["@src/**/*.{ts,http}"] }] });
  const types = () => fs.readFileSync(path.join(dir, "src", "gen", "Travel.Lite.types.ts"), "utf8");

  const first = await cli(["generate"], dir);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  expect(types()).toMatch(/export interface Airport \{/);
  expect(types()).toMatch(/export interface Airline \{/);
  expect(types()).not.toMatch(/export interface Person \{/);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "src", "gen", ".odatagen-manifest.json"), "utf8")) as { inputs: { file: string; followed?: boolean }[] };
  expect(manifest.inputs.filter((i) => i.followed).map((i) => i.file)).toEqual(["../api/airlines.http", "../api/airports.ts", "../ui/stripe.ts", "../ui/view.ts"]);
  expect((await cli(["generate"], dir)).stdout).toMatch(/^odatagen: 1 service up to date/);

  // A source added that the glob matches: the next run reads it (the fast path finds it unrecorded).
  fs.writeFileSync(path.join(src, "api", "people.ts"), "export const all = () => fetch(`${root}/People`);\n");
  const grown = await cli(["generate"], dir);
  expect(grown.stdout).not.toMatch(/up to date/);
  expect(types()).toMatch(/export interface Person \{/);
  // Removed: its hash no longer found.
  fs.rmSync(path.join(src, "api", "people.ts"));
  await cli(["generate"], dir);
  expect(types()).not.toMatch(/export interface Person \{/);

  // A glob that matches no file, or whose files name nothing in the service, fails at the config's entry, the output left as it was.
  const before = snapshot(path.join(dir, "src", "gen"));
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "trippin.xml", out: "src/gen", include: ["@src/**/*.js"] }] });
  const none = await cli(["generate"], dir);
  expect(none.stderr).toMatch(/^odatagen\.config\.json:\d+:\d+: error ODG302: --include @src\/\*\*\/\*\.js matches no file \(from \.\) \[services\[0\]\.include\[0\]\]$/m);
  expect(none.code).toBe(1);
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "trippin.xml", out: "src/gen", include: ["@src/ui/*.ts"] }] });
  const nothing = await cli(["generate"], dir);
  expect(nothing.stderr).toMatch(/error ODG302: --include @src\/ui\/\*\.ts: none of the 2 files it matches holds a request that names anything in the service, or imports anything from its generated modules \[/);
  expect(nothing.code).toBe(1);
  expect(sameTree(before, snapshot(path.join(dir, "src", "gen")))).toBe(true);
});
