/**
 * `--why` on an overloaded operation (one name, bound to several types): each overload is answered
 * on its own, named by what it is bound to, so that the one bound to a type of the slice is not hidden
 * behind another's answer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { runCli, scratch } from "./helpers/cli";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  ${keyed("user", `<NavigationProperty Name="messages" Type="Collection(t.message)" ContainsTarget="true"/>`)}
  ${keyed("message", `<NavigationProperty Name="attachments" Type="Collection(t.attachment)" ContainsTarget="true"/>`)}
  ${keyed("attachment")}
  ${keyed("post")}
  <Action Name="reply" IsBound="true"><Parameter Name="it" Type="t.post"/><Parameter Name="text" Type="Edm.String"/></Action>
  <Action Name="reply" IsBound="true"><Parameter Name="it" Type="t.message"/><Parameter Name="text" Type="Edm.String"/></Action>
  <Function Name="delta" IsBound="true"><Parameter Name="it" Type="Collection(t.message)"/><ReturnType Type="Collection(t.message)"/></Function>
  <Function Name="delta" IsBound="true"><Parameter Name="it" Type="Collection(t.post)"/><ReturnType Type="Collection(t.post)"/></Function>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <EntitySet Name="posts" EntityType="t.post"/>
  </EntityContainer>`,
  ),
);

describe("--why: an overloaded operation", () => {
  test("each overload is answered, named by its binding", () => {
    const r = generate({ inputs: [{ file: "o.xml", content: DOC }], include: ["/users/{id}/messages"], why: ["t.reply", "t.delta"] });
    const [reply, delta] = r.slice?.why ?? [];
    expect(reply?.matched).toBe(2);
    expect(reply?.answers.map((a) => `${a.name}: ${a.kept ? a.chain.map((s) => s.reason).join(" < ") : a.chain[0]?.reason}`)).toEqual([
      "action t.reply (bound to t.message): bound to t.message, which the slice selects < addressed by /users/{id}/messages (--include /users/{id}/messages)",
      "action t.reply (bound to t.post): not in the slice: it is bound to t.post, which the slice leaves out",
    ]);
    expect(delta?.answers.map((a) => a.name)).toEqual(["function t.delta (bound to a collection of t.message)", "function t.delta (bound to a collection of t.post)"]);
  });

  test("the CLI prints every overload it counts", () => {
    const dir = scratch("odatagen-why-overloads-");
    fs.writeFileSync(path.join(dir, "o.xml"), DOC);
    const r = runCli(["generate", "-i", "o.xml", "-o", "out", "--include", "/users/{id}/messages", "--why", "t.reply", "-q"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "odatagen: out: action t.reply (bound to t.message) is in the slice:",
      "  action t.reply (bound to t.message)  bound to t.message, which the slice selects",
      "  t.message                            addressed by /users/{id}/messages (--include /users/{id}/messages)",
      "odatagen: out: action t.reply (bound to t.post) is not in the slice",
      "  it is bound to t.post, which the slice leaves out",
    ]);
  });

  test("bound to a type kept only on the route to a path: says so, and what would keep it", () => {
    const include = "/users/{id}/messages/{id}/attachments";
    const r = generate({ inputs: [{ file: "o.xml", content: DOC }], include: [include], why: ["t.reply"] });
    const answer = r.slice?.why?.[0]?.answers.find((a) => a.name === "action t.reply (bound to t.message)");
    expect(answer?.kept).toBe(false);
    expect(answer?.chain.map((s) => s.reason)).toEqual([
      `not in the slice: it is bound to t.message, which the slice keeps only on the URL path /users/{id}/messages, on the way to what --include ${include} selects; ` +
        "a type's bound operations come with it when a pattern selects the type (by name, or a URL path that ends at it), and a URL path that ends in the operation's name keeps that one",
    ]);
  });
});
