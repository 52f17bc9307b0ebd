// An operation's entity parameter is typed as a create's body (Graph's `sendMail` takes a message
// without its key; `conversationMember`'s `add` takes members of a subtype named in `@odata.type`,
// with a binding of that subtype's navigation property), checked by the real compiler.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const computed = `<Annotation Term="Org.OData.Core.V1.Computed" />`;
const XML = edmx(schema("Mail", `
  <EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <EntityType Name="message"><Key><PropertyRef Name="id" /></Key>
    <Property Name="id" Type="Edm.String" Nullable="false" />
    <Property Name="subject" Type="Edm.String" />
    <Property Name="sentDateTime" Type="Edm.DateTimeOffset">${computed}</Property>
  </EntityType>
  <EntityType Name="member" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="roles" Type="Collection(Edm.String)" Nullable="false" /></EntityType>
  <EntityType Name="userMember" BaseType="Mail.member"><NavigationProperty Name="user" Type="Mail.user" /></EntityType>
  <EntityType Name="guestMember" BaseType="Mail.member"><Property Name="email" Type="Edm.String" /></EntityType>
  <Action Name="sendMail" IsBound="true"><Parameter Name="bindingParameter" Type="Mail.user" /><Parameter Name="Message" Type="Mail.message" Nullable="false" /></Action>
  <Action Name="add" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(Mail.member)" /><Parameter Name="values" Type="Collection(Mail.member)" Nullable="false" /></Action>
  <EntityContainer Name="C"><EntitySet Name="users" EntityType="Mail.user" /><EntitySet Name="members" EntityType="Mail.member" /></EntityContainer>`));

const HEAD = `import type { Client } from "./runtime.js";
import { add, members, sendMail, users } from "./Mail.requests.js";
export async function use(client: Client): Promise<void> {`;

test("an entity parameter takes what a create's body takes: no key, no computed property, a subtype named with its bindings", () => {
  const dir = scratch();
  for (const [name, content] of generate({ inputs: [{ file: "mail.xml", content: XML }] }).files) fs.writeFileSync(path.join(dir, name), content);
  const lines = [
    `await sendMail(client, users().byKey("u"), { Message: { subject: "Meet for lunch?" } });`,
    `await sendMail(client, users().byKey("u"), { Message: { subject: "x", sentDateTime: "2024-01-01T00:00:00Z" } });`,
    `await add(client, members(), { values: [{ "@odata.type": "#Mail.userMember", roles: ["owner"], "user@odata.bind": "https://host/users('u')" }, { "@odata.type": "#Mail.guestMember", email: "a@b.c" }] });`,
    `await add(client, members(), { values: [{ roles: ["owner"] }] });`,
    `await add(client, members(), { values: [{ "@odata.type": "#Mail.guestMember", "user@odata.bind": "https://host/users('u')" }] });`,
  ];
  try {
    const messages = compileCases(anyCompiler(), dir, HEAD, lines);
    const said = (i: number) => (messages.get(i) ?? []).map((m) => m.text).join("");
    expect([0, 2].map(said)).toEqual(["", ""]);
    expect(said(1)).toMatch(/sentDateTime/);
    expect(said(3)).toMatch(/@odata\.type/);
    expect(said(4)).toMatch(/user@odata\.bind/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
