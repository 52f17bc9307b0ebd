/**
 * Changes `diff` and `generate` report though no generated type or function changes: the URLs the
 * client sends (Capabilities.KeyAsSegmentSupported, Core.DefaultNamespace) and its doc comments.
 * Each is a patch.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";
import { diff, entity, one, writeDoc } from "./helpers/diff";

const KEY_SEGMENT = '<Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported"/>';
const DEFAULT_NS = '<Annotation Term="Org.OData.Core.V1.DefaultNamespace"/>';
const described = (text: string) => `<Annotation Term="Org.OData.Core.V1.Description" String="${text}"/>`;
/** Entity type d.t, a set of it, a function bound to it, and `extra` in the schema and container. */
const service = (o: { container?: string; schema?: string; set?: string; prop?: string; op?: string } = {}) =>
  entity(`<Property Name="p" Type="Edm.String">${o.prop ?? ""}</Property>`) +
  `<Function Name="f" IsBound="true">${o.op ?? ""}<Parameter Name="it" Type="d.t"/><ReturnType Type="Edm.String"/></Function>` +
  `${o.schema ?? ""}<EntityContainer Name="c">${o.container ?? ""}<EntitySet Name="ts" EntityType="d.t">${o.set ?? ""}</EntitySet></EntityContainer>`;

test("keys as segments added or removed: the URLs sent change, a patch", () => {
  expect(one(service({ container: KEY_SEGMENT }), service())).toEqual([
    ["changed", "Capabilities.KeyAsSegmentSupported", "removed: keys are sent in parentheses (/set('42'), was /set/42)", false],
  ]);
  const added = diff(service(), service({ container: KEY_SEGMENT }));
  expect(added.changes).toEqual([
    { kind: "changed", element: "URL convention", path: "Capabilities.KeyAsSegmentSupported", detail: "added: keys are sent as path segments (/set/42, was /set('42'))", breaking: false },
  ]);
  expect(added.bump).toBe("patch");
});

test("a default namespace added or removed: its bound operations' segments change, a patch", () => {
  expect(one(service(), service({ schema: DEFAULT_NS }))).toEqual([
    ["changed", "d", "became a default namespace (Core.DefaultNamespace): its 1 bound operation(s) are called by name alone where not ambiguous (…/f, was …/d.f)", false],
  ]);
  expect(one(service({ schema: DEFAULT_NS }), service())).toEqual([
    ["changed", "d", "no longer a default namespace (Core.DefaultNamespace): its 1 bound operation(s) are called qualified (…/d.f, was …/f)", false],
  ]);
  // A namespace without bound operations sends the same URLs.
  const plain = (schema: string) => entity("") + schema + '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>';
  expect(one(plain(""), plain(DEFAULT_NS))).toEqual([]);
});

test("doc comments: a description changed, added or removed on an element both versions have is one patch line", () => {
  expect(diff(service({ prop: described("old") }), service({ prop: described("new") }))).toEqual({
    changes: [{ kind: "changed", element: "documentation", path: "d.t/p", detail: "description or deprecation changed (doc comments only)", breaking: false }],
    breaking: 0,
    bump: "patch",
  });
  // Several: one line, counting them.
  expect(one(service(), service({ prop: described("new"), set: described("the ts"), op: described("f") }))).toEqual([
    ["changed", "3 elements", "description or deprecation changed (doc comments only): d.t/p, d.f(d.t), ts", false],
  ]);
  // An import's description is its function's doc comment, in line or by a block targeting it.
  const imported = (inline: string, block = "") =>
    `<Action Name="a"/><EntityContainer Name="c"><ActionImport Name="run" Action="d.a">${inline}</ActionImport></EntityContainer>${block}`;
  expect(one(imported(""), imported(described("runs")))).toEqual([["changed", "run", "description or deprecation changed (doc comments only)", false]]);
  expect(one(imported(described("runs")), imported("", `<Annotations Target="d.c/run">${described("runs")}</Annotations>`))).toEqual([]);
  // So is an entity set's or singleton's, its root function's doc comment, by a block targeting it too.
  const rooted = (block: string) =>
    entity("") + `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><Singleton Name="me" Type="d.t"/></EntityContainer>${block}`;
  expect(one(rooted(""), rooted(`<Annotations Target="d.c/ts">${described("the ts")}</Annotations>`))).toEqual([
    ["changed", "ts", "description or deprecation changed (doc comments only)", false],
  ]);
  expect(one(rooted(`<Annotations Target="d.c/me">${described("me")}</Annotations>`), rooted(`<Annotations Target="d.c/me">${described("I")}</Annotations>`))).toEqual([
    ["changed", "me", "description or deprecation changed (doc comments only)", false],
  ]);
  expect(one(service({ set: described("the ts") }), service({ container: "" }) + `<Annotations Target="d.c/ts">${described("the ts")}</Annotations>`)).toEqual([]);
  // A new element brings its description: only the addition is listed.
  expect(one(entity(""), entity(`<Property Name="q" Type="Edm.String">${described("q")}</Property>`))).toEqual([
    ["added", "d.t/q", "property added: Edm.String", false],
  ]);
});

test("a summary kept by an older version (format 2) has no URLs or doc comments: they are not compared", () => {
  const dir = scratch();
  const a = writeDoc(dir, "a.xml", service({ container: KEY_SEGMENT, prop: described("old") }));
  const b = writeDoc(dir, "b.xml", service({ schema: DEFAULT_NS, prop: described("new") }));
  const kept = JSON.parse(summaryToJson(loadSummary([a])));
  expect(kept.format).toBe(15);
  delete kept.urls;
  delete kept.docs;
  kept.format = 2;
  expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([b])).changes).toEqual([]);
  expect(compareSummaries(summaryFromJson(JSON.stringify(kept)), loadSummary([a])).changes).toEqual([]);
});

test("generate lists them after a spec change; a URL option it was given overrides the spec: no change", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const lines = (stdout: string) => stdout.split("\n").filter((l) => /model changes|^ {2}(ok|breaking) /.test(l));
  writeDoc(dir, "s.xml", service({ container: KEY_SEGMENT }));
  expect((await runCliInProcess(["generate", "-i", "s.xml", "-o", "gen"], dir)).code).toBe(0);
  writeDoc(dir, "s.xml", service({ prop: described("p") }));
  const r = await runCliInProcess(["generate", "-i", "s.xml", "-o", "gen"], dir);
  expect(lines(r.stdout)).toEqual([
    "odatagen: gen: model changes: 2 change(s), 0 breaking; suggested bump: patch",
    expect.stringMatching(/^ {2}ok +changed URL convention +Capabilities\.KeyAsSegmentSupported: removed: keys are sent in parentheses/),
    expect.stringMatching(/^ {2}ok +changed documentation +d\.t\/p: description or deprecation changed/),
  ]);
  // With --key-as-segment the keys stay segments whatever the spec says.
  expect((await runCliInProcess(["generate", "-i", "s.xml", "-o", "pinned", "--key-as-segment"], dir)).code).toBe(0);
  writeDoc(dir, "s.xml", service({ container: KEY_SEGMENT, prop: described("p") }));
  expect(lines((await runCliInProcess(["generate", "-i", "s.xml", "-o", "pinned", "--key-as-segment"], dir)).stdout)).toEqual([]);
});

test("generate: an import's doc comment a summary kept by an older version (format 3) did not record is not known, not changed", async () => {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, "node_modules"));
  const lines = (stdout: string) => stdout.split("\n").filter((l) => /model changes|^ {2}(ok|breaking) /.test(l));
  const imported = (p: string, run: string) =>
    service({ prop: described(p), schema: '<Action Name="a"/>', container: `<ActionImport Name="run" Action="d.a">${described(run)}</ActionImport>` });
  writeDoc(dir, "s.xml", imported("p", "runs"));
  expect((await runCliInProcess(["generate", "-i", "s.xml", "-o", "gen"], dir)).code).toBe(0);
  const cache = path.join(dir, "node_modules", ".cache", "odatagen");
  const [kept] = fs.readdirSync(cache).filter((f) => f.endsWith(".model.json"));
  const json = JSON.parse(fs.readFileSync(path.join(cache, kept), "utf8"));
  expect(json.docs.run).toEqual(expect.any(String));
  // As a version before imports' doc comments were kept wrote it: format 3, no hash for `run`.
  json.format = 3;
  delete json.docs.run;
  fs.writeFileSync(path.join(cache, kept), JSON.stringify(json));
  writeDoc(dir, "s.xml", imported("p changed", "runs"));
  expect(lines((await runCliInProcess(["generate", "-i", "s.xml", "-o", "gen"], dir)).stdout)).toEqual([
    "odatagen: gen: model changes: 1 change(s), 0 breaking; suggested bump: patch",
    expect.stringMatching(/^ {2}ok +changed documentation +d\.t\/p: description or deprecation changed/),
  ]);
  // Kept again in this version's format: the import's next change is reported.
  writeDoc(dir, "s.xml", imported("p changed", "runs twice"));
  expect(lines((await runCliInProcess(["generate", "-i", "s.xml", "-o", "gen"], dir)).stdout)).toEqual([
    "odatagen: gen: model changes: 1 change(s), 0 breaking; suggested bump: patch",
    expect.stringMatching(/^ {2}ok +changed documentation +run: description or deprecation changed/),
  ]);
});
