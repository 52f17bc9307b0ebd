/**
 * A slice that addresses an entity of an abstract type with more subtypes than the request
 * functions list (Graph's `entity`, reached by `/me/**` through a sharedInsight's
 * `lastSharedMethod`) leaves out the subtypes it does not otherwise need, as it does a concrete
 * type's: it remembers them by name, its validators check their values as the nearest kept base type,
 * and the `Any…` union types them as the abstract type with their names. A smaller abstract
 * hierarchy still brings its concrete subtypes along.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, type GenerateOptions } from "../generator/generate";
import { FIXTURES, GENERATED } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { forEachCompiler, runTscWithUse } from "./helpers/typecheck";

// test/fixtures/slice/many-subtypes.xml: the abstract m.entity has 216 subtypes (t0 … t209, user,
// insight, the abstract item and its note, task and link); /me is a user, whose contained insights'
// resource is an m.entity and whose contained items are m.items.
const FILE = "slice/many-subtypes.xml";
const CSDL = fs.readFileSync(path.join(FIXTURES, FILE), "utf8");

const run = (options: Omit<GenerateOptions, "inputs">) => generate({ inputs: [{ file: FILE, content: CSDL }], ...options });
const kept = (options: Omit<GenerateOptions, "inputs">) => [...run(options).model.types.keys()].sort();

/** Generates the slice into test/.generated/<tag> and returns the folder. */
function write(tag: string, options: Omit<GenerateOptions, "inputs">): string {
  const dir = path.join(GENERATED, tag);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of run(options).files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe("an addressed abstract entity type with many subtypes", () => {
  test("leaves out the subtypes the slice does not otherwise need; a small abstract hierarchy keeps its own", () => {
    expect(kept({ include: ["/me/**"] })).toEqual(["m.entity", "m.insight", "m.item", "m.link", "m.note", "m.task", "m.user"]);
    // Addressed directly, by the navigation property alone.
    expect(kept({ include: ["/me/insights/{id}/resource"] })).toEqual(["m.entity", "m.insight", "m.user"]);
    expect(kept({ include: ["/me/**"], includeDerived: true })).toHaveLength(217);
  });

  test("a note (ODG305) says so, and that --include-derived keeps them", () => {
    const notes = run({ include: ["/me/**"] }).diagnostics.filter((d) => d.path === "m.entity");
    expect(notes.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      "ODG305 info 8:5 m.entity is abstract and has 216 subtypes, more than the request functions list: the slice keeps 6 of them (those it needs otherwise) and leaves out the others, whose values the validators check as their nearest kept base type; --include-derived keeps them",
    ]);
    expect(run({ include: ["/me/**"], includeDerived: true }).diagnostics.filter((d) => d.path === "m.entity")).toEqual([]);
  });

  test("an abstract entity type with no subtypes gets no note (Graph's attackSimulationRoot)", () => {
    const csdl = [
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>',
      '<Schema Namespace="z" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
      '<EntityType Name="root" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>',
      '<EntityContainer Name="c"><Singleton Name="root" Type="z.root"/></EntityContainer>',
      "</Schema></edmx:DataServices></edmx:Edmx>",
    ].join("\n");
    const r = generate({ inputs: [{ file: "z.xml", content: csdl }], include: ["/root/**"] });
    expect([...r.model.types.keys()]).toEqual(["z.root"]);
    expect(r.diagnostics.filter((d) => d.path === "z.root")).toEqual([]);
  });

  test("--why says what a left-out subtype's values are checked and typed as", () => {
    const why = run({ include: ["/me/**"], why: ["m.t7"] }).slice?.why?.[0]?.answers[0];
    expect(why?.kept).toBe(false);
    expect(why?.chain[0]?.reason).toBe(
      "not in the slice: a subtype of m.entity, which is kept (--include-derived keeps subtypes); its values are checked as m.entity, without the properties it adds (by the validators, and by checkerFor given its name), and typed as m.entity with its @odata.type",
    );
  });

  const dir = write("slice-many-subtypes", { include: ["/me/**"] });
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

  test("the Any… union types the left-out subtypes as the abstract type with their names", () => {
    const union = /export type AnyEntity =([\s\S]*?);\n/.exec(read("m.types.ts"))?.[1] ?? "";
    expect(union).toContain("| (Entity & {");
    expect(union).toContain('"#m.t0"');
    expect(union).toContain('"#m.t209"');
    expect(read("m.types.ts")).not.toMatch(/export interface T7\b/);
  });

  describe("a read over a loopback server", () => {
    interface Result {
      id?: unknown;
      "@odata.type"?: unknown;
    }
    interface Api {
      me(): unknown;
      userInsights(parent: unknown): { byKey(key: string): unknown };
      insightResource(parent: unknown): unknown;
      getEntity(client: unknown, target: unknown, options?: { validate?: unknown }): Promise<Result | null>;
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const api: Api = require(path.join(dir, "m.requests"));
    const validators: { validateEntity: unknown } = require(path.join(dir, "m.validators"));
    const rt: { createClient(options: { baseUrl: string }): unknown } = require(path.join(dir, "runtime"));
    let srv: Loopback;
    beforeAll(async () => {
      srv = await startLoopback();
    });
    afterAll(() => srv.close());

    const readResource = async (body: object) => {
      srv.handle(() => ({ body }));
      const client = rt.createClient({ baseUrl: srv.url });
      return api.getEntity(client, api.insightResource(api.userInsights(api.me()).byKey("i1")), { validate: validators.validateEntity });
    };

    test("a left-out subtype's value is checked as the nearest kept base type", async () => {
      const value = { "@odata.type": "#m.t7", id: "x1", p7: "its own, let through" };
      expect(await readResource(value)).toEqual(value);
      expect(srv.requests.map((r) => r.url)).toEqual(["/me/insights('i1')/resource"]);
      await expect(readResource({ "@odata.type": "#m.t7", id: 7 })).rejects.toThrow("/id expected Edm.String, got number 7");
    });

    test("a kept subtype is checked as itself; a name that is no subtype, and the abstract type, are refused", async () => {
      expect(await readResource({ "@odata.type": "#m.user", id: "u1", displayName: "Ann" })).toEqual({ "@odata.type": "#m.user", id: "u1", displayName: "Ann" });
      await expect(readResource({ "@odata.type": "#m.user", id: "u1", displayName: 5 })).rejects.toThrow("/displayName expected Edm.String, got number 5");
      await expect(readResource({ "@odata.type": "#m.nope", id: "x" })).rejects.toThrow("#m.nope is not m.entity or one of its subtypes");
      await expect(readResource({ "@odata.type": "#m.entity", id: "x" })).rejects.toThrow("#m.entity is abstract and cannot be instantiated");
    });
  });

  forEachCompiler((label, c) => {
    test(`${label}: the slice compiles, and a check of @odata.type narrows the read`, () => {
      const r = runTscWithUse(c, dir, [
        'import type * as rt from "./runtime.js";',
        'import { getEntity, insightResource, me, userInsights } from "./m.requests.js";',
        'import { validateEntity } from "./m.validators.js";',
        "export async function resource(client: rt.Client): Promise<unknown[]> {",
        '  const e = await getEntity(client, insightResource(userInsights(me()).byKey("i1")), { validate: validateEntity });',
        "  const out: unknown[] = [];",
        "  if (e === null) return out;",
        '  if (e["@odata.type"] === "#m.user") out.push(e.displayName);',
        '  if (e["@odata.type"] === "#m.t7") out.push(e.id);',
        "  // @ts-expect-error t7 is left out: typed as m.entity, without the properties it adds",
        '  if (e["@odata.type"] === "#m.t7") out.push(e.p7);',
        "  return out;",
        "}",
      ]);
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    }, 240_000);
  });
});
