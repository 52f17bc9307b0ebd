/**
 * checkers.ts holds what concerns the whole model once (the schema aliases, `checkerFor`), so a
 * namespace's modules do not grow with the number of namespaces and the output grows with the
 * metadata, not with its square. `checkerFor` stays reachable from every validators module.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { GENERATED } from "./helpers/generated";

/** `n` namespaces `n0`…, aliased `a0`…, each with an open complex type `c` whose `p` is the next namespace's `c`. */
function ring(n: number): string {
  const schemas = Array.from({ length: n }, (_, i) =>
    `<Schema Namespace="n${i}" Alias="a${i}" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
    `<ComplexType Name="c" OpenType="true"><Property Name="p" Type="a${(i + 1) % n}.c"/><Property Name="s" Type="Edm.String"/></ComplexType>` +
    `</Schema>`,
  );
  return `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${schemas.join("")}</edmx:DataServices></edmx:Edmx>`;
}

const files = (n: number) => generate({ inputs: [{ file: "ring.xml", content: ring(n) }] }).files;
const total = (out: Map<string, string>) => [...out.values()].reduce((sum, text) => sum + text.length, 0);

describe("the output grows with the metadata", () => {
  const five = files(5);
  const fifty = files(50);

  test("a namespace's modules are the same bytes whether the model has 5 namespaces or 50", () => {
    // n1 refers to n2 in both models.
    for (const kind of ["types", "validators", "requests"]) {
      expect(fifty.get(`n1.${kind}.ts`)).toBe(five.get(`n1.${kind}.ts`));
    }
    expect(five.get("n1.validators.ts")).not.toContain("namespaceChecker as");
    expect(five.get("n1.validators.ts")).not.toContain('"a3"');
  });

  test("twice the namespaces, at most 2.2 times the output; the model-wide tables are in checkers.ts only", () => {
    expect(total(files(100))).toBeLessThanOrEqual(2.2 * total(fifty));
    const withAliases = [...fifty].filter(([, text]) => text.includes('"a49": "n49"')).map(([f]) => f);
    expect(withAliases).toEqual(["checkers.ts"]);
  });

  test("without validators there is no checkers.ts", () => {
    const out = generate({ inputs: [{ file: "ring.xml", content: ring(3) }], validators: false }).files;
    expect([...out.keys()].filter((f) => f.includes("checkers") || f.includes("validators"))).toEqual([]);
  });
});

describe("checkerFor and the aliases, from checkers.ts and from any namespace module", () => {
  type Module = {
    checkerFor(typeName: string): unknown;
    checkC: unknown;
    isC(value: unknown): boolean;
    validateC(value: unknown, options?: { types?: (typeName: string) => unknown }): { errors: { path: string }[] };
  };
  const dir = path.join(GENERATED, "checkers");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of files(5)) fs.writeFileSync(path.join(dir, name), text);
  /* eslint-disable @typescript-eslint/no-require-imports */
  // A namespace module first: it loads checkers.ts, which loads the other namespace modules.
  const ns = [0, 1, 2, 3, 4].map((i) => require(path.join(dir, `n${i}.validators`)) as Module);
  const checkers = require(path.join(dir, "checkers")) as { checkerFor: Module["checkerFor"]; SERVICE: { aliases: Record<string, string> } };
  /* eslint-enable @typescript-eslint/no-require-imports */

  test("every namespace module re-exports the one checkerFor", () => {
    for (const m of ns) expect(m.checkerFor).toBe(checkers.checkerFor);
    expect(checkers.SERVICE.aliases).toEqual({ a0: "n0", a1: "n1", a2: "n2", a3: "n3", a4: "n4" });
  });

  test("resolves types of other namespaces by qualified name and by alias, with or without #", () => {
    expect(ns[0].checkerFor("#n3.c")).toBe(ns[3].checkC);
    expect(ns[0].checkerFor("a4.c")).toBe(ns[4].checkC);
    expect(checkers.checkerFor("#a2.c")).toBe(ns[2].checkC);
    expect(checkers.checkerFor("n0.c")).toBe(ns[0].checkC);
    for (const unknown of ["#n3.d", "#a9.c", "#n9.c", "c", "", "#"]) expect(checkers.checkerFor(unknown)).toBeUndefined();
  });

  test("the validators read the shared aliases: @odata.type by alias, and typed dynamic properties through `types`", () => {
    expect(ns[0].validateC({ p: { "@odata.type": "#a1.c", s: "x" } }).errors).toEqual([]);
    expect(ns[0].validateC({ p: { "@odata.type": "#a2.c" } }).errors.map((e) => e.path)).toEqual(["/p/@odata.type"]);
    const dynamic = { "x@odata.type": "#a3.c", x: { s: 5 } };
    expect(ns[0].validateC(dynamic).errors).toEqual([]);
    expect(ns[0].validateC(dynamic, { types: ns[0].checkerFor }).errors.map((e) => e.path)).toEqual(["/x/s"]);
  });
});
