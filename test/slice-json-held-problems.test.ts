// A slice of a CSDL JSON document reports what a slice of its XML twin reports about the reader's
// own problems inside the content XML's reader defers (a type's key, properties and annotations, an
// enum's members, an operation's parameters after its first and its return type): they are held
// with that content and reported only for what the slice keeps (parse/held-bodies.ts). A problem
// the XML twin has in a start tag (an attribute CSDL does not define there) is reported by both.
import { diagnosticsOf } from "./helpers/slice-errors";
import { edmx, schema } from "./helpers/csdl";

// Person, Mood and Old are left out of a slice keeping Kept; each has mistakes in its content.
const XML = edmx(schema("A", `<EntityType Name="Person"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/><Property Name="nick" Type="Edm.String" Colour="blue"/><Property Name="" Type="Edm.String"/></EntityType>
<EnumType Name="Mood"><Member Name="happy" Value="1" Colour="blue"/></EnumType>
<Function Name="Old"><Parameter Name="a" Type="Edm.String"/><Parameter Name="b" Type="Edm.String" Colour="blue"/><ReturnType Type="Edm.String" Colour="blue"/></Function>
<EntityType Name="Kept" Colour="blue"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>
<EntityContainer Name="C"><EntitySet Name="People" EntityType="A.Person"/><EntitySet Name="Kepts" EntityType="A.Kept"/><FunctionImport Name="Old" Function="A.Old"/></EntityContainer>`));

const JSON_TWIN = `{
  "$Version": "4.0",
  "$EntityContainer": "A.C",
  "A": {
    "Person": { "$Kind": "EntityType", "$Key": ["id"], "id": { "$Type": "Edm.Int32" }, "nick": { "$Nullable": true, "$Colour": "blue" }, "": { "$Nullable": true } },
    "Mood": { "$Kind": "EnumType", "happy": 1, "happy@Org.OData.Core.V1.Description": "glad", "sad": [] },
    "Old": [{ "$Kind": "Function", "$Parameter": [{ "$Name": "a" }, { "$Name": "b", "$Colour": "blue" }], "$ReturnType": { "$Colour": "blue" } }],
    "Kept": { "$Kind": "EntityType", "$Colour": "blue", "$Key": ["id"], "id": { "$Type": "Edm.Int32" } },
    "C": { "$Kind": "EntityContainer", "People": { "$Collection": true, "$Type": "A.Person" }, "Kepts": { "$Collection": true, "$Type": "A.Kept" }, "Old": { "$Function": "A.Old" } }
  }
}
`;

const diagnostics = diagnosticsOf;

test("a whole run of the JSON reports every problem in the content", () => {
  expect(diagnostics("d.json", JSON_TWIN)).toEqual([
    "ODG101 error A.Person",
    "ODG102 error A.Mood/sad",
    "ODG112 warning A.Kept",
    "ODG112 warning A.Old/$ReturnType",
    "ODG112 warning A.Old/b",
    "ODG112 warning A.Person/nick",
  ]);
});

test("a slice leaving those elements out reports only the start tag's problem, from CSDL JSON as from CSDL XML", () => {
  for (const include of [["A.Kept"], ["/Kepts"]]) {
    expect(diagnostics("d.xml", XML, include)).toEqual(["ODG112 warning A.Kept"]);
    expect(diagnostics("d.json", JSON_TWIN, include)).toEqual(["ODG112 warning A.Kept"]);
  }
});

test("a slice keeping one reports its problems, and only its", () => {
  // As a whole run reports them: the type is linked though its content had an error, so its key is read and
  // its set is not also called keyless (ODG106, which a slice said before; test/slice-body-errors.test.ts).
  expect(diagnostics("d.json", JSON_TWIN, ["A.Person"])).toEqual(["ODG101 error A.Person", "ODG112 warning A.Kept", "ODG112 warning A.Person/nick"]);
  expect(diagnostics("d.xml", XML, ["A.Person"])).toEqual(diagnostics("d.json", JSON_TWIN, ["A.Person"]));
  expect(diagnostics("d.json", JSON_TWIN, ["A.Mood"])).toEqual(["ODG102 error A.Mood/sad", "ODG112 warning A.Kept"]);
  expect(diagnostics("d.json", JSON_TWIN, ["A.Old"])).toEqual(["ODG112 warning A.Kept", "ODG112 warning A.Old/$ReturnType", "ODG112 warning A.Old/b"]);
  expect(diagnostics("d.xml", XML, ["A.Old"])).toEqual(diagnostics("d.json", JSON_TWIN, ["A.Old"]));
});
