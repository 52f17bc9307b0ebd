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
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { FIXTURES, GENERATED } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { forEachCompiler, runTscWithUse } from "./helpers/typecheck";

// test/fixtures/slice/many-subtypes.xml: the abstract m.entity has 216 subtypes (t0 … t209, user,
// insight, the abstract item and its note, task and link); /me is a user, whose contained insights'
// resource is an m.entity and whose contained items are m.items.
const FILE = "slice/many-subtypes.xml";
const CSDL = fs.readFileSync(path.join(FIXTURES, FILE), "utf8");

/**
 * generate() of `file` with the options, each set of options run once: the tests ask for the same
 * slice again (kept types, notes, the written output), and only read what it gives.
 */
function runsOf(file: string, content: string): (options: Omit<GenerateOptions, "inputs">) => ReturnType<typeof generate> {
  const made = new Map<string, ReturnType<typeof generate>>();
  return (options) => {
    const key = JSON.stringify(options);
    let result = made.get(key);
    if (!result) made.set(key, (result = generate({ inputs: [{ file, content }], ...options })));
    return result;
  };
}

const run = runsOf(FILE, CSDL);
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

  test("--why says why a left-out subtype is left out, and what its values are checked and typed as", () => {
    const why = run({ include: ["/me/**"], why: ["m.t7"] }).slice?.why?.[0]?.answers[0];
    expect(why?.kept).toBe(false);
    expect(why?.chain[0]?.reason).toBe(
      "not in the slice: a subtype of m.entity, which is kept; m.entity is abstract and has 216 subtypes, more than the request functions list, and the slice keeps only those it needs otherwise (--include-derived keeps them all); its values are checked as m.entity, without the properties it adds (by the validators, and by checkerFor given its name), and typed as m.entity with its @odata.type",
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

// test/fixtures/slice/many-complex-subtypes.xml: the abstract complex a.activity has 205 open
// subtypes (r0 … r199, mail, and the abstract file with upload, download and share); a log's data is
// an activity, an alert's detail a mail. r7 and r9 declare p7 and p9 (Edm.Int32), mail subject.
const COMPLEX = "slice/many-complex-subtypes.xml";
const COMPLEX_CSDL = fs.readFileSync(path.join(FIXTURES, COMPLEX), "utf8");
const runComplex = runsOf(COMPLEX, COMPLEX_CSDL);
const keptComplex = (options: Omit<GenerateOptions, "inputs">) => [...runComplex(options).model.types.keys()].sort();

describe("an abstract complex type with many subtypes, kept as a property's type", () => {
  test("leaves out the subtypes the slice does not otherwise need; a subtype named, or needed elsewhere, is kept", () => {
    expect(keptComplex({ include: ["/logs/**"] })).toEqual(["a.activity", "a.log"]);
    expect(keptComplex({ include: ["/logs/**", "/alerts/**"] })).toEqual(["a.activity", "a.alert", "a.log", "a.mail"]);
    expect(keptComplex({ include: ["/logs/**", "a.r7"] })).toEqual(["a.activity", "a.log", "a.r7"]);
    // A subtype below a left-out abstract one: that one is kept as its base type, its other subtypes are not.
    expect(keptComplex({ include: ["/logs/**", "a.upload"] })).toEqual(["a.activity", "a.file", "a.log", "a.upload"]);
    expect(keptComplex({ include: ["/logs/**"], includeDerived: true })).toHaveLength(207);
  });

  test("a note (ODG305) says so, and that --include-derived keeps them (none when the slice keeps them all)", () => {
    const notes = runComplex({ include: ["/logs/**", "a.r7"] }).diagnostics.filter((d) => d.path === "a.activity");
    expect(notes.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      "ODG305 info 9:5 a.activity is abstract and has 205 subtypes, more than a slice brings along (200, as for an entity type): the slice keeps 1 of them (those it needs otherwise) and leaves out the others, whose values the validators check as their nearest kept base type; --include-derived keeps them",
    ]);
    expect(runComplex({ include: ["/logs/**"], includeDerived: true }).diagnostics.filter((d) => d.path === "a.activity")).toEqual([]);
    // None where the slice keeps them all.
    expect(runComplex({ include: ["a.*"] }).diagnostics.filter((d) => d.path === "a.activity")).toEqual([]);
  });

  test("--why says why a left-out subtype is left out, and what its values are checked and typed as", () => {
    const why = runComplex({ include: ["/logs/**"], why: ["a.download"] }).slice?.why?.[0]?.answers[0];
    expect(why?.kept).toBe(false);
    expect(why?.chain[0]?.reason).toBe(
      "not in the slice: a subtype of a.activity, which is kept; a.activity is abstract and has 205 subtypes, more than a slice brings along (200, as for an entity type), and the slice keeps only those it needs otherwise (--include-derived keeps them all); its values are checked as a.activity, without the properties it adds (by the validators, and by checkerFor given its name), and typed as a.activity with its @odata.type",
    );
  });

  const dir = (() => {
    const d = path.join(GENERATED, "slice-many-complex-subtypes");
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
    for (const [name, content] of runComplex({ include: ["/logs/**", "a.r7"] }).files) fs.writeFileSync(path.join(d, name), content);
    return d;
  })();

  test("the Any… union has the kept subtype, and the left-out ones as the abstract type with their names", () => {
    const types = fs.readFileSync(path.join(dir, "a.types.ts"), "utf8");
    const union = /export type AnyActivity =([\s\S]*?);\n/.exec(types)?.[1] ?? "";
    expect(union).toContain('| (R7 & { "@odata.type": "#a.r7" })');
    expect(union).toContain("| (Activity & {");
    expect(union).toContain('"#a.r199"');
    expect(union).toContain('"#a.upload"');
    expect(types).toMatch(/data\?: AnyActivity \| null;/);
    expect(types).not.toMatch(/export interface R12\b/);
  });

  describe("a read over a loopback server", () => {
    interface Api {
      logs(): { byKey(key: string): unknown };
      getLog(client: unknown, target: unknown, options?: { validate?: unknown }): Promise<unknown>;
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const api: Api = require(path.join(dir, "a.requests"));
    const validators: { validateLog: unknown } = require(path.join(dir, "a.validators"));
    const rt: { createClient(options: { baseUrl: string }): unknown } = require(path.join(dir, "runtime"));
    let srv: Loopback;
    beforeAll(async () => {
      srv = await startLoopback();
    });
    afterAll(() => srv.close());

    const readLog = async (data: object) => {
      srv.handle(() => ({ body: { id: "l1", data } }));
      return api.getLog(rt.createClient({ baseUrl: srv.url }), api.logs().byKey("l1"), { validate: validators.validateLog });
    };

    test("a left-out subtype's value is checked as the abstract type, its own properties let through", async () => {
      const data = { "@odata.type": "#microsoft.graph.ignored", operation: "x" };
      await expect(readLog(data)).rejects.toThrow("#microsoft.graph.ignored is not a.activity or one of its subtypes");
      const r12 = { "@odata.type": "#a.r12", operation: "MailItemsAccessed", count: 2, clientIp: "10.0.0.1" };
      expect(await readLog(r12)).toEqual({ id: "l1", data: r12 });
      expect(srv.requests.map((r) => r.url)).toEqual(["/logs('l1')"]);
      await expect(readLog({ "@odata.type": "#a.r12", count: "2" })).rejects.toThrow("/data/count expected Edm.Int32");
      // What it adds is not checked: r9's p9 is an Edm.Int32, which "9" is not (kept, r9 would be refused).
      expect(await readLog({ "@odata.type": "#a.r9", p9: "9" })).toEqual({ id: "l1", data: { "@odata.type": "#a.r9", p9: "9" } });
      // Below a left-out abstract subtype, as the abstract type too.
      expect(await readLog({ "@odata.type": "#a.upload", path: "/x" })).toEqual({ id: "l1", data: { "@odata.type": "#a.upload", path: "/x" } });
      await expect(readLog({ "@odata.type": "#a.file", path: "/x" })).rejects.toThrow("is abstract");
    });

    test("a kept subtype is checked fully; no @odata.type, and the abstract type's, are refused", async () => {
      expect(await readLog({ "@odata.type": "#a.r7", p7: 7 })).toEqual({ id: "l1", data: { "@odata.type": "#a.r7", p7: 7 } });
      await expect(readLog({ "@odata.type": "#a.r7", p7: "7" })).rejects.toThrow("/data/p7 expected Edm.Int32");
      await expect(readLog({ operation: "x" })).rejects.toThrow("a.activity");
      await expect(readLog({ "@odata.type": "#a.activity" })).rejects.toThrow("#a.activity is abstract and cannot be instantiated");
    });
  });

  forEachCompiler((label, c) => {
    test(`${label}: the slice compiles, and a check of @odata.type narrows the data`, () => {
      const r = runTscWithUse(c, dir, [
        'import type * as rt from "./runtime.js";',
        'import { getLog, logs } from "./a.requests.js";',
        'import { validateLog } from "./a.validators.js";',
        "export async function data(client: rt.Client): Promise<unknown[]> {",
        '  const l = await getLog(client, logs().byKey("l1"), { validate: validateLog });',
        "  const out: unknown[] = [];",
        "  const d = l?.data;",
        "  if (!d) return out;",
        '  if (d["@odata.type"] === "#a.r7") out.push(d.p7);',
        '  if (d["@odata.type"] === "#a.r9") out.push(d.operation);',
        "  // @ts-expect-error r9 is left out: typed as a.activity, without the properties it adds",
        '  if (d["@odata.type"] === "#a.r9") out.push(d.p9);',
        "  // @ts-expect-error not a.activity's subtype",
        '  if (d["@odata.type"] === "#a.nope") out.push(d);',
        "  return out;",
        "}",
      ]);
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    }, 240_000);
  });
});

describeWithGraph("slice-many-subtypes (Graph v1.0, /security/**)")("Microsoft Graph v1.0, /security/**: auditData's subtypes are left out", () => {
  const SEC = "microsoft.graph.security.";
  const graph = () => fs.readFileSync(GRAPH, "utf8");
  const runGraph = (options: Omit<GenerateOptions, "inputs">) => generate({ inputs: [{ file: "graph-v1.0-clean.xml", content: graph() }], ...options });
  interface Verdict {
    valid: boolean;
    errors: { path: string; message: string }[];
  }
  let validators: { validateAuditLogRecord(v: unknown): Verdict };
  let result: ReturnType<typeof runGraph>;
  beforeAll(() => {
    // An audit log record's auditData is an abstract complex type with 392 open subtypes: one is named.
    result = runGraph({ include: ["/security/**", `${SEC}exchangeAdminAuditRecord`], why: [`${SEC}exchangeMailboxAuditRecord`] });
    const dir = path.join(GENERATED, "slice-many-subtypes-graph-security");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    validators = require(path.join(dir, "microsoft.graph.security.validators"));
  }, 120_000);

  test("keeps 605 of 3823 types (996 when auditData brought its subtypes along), the one named among them; a note says so", () => {
    expect(result.diagnostics.map((d) => d.message)).toContain("slice keeps 605 of 3823 types and 84 of 1181 operations");
    expect(result.model.types.has(`${SEC}exchangeAdminAuditRecord`)).toBe(true);
    expect(result.model.types.has(`${SEC}exchangeMailboxAuditRecord`)).toBe(false);
    expect(result.diagnostics.filter((d) => d.path === `${SEC}auditData`).map((d) => `${d.code} ${d.severity} ${d.message}`)).toEqual([
      `ODG305 info ${SEC}auditData is abstract and has 392 subtypes, more than a slice brings along (200, as for an entity type): the slice keeps 1 of them (those it needs otherwise) and leaves out the others, whose values the validators check as their nearest kept base type; --include-derived keeps them`,
    ]);
    expect(result.slice?.why?.[0]?.answers[0]?.chain[0]?.reason).toBe(
      `not in the slice: a subtype of ${SEC}auditData, which is kept; ${SEC}auditData is abstract and has 392 subtypes, more than a slice brings along (200, as for an entity type), and the slice keeps only those it needs otherwise (--include-derived keeps them all); ` +
        `its values are checked as ${SEC}auditData, without the properties it adds (by the validators, and by checkerFor given its name), and typed as ${SEC}auditData with its @odata.type`,
    );
  });

  // As the audit log query API returns a record: auditData carries the record's own (dynamic) properties.
  const record = (auditData: object) => ({
    id: "8e1ba5b4-4ef6-4e6b-b5aa-3c5d43ec7e34",
    createdDateTime: "2024-05-02T09:16:53Z",
    operation: "Set-Mailbox",
    service: "Exchange",
    userPrincipalName: "adele@contoso.com",
    clientIp: "203.0.113.7",
    auditData,
  });

  test("a left-out subtype's value is valid, checked as auditData; the kept one is checked as itself", () => {
    const extra = { CreationTime: "2024-05-02T09:16:53", Operation: "MailItemsAccessed", RecordType: 50, Workload: "Exchange" };
    expect(validators.validateAuditLogRecord(record({ "@odata.type": `#${SEC}exchangeMailboxAuditRecord`, ...extra }))).toEqual({ valid: true, errors: [] });
    expect(validators.validateAuditLogRecord(record({ "@odata.type": `#${SEC}exchangeAdminAuditRecord`, ...extra }))).toEqual({ valid: true, errors: [] });
    // auditData's own property is still checked.
    const bad = validators.validateAuditLogRecord(record({ "@odata.type": `#${SEC}exchangeMailboxAuditRecord`, dynamicProperties: 5 }));
    expect(bad.errors.map((e) => e.path)).toEqual(["/auditData/dynamicProperties"]);
    expect(validators.validateAuditLogRecord(record({ "@odata.type": `#${SEC}exchangeMailboxAuditRecords` })).errors.map((e) => e.message)).toEqual([
      `#${SEC}exchangeMailboxAuditRecords is not ${SEC}auditData or one of its subtypes`,
    ]);
  });
});

/**
 * A slice that leaves out every subtype of an abstract type with more subtypes than it brings along
 * types a value of it as its `Any…` union all the same, of one member: the abstract type with the
 * names of its left-out concrete subtypes, as the full run's union names them, and as the
 * validators check it (a name that is none of them, and a complex value without `@odata.type`, are
 * refused by both).
 */
describe("an abstract type whose subtypes the slice all leaves out", () => {
  // m.entity is abstract with 205 subtypes, none on the route: a box's content and contained items are m.entitys.
  const BOX = [
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>',
    '<Schema Namespace="m" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>',
    ...Array.from({ length: 205 }, (_, i) => `<EntityType Name="t${i}" BaseType="m.entity">${i === 7 ? '<Property Name="p7" Type="Edm.Int32"/>' : ""}</EntityType>`),
    '<EntityType Name="box"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>',
    '<NavigationProperty Name="content" Type="m.entity"/><NavigationProperty Name="items" Type="Collection(m.entity)" ContainsTarget="true"/></EntityType>',
    '<EntityContainer Name="c"><EntitySet Name="boxes" EntityType="m.box"/></EntityContainer>',
    "</Schema></edmx:DataServices></edmx:Edmx>",
  ].join("\n");
  const runBox = (options: Omit<GenerateOptions, "inputs">) => generate({ inputs: [{ file: "box.xml", content: BOX }], ...options });
  const writeTo = (tag: string, files: ReadonlyMap<string, string>) => {
    const d = path.join(GENERATED, tag);
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
    for (const [name, content] of files) fs.writeFileSync(path.join(d, name), content);
    return d;
  };
  const complexDir = writeTo("slice-all-subtypes-left-out-complex", runComplex({ include: ["/logs/**"] }).files);
  const boxResult = runBox({ include: ["/boxes/**"] });
  const boxDir = writeTo("slice-all-subtypes-left-out-entity", boxResult.files);
  const readIn = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

  test("keeps none of them; the union has the abstract type with their names, and the property, guard and requests use it", () => {
    expect(keptComplex({ include: ["/logs/**"] })).toEqual(["a.activity", "a.log"]);
    const types = readIn(complexDir, "a.types.ts");
    const union = /export type AnyActivity =([\s\S]*?);\n/.exec(types)?.[1] ?? "";
    // A complex value must name its type, as the full run's union has it; only concrete subtypes.
    expect(union).toMatch(/^ Activity & \{\n {2}"@odata\.type":\n/);
    expect(union).toContain('"#a.r199"');
    expect(union).toContain('"#a.upload"');
    expect(union).not.toContain('"#a.file"');
    expect(types).toMatch(/data\?: AnyActivity \| null;/);
    expect(readIn(complexDir, "a.validators.ts")).toContain("export const isActivity: Guard<AnyActivity> =");

    expect([...boxResult.model.types.keys()].sort()).toEqual(["m.box", "m.entity"]);
    expect(/export type AnyEntity =([\s\S]*?);\n/.exec(readIn(boxDir, "m.types.ts"))?.[1]).toMatch(/^ Entity & \{\n {2}"@odata\.type"\?:\n/);
    const requests = readIn(boxDir, "m.requests.ts");
    expect(requests).toContain("export function boxContent(parent: rt.EntityRef<Box, null>): rt.EntityRef<AnyEntity, null> {");
    expect(requests).toContain("body: rt.WithType<rt.New<AnyEntity>>,");
  });

  test("the validators agree: a left-out subtype's name passes, another name and an untyped complex value do not", () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const complex: { validateLog(v: unknown): { valid: boolean } } = require(path.join(complexDir, "a.validators"));
    const box: { validateEntity(v: unknown): { valid: boolean } } = require(path.join(boxDir, "m.validators"));
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(complex.validateLog({ id: "l1", data: { "@odata.type": "#a.r12", operation: "x" } }).valid).toBe(true);
    expect(complex.validateLog({ id: "l1", data: { "@odata.type": "#a.nope", operation: "x" } }).valid).toBe(false);
    expect(complex.validateLog({ id: "l1", data: { operation: "x" } }).valid).toBe(false);
    expect(box.validateEntity({ "@odata.type": "#m.t7", id: "x", p7: "let through" }).valid).toBe(true);
    expect(box.validateEntity({ "@odata.type": "#m.nope", id: "x" }).valid).toBe(false);
  });

  test("a note (ODG305) says what the slice types their values as", () => {
    expect(runComplex({ include: ["/logs/**"] }).diagnostics.filter((d) => d.path === "a.activity").map((d) => d.message)).toEqual([
      "a.activity is abstract and has 205 subtypes, more than a slice brings along (200, as for an entity type): the slice keeps none of them (none is needed otherwise): the validators check their values as a.activity, and its Any… union types them as a.activity with their @odata.type; --include-derived keeps them",
    ]);
  });

  forEachCompiler((label, c) => {
    test(`${label}: the slices compile; a value without a left-out subtype's name does not, as the validators refuse it`, () => {
      const complex = runTscWithUse(c, complexDir, [
        'import type { AnyActivity, Log } from "./a.types.js";',
        'export const r12: Log = { id: "l1", data: { "@odata.type": "#a.r12", operation: "x" } };',
        "// @ts-expect-error a complex value of an abstract type names its subtype",
        'export const untyped: Log = { id: "l1", data: { operation: "x" } };',
        "// @ts-expect-error not a.activity's subtype",
        'export const nope: AnyActivity = { "@odata.type": "#a.nope" };',
      ]);
      expect(complex.output).toBe("");
      expect(complex.status).toBe(0);
      const entity = runTscWithUse(c, boxDir, [
        'import type * as rt from "./runtime.js";',
        'import { boxContent, boxes, getEntity } from "./m.requests.js";',
        "export async function content(client: rt.Client): Promise<unknown[]> {",
        '  const e = await getEntity(client, boxContent(boxes().byKey("b1")));',
        "  const out: unknown[] = [];",
        "  if (e === null) return out;",
        '  if (e["@odata.type"] === "#m.t7") out.push(e.id);',
        "  // @ts-expect-error not m.entity's subtype",
        '  if (e["@odata.type"] === "#m.nope") out.push(e.id);',
        "  return out;",
        "}",
      ]);
      expect(entity.output).toBe("");
      expect(entity.status).toBe(0);
    }, 240_000);
  });
});
