/**
 * Slicing by paths that go on after a composable function (URL Conventions §4.5.1), as Graph's
 * Excel API writes them (`…/range(address='A1')/format`, `…/range(address='A1')/clear`): a file of
 * such requests (`--include @file`) or such a URL path pattern keeps the function, the path to its
 * binding parameter, its result and what the later segments name, as after a navigation property
 * (passes/slice/paths.ts, composable.ts). The functions `odatagen url` prints for each request
 * compile against the slice under --strict and send the request's URL to a loopback server. A path
 * through a function that is not composable is a warning (ODG308) that says why, naming it.
 * On test/fixtures/requests/composable-slice.xml, and on Graph v1.0 where ../shared/corpus is.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../generator/generate";
import { urlCalls, type UrlCall } from "../generator/url-calls";
import { describeWithGraph, FIXTURES_DIR, GRAPH } from "./helpers/fixtures";
import { GENERATED } from "./helpers/generated";
import { errorsOf } from "./helpers/slice-errors";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { runPrinted } from "./helpers/printed-code";
import { anyCompiler, BASE_OPTIONS, runTscCases } from "./helpers/typecheck";

const SPEC = path.join(FIXTURES_DIR, "requests", "composable-slice.xml");
/** Keys as segments and operations by name alone, so that the URL sent is the one the request writes. */
const GRAPH_STYLE = { keyAsSegment: true, unqualifiedOperations: true };

/** A request of the file: method, URL path, and the JSON body it sends, if any. */
type Request = [method: string, path: string, body?: unknown];

/** The requests as an HTTP file (`.http`). */
function httpFile(requests: readonly Request[]): string {
  return requests.map(([method, url, body]) => `${method} ${url}\n${body === undefined ? "" : `Content-Type: application/json\n\n${JSON.stringify(body)}\n`}`).join("###\n");
}

/** The slice `requests` keep of `file`, written to `dir` (emptied first). */
function slice(file: string, requests: readonly Request[], dir: string) {
  const options: GenerateOptions = { inputs: [{ file, content: fs.readFileSync(file, "utf8") }], includeRequests: [{ file: "excel.http", content: httpFile(requests) }], ...GRAPH_STYLE };
  const result = generate(options);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
  return { options, result, dir };
}

/** What `odatagen url` prints for each request over the slice `options` make; a refused one fails. */
function printed(options: GenerateOptions, requests: readonly Request[]): UrlCall[] {
  return urlCalls(options, requests.map(([method, p]) => ({ method, path: p }))).results.map((r) => {
    if (!r.ok) throw new Error(r.problem);
    return r.call;
  });
}

/** The printed code compiled under --strict against the slice in `dir`, each call a program file of its own: the problems, by request. */
function compileProblems(dir: string, calls: readonly UrlCall[], requests: readonly Request[]): string[] {
  const cases = calls.map((c) => {
    const [head, rest] = c.code.split("\n\n");
    const declared = c.variables.map((v) => `declare const ${v.name}: ${v.name === "client" ? "Client" : (v.type ?? "never")};`);
    return { from: [dir], usage: [`import type { Client } from "./index.js";`, head, ...declared, "export async function run() {", rest, "}", ""].join("\n") };
  });
  const results = runTscCases(anyCompiler(), cases, BASE_OPTIONS);
  return results.flatMap((r, i) => (r.status === 0 ? [] : [`${requests[i]![0]} ${requests[i]![1]}:\n${r.output}`]));
}

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** Runs each printed call with the slice's modules (in `dir`, `namespace`'s) on the loopback service; the requests sent, as method and URL below the service root. */
async function sent(dir: string, namespace: string, calls: readonly UrlCall[], requests: readonly Request[]): Promise<string[]> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const modules = { [`./${namespace}.requests.js`]: require(path.join(dir, `${namespace}.requests`)) as unknown, "./index.js": require(path.join(dir, "index")) as unknown };
  const rt = require(path.join(dir, "runtime")) as { createClient(o: { baseUrl: string }): unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  srv.handle((req) => (req.url.endsWith("/$count") ? { status: 200, headers: { "content-type": "text/plain" }, body: "2" } : req.url.endsWith("/$value") ? { status: 200, headers: { "content-type": "image/png" }, body: "png" } : { status: 204 }));
  const before = srv.requests.length;
  for (const [k, c] of calls.entries()) await runPrinted(c, modules, rt.createClient({ baseUrl: `${srv.url}/v1.0` }), { body: requests[k]![2], params: requests[k]![2] });
  return srv.requests.slice(before).map((r) => `${r.method} ${decodeURIComponent(r.url.replace(/^\/v1\.0/, ""))}`);
}

const typeNames = (r: ReturnType<typeof generate>) => [...r.model.types.keys()].sort();
const operationNames = (r: ReturnType<typeof generate>) => r.model.schemas.flatMap((s) => s.operations.map((o) => o.name)).sort();

describe("a slice keeps what a path needs after a composable function", () => {
  const requests: Request[] = [
    ["GET", "/worksheets/s1/cellRange(address='A1')/format"],
    ["PATCH", "/worksheets/s1/cellRange(address='A1')/format/font", { bold: true }],
    ["POST", "/worksheets/s1/cellRange(address='A1')/clear", { applyTo: "Formats" }],
    ["GET", "/worksheets/s1/usedCells(valuesOnly=true)/format/autofitWidth()"],
    ["GET", "/worksheets/s1/rowRanges()/r2/pictures/p1/$value"],
    ["GET", "/worksheets/s1/rowRanges()/$count"],
    ["GET", "/worksheets/s1/cellRange(address='B2')/Book.Cells.tableRange"],
    ["DELETE", "/activeCells()/format"],
    ["PATCH", "/worksheets/s1/usedCells(valuesOnly=false)", { values: [[1]] }],
  ];
  const { options, result, dir } = slice(SPEC, [...requests, ["GET", "/worksheets/s1/lastCell()/format"], ["GET", "/worksheets/s1/sizeOf()/rows"]], path.join(GENERATED, "slice-composable"));

  test("the function, its binding parameter's path, its result and what the later segments name; a function that is not composable is ODG308, saying why", () => {
    expect(typeNames(result)).toEqual(["Book.Cells.picture", "Book.Cells.rangeFont", "Book.Cells.rangeFormat", "Book.Cells.sheetRange", "Book.Cells.tableRange", "Book.Cells.worksheet"]);
    expect(operationNames(result)).toEqual(["activeCells", "autofitWidth", "cellRange", "clear", "rowRanges", "usedCells"]);
    expect(result.diagnostics.filter((d) => d.code === "ODG308").map((d) => `${d.line}: ${d.message}`)).toEqual([
      "28: GET /worksheets/s1/lastCell()/format: /worksheets/s1/lastCell()/format: nothing follows lastCell: Book.Cells.lastCell is a function that is not composable (no IsComposable=\"true\" in the metadata), so its result is not addressed further; the slice does not keep it",
      "30: GET /worksheets/s1/sizeOf()/rows: /worksheets/s1/sizeOf()/rows: nothing follows sizeOf: composable function Book.Cells.sizeOf returns a complex value (Book.Cells.rangeSize), and odatagen addresses only entities after a function; the slice does not keep it",
    ]);
  });

  test("a URL path pattern through the function keeps what the request's path does; wildcards do not go through functions", () => {
    const inputs = options.inputs;
    const byPattern = generate({ inputs, include: "/worksheets/{id}/cellRange(*)/format/font" });
    const byRequest = generate({ inputs, includeRequests: [{ file: "a.http", content: "PATCH /worksheets/s1/cellRange(address='A1')/format/font\n" }] });
    expect(typeNames(byPattern)).toEqual(["Book.Cells.rangeFont", "Book.Cells.rangeFormat", "Book.Cells.sheetRange", "Book.Cells.worksheet"]);
    expect(typeNames(byRequest)).toEqual(typeNames(byPattern));
    expect(operationNames(byPattern)).toEqual(["cellRange"]);
    expect(byPattern.files.get("Book.Cells.requests.ts")).toBe(byRequest.files.get("Book.Cells.requests.ts"));
    // Through an import, and --why names the route through the function.
    const imported = generate({ inputs, include: "/activeCells/format", why: "Book.Cells.activeCells" });
    expect(typeNames(imported)).toEqual(["Book.Cells.rangeFormat", "Book.Cells.sheetRange"]);
    expect(imported.slice?.why?.[0]?.answers[0]?.chain.map((c) => c.reason)).toEqual(["named by /activeCells (--include /activeCells/format)"]);
    // `**` after an import's function goes on through its result.
    expect(typeNames(generate({ inputs, include: "/activeCells/**" }))).toEqual(["Book.Cells.picture", "Book.Cells.rangeFont", "Book.Cells.rangeFormat", "Book.Cells.sheetRange"]);
    // The path ending at the function keeps the function alone, as before.
    expect(operationNames(generate({ inputs, include: "/worksheets/{id}/cellRange" }))).toEqual(["cellRange"]);
    // A misspelling after the function is respelt through it.
    expect(errorsOf(() => generate({ inputs, include: "/worksheets/{id}/cellrange/formt" })).map((d) => d.message)).toEqual([
      "--include /worksheets/{id}/cellrange/formt matches no URL path of the service (did you mean /worksheets/{id}/cellRange/format?)",
    ]);
    // `**` matches navigation properties only: it does not go through cellRange (which the worksheet's API keeps, with its result, but not what follows it).
    expect(typeNames(generate({ inputs, include: "/worksheets/**" }))).not.toContain("Book.Cells.rangeFormat");
  });

  test("an --exclude naming the function a path goes on through is ODG304, as a type on the path is: no path builder reaches what follows", () => {
    const inputs = options.inputs;
    const warnings = (r: ReturnType<typeof generate>) => r.diagnostics.filter((d) => d.code === "ODG304").map((d) => `${d.path}: ${d.message}`);
    expect(warnings(generate({ inputs, include: "/worksheets/{id}/cellRange/format", exclude: "Book.Cells.cellRange" }))).toEqual([
      "Book.Cells.cellRange: Book.Cells.cellRange is on the URL path /worksheets/{id}/cellRange, on the way to what --include /worksheets/{id}/cellRange/format selects, but --exclude Book.Cells.cellRange leaves it out: the slice has no path builder that reaches it",
    ]);
    expect(warnings(generate({ inputs, include: "/activeCells/format", exclude: "Book.Cells.activeCells" }))).toEqual([
      "Book.Cells.activeCells: Book.Cells.activeCells is on the URL path /activeCells, on the way to what --include /activeCells/format selects, but --exclude Book.Cells.activeCells leaves it out: the slice has no path builder that reaches it",
    ]);
    expect(warnings(generate({ inputs, include: "/worksheets/{id}/cellRange/format" }))).toEqual([]);
  });

  test("an $expand of the function's result keeps what it names, nested ones too, so that the typed expand option takes them", () => {
    const expands: Request[] = [
      ["GET", "/worksheets/s1/cellRange(address='A1')?$expand=format($expand=font),pictures"],
      ["GET", "/worksheets/s1/rowRanges()?$expand=format"],
      ["GET", "/activeCells()?$expand=pictures"],
    ];
    const opts: GenerateOptions = { inputs: options.inputs, includeRequests: [{ file: "expand.http", content: httpFile(expands) }] };
    const r = generate(opts);
    expect(r.diagnostics.filter((d) => d.code === "ODG308")).toEqual([]);
    expect(typeNames(r)).toEqual(["Book.Cells.picture", "Book.Cells.rangeFont", "Book.Cells.rangeFormat", "Book.Cells.sheetRange", "Book.Cells.worksheet"]);
    expect(printed(opts, expands).map((c) => c.call)).toEqual([
      'const result = await cellRange(client, target, { address: "A1" }, { expand: { format: { expand: ["font"] }, pictures: true } });',
      'const result = await rowRanges(client, target, { expand: ["format"] });',
      'const result = await activeCells(client, { expand: ["pictures"] });',
    ]);
  });

  test("the slice has the functions odatagen url prints for each request, and they compile under --strict", () => {
    expect(compileProblems(dir, printed(options, requests), requests)).toEqual([]);
  });

  test("called over HTTP, they send each request's URL", async () => {
    expect(await sent(dir, "Book.Cells", printed(options, requests), requests)).toEqual(requests.map(([method, p]) => `${method} ${p}`));
  });
});

describeWithGraph("slicing Graph by Excel requests")("slicing Graph v1.0 by Excel requests through composable functions", () => {
  const BOOK = "/me/drive/items/01ABC/workbook/worksheets/Sheet1";
  const requests: Request[] = [
    ["GET", `${BOOK}/range(address='A1:B2')`],
    ["GET", `${BOOK}/range(address='A1')/format`],
    ["PATCH", `${BOOK}/range(address='A1')/format`, { columnWidth: 20 }],
    ["GET", `${BOOK}/usedRange(valuesOnly=true)`],
    ["GET", `${BOOK}/cell(row=1,column=2)/format/font`],
    ["POST", `${BOOK}/range(address='A1')/clear`, { applyTo: "Formats" }],
    ["PATCH", `${BOOK}/range(address='A1:B2')`, { values: [[1, 2]] }],
    ["GET", `${BOOK}/range(address='A1:B2')/format/borders/$count`],
    ["GET", `${BOOK}/range(address='A1:B2')/sort`],
  ];
  // Graph's slice is no fixture's output (typecheck.test.ts's list): a scratch folder of its own.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-slice-composable-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { options, result } = slice(GRAPH, requests, dir);

  test("every request is kept, and the slice is small", () => {
    expect(result.diagnostics.filter((d) => d.code === "ODG308")).toEqual([]);
    expect(typeNames(result)).toEqual(expect.arrayContaining(["microsoft.graph.workbookRange", "microsoft.graph.workbookRangeFormat", "microsoft.graph.workbookRangeFont", "microsoft.graph.workbookRangeBorder", "microsoft.graph.workbookRangeSort"]));
    expect(operationNames(result)).toEqual(expect.arrayContaining(["range", "usedRange", "cell", "clear"]));
    expect(result.model.types.size).toBeLessThan(100);
  });

  test("the slice has the functions odatagen url prints, they compile under --strict and send each request's URL", async () => {
    const calls = printed(options, requests);
    expect(compileProblems(dir, calls, requests)).toEqual([]);
    expect(await sent(dir, "microsoft.graph", calls, requests)).toEqual(requests.map(([method, p]) => `${method} ${p}`));
  });
});
