// Damaged CSDL JSON: seeded random edits of JSON documents (the fixtures written as CSDL JSON, and
// test/fixtures/csdl-json/twin.json) — edits of the text (cut, inserted JSON fragments, truncation,
// duplicated lines) and of the tree (a value of another kind, a renamed or added member, names
// empty or holding escapes). Whatever the edit, generate() either succeeds or throws a
// GenerationError, and every diagnostic about the document names a line, a column and a path —
// never a TypeError or an error without a position.
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError, type Diagnostic } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { random } from "./helpers/random";

const documents: [string, string][] = [
  ...["orders", "trippin-lite", "validation"].map((n): [string, string] => [`${n}.json`, xmlToCsdlJson(`${n}.xml`, fs.readFileSync(path.join(FIXTURES_DIR, `${n}.xml`), "utf8"))]),
  ["twin.json", fs.readFileSync(path.join(FIXTURES_DIR, "csdl-json", "twin.json"), "utf8")],
];

const INSERTS = ["{", "}", "[", "]", ",", ":", '"', "\\", "null", "true", "-0", "1e999", "99999999999999999999999", '""', '"\\u0000"', '"\\ud800"',
  '"$Kind": "EntityType",', '"$Type": "Edm.Foo",', '"$Collection": true,', '"$Key": [{}],', '"@Core.Computed": 1,', '"@": 1,', '"A@B": 1,', "[[[[", "{}"];
const VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e300, "", "x", "Edm.String", "Edm.Decimal", "Collection(Edm.String)", "variable", "max",
  [], [1], [{}], {}, { $Path: "x" }, { $Kind: "Property" }, { $Kind: "NavigationProperty", $Type: "a.b" }, "\u0000", "\ud800", "a/b", "@", "ns.",
  "Edm.EntityType", "Edm.Untyped", { "@type": 5 }, { $Cast: null }, "99999999999999999999999"];
const NAMES = ["$Kind", "$Type", "$Collection", "$Nullable", "$Key", "$BaseType", "$Partner", "$ReferentialConstraint", "$Parameter", "$ReturnType",
  "$IsBound", "$NavigationPropertyBinding", "$Annotations", "$Alias", "$Include", "$UnderlyingType", "$IsFlags", "$Action", "$Function",
  "$EntitySet", "$Extends", "$DefaultValue", "$Scale", "$MaxLength", "$EntityContainer", "@Core.Description", "@", "@#q", "@A@B", "A@Core.Description",
  "__proto__", "constructor", "x\u0000y", "\ud800", "", "a/b"];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function textEdit(text: string, rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  let s = text;
  for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
    const at = Math.floor(rnd() * s.length);
    const r = rnd();
    if (r < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 30));
    else if (r < 0.7) s = s.slice(0, at) + pick(INSERTS) + s.slice(at);
    else if (r < 0.85) s = s.slice(0, at);
    else {
      const lines = s.split("\n");
      lines.splice(Math.floor(rnd() * lines.length), 0, pick(lines));
      s = lines.join("\n");
    }
  }
  return s;
}

function treeEdit(text: string, rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const doc = JSON.parse(text) as Json;
  const nodes: (Json[] | { [k: string]: Json })[] = [];
  const walk = (v: Json) => {
    if (v === null || typeof v !== "object") return;
    nodes.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
  };
  walk(doc);
  for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
    const o = pick(nodes);
    const value = structuredClone(pick(VALUES)) as Json;
    if (Array.isArray(o)) {
      if (o.length && rnd() < 0.5) o[Math.floor(rnd() * o.length)] = value;
      else o.push(value);
      continue;
    }
    const keys = Object.keys(o);
    const r = rnd();
    if (r < 0.4 && keys.length) o[pick(keys)] = value;
    else if (r < 0.7) Object.defineProperty(o, pick(NAMES), { value, enumerable: true, configurable: true, writable: true });
    else if (keys.length) {
      const key = pick(keys);
      const moved = o[key];
      delete o[key];
      Object.defineProperty(o, pick(NAMES), { value: moved, enumerable: true, configurable: true, writable: true });
    }
  }
  return JSON.stringify(doc, null, 1);
}

/** Diagnostics about the document without a line, a column or (for an error) a path. */
function unplaced(file: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.file === file && (!(d.line > 0) || !(d.column > 0) || (d.severity === "error" && d.path === "")));
}

describe.each(documents)("damaged %s", (file, original) => {
  test.each([["text", textEdit], ["tree", treeEdit]] as const)("every %s edit gives output or positioned errors", (_kind, edit) => {
    const rnd = random(file.length * 7919 + _kind.length);
    const outcomes = { generated: 0, rejected: 0 };
    for (let i = 0; i < 300; i++) {
      const content = edit(original, rnd);
      const slice = i % 3 === 0 ? { include: ["**"] } : {};
      let diagnostics: Diagnostic[];
      try {
        diagnostics = generate({ inputs: [{ file, content }], ...slice }).diagnostics;
        outcomes.generated++;
      } catch (e) {
        if (!(e instanceof GenerationError)) throw new Error(`edit ${i} of ${file}: ${(e as Error).stack}\n--- input ---\n${content}`);
        diagnostics = e.diagnostics;
        outcomes.rejected++;
      }
      expect({ edit: i, unplaced: unplaced(file, diagnostics) }).toEqual({ edit: i, unplaced: [] });
    }
    expect(outcomes.generated).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
