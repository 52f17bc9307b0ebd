/**
 * An operation an `--include` selects (by name or by URL path) that an `--exclude` leaves out, since
 * it needs a type the exclude removes: the slice says so (warning ODG304), rather than generating
 * without it in silence.
 */
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  <EntityType Name="user">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>
  </EntityType>
  <ComplexType Name="message"><Property Name="text" Type="Edm.String"/></ComplexType>
  <ComplexType Name="receipt"><Property Name="at" Type="Edm.DateTimeOffset"/></ComplexType>
  <Action Name="sendMail" IsBound="true">
    <Parameter Name="it" Type="t.user"/>
    <Parameter Name="Message" Type="t.message" Nullable="false"/>
    <ReturnType Type="t.receipt"/>
  </Action>
  <Action Name="wave" IsBound="true"><Parameter Name="it" Type="t.user"/><Parameter Name="note" Type="t.message"/></Action>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <Singleton Name="me" Type="t.user"/>
  </EntityContainer>`,
  ),
);

const run = (include: string[], exclude: string[]) => generate({ inputs: [{ file: "ops.xml", content: DOC }], include, exclude });
const pruned = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.code === "ODG304").map((d) => `${d.severity} ${d.path}: ${d.message}`);

describe("an operation the slice selects but an --exclude leaves out", () => {
  test("by URL path: a warning names the operation, the type it needs and the --exclude", () => {
    const r = run(["/me/sendMail"], ["t.message"]);
    expect(r.model.schemas.flatMap((s) => s.operations)).toEqual([]);
    expect(pruned(r)).toEqual([
      "warning t.sendMail/Message: action t.sendMail is left out: parameter Message is of t.message, which --exclude t.message leaves out",
    ]);
    const d = r.diagnostics.find((x) => x.code === "ODG304");
    expect(d?.file).toBe("ops.xml");
    expect(d?.line).toBeGreaterThan(0);
  });

  test("by name, and for its result type", () => {
    expect(pruned(run(["t.sendMail", "t.user"], ["t.receipt"]))).toEqual([
      "warning t.sendMail/$ReturnType: action t.sendMail is left out: its result is of t.receipt, which --exclude t.receipt leaves out",
    ]);
  });

  test("an operation that comes only as bound to a selected type is left out with a note", () => {
    expect(pruned(run(["t.user"], ["t.message"]))).toEqual([
      "info t.sendMail/Message: action t.sendMail is left out: parameter Message is of t.message, which --exclude t.message leaves out",
      "info t.wave/note: action t.wave is left out: parameter note is of t.message, which --exclude t.message leaves out",
    ]);
  });
});
