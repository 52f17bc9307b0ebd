// An entity nested in a body (a deep insert, a PATCH's or a PUT's related entity) through a
// navigation property whose Validation.DerivedTypeConstraint allows only some subtypes of its concrete
// type is one of those subtypes, named by `@odata.type` (JSON Format §4.5.3), with that subtype's own
// properties: the `rt.Nav` carries the allowed part of the type's `…SubtypeBodies` map
// (`Pick<PersonSubtypeBodies, "Held.Employee" | "Held.Intern">`). A body compiles where the
// validator's mode accepts it, single- and collection-valued, with and without a constraint, and a
// property of no allowed subtype, of the wrong type, or without its subtype's `@odata.type` is
// refused by both. The declared type is not allowed: a create's or a PUT's entity without
// `@odata.type`, or naming a left-out type with the declared type's properties alone, is refused by
// both; a PATCH's is the entity the service has (its type known), an entity reference too. Also the fixture whose `alert/owner` (across two schemas, by alias) first showed
// it, and the service with an open Person (as Graph's directoryObject), whose index signature took a
// subtype's property of the wrong type. Checked by the real compilers (TypeScript 5.9 and 7).
import * as fs from "node:fs";
import * as path from "node:path";
import { writeGenerated } from "./helpers/generated";
import { compileCaseGroups, forEachCompiler, type Compiler } from "./helpers/typecheck";
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";
import { FIXTURES_DIR } from "./helpers/fixtures";

const EMPLOYEES = `<Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>Held.Employee</String></Collection></Annotation>`;
const XML = edmx(
  schema(
    "Held",
    `<EntityType Name="Team">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <NavigationProperty Name="lead" Type="Held.Person">${EMPLOYEES}</NavigationProperty>
      <NavigationProperty Name="staff" Type="Collection(Held.Person)">${EMPLOYEES}</NavigationProperty>
      <NavigationProperty Name="visitors" Type="Collection(Held.Person)"/>
      <Property Name="pass" Type="Held.Pass"><Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint"><Collection><String>Held.PhotoPass</String></Collection></Annotation></Property>
    </EntityType>
    <ComplexType Name="Pass"><Property Name="code" Type="Edm.String"/></ComplexType>
    <ComplexType Name="PhotoPass" BaseType="Held.Pass"><Property Name="photo" Type="Edm.String"/></ComplexType>
    <EntityType Name="Person">
      <Key><PropertyRef Name="id"/></Key>
      <Property Name="id" Type="Edm.String" Nullable="false"/>
      <Property Name="name" Type="Edm.String"/>
    </EntityType>
    <EntityType Name="Employee" BaseType="Held.Person">
      <Property Name="badge" Type="Edm.Int32"/>
    </EntityType>
    <EntityType Name="Intern" BaseType="Held.Employee">
      <Property Name="school" Type="Edm.String"/>
    </EntityType>
    <EntityType Name="Contractor" BaseType="Held.Person">
      <Property Name="agency" Type="Edm.String"/>
    </EntityType>
    <EntityContainer Name="C">
      <EntitySet Name="Teams" EntityType="Held.Team"><NavigationPropertyBinding Path="lead" Target="People"/><NavigationPropertyBinding Path="staff" Target="People"/><NavigationPropertyBinding Path="visitors" Target="People"/></EntitySet>
      <EntitySet Name="People" EntityType="Held.Person"/>
    </EntityContainer>`,
  ),
);

type Mode = "create" | "update" | "replace";
interface Case {
  what: string;
  mode: Mode;
  body: Record<string, unknown>;
  /** Where the validator refuses the body, the path of its error; the compiler must refuse it too. */
  error?: string;
}

const employee = (more: Record<string, unknown>) => ({ "@odata.type": "#Held.Employee", ...more });
const intern = (more: Record<string, unknown>) => ({ "@odata.type": "#Held.Intern", ...more });
const CASES: Case[] = [
  { what: "a single-valued deep insert of the allowed subtype with its own property", mode: "create", body: { lead: employee({ name: "e", badge: 7 }) } },
  { what: "a collection-valued one, of the subtype and of its subtype", mode: "create", body: { staff: [employee({ badge: 7 }), intern({ badge: 8, school: "s" })] } },
  { what: "the subtype's property of the wrong type", mode: "create", body: { lead: employee({ badge: "7" }) }, error: "/lead/badge" },
  { what: "its subtype's property on the subtype", mode: "create", body: { staff: [employee({ school: "s" })] }, error: "/staff/0/school" },
  { what: "a left-out subtype's property on the allowed one", mode: "create", body: { lead: employee({ agency: "a" }) }, error: "/lead/agency" },
  { what: "a left-out subtype with its own property", mode: "create", body: { staff: [{ "@odata.type": "#Held.Contractor", agency: "a" }] }, error: "/staff/0/@odata.type" },
  { what: "the subtype's property without its @odata.type", mode: "create", body: { staff: [{ badge: 7 }] }, error: "/staff/0" },
  { what: "without a constraint, any subtype", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Contractor", agency: "a" }, employee({ badge: 7 })] } },
  { what: "a PATCH's related entity of the allowed subtype", mode: "update", body: { lead: employee({ badge: 7 }), staff: [intern({ school: "s" })] } },
  { what: "a PATCH's related entity of the declared type's properties alone", mode: "update", body: { lead: { name: "n" } } },
  { what: "a PATCH's subtype's property without its @odata.type", mode: "update", body: { lead: { badge: 7 } }, error: "/lead/badge" },
  { what: "a PATCH's of the wrong type", mode: "update", body: { staff: [intern({ school: 1 })] }, error: "/staff/0/school" },
  { what: "a PUT's related entity of the allowed subtype", mode: "replace", body: { staff: [employee({ id: "e", name: "e", badge: 7 })] } },
  { what: "a PUT's of the wrong type", mode: "replace", body: { lead: employee({ id: "e", badge: [] }) }, error: "/lead/badge" },
  // Without @odata.type, a create's or a PUT's entity is of the declared type, which the constraint leaves out.
  { what: "a deep insert of the declared type's properties alone", mode: "create", body: { lead: { name: "n" } }, error: "/lead" },
  { what: "a collection's deep insert without @odata.type", mode: "create", body: { staff: [employee({ badge: 7 }), { name: "n" }] }, error: "/staff/1" },
  { what: "a PUT's related entity without @odata.type", mode: "replace", body: { lead: { id: "p", name: "n" } }, error: "/lead" },
  { what: "a left-out subtype named with the declared type's properties alone", mode: "create", body: { staff: [{ "@odata.type": "#Held.Contractor", name: "c" }] }, error: "/staff/0/@odata.type" },
  { what: "the declared type named", mode: "create", body: { lead: { "@odata.type": "#Held.Person", name: "p" } }, error: "/lead/@odata.type" },
  { what: "a PUT's left-out subtype named with the declared type's properties alone", mode: "replace", body: { lead: { "@odata.type": "#Held.Contractor", id: "c" } }, error: "/lead/@odata.type" },
  { what: "an entity reference, whose entity has its type already", mode: "create", body: { lead: { "@odata.id": "People('p')" }, staff: [{ "@odata.id": "People('q')" }] } },
  { what: "a PUT's entity reference", mode: "replace", body: { lead: { "@odata.id": "People('p')" } } },
  { what: "without a constraint, the declared type's entity", mode: "create", body: { visitors: [{ name: "v" }] } },
];

// The same service with an open Person (as Graph's directoryObject, whose subtypes a group's members are):
// the declared type's entity takes any property through its index signature. One that names a subtype
// is that subtype's, its own properties typed; one naming none may hold a subtype's property's name as
// a dynamic property, of any value, as the validator takes it.
// Its Employee has a navigation property of its own, whose binding the declared type's entity may not hold.
const OPEN_XML = XML.replace('<EntityType Name="Person">', '<EntityType Name="Person" OpenType="true">').replace(
  '<Property Name="badge" Type="Edm.Int32"/>',
  '<Property Name="badge" Type="Edm.Int32"/><NavigationProperty Name="mentor" Type="Held.Person"/>',
);
const OPEN_CASES: Case[] = [
  { what: "a deep insert naming the subtype, its property of the wrong type", mode: "create", body: { visitors: [employee({ badge: "7" })] }, error: "/visitors/0/badge" },
  { what: "through the constraint too", mode: "create", body: { lead: employee({ badge: "7" }) }, error: "/lead/badge" },
  { what: "another subtype's property of the wrong type", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Contractor", agency: 1 }] }, error: "/visitors/0/agency" },
  { what: "a PATCH's related entity so", mode: "update", body: { visitors: [employee({ badge: [] })] }, error: "/visitors/0/badge" },
  { what: "a PATCH's through the constraint", mode: "update", body: { lead: intern({ school: 1 }) }, error: "/lead/school" },
  { what: "a PUT's related entity so", mode: "replace", body: { visitors: [employee({ id: "e", badge: "7" })] }, error: "/visitors/0/badge" },
  { what: "the subtype named, its property of the right type", mode: "create", body: { visitors: [employee({ badge: 7, nick: "n" })], lead: intern({ school: "s" }) } },
  { what: "a PATCH's so", mode: "update", body: { lead: employee({ badge: 7 }), visitors: [{ "@odata.type": "#Held.Contractor", agency: "a" }] } },
  { what: "a subtype's property name on another, open subtype (a dynamic property)", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Contractor", badge: "b" }] } },
  { what: "the declared type's entity naming no type, with dynamic properties", mode: "create", body: { visitors: [{ name: "v", nick: "n", badge: "b" }] } },
  { what: "the declared type's entity naming its type, with dynamic properties", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Person", nick: "n" }] } },
  { what: "a PATCH's related entity naming no type, with dynamic properties", mode: "update", body: { lead: { name: "n", badge: "b" }, visitors: [{ nick: 1 }] } },
  { what: "a PUT's entity reference", mode: "replace", body: { lead: { "@odata.id": "People('p')" }, visitors: [{ "@odata.id": "People('q')" }] } },
  // Naming the declared type is as naming none: a subtype's property name there is a dynamic property.
  { what: "the declared type's entity naming its type, a subtype's property name as a dynamic property", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Person", badge: "b" }] } },
  { what: "a PATCH's related entity naming its type, a subtype's property name as a dynamic property", mode: "update", body: { visitors: [{ "@odata.type": "#Held.Person", school: 1 }] } },
  { what: "a PUT's related entity naming its type, a subtype's property name as a dynamic property", mode: "replace", body: { visitors: [{ "@odata.type": "#Held.Person", id: "p", badge: "b" }] } },
  { what: "naming its type, its own property of the wrong type", mode: "create", body: { visitors: [{ "@odata.type": "#Held.Person", name: 1 }] }, error: "/visitors/0/name" },
  // A subtype's navigation property's binding is no dynamic property: the declared type has no such navigation property.
  { what: "the declared type's entity naming no type, binding a subtype's navigation property", mode: "create", body: { visitors: [{ name: "v", "mentor@odata.bind": "People('p')" }] }, error: "/visitors/0/mentor@odata.bind" },
  { what: "a PATCH's related entity naming no type, binding a subtype's navigation property", mode: "update", body: { visitors: [{ "mentor@odata.bind": "People('p')" }] }, error: "/visitors/0/mentor@odata.bind" },
  { what: "naming the subtype, binding its navigation property", mode: "create", body: { visitors: [employee({ "mentor@odata.bind": "People('p')" })] } },
];

function call(c: Case): string {
  const body = JSON.stringify(c.body);
  if (c.mode === "create") return `await createTeam(client, teams(), ${body});`;
  return `await updateTeam(client, one, ${body}${c.mode === "replace" ? ", { replace: true }" : ""});`;
}

const HEAD = `import * as rt from "./runtime.js";
import { createTeam, teams, updateTeam } from "./Held.requests.js";
import type { Team } from "./Held.types.js";

declare const client: rt.Client;
declare const team: Team;
const one = teams().byKey("t");

export async function usage(): Promise<void> {`;
// A value typed by the read interface still fits a PATCH, as it did; a create without related entities too.
const TYPED = ["await updateTeam(client, one, team);", "await createTeam(client, teams(), { id: team.id });"];
// Of the open Person: a related entity typed by its read interface, whose @odata.type is any `#${string}`.
const OPEN_TYPED = "await updateTeam(client, one, { lead: team.lead ?? null, visitors: team.visitors ?? [] });";

// The fixture's alert/owner: Sec.Model.alert's owner, a Base.Model.person limited to Base.Model.employee.
const ALERT_HEAD = `import * as rt from "./runtime.js";
import { alerts, createAlert, updateAlert } from "./Sec.Model.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {`;
const ALERT_CASES: { mode: Mode; body: Record<string, unknown>; error?: string }[] = [
  { mode: "create", body: { owner: { "@odata.type": "#Base.Model.employee", name: "n", badge: 7 } } },
  { mode: "update", body: { owner: { "@odata.type": "#Base.Model.employee", badge: 7 } } },
  { mode: "create", body: { owner: { "@odata.type": "#Base.Model.contractor", agency: "a" } }, error: "/owner/@odata.type" },
  { mode: "create", body: { owner: { "@odata.type": "#Base.Model.employee", badge: "7" } }, error: "/owner/badge" },
  // A person, which the constraint leaves out: without @odata.type, or named so; in a PATCH, the person the service has.
  { mode: "create", body: { owner: { name: "n" } }, error: "/owner" },
  { mode: "create", body: { owner: { "@odata.type": "#Base.Model.person", name: "n" } }, error: "/owner/@odata.type" },
  { mode: "create", body: { owner: { "@odata.type": "#Base.Model.contractor", name: "n" } }, error: "/owner/@odata.type" },
  { mode: "replace", body: { owner: { id: "p", name: "n" } }, error: "/owner" },
  { mode: "update", body: { owner: { name: "n" } } },
];
const ALERT_LINES = ALERT_CASES.map((c) =>
  c.mode === "create"
    ? `await createAlert(client, alerts(), ${JSON.stringify(c.body)});`
    : `await updateAlert(client, alerts().byKey("a"), ${JSON.stringify(c.body)}${c.mode === "replace" ? ", { replace: true }" : ""});`,
);

let out = "";
let openOut = "";
let alertDir = "";
beforeAll(() => {
  out = writeGenerated("held-subtype-bodies", generate({ inputs: [{ file: "held.xml", content: XML }] }).files);
  openOut = writeGenerated("held-subtype-bodies-open", generate({ inputs: [{ file: "held.xml", content: OPEN_XML }] }).files);
  const fixture = path.join(FIXTURES_DIR, "requests", "alias-types.xml");
  alertDir = writeGenerated("held-subtype-bodies-alias", generate({ inputs: [{ file: "alias-types.xml", content: fs.readFileSync(fixture, "utf8") }] }).files);
});

/** Per compiler, one program: per group, its messages by line. */
const compiled = new Map<Compiler, Map<number, string>[]>();
function compile(c: Compiler): Map<number, string>[] {
  let r = compiled.get(c);
  if (!r) {
    const groups: [string, string, string[]][] = [
      [out, HEAD, CASES.map(call)],
      [out, HEAD, TYPED],
      [alertDir, ALERT_HEAD, ALERT_LINES],
      [openOut, HEAD, OPEN_CASES.map(call)],
      [openOut, HEAD, [...TYPED, OPEN_TYPED]],
    ];
    r = compileCaseGroups(c, groups.map(([dir, head, lines]) => ({ dir, head, lines }))).map((byLine) => new Map([...byLine].map(([line, m]) => [line, m.map((x) => x.text).join("")])));
    compiled.set(c, r);
  }
  return r;
}

type Validate = (x: unknown, o: object) => { errors: { path: string }[] };

/** The error paths of `validateTeam` in the output `dir` for a case's body, in its mode. */
function validated(dir: string, c: Case): string[] {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(dir, "Held.validators")) as { validateTeam: Validate };
  return v.validateTeam(c.body, { mode: c.mode }).errors.map((e) => e.path);
}

test.each(CASES.map((c) => [c.what, c] as const))("the validator: %s", (_what, c) => {
  expect(validated(out, c)).toEqual(c.error ? [c.error] : []);
});

test.each(OPEN_CASES.map((c) => [c.what, c] as const))("the validator, of an open type: %s", (_what, c) => {
  expect(validated(openOut, c)).toEqual(c.error ? [c.error] : []);
});

test("the fixture's validator takes an employee's badge in alert/owner, and refuses a contractor there", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(alertDir, "Sec.Model.validators")) as { validateAlert: Validate };
  expect(ALERT_CASES.map((c) => v.validateAlert(c.body, { mode: c.mode }).errors.map((e) => e.path))).toEqual(ALERT_CASES.map((c) => (c.error ? [c.error] : [])));
});

test("a read's related entity without @odata.type is of the declared type, which the constraint leaves out (JSON Format §4.5.3); a PATCH's is the entity the service has", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(out, "Held.validators")) as { validateTeam: Validate };
  const messages = (body: object, mode: Mode | "read") => v.validateTeam({ id: "t", ...body }, { mode }).errors.map((e) => `${e.path}: ${(e as { message?: string }).message}`);
  expect(messages({ lead: { id: "p", name: "n" }, staff: [{ "@odata.type": "#Held.Intern", id: "i" }, { id: "q" }] }, "read")).toEqual([
    "/lead: without @odata.type the value is a Held.Person, which its Validation.DerivedTypeConstraint leaves out: name one of Held.Employee, Held.Intern",
    "/staff/1: without @odata.type the value is a Held.Person, which its Validation.DerivedTypeConstraint leaves out: name one of Held.Employee, Held.Intern",
  ]);
  expect(messages({ lead: employee({ id: "e" }), visitors: [{ id: "v" }] }, "read")).toEqual([]);
  expect(messages({ lead: { name: "n" }, staff: [{ name: "m" }] }, "update")).toEqual([]);
});

test("a complex property's value without @odata.type is of the declared type too: refused in a create, a PUT and a read, not in a PATCH (merged into the value the service has)", () => {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const v = require(path.join(out, "Held.validators")) as { validateTeam: Validate };
  const paths = (pass: object, mode: Mode | "read") => v.validateTeam({ id: "t", pass }, { mode }).errors.map((e) => e.path);
  expect((["create", "replace", "read", "update"] as const).map((m) => paths({ code: "c" }, m))).toEqual([["/pass"], ["/pass"], ["/pass"], []]);
  expect(paths({ "@odata.type": "#Held.PhotoPass", code: "c", photo: "p" }, "create")).toEqual([]);
});

test("the navigation properties to a person carry the subtypes their constraint allows, or all", () => {
  const requests = fs.readFileSync(path.join(out, "Held.requests.ts"), "utf8");
  expect(requests).toMatch(/lead: rt\.Nav<[^;]*,\s*PersonNavigation,\s*Pick<PersonSubtypeBodies, "Held\.Employee" \| "Held\.Intern">,\s*false\s*>;/);
  expect(requests).toMatch(/visitors: rt\.Nav<[^;]*,\s*PersonNavigation,\s*PersonSubtypeBodies\s*>;/);
});

forEachCompiler((label, c) => {
  test(`${label}: a body compiles exactly when the validator accepts it`, () => {
    const errors = compile(c)[0]!;
    expect(CASES.map((x, i) => [x.what, errors.has(i) ? "refused" : "compiles"])).toEqual(CASES.map((x) => [x.what, x.error ? "refused" : "compiles"]));
  });

  test(`${label}: a value typed by the read interface still fits`, () => {
    expect([...compile(c)[1]!]).toEqual([]);
  });

  test(`${label}: of an open type, a body compiles exactly when the validator accepts it; a value typed by the read interface still fits`, () => {
    const errors = compile(c)[3]!;
    expect(OPEN_CASES.map((x, i) => [x.what, errors.has(i) ? "refused" : "compiles"])).toEqual(OPEN_CASES.map((x) => [x.what, x.error ? "refused" : "compiles"]));
    expect([...compile(c)[4]!]).toEqual([]);
  });

  test(`${label}: the fixture's alert/owner takes an employee's badge, and refuses a contractor or a person, naming the employee`, () => {
    const errors = compile(c)[2]!;
    expect([...errors.keys()]).toEqual(ALERT_CASES.flatMap((x, i) => (x.error ? [i] : [])));
    expect(errors.get(2)).toContain(`'"#Base.Model.contractor"' is not assignable to type '"#Base.Model.employee"'`);
    expect(errors.get(5)).toContain(`'"#Base.Model.person"' is not assignable to type '"#Base.Model.employee"'`);
    expect(errors.get(3)).toContain("badge");
  });
});
