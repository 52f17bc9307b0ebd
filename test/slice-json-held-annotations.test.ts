// A slice of a CSDL JSON document reports what a slice of its XML twin reports about the own
// annotations of entity and complex types and of operations: XML's reader defers them with the
// element's content (a type's whole content, an operation's after its first parameter), so they are
// applied, and their mistakes reported, only for what the slice keeps (parse/held-bodies.ts).
import { generate } from "../generator/generate";
import { diagnosticsOf } from "./helpers/slice-errors";
import { edmx, schema } from "./helpers/csdl";

const D = "Org.OData.Core.V1.Description";

// Person and Address are left out of a slice keeping Kept; so is the function Old, which also has
// no return type. Each gives Core.Description twice.
const XML = edmx(schema("A", `<EntityType Name="Person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Annotation Term="${D}" String="one"/><Annotation Term="${D}" String="two"/></EntityType>
<ComplexType Name="Address"><Property Name="city" Type="Edm.String"/><Annotation Term="${D}" String="one"/><Annotation Term="${D}" String="two"/></ComplexType>
<EntityType Name="Kept"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Annotation Term="${D}" String="kept"/></EntityType>
<Function Name="Old"><Annotation Term="${D}" String="one"/><Annotation Term="${D}" String="two"/></Function>
<Action Name="Touch" IsBound="true"><Parameter Name="k" Type="A.Kept"/><Annotation Term="${D}" String="touch"/></Action>
<EntityContainer Name="C"><EntitySet Name="People" EntityType="A.Person"/><EntitySet Name="Kepts" EntityType="A.Kept"/><FunctionImport Name="Old" Function="A.Old"/></EntityContainer>`));

// The same in CSDL JSON, a term given twice in one object as the XML gives it twice (JSON allows a
// member name twice).
const JSON_TWIN = `{
  "$Version": "4.0",
  "$EntityContainer": "A.C",
  "A": {
    "Person": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" }, "@${D}": "one", "@${D}": "two" },
    "Address": { "$Kind": "ComplexType", "city": { "$Nullable": true }, "@${D}": "one", "@${D}": "two" },
    "Kept": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" }, "@${D}": "kept" },
    "Old": [{ "$Kind": "Function", "@${D}": "one", "@${D}": "two" }],
    "Touch": [{ "$Kind": "Action", "$IsBound": true, "$Parameter": [{ "$Name": "k", "$Type": "A.Kept", "$Nullable": true }], "@${D}": "touch" }],
    "C": { "$Kind": "EntityContainer", "People": { "$Collection": true, "$Type": "A.Person" }, "Kepts": { "$Collection": true, "$Type": "A.Kept" }, "Old": { "$Function": "A.Old" } }
  }
}
`;

const diagnostics = diagnosticsOf;

test("a whole run reports them from either form", () => {
  const whole = ["ODG101 warning A.Old", "ODG104 warning A.Address", "ODG104 warning A.Old", "ODG104 warning A.Person"];
  expect(diagnostics("d.xml", XML)).toEqual(whole);
  expect(diagnostics("d.json", JSON_TWIN)).toEqual(whole);
});

test("a slice leaving them out reports none of their annotations' mistakes, from CSDL JSON as from CSDL XML", () => {
  for (const include of [["A.Kept"], ["A.Touch"], ["/Kepts"]]) {
    expect(diagnostics("d.xml", XML, include)).toEqual([]);
    expect(diagnostics("d.json", JSON_TWIN, include)).toEqual([]);
  }
  // A slice keeping them reports them from either form.
  expect(diagnostics("d.json", JSON_TWIN, ["A.Person", "A.Address", "A.Old"])).toEqual(diagnostics("d.xml", XML, ["A.Person", "A.Address", "A.Old"]));
  expect(diagnostics("d.json", JSON_TWIN, ["A.Person"])).toEqual(["ODG104 warning A.Person"]);
});

test("what the slice keeps has its own annotations, once", () => {
  for (const [file, content] of [["d.xml", XML], ["d.json", JSON_TWIN]]) {
    const { model, files } = generate({ inputs: [{ file, content }], include: ["A.Touch"] });
    expect(model.types.get("A.Kept")?.annotations.map((a) => a.value)).toEqual([{ kind: "constant", type: "String", value: "kept" }]);
    const touch = model.schemas.flatMap((s) => s.operations).find((o) => o.name === "Touch");
    expect(touch?.annotations.map((a) => a.value)).toEqual([{ kind: "constant", type: "String", value: "touch" }]);
    expect(files.get("A.types.ts")).toContain("/**\n * kept\n");
  }
});
