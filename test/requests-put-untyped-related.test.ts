// An entity typed by its interface goes back as a PATCH's body, but not as a PUT's or a create's
// where a related entity of an abstract type may leave out `@odata.type`: the interface's `Any…`
// union of an entity type's subtypes has it optional, and below the top of a PUT's or a create's
// body such an entity must name its type, as the validators' `replace` and `create` modes want
// (the service could not tell which type to make). Graph's `DriveItem` reaches one through its
// `createdByUser`'s `authentication.methods`. The compiler's message names the property; the same
// value with its related entities naming their types, or without them, is taken. Metadata of that
// shape, made here: an item whose owner holds methods of an abstract type.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ABSTRACT_ENTITY, edmx, schema } from "./helpers/csdl";
import { generateFixture } from "./helpers/generated";
import { BASE_OPTIONS, forEachCompiler, runTscCases } from "./helpers/typecheck";

const METADATA = edmx(
  schema(
    "h",
    `${ABSTRACT_ENTITY}
<EntityType Name="method" BaseType="h.entity" Abstract="true" />
<EntityType Name="emailMethod" BaseType="h.method"><Property Name="address" Type="Edm.String" /></EntityType>
<EntityType Name="phoneMethod" BaseType="h.method"><Property Name="number" Type="Edm.String" /></EntityType>
<EntityType Name="person" BaseType="h.entity">
  <Property Name="name" Type="Edm.String" />
  <NavigationProperty Name="methods" Type="Collection(h.method)" ContainsTarget="true" />
</EntityType>
<EntityType Name="item" BaseType="h.entity">
  <Property Name="title" Type="Edm.String" />
  <NavigationProperty Name="owner" Type="h.person" />
</EntityType>
<EntityContainer Name="Service"><EntitySet Name="items" EntityType="h.item" /></EntityContainer>`,
  ),
);

/** A program that writes an item typed by its interface: `lines`, one statement a line. */
function usage(lines: readonly string[]): string {
  return `import * as rt from "./runtime.js";
import { createItem, items, updateItem } from "./h.requests.js";
import type { EmailMethod, Item, Person } from "./h.types.js";

declare const client: rt.Client;
declare const item: Item;
declare const email: EmailMethod & { "@odata.type": "#h.emailMethod" };
const target = items().byKey("i");

export async function usage(): Promise<void> {
${lines.map((l) => `  ${l}`).join("\n")}
}
`;
}

let dir = "";
let work = "";
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-put-untyped-"));
  const file = path.join(work, "h.xml");
  fs.writeFileSync(file, METADATA);
  dir = generateFixture(file, "requests-put-untyped-related");
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

forEachCompiler((label, c) => {
  test(`${label}: an entity whose related entity of an abstract type may leave out @odata.type is refused as a PUT's and a create's body, naming the property; taken as a PATCH's, and with the types named`, () => {
    const refused = ["await updateItem(client, target, item, { replace: true });", "await createItem(client, items(), item);"];
    const taken = [
      "await updateItem(client, target, item);",
      "const { owner, ...own } = item;",
      "await updateItem(client, target, own, { replace: true });",
      "await createItem(client, items(), own);",
      "const named: Item & { owner?: Person & { methods?: (typeof email)[] } } = { ...own, owner: { id: \"p\", methods: [email] } };",
      "await updateItem(client, target, named, { replace: true });",
      "await createItem(client, items(), named);",
    ];
    const results = runTscCases(c, [...refused.map((l) => ({ from: [dir], usage: usage([l]) })), { from: [dir], usage: usage(taken) }], BASE_OPTIONS);
    for (const r of results.slice(0, 2)) {
      expect(r.status).not.toBe(0);
      expect(r.output).toContain("Types of property 'owner' are incompatible");
      expect(r.output).toContain("Types of property 'methods' are incompatible");
    }
    expect(results[2].output).toBe("");
  });
});

test("the validators refuse that value as a PUT's and a create's body, and take it as a PATCH's or with the type named", () => {
  const v = require(path.join(dir, "h.validators")) as { validateItem: (x: unknown, o: object) => { errors: readonly { path: string }[] } };
  const item = { id: "i", title: "t", owner: { id: "p", name: "n", methods: [{ id: "m", address: "a@b" }] } };
  const paths = (mode: string, x: unknown) => v.validateItem(x, { mode }).errors.map((e) => e.path);
  expect(paths("replace", item)).toEqual(["/owner/methods/0"]);
  expect(paths("create", item)).toEqual(["/owner/methods/0"]);
  expect(paths("update", item)).toEqual([]);
  const named = { ...item, owner: { ...item.owner, methods: [{ "@odata.type": "#h.emailMethod", ...item.owner.methods[0] }] } };
  expect(paths("replace", named)).toEqual([]);
  expect(paths("create", named)).toEqual([]);
});
