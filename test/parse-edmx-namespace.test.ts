/**
 * CSDL XML §2.2: the root `<edmx:Edmx>` is in http://docs.oasis-open.org/odata/ns/edmx. A V4
 * document whose root is in another namespace is read all the same, with a warning where the root
 * starts: ODG005 for V2/V3's EDMX namespace, ODG102 for any other or none. EDMX 1.0 stays an error.
 */
import { DiagnosticBag } from "../generator/diagnostics";
import { readCsdlXml } from "../generator/parse/xml";
import { edmx, schema } from "./helpers/csdl";

const OASIS = "http://docs.oasis-open.org/odata/ns/edmx";

function read(xml: string) {
  const diags = new DiagnosticBag();
  const doc = readCsdlXml("test.xml", xml, diags);
  return { doc, found: diags.items.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message]) };
}

/** A small V4 document, its root on line 2, with `declaration` in place of the root's xmlns:edmx. */
const v4 = (declaration: string) =>
  `${edmx(schema("ns", `<ComplexType Name="c"/>`)).replace(`xmlns:edmx="${OASIS}"`, declaration)}`;

test("the fixture has the OASIS namespace, and with it no warning", () => {
  expect(edmx(schema("ns", ""))).toContain(`xmlns:edmx="${OASIS}"`);
  const { doc, found } = read(v4(`xmlns:edmx="${OASIS}"`));
  expect(doc?.schemas[0].namespace).toBe("ns");
  expect(found).toEqual([]);
});

test.each([
  ["a wrong URI", `xmlns:edmx="http://example.com/wrong"`, "ODG102",
    `<edmx:Edmx> is in namespace http://example.com/wrong, not in OData's EDMX namespace (${OASIS}: CSDL XML §2.2); it is read as EDMX`],
  ["the prefix not declared", `xmlns:other="${OASIS}"`, "ODG102",
    `<edmx:Edmx> is in no XML namespace (its prefix edmx is not declared), not in OData's EDMX namespace (${OASIS}: CSDL XML §2.2); it is read as EDMX`],
  ["V2/V3's EDMX namespace on a Version 4.0 document", `xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"`, "ODG005",
    `<edmx:Edmx> is in the namespace of OData V2/V3's EDMX (http://schemas.microsoft.com/ado/2007/06/edmx), not OData V4's (${OASIS}); it is read as OData V4 EDMX`],
])("%s: a warning at the root's start, and the document is read", (_name, declaration, code, message) => {
  const { doc, found } = read(v4(declaration));
  expect(doc?.schemas[0].namespace).toBe("ns");
  expect(found).toEqual([[code, "warning", 2, 1, "Edmx", message]]);
});

test("a root without a prefix in the wrong default namespace", () => {
  const xml = v4(`xmlns:edmx="${OASIS}"`).replace("<edmx:Edmx ", `<Edmx xmlns="urn:wrong" `).replace("</edmx:Edmx>", "</Edmx>");
  expect(read(xml).found).toEqual([["ODG102", "warning", 2, 1, "Edmx", `<Edmx> is in namespace urn:wrong, not in OData's EDMX namespace (${OASIS}: CSDL XML §2.2); it is read as EDMX`]]);
});

test("EDMX 1.0 in V2/V3's namespace is still the one ODG005 error, with no namespace warning", () => {
  const xml = v4(`xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"`).replace('Version="4.0"', 'Version="1.0"');
  const { doc, found } = read(xml);
  expect(doc).toBeUndefined();
  expect(found.map((f) => [f[0], f[1]])).toEqual([["ODG005", "error"]]);
});
