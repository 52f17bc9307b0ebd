/**
 * The metadata's Version between two versions of a service: a 4.01 service's bodies may bind without
 * the `odata.` prefix (`p@bind`, JSON Format 4.01 §4.5), a 4.0 service's not (their body types and
 * validators refuse it). So 4.01 → 4.0 breaks code that writes `p@bind`, and 4.0 → 4.01 adds a
 * spelling; `diff` (and a regeneration's model changes) says so, where before it saw no change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summaryFromJson, summaryToJson } from "../generator/diff/summary";
import { runCliAsync, scratch } from "./helpers/cli";
import { entity, wrap } from "./helpers/diff";

/** d.t with a navigation property to itself (or none), and a set of it. */
const body = (nav: boolean) =>
  entity("", nav ? '<NavigationProperty Name="parent" Type="d.t"/>' : "") +
  `<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/></EntityContainer>`;

/** The document as written by `wrap`, its Edmx Version set to `version`. */
function write(dir: string, name: string, version: "4.0" | "4.01", nav = true): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, wrap(body(nav)).replace('Version="4.0"', `Version="${version}"`));
  return file;
}

function changes(a: "4.0" | "4.01", b: "4.0" | "4.01", nav = true) {
  const dir = scratch();
  const d = compareSummaries(loadSummary([write(dir, "a.xml", a, nav)]), loadSummary([write(dir, "b.xml", b, nav)]));
  return { bump: d.bump, changes: d.changes.map((c) => [c.kind, c.element, c.path, c.detail, c.breaking]) };
}

test("4.01 → 4.0: a body's p@bind no longer compiles, a breaking change", () => {
  expect(changes("4.01", "4.0")).toEqual({
    bump: "major",
    changes: [["changed", "payload format", "Version", "was 4.01, now 4.0: a body's binding without the odata. prefix (p@bind) no longer compiles and the validators refuse it; write p@odata.bind", true]],
  });
});

test("4.0 → 4.01: a body may also bind as p@bind, a minor change", () => {
  expect(changes("4.0", "4.01")).toEqual({
    bump: "minor",
    changes: [["changed", "payload format", "Version", "was 4.0, now 4.01: a body may also bind as p@bind, without the odata. prefix (JSON Format 4.01 §4.5)", false]],
  });
});

test("without a navigation property no body binds: the version alone changed, a patch", () => {
  expect(changes("4.01", "4.0", false)).toEqual({ bump: "patch", changes: [["changed", "payload format", "Version", "was 4.01, now 4.0 (no navigation property: no body binds)", false]] });
  expect(changes("4.0", "4.0")).toEqual({ bump: "none", changes: [] });
});

test("a summary kept by an older version records no Version: not compared", () => {
  const dir = scratch();
  const old = JSON.parse(summaryToJson(loadSummary([write(dir, "a.xml", "4.01")]))) as Record<string, unknown>;
  expect(old["version"]).toBe("4.01");
  delete old["version"];
  expect(compareSummaries(summaryFromJson(JSON.stringify(old)), loadSummary([write(dir, "b.xml", "4.0")])).changes).toEqual([]);
});

test("odatagen diff --fail-on-breaking exits 3 for 4.01 → 4.0", async () => {
  const dir = scratch();
  write(dir, "old.xml", "4.01");
  write(dir, "new.xml", "4.0");
  const r = await runCliAsync(["diff", "--fail-on-breaking", "old.xml", "new.xml"], dir);
  expect([r.code, r.stdout.split("\n")[0]]).toEqual([3, expect.stringMatching(/^breaking +changed payload format +Version: was 4\.01, now 4\.0: /)]);
});
