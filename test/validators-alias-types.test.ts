/**
 * `@odata.type` naming a type by its schema's alias (JSON Format §4.5.3: the namespace- or
 * alias-qualified name), as Graph's schemas declare five (`graph` for `microsoft.graph`, `self` for
 * `microsoft.graph.security`, a legal SimpleIdentifier): the validators take it wherever they take
 * the namespace-qualified name (a subtype chosen by it, across namespaces, a derived type in a
 * collection, a deep insert, a DerivedTypeConstraint, a delta page, 4.01's `@type`) and refuse an
 * alias the document does not declare, or one of another namespace; the guards keep to the `#ns.T`
 * form the types declare. The request functions' body types take only `#ns.T` (README, "Write
 * bodies: create, update, replace", which says why): the last test pins that with the real
 * compiler, so that a change to it is made on purpose. On test/fixtures/requests/alias-types.xml (`Sec.Model` is `self`, `Base.Model` `base`).
 */
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

const dir = generateFixture("requests/alias-types.xml", "alias-types");
/* eslint-disable @typescript-eslint/no-require-imports */
const sec: typeof import("./.generated/alias-types/Sec.Model.validators") = require(path.join(dir, "Sec.Model.validators"));
const base: typeof import("./.generated/alias-types/Base.Model.validators") = require(path.join(dir, "Base.Model.validators"));
const vr: typeof import("./.generated/alias-types/validation") = require(path.join(dir, "validation"));
const checkers: typeof import("./.generated/alias-types/checkers") = require(path.join(dir, "checkers"));

const errors = (r: { errors: readonly { path: string; message: string }[] }) => r.errors.map((e) => [e.path, e.message]);

describe("validators: a type named by its schema's alias", () => {
  test("the service knows the aliases, self among them; checkerFor finds a type by either name", () => {
    expect(checkers.SERVICE.aliases).toEqual({ base: "Base.Model", self: "Sec.Model" });
    expect(checkers.checkerFor("#self.userEvidence")).toBe(sec.checkUserEvidence);
    expect(checkers.checkerFor("#base.employee")).toBe(checkers.checkerFor("#Base.Model.employee"));
    expect(checkers.checkerFor("#sec.userEvidence")).toBeUndefined();
  });

  test("an abstract type's subtype is chosen by it, and checked as that subtype", () => {
    expect(errors(sec.validateEvidence({ "@odata.type": "#self.userEvidence", id: "e", account: "a" }))).toEqual([]);
    expect(errors(sec.validateEvidence({ "@odata.type": "#self.fileEvidence", id: "e", size: "big" }))).toEqual([["/size", 'expected Edm.Int32, got "big"']]);
    // 4.01's @type, in a read.
    expect(errors(sec.validateEvidence({ "@type": "#self.fileEvidence", id: "e", size: "big" }))).toEqual([["/size", 'expected Edm.Int32, got "big"']]);
  });

  test("a concrete type's subtype, named by its own schema's alias (across namespaces: alert.owner, below)", () => {
    expect(errors(base.validatePerson({ "@odata.type": "#base.employee", id: "p", badge: 7 }))).toEqual([]);
    expect(errors(base.validatePerson({ "@odata.type": "#base.employee", id: "p", badge: "7" }))).toEqual([["/badge", 'expected Edm.Int32, got "7"']]);
  });

  test("a derived complex type in a collection, a deep insert, a DerivedTypeConstraint", () => {
    const alert = { id: "a", tags: [{ "@odata.type": "#self.colourTag", name: "n", colour: 3 }], evidence: [{ "@odata.type": "#self.userEvidence", id: "e", account: 1 }], owner: { "@odata.type": "#base.employee", id: "p", badge: "x" } };
    const found = [
      ["/tags/0/colour", "expected Edm.String, got number 3"],
      ["/evidence/0/account", "expected Edm.String, got number 1"],
      ["/owner/badge", 'expected Edm.Int32, got "x"'],
    ];
    expect(errors(sec.validateAlert(alert))).toEqual(found);
    expect(errors(sec.validateAlert(alert, { mode: "create" }))).toEqual(found);
    expect(errors(sec.validateAlert({ id: "a", owner: { "@odata.type": "#base.contractor", id: "p" } }, { mode: "create" }))).toEqual([
      ["/owner/@odata.type", "#base.contractor is not one of the types its Validation.DerivedTypeConstraint allows (Base.Model.employee)"],
    ]);
  });

  test("a delta page's entries, a deleted one too", () => {
    const page = { "@odata.context": "$metadata#alerts/$delta", value: [{ "@odata.type": "#self.userEvidence", id: "e", account: 2 }, { "@odata.type": "#self.fileEvidence", id: "f", "@removed": { reason: "deleted" } }] };
    expect(errors(vr.validateCollection(sec.checkEvidence, page))).toEqual([["/value/0/account", "expected Edm.String, got number 2"]]);
  });

  test("an alias the document does not declare, or of another namespace, is refused", () => {
    expect(errors(sec.validateEvidence({ "@odata.type": "#sec.userEvidence", id: "e" }))).toEqual([["/@odata.type", "#sec.userEvidence is not Sec.Model.evidence or one of its subtypes"]]);
    expect(errors(sec.validateEvidence({ "@odata.type": "#base.userEvidence", id: "e" }))).toEqual([["/@odata.type", "#base.userEvidence is not Sec.Model.evidence or one of its subtypes"]]);
    // A schema's alias stands for its namespace alone, not for the start of a longer one.
    expect(errors(sec.validateEvidence({ "@odata.type": "#self.Model.userEvidence", id: "e" }))).toEqual([["/@odata.type", "#self.Model.userEvidence is not Sec.Model.evidence or one of its subtypes"]]);
    expect(errors(sec.validateAlert({ id: "a", tags: [{ "@odata.type": "#Self.colourTag" }] }))).toEqual([["/tags/0/@odata.type", "#Self.colourTag is not Sec.Model.tag or one of its subtypes"]]);
  });

  test("a guard takes the #ns.T form its type declares, not the alias's", () => {
    expect(sec.isEvidence({ "@odata.type": "#Sec.Model.userEvidence", id: "e" })).toBe(true);
    expect(sec.isEvidence({ "@odata.type": "#self.userEvidence", id: "e" })).toBe(false);
  });
});

const HEAD = `import * as rt from "./runtime.js";
import { alertEvidence, alerts, createAlert, createEvidence, people, updateAlert } from "./Sec.Model.requests.js";
import { createPerson } from "./Base.Model.requests.js";

declare const client: rt.Client;
const alert = alerts().byKey("a");

export async function usage(): Promise<void> {`;

/** [what, call, verdict]: each alias form beside its namespace form. */
const CASES: [string, string, "compiles" | "refused"][] = [
  ["an abstract type's create, by namespace", `createEvidence(client, alertEvidence(alert), { "@odata.type": "#Sec.Model.userEvidence", account: "a" })`, "compiles"],
  ["  by alias", `createEvidence(client, alertEvidence(alert), { "@odata.type": "#self.userEvidence", account: "a" })`, "refused"],
  ["a concrete type's subtype, by namespace", `createPerson(client, people(), { "@odata.type": "#Base.Model.employee", badge: 1 })`, "compiles"],
  ["  by alias", `createPerson(client, people(), { "@odata.type": "#base.employee", badge: 1 })`, "refused"],
  ["a derived complex value in a collection, by namespace", `createAlert(client, alerts(), { tags: [{ "@odata.type": "#Sec.Model.colourTag", colour: "red" }] })`, "compiles"],
  ["  by alias", `createAlert(client, alerts(), { tags: [{ "@odata.type": "#self.colourTag", colour: "red" }] })`, "refused"],
  ["a deep insert, by namespace", `createAlert(client, alerts(), { evidence: [{ "@odata.type": "#Sec.Model.fileEvidence", size: 1 }] })`, "compiles"],
  ["  by alias", `createAlert(client, alerts(), { evidence: [{ "@odata.type": "#self.fileEvidence", size: 1 }] })`, "refused"],
  ["a PATCH's related entity, by namespace", `updateAlert(client, alert, { evidence: [{ "@odata.type": "#Sec.Model.fileEvidence", size: 2 }] })`, "compiles"],
  ["  by alias", `updateAlert(client, alert, { evidence: [{ "@odata.type": "#self.fileEvidence", size: 2 }] })`, "refused"],
];

forEachCompiler((label, c) => {
  test(`${label}: the body types take #ns.T, not the alias's #alias.T`, () => {
    const found = compileCases(c, dir, HEAD, CASES.map(([, call]) => `await ${call};`));
    expect(CASES.map(([what], i) => [what, found.has(i) ? "refused" : "compiles"])).toEqual(CASES.map(([what, , verdict]) => [what, verdict]));
  });
});
