/**
 * A name glob matches qualified names of types and operations, and a namespace only when written
 * out: `a.b.*` names the types of `a.b`, not those of the namespace `a.b.c`, though its `*` would
 * match that namespace's last part (`*` stops at a dot; `a.b.**` names both).
 */
import { GenerationError } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import { edmx, keyed, schema } from "./helpers/csdl";

const DOC = edmx([
  schema(
    "a.b",
    `${keyed("order")}
  <ComplexType Name="note"><Property Name="text" Type="Edm.String"/></ComplexType>
  <EntityContainer Name="c"><EntitySet Name="orders" EntityType="a.b.order"/></EntityContainer>`,
  ),
  schema(
    "a.b.c",
    `${keyed("invoice")}
  <Action Name="pay" IsBound="true"><Parameter Name="it" Type="a.b.c.invoice"/></Action>`,
  ),
]);

const run = (options: Omit<GenerateOptions, "inputs">) => generate({ inputs: [{ file: "ns.xml", content: DOC }], ...options });
const kept = (options: Omit<GenerateOptions, "inputs">) => [...run(options).model.types.keys()].sort();
const errors = (options: Omit<GenerateOptions, "inputs">) => {
  try {
    run(options);
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  }
};

describe("a name glob and the namespaces below", () => {
  test("`*` names the namespace's own types, not those of a namespace whose name it would match", () => {
    expect(kept({ include: ["a.b.*"] })).toEqual(["a.b.note", "a.b.order"]);
  });

  test("`**` and a namespace written out name the types below", () => {
    expect(kept({ include: ["a.b.**"] })).toEqual(["a.b.c.invoice", "a.b.note", "a.b.order"]);
    expect(kept({ include: ["a.b.c"] })).toEqual(["a.b.c.invoice"]);
    expect(run({ include: ["a.b.c"] }).model.schemas.flatMap((s) => s.operations.map((o) => o.qualifiedName))).toEqual(["a.b.c.pay"]);
  });

  test("an --exclude glob leaves out only what it names", () => {
    expect(kept({ include: ["a.**"], exclude: ["a.b.*"] })).toEqual(["a.b.c.invoice"]);
  });

  test("--why answers for the types the glob names", () => {
    const reports = run({ include: ["a.b.c"], why: ["a.b.*"] }).slice?.why ?? [];
    expect(reports.flatMap((r) => r.answers.map((a) => `${a.name} ${a.kept}`))).toEqual(["a.b.note false", "a.b.order false"]);
  });

  test("a glob that matches only namespaces' names says why, and the glob that reaches into them", () => {
    expect(errors({ include: ["a.*"] })).toEqual([
      "--include a.* matches no type or operation: a `*` stops at a dot, and a namespace (a.b) is named in full (did you mean a.**?)",
    ]);
  });
});
