/**
 * Slicing by what a program imports from odatagen's own output (`--include @src/**\/*.ts`,
 * passes/slice/imported-elements.ts): the names imported from a generated namespace module
 * (`….requests.js`, `….types.js`, `….validators.js`) are found over the whole service, and the
 * slice keeps what they need, so that the program compiles against it. The reader of imports
 * (parse/requests/module-imports.ts) is tested on its own too, with hostile input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../generator/generate";
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { moduleImports } from "../generator/parse/requests/module-imports";
import { errorsOf } from "./helpers/slice-errors";
import { FIXTURES_DIR, GRAPH, describeWithGraph } from "./helpers/fixtures";
import { collidingNamesDocument } from "./helpers/colliding-names";
import { BIN, scratch, startCli, writeJson } from "./helpers/cli";
import { Output } from "./helpers/child";
import { spawnLimited } from "./helpers/spawn-limited";
import { anyCompiler, runTsc } from "./helpers/typecheck";

const fixture = (name: string) => ({ file: `${path.basename(name)}`, content: fs.readFileSync(path.join(FIXTURES_DIR, name), "utf8") });
const LITE = fixture("trippin-lite.xml");
const ZOO = fixture("inheritance.xml");

function sliceBy(input: { file: string; content: string }, program: string, more: Pick<GenerateOptions, "why" | "validators" | "requests"> = {}) {
  return generate({ inputs: [input], includeRequests: [{ file: "src/app.ts", content: program }], ...more });
}

const EXPORT = /^export (?:function|const|interface|type|class) ([\w$]+)/gm;
const exportsOf = (text: string | undefined) => new Set([...(text ?? "").matchAll(EXPORT)].map((m) => m[1]!));
const typeNames = (r: ReturnType<typeof generate>) => [...r.model.types.keys()].sort();

describe("the names a program imports (moduleImports)", () => {
  const read = (text: string) => moduleImports(text).names.map((n) => `${n.specifier} ${n.name}`);

  test("each form of import and re-export, by the name the module exports", () => {
    const text = [
      'import { a, b as local, type C, type as t2 } from "./m.js";',
      'import type { D, E as F } from "./types.js";',
      'import Default, { g } from "./d.js";',
      'import * as ns from "./ns.js";',
      "ns.h(ns . i, ns.j.k);",
      'export { l, m as n } from "./re.js";',
      'export type { O } from "./re.js";',
      'const { p, q: renamed, r = 1 } = require("./cjs.js");',
      'const { s } = await import("./dyn.js");',
      'import "./side-effect.js";',
      'export * from "./all.js";',
    ].join("\n");
    expect(read(text)).toEqual([
      "./m.js a", "./m.js b", "./m.js C", "./m.js type", "./types.js D", "./types.js E", "./d.js g",
      "./re.js l", "./re.js m", "./re.js O", "./cjs.js p", "./cjs.js q", "./cjs.js r", "./dyn.js s",
      "./ns.js h", "./ns.js i", "./ns.js j",
    ]);
    // `export * from` names nothing: listed apart, with where it is.
    expect(moduleImports(text).reexports).toEqual([{ specifier: "./all.js", at: text.indexOf("export * from") }]);
    expect(moduleImports('export * as graph from "./g.js";\nexport type * from "./t.js";').reexports.map((r) => r.specifier)).toEqual(["./g.js", "./t.js"]);
  });

  test("imports in comments, strings and templates are none; a template's ${…} is code; string literals are listed", () => {
    const text = [
      '// import { no1 } from "./x.js";',
      '/* import { no2 } from "./x.js"; */',
      'const s = "import { no3 } from \'./x.js\'";',
      "const t = `import { no4 } from \"./x.js\" ${ { a: `${`deep`}` }.a } after`;",
      'x.import({ no5 }); obj.export;',
      'const u = `#zoo.model.parrot`;',
      'import { yes } from "./x.js";',
    ].join("\n");
    expect(read(text)).toEqual(["./x.js yes"]);
    expect(moduleImports(text).strings.map((s) => s.value)).toEqual(expect.arrayContaining(["import { no3 } from './x.js'", "#zoo.model.parrot", "./x.js"]));
  });

  test("hostile input is read in one pass: deep templates, unclosed lists and strings, a million braces", () => {
    const deep = "`${".repeat(100_000) + "x" + "}`".repeat(100_000);
    expect(read(`${deep}\nimport { a } from "./m.js";`)).toEqual(["./m.js a"]);
    // Lists left open: each read to the next brace, not to the end of the file (quadratic, minutes).
    expect(read("import { a, b ".repeat(50_000))).toEqual([]);
    expect(read("const { a, b ".repeat(50_000))).toEqual([]);
    expect(read(`${"const { a: { b, ".repeat(50_000)}\nimport { c } from "./m.js";`)).toEqual(["./m.js c"]);
    expect(read("import { a } from ".repeat(50_000))).toEqual([]);
    expect(read("{".repeat(1_000_000) + 'import { z } from "./m.js"')).toEqual(["./m.js z"]);
    expect(read("`${".repeat(200_000))).toEqual([]);
    const many = Array.from({ length: 100_000 }, (_, i) => `n${i}`).join(", ");
    expect(read(`import { ${many} } from "./m.js";`)).toHaveLength(100_000);
  });
});

describe("a slice by a program's imports", () => {
  test("keeps the imported functions' types, a type imported by name, and what they need; none of a type's operations it does not import", () => {
    const program = [
      'import { people, getPerson, airlines } from "../gen/Travel.Lite.requests.js";',
      'import type { Airport } from "../gen/Travel.Lite.types.js";',
      'import { validatePerson } from "../gen/Travel.Lite.validators.js";',
    ].join("\n");
    const r = sliceBy(LITE, program);
    const requests = exportsOf(r.files.get("Travel.Lite.requests.ts"));
    for (const name of ["people", "getPerson", "airlines"]) expect(requests).toContain(name);
    expect(exportsOf(r.files.get("Travel.Lite.types.ts"))).toContain("Airport");
    expect(exportsOf(r.files.get("Travel.Lite.validators.ts"))).toContain("validatePerson");
    const full = generate({ inputs: [LITE] });
    // Person's bound operations (GetFavoriteAirline, …) are not imported: not kept.
    expect(full.model.schemas.flatMap((s) => s.operations).some((o) => o.binding?.type.type.name === "Person")).toBe(true);
    expect(r.model.schemas.flatMap((s) => s.operations).filter((o) => o.binding?.type.type.name === "Person")).toEqual([]);
    expect(typeNames(r).length).toBeLessThan(typeNames(full).length);
    expect(typeNames(r)).toEqual(expect.arrayContaining(["Travel.Lite.Person", "Travel.Lite.Airline", "Travel.Lite.Airport"]));
  });

  test("every function, type and validator of the full run, imported alone, is in the slice under its name", () => {
    const inputs = [LITE, ZOO, ...["overload-names", "campus-bindings", "nested-subtypes", "cast-expand", "builder-names"].map((n) => fixture(`requests/${n}.xml`))];
    for (let seed = 1; seed <= 6; seed++) inputs.push({ file: `colliding-${seed}.xml`, content: collidingNamesDocument(seed) });
    let checked = 0;
    const missing: string[] = [];
    for (const input of inputs) {
      let full: ReturnType<typeof generate>;
      try {
        full = generate({ inputs: [input] });
      } catch (e) {
        if (e instanceof GenerationError) continue; // an invalid colliding document
        throw e;
      }
      for (const [file, text] of full.files) {
        const artifact = /\.(types|validators|requests)\.ts$/.exec(file)?.[1];
        if (!artifact) continue;
        for (const name of exportsOf(text)) {
          // The checker of a namespace's types names no one type; a write type, a filter table and
          // the navigation of a body's nested entities are there for the functions that use them.
          if (name === "namespaceChecker" || /(?:Input|FilterKinds|WriteNav)_*$/.test(name)) continue;
          checked++;
          const program = `import { ${name} } from "./gen/${file.replace(/\.ts$/, ".js")}";\n`;
          // Each slice is made in full (read, model, slice by the import) and emits the artifact of
          // the module asserted on: slicing reads no emit option, and that module's text is the
          // same as with all three emitted (a types module with neither validators nor requests).
          const slice = sliceBy(input, program, { validators: artifact === "validators", requests: artifact === "requests" });
          if (!exportsOf(slice.files.get(file)).has(name)) missing.push(`${input.file} ${file} ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  test("a string literal naming a type keeps it: an @odata.type compared, a select's cast; a cast function keeps every subtype", () => {
    const base = 'import { animals, listAnimals } from "./gen/zoo.model.requests.js";\n';
    expect(typeNames(sliceBy(ZOO, base))).not.toContain("zoo.model.parrot");
    // animal is abstract: its concrete subtypes bird and fish are kept with it; parrot, below bird, is not.
    for (const text of ['if (a["@odata.type"] === "#zoo.model.parrot") {}', 'select: ["name", "zoo.model.parrot/words"]'])
      expect(typeNames(sliceBy(ZOO, `${base}${text}\n`))).toContain("zoo.model.parrot");
    // By its alias too.
    expect(typeNames(sliceBy(ZOO, `${base}const p = "zoo.parrot";\n`))).toContain("zoo.model.parrot");
    // A string that names no type, or a file that imports no generated module, keeps nothing.
    expect(typeNames(sliceBy(ZOO, `${base}const p = "zoo.model.parrots";\n`))).not.toContain("zoo.model.parrot");
    const cast = sliceBy(ZOO, 'import { animals, castAnimal } from "./gen/zoo.model.requests.js";\n');
    expect(typeNames(cast)).toEqual(expect.arrayContaining(["zoo.model.parrot", "zoo.model.fish", "zoo.model.bird"]));
    expect(exportsOf(cast.files.get("zoo.model.requests.ts"))).toContain("castAnimal");
  });

  test("a name the service's modules do not export is a warning at its line and column; the rest is kept", () => {
    const program = [
      'import { getAirport, getAirprot } from "./gen/Travel.Lite.requests.js";',
      'import type { Airlien } from "./gen/Travel.Lite.types.js";',
      'import { namespaceChecker, validateAirport } from "./gen/Travel.Lite.validators.js";',
      'import { createClient } from "./gen/index.js";',
    ].join("\n");
    const r = sliceBy(LITE, program);
    const shown = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
    expect(r.diagnostics.filter((d) => d.severity !== "info").map(shown)).toEqual([
      "src/app.ts:1:22: warning ODG308: getAirprot is no function, type or validator of Travel.Lite.requests.js in this service; the slice does not keep it",
      "src/app.ts:2:15: warning ODG308: Airlien is no function, type or validator of Travel.Lite.types.js in this service; the slice does not keep it",
    ]);
    expect(typeNames(r)).toEqual(["Travel.Lite.Airport"]);
    // A name longer than any generated one is not looked up (its rivals would take time in its length).
    const long = sliceBy(LITE, `import { getAirport, x${"Of".repeat(100_000)} } from "./gen/Travel.Lite.requests.js";\n`);
    expect(long.diagnostics.filter((d) => d.code === "ODG308").map((d) => d.message)).toEqual([expect.stringMatching(/^xOfOf.*… is no function, type or validator of Travel\.Lite\.requests\.js/)]);
  });

  test("a barrel's export * of a generated module, where no file of the program imports from the barrel, is a warning", () => {
    const r = sliceBy(LITE, 'export * from "./gen/Travel.Lite.requests.js";\nexport { getAirport } from "./gen/Travel.Lite.requests.js";\n');
    expect(r.diagnostics.filter((d) => d.code === "ODG308").map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      "src/app.ts:1:1: export * from Travel.Lite.requests.js names none of its functions: the slice keeps what a program imports by name (export { updateSession } from …), so the names imported through src/app.ts are not read",
    ]);
    expect(typeNames(r)).toEqual(["Travel.Lite.Airport"]);
  });

  const sliceByFiles = (program: Record<string, string>, more: { why?: string } = {}) =>
    generate({ inputs: [LITE], includeRequests: Object.entries(program).map(([file, content]) => ({ file, content })), ...more });
  const warnings = (r: ReturnType<typeof generate>) => r.diagnostics.filter((d) => d.code === "ODG308").map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);

  test("names imported through the program's barrels are read: export * followed through files, folders' index and .js endings", () => {
    const r = sliceByFiles({
      "src/gen.ts": 'export * from "./out/Travel.Lite.requests.js";\nexport * from "./out/Travel.Lite.types.js";\nexport const own = 1;\n',
      "src/api/index.ts": 'export * from "../gen.js";\n',
      "src/calls/airports.ts": 'import { getAirport, own, notGenerated } from "../gen.js";\nimport type { Airline } from "../api";\n',
      "src/calls/people.ts": 'import * as api from "../api/index.js";\napi.listPersons;\n',
    }, { why: "Travel.Lite.Person" });
    expect(typeNames(r)).toEqual(["Travel.Lite.Airline", "Travel.Lite.Airport", "Travel.Lite.Gender", "Travel.Lite.Location", "Travel.Lite.Person"]);
    // The barrels' own exports are not the generated modules' to report, and the barrel, read, is no warning.
    expect(warnings(r)).toEqual([]);
    expect(r.slice?.why?.[0]?.answers[0]?.chain.map((c) => c.reason)).toEqual(["named by the program: listPersons, imported at src/calls/people.ts:2:5 through src/api/index.ts"]);
    // Without the barrels, nothing is kept through them (the same names imported from a module of another name).
    const none = generate({
      inputs: [LITE],
      includeRequests: [
        { file: "src/gen.ts", content: 'export * from "./out/Other.requests.js";\n', glob: "src/**/*.ts" },
        { file: "src/calls/airports.ts", content: 'import { getAirport } from "../gen.js";\nimport { getAirline } from "./out/Travel.Lite.requests.js";\n', glob: "src/**/*.ts" },
      ],
    });
    expect(typeNames(none)).toEqual(["Travel.Lite.Airline"]);
  });

  test("a program importing through its barrels compiles against the slice", () => {
    const dir = scratch();
    const program: Record<string, string> = {
      "src/api/index.ts": 'export * from "../../gen/Travel.Lite.requests.js";\nexport * from "../../gen/Travel.Lite.validators.js";\nexport type * from "../../gen/Travel.Lite.types.js";\n',
      "src/trips.ts": [
        'import { createClient } from "../gen/index.js";',
        'import { people, personTrips, listTrips, isTrip, type Trip } from "./api/index.js";',
        "",
        'const client = createClient({ baseUrl: "https://example.com/odata" });',
        'export type Named = Pick<Trip, "Name">;',
        "export async function trips(user: string): Promise<number> {",
        "  const page = await listTrips(client, personTrips(people().byKey(user)));",
        "  return page.value.filter((t) => isTrip(t)).length;",
        "}",
        "",
      ].join("\n"),
    };
    const r = sliceByFiles(program);
    expect(typeNames(r)).toEqual(expect.arrayContaining(["Travel.Lite.Person", "Travel.Lite.Trip"]));
    expect(typeNames(r)).not.toContain("Travel.Lite.Airline");
    for (const [file, text] of Object.entries(program)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.mkdirSync(path.join(dir, "gen"));
    for (const [file, text] of r.files) fs.writeFileSync(path.join(dir, "gen", file), text);
    const result = runTsc(anyCompiler(), dir, [...Object.keys(program), ...[...r.files.keys()].map((f) => `gen/${f}`)]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("barrels that re-export each other, in a cycle or a chain of thousands, are followed once each", () => {
    const cycle = sliceByFiles({
      "a.ts": 'export * from "./b";\nexport * from "./gen/Travel.Lite.types.js";\n',
      "b.ts": 'export * from "./a.js";\nexport * from "./b.js";\n',
      "use.ts": 'import type { Trip } from "./b.js";\n',
    });
    expect(typeNames(cycle)).toEqual(["Travel.Lite.Trip"]);
    const n = 5_000;
    const chain: Record<string, string> = { "use.ts": 'import { getAirline } from "./b0.js";\n', [`b${n}.ts`]: 'export * from "./gen/Travel.Lite.requests.js";\n' };
    for (let k = 0; k < n; k++) chain[`b${k}.ts`] = `export * from "./b${k + 1}.js";\n`;
    expect(typeNames(sliceByFiles(chain))).toEqual(["Travel.Lite.Airline"]);
  });

  test("--why names the import and where it is written", () => {
    const r = sliceBy(LITE, '\nimport { getAirline } from "./gen/Travel.Lite.requests.js";\n', { why: "Travel.Lite.Airline" });
    expect(r.slice?.why?.[0]?.answers[0]?.chain.map((c) => c.reason)).toEqual(["named by the program: getAirline, imported at src/app.ts:2:10"]);
    // An operation bound to a type the program imports a function of, and a type a string names.
    const program = 'import { getPerson } from "./gen/Travel.Lite.requests.js";\nconst t = "#Travel.Lite.Airport";\n';
    const both = sliceBy(LITE, program, { why: ["Travel.Lite.GetFavoriteAirline", "Travel.Lite.Airport"] });
    expect(both.slice?.why?.map((w) => w.answers[0]?.chain.map((c) => c.reason))).toEqual([
      ["not in the slice: the program does not import it (its binding type Travel.Lite.Person is kept for getPerson, imported at src/app.ts:1:10)"],
      ['named by the program: the string "#Travel.Lite.Airport" at src/app.ts:2:11'],
    ]);
  });

  test("a file that imports nothing of the service's modules is no file of requests: an error at its first statement, the output left to the caller", () => {
    const errors = errorsOf(() => sliceBy(LITE, 'import { createClient } from "./gen/index.js";\nimport { people } from "./gen/Other.requests.js";\n'));
    expect(errors.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(["ODG307 src/app.ts:1"]);
    expect(errors[0]?.message).toMatch(/has a literal URL .*; nor does it import anything from the service's generated modules \(<namespace>\.requests\.js, \.types\.js, \.validators\.js\)$/);
  });
});

describeWithGraph("a slice of Graph by a program's imports")("a slice of Graph by a program's imports", () => {
  test("the update-session program: its functions, types and validator, little else, and it compiles", () => {
    const dir = scratch();
    const program = [
      'import { createClient } from "../graph/index.js";',
      'import { communications, cloudCommunicationsCallRecords } from "../graph/microsoft.graph.requests.js";',
      'import { callRecordSessions, updateSession } from "../graph/microsoft.graph.callRecords.requests.js";',
      'import type { Session } from "../graph/microsoft.graph.callRecords.types.js";',
      'import { validateSession } from "../graph/microsoft.graph.callRecords.validators.js";',
      "",
      'const client = createClient({ baseUrl: "https://graph.microsoft.com/v1.0" });',
      "export async function patch(record: string, id: string, body: Session) {",
      "  await updateSession(client, callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(record)).byKey(id), body);",
      "  return validateSession(body);",
      "}",
      "",
    ].join("\n");
    const r = generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: fs.readFileSync(GRAPH, "utf8") }], includeRequests: [{ file: "src/app.ts", content: program }] });
    expect(r.model.types.size).toBeLessThanOrEqual(20);
    expect(typeNames(r)).toEqual(expect.arrayContaining(["microsoft.graph.callRecords.session", "microsoft.graph.callRecords.callRecord", "microsoft.graph.cloudCommunications"]));
    fs.mkdirSync(path.join(dir, "src"));
    fs.mkdirSync(path.join(dir, "graph"));
    fs.writeFileSync(path.join(dir, "src", "app.ts"), program);
    for (const [file, text] of r.files) fs.writeFileSync(path.join(dir, "graph", file), text);
    const files = ["src/app.ts", ...[...r.files.keys()].map((f) => `graph/${f}`)];
    const result = runTsc(anyCompiler(), dir, files);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });
});

test("a config's include @glob over a program's imports: the next run keeps a function it starts to import", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "src"));
  fs.writeFileSync(path.join(dir, "trippin.xml"), LITE.content);
  const app = path.join(dir, "src", "app.ts");
  fs.writeFileSync(app, 'import { airports, getAirport } from "./gen/Travel.Lite.requests.js";\nexport const read = (code: string) => getAirport(client, airports().byKey(code));\n');
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ input: "trippin.xml", out: "src/gen", include: ["@src/**/*.ts"] }] });
  const cli = async () => {
    const r = await spawnLimited(process.execPath, [BIN, "generate"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const requests = () => exportsOf(fs.readFileSync(path.join(dir, "src", "gen", "Travel.Lite.requests.ts"), "utf8"));
  const first = await cli();
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  expect(requests()).toContain("getAirport");
  expect(requests()).not.toContain("listAirlines");
  expect((await cli()).stdout).toMatch(/up to date/);
  fs.appendFileSync(app, 'import { airlines, listAirlines } from "./gen/Travel.Lite.requests.js";\n');
  const grown = await cli();
  expect(grown.stdout).not.toMatch(/up to date/);
  expect(requests()).toContain("listAirlines");
});

test("odatagen diff --include @program compares what the program imports: a change elsewhere is none of its", async () => {
  const dir = scratch();
  const old = path.join(FIXTURES_DIR, "trippin-lite.xml");
  fs.writeFileSync(path.join(dir, "new.xml"), LITE.content.replace('<Property Name="IataCode" Type="Edm.String" />', ""));
  fs.writeFileSync(path.join(dir, "airports.ts"), 'import { getAirport } from "./gen/Travel.Lite.requests.js";\n');
  fs.writeFileSync(path.join(dir, "airlines.ts"), 'import { listAirlines } from "./gen/Travel.Lite.requests.js";\n');
  const diff = async (file: string) => {
    const r = await spawnLimited(process.execPath, [BIN, "diff", old, "new.xml", "--include", `@${file}`, "--fail-on-breaking"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, timeoutMs: 0 });
    return { code: r.status, stdout: r.stdout };
  };
  const airports = await diff("airports.ts");
  expect(airports.stdout).toMatch(/breaking {2}removed property {12}Travel\.Lite\.Airport\/IataCode/);
  expect(airports.code).toBe(3);
  const airlines = await diff("airlines.ts");
  expect(airlines.stdout).toBe("0 change(s), 0 breaking; suggested bump: none\n");
  expect(airlines.code).toBe(0);
});

test("generate --watch over a glob: a file added in a new folder is read, and the function it imports generated", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "src", "api"), { recursive: true });
  fs.writeFileSync(path.join(dir, "trippin.xml"), LITE.content);
  fs.writeFileSync(path.join(dir, "src", "api", "airports.ts"), 'import { getAirport } from "../gen/Travel.Lite.requests.js";\n');
  writeJson(path.join(dir, "odatagen.config.json"), { services: [{ name: "trips", input: "trippin.xml", out: "src/gen", include: ["@src/**/*.ts"] }] });
  const child = startCli(["generate", "--watch"], dir, { ODATAGEN_WATCH_DEBOUNCE_MS: "100" });
  try {
    const out = new Output(child);
    await out.wait(/watching 3 file\(s\)/, 30000, 0);
    const requests = () => exportsOf(fs.readFileSync(path.join(dir, "src", "gen", "Travel.Lite.requests.ts"), "utf8"));
    expect(requests()).not.toContain("listAirlines");
    // A folder the glob has not walked yet (made after the watch began), then a file in it.
    let mark = out.text.length;
    fs.mkdirSync(path.join(dir, "src", "ui"));
    await new Promise((r) => setTimeout(r, 300));
    fs.writeFileSync(path.join(dir, "src", "ui", "airlines.ts"), 'import { listAirlines } from "../gen/Travel.Lite.requests.js";\n');
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(out.text.slice(mark)).toMatch(/changed: src\/ui\/airlines\.ts/);
    expect(requests()).toContain("listAirlines");
    // A folder moved in with its file: read as well.
    mark = out.text.length;
    const elsewhere = path.join(dir, "people");
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, "people.ts"), 'import { listPersons } from "../gen/Travel.Lite.requests.js";\n');
    fs.renameSync(elsewhere, path.join(dir, "src", "people"));
    await out.wait(/regenerated in \d+ ms/, 30000, mark);
    expect(requests()).toContain("listPersons");
  } finally {
    child.kill("SIGKILL");
  }
});
