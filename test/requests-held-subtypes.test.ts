// Validation.DerivedTypeConstraint on navigation properties (test/fixtures/requests/held-subtypes.xml,
// as Graph's group members): the builder carries the only subtypes its values are of
// (`rt.HoldsOnly<…>`, handed on by `byKey`), and the list and get functions of the target type infer
// them (`rt.MayHold<H>`) and type what they read with those subtypes only (`rt.OneOfHeld`,
// `rt.SubtypeOfHeld`); an address without the term reads every subtype, as before. Both real
// compilers check it; over HTTP, the values come as the service sends them.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import {
  directoryObjects, getAnimal, getDirectoryObject, groupAnything, groupManager, groupMembers, groupOwners, groups, listAnimals,
  listDirectoryObjects, zooAnimals, zooCats, zoos,
} from "./Hs.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const group = groups().byKey("g");
  const members = await listDirectoryObjects(client, groupMembers(group));
  for (const m of members.value) {
    const type: "#Hs.user" | "#Hs.guest" | "#Hs.group" | undefined = m["@odata.type"];
    if (m["@odata.type"] === "#Hs.user") {
      const upn: string | null | undefined = m.upn;
      void upn;
    }
    // @ts-expect-error a group's members are users (guests among them) and groups only
    if (m["@odata.type"] === "#Hs.device") void m;
    void type;
  }
  // Without the term: every directory object, the base type's own values too (no @odata.type needed).
  const all = await listDirectoryObjects(client, directoryObjects());
  // @ts-expect-error any directory object
  const anyType: "#Hs.user" | "#Hs.guest" | "#Hs.group" | undefined = all.value[0]!["@odata.type"];
  void anyType;
  // A list allowing the declared type: not narrowed.
  const anything = await listDirectoryObjects(client, groupAnything(group));
  // @ts-expect-error the declared type's own values too
  const notNarrowed: "#Hs.user" | "#Hs.guest" | undefined = anything.value[0]!["@odata.type"];
  void notNarrowed;
  // byKey hands it on: a member read is a user, a guest or a group.
  const one = await getDirectoryObject(client, groupMembers(group).byKey("u1"));
  const oneType: "#Hs.user" | "#Hs.guest" | "#Hs.group" | undefined = one["@odata.type"];
  void oneType;
  // A single-valued navigation property: a user (or a guest), or null.
  const manager = await getDirectoryObject(client, groupManager(group));
  const managerType: "#Hs.user" | "#Hs.guest" | undefined = manager?.["@odata.type"];
  void managerType;
  // With restrictions beside it: listed narrowed, not deleted.
  const owners = await listDirectoryObjects(client, groupOwners(group), { select: ["id"], top: 5 });
  const ownerId: string | undefined = owners.value[0]?.id;
  void ownerId;
  // An abstract target: its subtypes, narrowed.
  const cats = await listAnimals(client, zooCats(zoos().byKey("z")));
  const lives: number | null | undefined = cats.value[0]?.lives;
  void lives;
  // @ts-expect-error only cats
  void cats.value[0]?.breed;
  const animals = await listAnimals(client, zooAnimals(zoos().byKey("z")));
  const kind: "#Hs.cat" | "#Hs.dog" | undefined = animals.value[0]?.["@odata.type"];
  void kind;
  const cat = await getAnimal(client, zooCats(zoos().byKey("z")).byKey("c"));
  const catType: "#Hs.cat" | undefined = cat["@odata.type"];
  void catType;
}
`;

// A create through such a builder (POST …/members) names one of its subtypes in `@odata.type`
// (`rt.SubtypeCreate` given `H`): the service makes no other type there. Before session 71 any compiled.
const CREATES = `
import * as rt from "./runtime.js";
import { createDirectoryObject, createGroup, directoryObjects, groupAnything, groupMembers, groupOwners, groups } from "./Hs.requests.js";
import type { Device, Group } from "./Hs.types.js";

declare const client: rt.Client;
declare const pick: boolean;
declare const device: Device;
declare const read: Group;

export async function usage(): Promise<void> {
  const group = groups().byKey("g");
  await createDirectoryObject(client, groupMembers(group), { "@odata.type": "#Hs.user", upn: "a@b" });
  await createDirectoryObject(client, groupMembers(group), { "@odata.type": "#Hs.guest", upn: "a@b", inviter: "c" });
  await createDirectoryObject(client, groupMembers(group), { "@odata.type": "#Hs.group", mail: "m" });
  // @ts-expect-error a device is no group member
  await createDirectoryObject(client, groupMembers(group), { "@odata.type": "#Hs.device", os: "x" });
  // @ts-expect-error nor is a plain directory object, which a body naming no subtype is
  await createDirectoryObject(client, groupMembers(group), { id: "d" });
  // @ts-expect-error owners are users only
  await createDirectoryObject(client, groupOwners(group), { "@odata.type": "#Hs.group", mail: "m" });
  // A body that may be of several types, each of them allowed (before session 71's review, one
  // allowed type among them was enough).
  const either = pick ? ({ "@odata.type": "#Hs.user", upn: "a@b" } as const) : ({ "@odata.type": "#Hs.guest", upn: "a@b", inviter: "c" } as const);
  await createDirectoryObject(client, groupMembers(group), either);
  const orDevice = pick ? ({ "@odata.type": "#Hs.user", upn: "a@b" } as const) : ({ "@odata.type": "#Hs.device", os: "x" } as const);
  // @ts-expect-error it may be a device
  await createDirectoryObject(client, groupMembers(group), orDevice);
  await createDirectoryObject(client, directoryObjects(), orDevice);
  // @ts-expect-error a device typed by its interface, in a variable, likewise
  await createDirectoryObject(client, groupMembers(group), device);
  // A group, an allowed subtype, typed by its read interface: as a plain create of a group takes it,
  // which refuses it for its members (directory objects that need not name an allowed type).
  // @ts-expect-error a member of no allowed type
  await createGroup(client, groups(), read);
  // @ts-expect-error likewise
  await createDirectoryObject(client, groupMembers(group), read);
  // @ts-expect-error likewise
  await createDirectoryObject(client, directoryObjects(), read);
  // Without its navigation properties, taken (as createGroup takes it).
  const { members, owners, manager, anything, ...plain } = read;
  void [members, owners, manager, anything];
  await createGroup(client, groups(), plain);
  await createDirectoryObject(client, groupMembers(group), plain);
  // Without the term, or where it allows the declared type: any, as before.
  await createDirectoryObject(client, directoryObjects(), { "@odata.type": "#Hs.device", os: "x" });
  await createDirectoryObject(client, directoryObjects(), { id: "d" });
  await createDirectoryObject(client, groupAnything(group), { id: "d" });
}
`;

/** The compiler's message refusing `name` where only `allowed` may be given (in either order). */
function notAllowed(name: string, allowed: string[]): RegExp {
  const ahead = allowed.map((a) => `(?=[^']*"${a}")`).join("");
  const names = `${ahead}"#[\\w.]+"( \\| "#[\\w.]+"){${allowed.length - 1}}`;
  return new RegExp(`error TS2322: Type '"${name.replace(/\./g, "\\.")}"' is not assignable to type '${names}'\\.$`, "m");
}

forEachCompiler((label, c) => {
  test(`${label}: a create through a builder whose metadata allows only some subtypes names one of them`, () => {
    const dir = generateFixture("requests/held-subtypes.xml", `held-subtypes-creates-${label.replace(/\W+/g, "")}`);
    const r = expectErrorsWhereMarked(c, dir, CREATES);
    expect(markedLines(CREATES)).toHaveLength(8);
    // A subtype not allowed there is refused for its @odata.type, the message naming those allowed
    // (before session 72: "Type 'string' is not assignable to type 'never'", on each property).
    const [device, , owner, , typed] = markedLines(CREATES);
    const at = (line: number) => r.output.split("\n").filter((l) => l.startsWith(`usage-bare.ts(${line},`));
    expect(at(device)).toEqual([expect.stringMatching(notAllowed("#Hs.device", ["#Hs.user", "#Hs.guest", "#Hs.group"]))]);
    expect(at(owner)).toEqual([expect.stringMatching(notAllowed("#Hs.group", ["#Hs.user", "#Hs.guest"]))]);
    // So is a value typed by the subtype's interface, whose `@odata.type` may be left out (before
    // session 73 its message ended at the body's `Annotations`: "Index signature for type … is missing").
    expect(r.output).toMatch(new RegExp(`^usage-bare\\.ts\\(${typed},.*\\n(  .*\\n)*?.*Type '"#Hs\\.device" \\| undefined' is not assignable to type '"#Hs\\.[a-z]+" \\| "#Hs\\.[a-z]+" \\| "#Hs\\.[a-z]+"'\\.$`, "m"));
    expect(r.output).not.toContain("'never'");
    // A group typed by its read interface is refused through the members' address as createGroup
    // and the set of directory objects refuse it: for its members, each of which must name an
    // allowed type (before session 74 the last two messages ended at the body's `Annotations`:
    // "Index signature for type '`${string}@d${string}.${string}`' is missing in type 'Group'").
    const [plainCreate, held, whole] = markedLines(CREATES).slice(5).map((line) => r.output.split(/\n(?! )/).filter((m) => m.startsWith(`usage-bare.ts(${line},`)));
    for (const m of [plainCreate, held, whole]) {
      expect(m).toHaveLength(1);
      expect(m[0]).toContain("Types of property 'members' are incompatible.");
      // A member is no declared type's entity (Validation.DerivedTypeConstraint leaves it out: session
      // 75), so the compiler ends at the entity reference it may be; before, at its `@odata.type`.
      expect(m[0].trimEnd().split("\n").slice(-1)[0]!.trim()).toMatch(/^Property '"@odata\.id"' is missing in type 'DirectoryObject' but required in type '\{ "@odata\.id": string; "@odata\.type"\?: "#Hs\.[a-z]+" \| "#Hs\.[a-z]+" \| "#Hs\.[a-z]+" \| undefined; \}'\.$/);
    }
    expect(r.output).not.toMatch(/Index signature for type '`\$\{string\}@/);
  });
});

forEachCompiler((label, c) => {
  test("a list or get through a builder whose metadata allows only some subtypes is typed with them only", () => {
    const dir = generateFixture("requests/held-subtypes.xml", `held-subtypes-${label.replace(/\W+/g, "")}`);
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(4);
  });
});

test("the builders carry rt.HoldsOnly, and only the target types' list and get infer it", () => {
  const file = path.join(FIXTURES, "requests", "held-subtypes.xml");
  const code = generate({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }).files.get("Hs.requests.ts")!;
  expect(code).toContain('): rt.CollectionRef<DirectoryObject, string, rt.HoldsOnly<"Hs.user" | "Hs.guest" | "Hs.group">> {');
  expect(code).toContain('): rt.CollectionRef<DirectoryObject, string, rt.NoDelete & rt.HoldsOnly<"Hs.user" | "Hs.guest">> {');
  expect(code).toContain('): rt.EntityRef<DirectoryObject, null, rt.HoldsOnly<"Hs.user" | "Hs.guest">> {');
  expect(code).toMatch(/export function groupAnything\([^)]*\): rt\.CollectionRef<DirectoryObject, string> \{/);
  expect(code).toContain("rt.OneOfHeld<DirectoryObject, \"Hs.directoryObject\", DirectoryObjectSubtypes, H>");
  expect(code).toContain("rt.SubtypeOfHeld<AnimalSubtypes, H>");
  // The group's own list takes no H: no builder narrows it.
  expect(code.slice(code.indexOf("export function listGroups<"), code.indexOf("{\n", code.indexOf("export function listGroups<")))).not.toContain("MayHold");
});

describe("over HTTP", () => {
  const dir = generateFixture("requests/held-subtypes.xml", "held-subtypes-http");
  type Api = typeof import("./.generated/held-subtypes-http/Hs.requests");
  type Runtime = typeof import("./.generated/held-subtypes-http/runtime");
  const api: Api = require(path.join(dir, "Hs.requests"));
  const rt: Runtime = require(path.join(dir, "runtime"));
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("the narrowed list reads the page the service sends, at the navigation property's URL", async () => {
    const value = [
      { "@odata.type": "#Hs.user", id: "u1", upn: "a@x" },
      { "@odata.type": "#Hs.group", id: "g2", mail: "g@x" },
    ];
    srv.handle(() => ({ body: { value } }));
    const page = await api.listDirectoryObjects(rt.createClient({ baseUrl: srv.url }), api.groupMembers(api.groups().byKey("g")));
    expect(page.value).toEqual(value);
    expect(srv.requests.at(-1)!.url).toBe("/groups('g')/members");
    const types = page.value.map((m) => m["@odata.type"]);
    expect(types).toEqual(["#Hs.user", "#Hs.group"]);
  });
});
