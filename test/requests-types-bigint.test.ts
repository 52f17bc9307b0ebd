// An Edm.Int64 or Edm.Decimal in a body or a parameter may be a bigint, which the runtime writes with
// all its digits (a JSON number; a string with ieee754Compatible; a literal in a URL): the types take
// it there, at every depth, and nowhere else (not for a String or a Double, and a read never holds
// one). Checked by the real compilers, TypeScript 5.9 and 7; what is sent: requests-big-numbers.test.ts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { edmx, schema } from "./helpers/csdl";
import { generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

const METADATA = edmx(
  schema(
    "b",
    `<TypeDefinition Name="Money" UnderlyingType="Edm.Decimal"/>
<ComplexType Name="quota"><Property Name="used" Type="Edm.Int64"/><Property Name="name" Type="Edm.String"/><Property Name="hist" Type="Collection(Edm.Int64)" Nullable="false"/></ComplexType>
<EntityType Name="drive"><Key><PropertyRef Name="id"/></Key>
  <Property Name="id" Type="Edm.Int64" Nullable="false"/>
  <Property Name="sizes" Type="Collection(Edm.Int64)" Nullable="false"/>
  <Property Name="size" Type="Edm.Int64" Nullable="false"/>
  <Property Name="price" Type="b.Money"/>
  <Property Name="ratio" Type="Edm.Double"/>
  <Property Name="quota" Type="b.quota"/>
  <Property Name="label" Type="Edm.String"/>
</EntityType>
<Function Name="bigger" IsBound="true"><Parameter Name="d" Type="b.drive"/><Parameter Name="than" Type="Edm.Int64" Nullable="false"/><Parameter Name="sizes" Type="Collection(Edm.Int64)" Nullable="false"/><Parameter Name="maybe" Type="Collection(Edm.Int64)"/><ReturnType Type="Edm.Boolean"/></Function>
<Action Name="grow" IsBound="true"><Parameter Name="d" Type="b.drive"/><Parameter Name="by" Type="b.Money" Nullable="false"/><Parameter Name="q" Type="b.quota"/></Action>
<EntityContainer Name="c"><EntitySet Name="drives" EntityType="b.drive"/></EntityContainer>`,
  ),
);

const HEAD = `import * as rt from "./runtime.js";
import { bigger, createDrive, drives, getDrive, grow, updateDrive } from "./b.requests.js";

declare const client: rt.Client;
const one = drives().byKey(1n);

export async function usage(): Promise<void> {`;

/** Lines that compile: bigints where an Int64 or a Decimal goes, beside numbers and strings. */
const TAKEN = [
  'await createDrive(client, drives(), { id: 1n, size: 9007199254740993n, price: 10n, sizes: [1n, "2", 3], quota: { used: 5n, name: "q", hist: [2n] } });',
  "await updateDrive(client, one, { size: 1n, quota: { used: 2n } });",
  'await updateDrive(client, one, { id: 1n, size: 1n, price: "1.5", ratio: 0.5, sizes: [4n], quota: { used: 3, hist: [5n] } }, { replace: true });',
  "await updateDrive(client, one, { sizes: [6n], quota: { hist: [7n] } });",
  'await bigger(client, one, { than: 5n, sizes: [1n, "2", 3], maybe: [1n, null] });',
  "await grow(client, one, { by: 7n, q: { used: 8n, hist: [9n] } });",
  // A read holds no bigint: what JSON.parse makes.
  "const size: number | string | undefined = (await getDrive(client, one)).size;",
  "void size;",
];

/** Lines refused: a bigint where no Int64 or Decimal goes. */
const REFUSED = [
  "await updateDrive(client, one, { label: 1n });",
  "await updateDrive(client, one, { ratio: 1n });",
  "await updateDrive(client, one, { quota: { name: 1n } });",
  "await bigger(client, one, { than: 5n, sizes: [null] });",
];

let dir = "";
let work = "";
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-bigint-"));
  fs.writeFileSync(path.join(work, "b.xml"), METADATA);
  dir = generateFixture(path.join(work, "b.xml"), "requests-types-bigint");
});
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

forEachCompiler((label, c) => {
  test(`${label}: a bigint goes where an Int64 or a Decimal does, in bodies, nested values and parameters; nowhere else`, () => {
    const messages = compileCases(c, dir, HEAD, [...TAKEN, ...REFUSED]);
    expect(TAKEN.map((_, i) => messages.get(i) ?? [])).toEqual(TAKEN.map(() => []));
    for (let i = TAKEN.length; i < TAKEN.length + REFUSED.length; i++) expect(messages.get(i)?.map((m) => m.text).join("\n")).toMatch(/'(bigint|null)' is not assignable/);
  });
});
