// The well-formedness scan that runs before fast-xml-parser: what it accepts, what it reports and where.
import { checkWellFormed } from "../generator/parse/well-formed";
import { SourceText } from "../generator/parse/source";
import { readCsdlXml } from "../generator/parse/xml";
import { DiagnosticBag } from "../generator/diagnostics";

/** The scan's problem as "line:column message", or "ok". */
function scan(xml: string, maxDepth?: number): string {
  const r = checkWellFormed(xml, { maxDepth });
  if (r.ok) return "ok";
  const { line, column } = new SourceText("test.xml", xml).position(r.offset);
  return `${line}:${column} ${r.message}`;
}

const VALID: [string, string][] = [
  ["an empty root element", "<a/>"],
  ["a declaration with every part, in both quotes", `<?xml version='1.1' encoding="ISO-8859-1" standalone='no' ?><a/>`],
  ["declaration, comments and processing instructions around the root", `<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><?pi data?>\n<a/>\n<!-- after -->\n<?pi?>\n`],
  ["a byte-order mark", "\uFEFF<?xml version='1.0'?><a/>"],
  ["markup-like text in a comment", "<a><!-- <b> & </c> --></a>"],
  ["markup-like text in CDATA", "<a><![CDATA[ </b> & < ]]></a>"],
  ["the predefined entities and character references", "<a x='&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;'>&lt;&#9;</a>"],
  ["an entity declared in the DOCTYPE", `<!DOCTYPE a [\n<!ENTITY e "x">\n<!ENTITY % p "y"> %p;\n<!-- ] > -->\n]>\n<a>&e;</a>`],
  ["'>' in text and attribute values", "<a x='b > c'>d > e</a>"],
  ["each quote inside the other", `<a b="it's" c='say "hi"'/>`],
  ["whitespace around '=' and before '>'", "<a x = '1' \n\t y\n=\"2\"  ></a >"],
  ["prefixed names", "<e:a xmlns:e='u' e:x='1'><e:b/></e:a>"],
  ["names beyond ASCII", "<élément attribut·1='x'/>"],
];

const MALFORMED: [string, string, string][] = [
  // name, input, "line:column message"
  ["mismatched closing tag", "<a>\n  <b>\n</a>", "3:1 Expected closing tag 'b' (opened at line 2, column 3) instead of closing tag 'a'"],
  ["closing tag longer than the open one", "<ab></abc>", "1:5 Expected closing tag 'ab' (opened at line 1, column 1) instead of closing tag 'abc'"],
  ["closing tag of another case", "<a></A>", "1:4 Expected closing tag 'a' (opened at line 1, column 1) instead of closing tag 'A'"],
  ["stray closing tag", "<a></a></b>", "1:8 closing tag 'b' has no matching opening tag"],
  ["closing tag first", "</a>", "1:1 closing tag 'a' has no matching opening tag"],
  ["unclosed element at the end", "<a>\n  <b>text", "2:3 unclosed tag 'b': the input ends before its closing tag"],
  ["unclosed tag at the end", "<a>\n<b x='1'", "2:1 tag 'b' is not closed with '>' before the end of the input"],
  ["closing tag not closed", "<a>x</a", "1:5 closing tag 'a' is not closed with '>'"],
  ["unquoted attribute value", "<a x=1/>", "1:6 the value of attribute 'x' is not quoted"],
  ["unterminated attribute value", `<a x="1/>`, "1:6 the value of attribute 'x' is not closed before the end of the input"],
  ["attribute without value", "<a x y='1'/>", "1:6 attribute 'x' has no value"],
  // A file cut off inside a tag: after an attribute's name, or its `=`, the tag is named as cut off.
  ["cut off after an attribute's name", "<a>\n<b x='1' Na", "2:1 tag 'b' is not closed with '>' before the end of the input"],
  ["cut off after an attribute's =", "<a>\n<b x='1' Name = ", "2:1 tag 'b' is not closed with '>' before the end of the input"],
  ["attributes without space between", "<a x='1'y='2'/>", "1:9 expected whitespace, '>' or '/>' in tag 'a'"],
  ["duplicate attribute", "<a x='1'\n   x='2'/>", "2:4 duplicate attribute 'x'"],
  ["'<' in an attribute value", `<a x="a<b"/>`, "1:8 '<' is not allowed in the value of attribute 'x'"],
  ["unknown entity in text", "<a>&bogus;</a>", "1:4 unknown entity '&bogus;'"],
  ["unknown entity in an attribute", "<a x='&nbsp;'/>", "1:7 unknown entity '&nbsp;'"],
  ["entity not declared without a DOCTYPE subset", "<!DOCTYPE a><a>&e;</a>", "1:16 unknown entity '&e;'"],
  ["bare '&'", "<a>fish & chips</a>", "1:9 '&' must start an entity reference such as &amp;"],
  ["'&' without ';'", "<a x='a&amp b'/>", "1:8 '&' must start an entity reference such as &amp;"],
  ["character reference without digits", "<a>&#x;</a>", "1:4 invalid character reference '&#x;'"],
  ["character reference to a non-character", "<a>&#0;</a>", "1:4 character reference '&#0;' is not an XML character"],
  ["element name starting with a digit", "<1a/>", "1:2 invalid element name '1a'"],
  ["element name with two colons", "<a:b:c/>", "1:2 invalid element name 'a:b:c'"],
  ["element name ending with a colon", "<a: />", "1:2 invalid element name 'a:'"],
  ["space before the element name", "< a/>", "1:2 expected element name"],
  ["invalid character in a name", "<a$b/>", "1:2 invalid element name 'a$b'"],
  ["two root elements", "<a/>\n<b/>", "2:1 a second root element 'b': a document has one root element"],
  ["text after the root", "<a/>\ntail", "2:1 text after the root element"],
  ["text before the root", "head<a/>", "1:1 text before the root element"],
  ["no root element", "<?xml version='1.0'?>\n<!-- -->\n", "3:1 the document has no root element"],
  ["empty input", "", "1:1 the document has no root element"],
  ["unclosed comment", "<a>\n<!-- <b/>\n</a>", "2:1 comment is not closed with '-->'"],
  ["unclosed CDATA", "<a><![CDATA[x</a>", "1:4 CDATA section is not closed with ']]>'"],
  ["CDATA outside the root", "<![CDATA[x]]><a/>", "1:1 a CDATA section is allowed only inside the root element"],
  ["']]>' in text", "<a>x]]>y</a>", "1:5 ']]>' is not allowed in text"],
  ["XML declaration not at the start", "\n<?xml version='1.0'?><a/>", "2:1 the XML declaration is allowed only at the very start of the document"],
  ["a stray quote in the XML declaration", `<?xml version="1".0" encoding="utf-8"?><a/>`, `1:1 malformed XML declaration: expected version="1.x", then optionally encoding="…" and standalone="yes" or "no"`],
  ["an XML declaration without a version", `<?xml encoding="utf-8"?><a/>`, `1:1 malformed XML declaration: expected version="1.x", then optionally encoding="…" and standalone="yes" or "no"`],
  ["an XML declaration with a bad standalone", `<?xml version="1.0" standalone="maybe"?><a/>`, `1:1 malformed XML declaration: expected version="1.x", then optionally encoding="…" and standalone="yes" or "no"`],
  ["reserved processing instruction target", "<a><?XML x?></a>", "1:4 the processing instruction target 'XML' is reserved"],
  ["unclosed processing instruction", "<a><?pi x</a>", "1:4 processing instruction 'pi' is not closed with '?>'"],
  ["DOCTYPE after the root", "<a/><!DOCTYPE a>", "1:5 a DOCTYPE is allowed only once, before the root element"],
  ["unclosed DOCTYPE subset", "<!DOCTYPE a [ <!ENTITY e 'x'>\n<a/>", "2:1 unexpected '<a' in the DOCTYPE"],
  ["unknown markup", "<a><!ELEMENT b></a>", "1:4 unexpected markup '<!ELEMENT'"],
  ["control character", "<a>x\u0001</a>", "1:5 invalid character U+0001"],
  ["'/' not followed by '>'", "<a/ >", "1:3 expected '>' after '/' in a tag"],
];

describe("well-formed documents pass", () => {
  test.each(VALID)("%s", (_name, xml) => {
    expect(scan(xml)).toBe("ok");
  });
});

describe("each problem is reported with its line and column", () => {
  test.each(MALFORMED)("%s", (_name, xml, expected) => {
    expect(scan(xml)).toBe(expected);
  });
});

describe("prefixed attributes are noticed (the reader then reads attributes by local name)", () => {
  test.each([
    ["<a m:x='1' xmlns:m='u'/>", true],
    ["<a xmlns='u' xmlns:m='v' x='1'/>", false],
  ])("%s", (xml, prefixed) => {
    expect(checkWellFormed(xml)).toEqual({ ok: true, prefixedAttributes: prefixed, declaresEntities: false, nestedDeclarations: false });
  });
});

describe("a namespace declared inside a schema or an include (below the third level), or on a reference's child, is noticed (the reader then follows declarations down)", () => {
  test.each([
    ["<a xmlns='u'><b xmlns:p='v'><c xmlns='w'><d/></c></b></a>", false],
    ["<a><b><c><d xmlns:x='u'/></c></b></a>", true],
    ["<a><b><c><d><e xmlns='u'/></d></c></b></a>", true],
    ["<a><b><c><d xmlnsx='1' xmlns.x='2'/></c></b></a>", false],
    ["<e:Edmx xmlns:e='u'><e:Reference><Annotation xmlns:x='v'/></e:Reference></e:Edmx>", true],
    ["<e:Edmx xmlns:e='u'><e:DataServices><Schema xmlns='v'/></e:DataServices></e:Edmx>", false],
  ])("%s", (xml, nested) => {
    expect(checkWellFormed(xml)).toMatchObject({ ok: true, nestedDeclarations: nested });
  });
});

describe("hostile input neither crashes nor hangs", () => {
  test("100,000 nested elements: past maxDepth is reported, without a limit all is read", () => {
    const xml = "<a>".repeat(100_000) + "</a>".repeat(100_000);
    expect(scan(xml, 256)).toBe("1:769 elements are nested more than 256 deep");
    expect(scan(xml)).toBe("ok");
    expect(scan("<a>".repeat(100_000))).toBe("1:299998 unclosed tag 'a': the input ends before its closing tag");
  });

  test("a 20 MB attribute value, closed and not", () => {
    const value = "x".repeat(20_000_000);
    expect(scan(`<a v="${value}"/>`)).toBe("ok");
    expect(scan(`<a v="${value}`)).toBe("1:6 the value of attribute 'v' is not closed before the end of the input");
  });

  test("100,000 attributes on one element, one of them twice", () => {
    const attrs = Array.from({ length: 100_000 }, (_, k) => `a${k}="${k}"`).join(" ");
    expect(scan(`<a ${attrs}/>`)).toBe("ok");
    const twice = scan(`<a ${attrs} a99999="again"/>`);
    expect(twice).toMatch(/^1:\d+ duplicate attribute 'a99999'$/);
  });

  test("a byte-order mark anywhere but the start is text", () => {
    expect(scan("\uFEFF<a/>")).toBe("ok");
    expect(scan("<a/>\uFEFF")).toBe("1:5 text after the root element");
  });
});

describe("entities odatagen will not expand are refused where they are declared", () => {
  test.each([
    ["an entity whose value refers to another", `<!DOCTYPE a [ <!ENTITY y "Ye"> <!ENTITY n "&y;ars"> ]>\n<a>&n;</a>`, "1:44 the value of the entity 'n' holds a reference (&y;), which odatagen does not expand"],
    ["a nested 'billion laughs' chain", `<!DOCTYPE a [ <!ENTITY a "lol"> <!ENTITY b "&a;&a;&a;"> ]>\n<a>&b;</a>`, "1:45 the value of the entity 'b' holds a reference (&a;), which odatagen does not expand"],
    ["a character reference in an entity's value", `<!DOCTYPE a [ <!ENTITY n 'Y&#65;rs'> ]>\n<a>&n;</a>`, "1:28 the value of the entity 'n' holds a reference (&#65;), which odatagen does not expand"],
    ["an external entity", `<!DOCTYPE a [\n  <!ENTITY n SYSTEM "file:///etc/passwd"> ]>\n<a>&n;</a>`, "2:14 the entity 'n' is external (SYSTEM): odatagen reads no file but the document"],
    ["a public external entity", `<!DOCTYPE a [ <!ENTITY n PUBLIC "-//x//y" "http://example.com/x"> ]>\n<a/>`, "1:26 the entity 'n' is external (PUBLIC): odatagen reads no file but the document"],
  ])("%s", (_name, xml, expected) => {
    expect(scan(xml)).toBe(expected);
    expect(checkWellFormed(xml)).toMatchObject({ ok: false, unsupported: true });
  });

  test("through readCsdlXml: ODG002 says the XML is not read, not that it is malformed; a plain entity still expands", () => {
    const doc = (subset: string) => `<?xml version="1.0"?>
<!DOCTYPE edmx:Edmx [ ${subset} ]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="thing"><Property Name="&n;" Type="Edm.Int32"/></ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;
    const diags = new DiagnosticBag();
    expect(readCsdlXml("bad.xml", doc(`<!ENTITY y "Ye"> <!ENTITY n "&y;ars">`), diags)).toBeUndefined();
    expect(diags.items.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      "ODG002 2:52 XML odatagen does not read: the value of the entity 'n' holds a reference (&y;), which odatagen does not expand",
    ]);
    const ok = new DiagnosticBag();
    const raw = readCsdlXml("ok.xml", doc(`<!ENTITY n "Years">`), ok);
    expect(ok.items).toEqual([]);
    expect(raw?.schemas[0]?.complexTypes[0]?.properties?.map((p) => p.name)).toEqual(["Years"]);
  });
});

describe("entities declared in the DOCTYPE expand as XML 1.0 says, or are refused where they are", () => {
  const doc = (subset: string, value: string) => `<?xml version="1.0"?>
<!DOCTYPE edmx:Edmx [ ${subset} ]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="thing"><Property Name="p" Type="Edm.String"><Annotation Term="Core.Description" String="${value}"/></Property></ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;
  /** The description as read, or the problems as "code line:column message". */
  function read(subset: string, value: string): string {
    const diags = new DiagnosticBag();
    const raw = readCsdlXml("e.xml", doc(subset, value), diags);
    if (diags.items.length) return diags.items.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join("; ");
    const v = raw?.schemas[0]?.complexTypes[0]?.properties[0]?.annotations[0]?.value;
    return v?.kind === "constant" ? v.value : `no value: ${JSON.stringify(v)}`;
  }

  test.each([
    ["plain text, in an attribute", `<!ENTITY n "Years">`, "[&n;]", "[Years]"],
    ["text fast-xml-parser's own decoder would silently leave unexpanded", `<!ENTITY n "Set onload=1 or javascript:go()">`, "&n;", "Set onload=1 or javascript:go()"],
    ["the first declaration of a name binds (XML 1.0 §4.2)", `<!ENTITY n "first"> <!ENTITY n "second">`, "&n;", "first"],
    ["a predefined entity keeps its meaning (§4.6)", `<!ENTITY amp "zzz"> <!ENTITY lt "&#38;#60;">`, "&amp;&lt;", "&<"],
    ["next to the predefined entities and character references", `<!ENTITY n "x">`, "&amp;n;&n;&#38;&#x41;", "&n;x&A"],
    ["a value over 10,000 characters", `<!ENTITY n "${"y".repeat(20_000)}">`, "&n;", "y".repeat(20_000)],
    ["more than 1,000 entities", Array.from({ length: 1500 }, (_, k) => `<!ENTITY e${k} "v${k}">`).join(""), "&e1499;", "v1499"],
    ["beside a parameter entity, a processing instruction, a notation and an attribute list with '>' in a value",
      `<!ENTITY % p "x"> %p; <?pi data?> <!NOTATION n SYSTEM "n"> <!ATTLIST a b CDATA "c>d"> <!ENTITY n "v">`, "&n;", "v"],
    ["a DOCTYPE naming an external subset, which is not read", ``, "x", "x"],
  ])("%s", (_name, subset, value, want) => {
    expect(read(subset, value)).toBe(want);
  });

  test.each([
    ["a value with markup, which XML would parse as elements", `<!ENTITY n "a<b/>c">`, "&n;", "ODG002 2:36 XML odatagen does not read: the value of the entity 'n' holds markup ('<'), which odatagen does not expand"],
    ["an entity name with a colon (Namespaces in XML §7)", `<!ENTITY a:b "v">`, "x", "ODG002 2:32 not well-formed XML: entity name 'a:b' has a colon (Namespaces in XML §7)"],
  ])("%s", (_name, subset, value, want) => {
    expect(read(subset, value)).toBe(want);
  });

  test("references that expand to more than 16 MB in all are refused at the one that passes it, before anything is expanded", () => {
    const value = "z".repeat(1_000_000);
    expect(read(`<!ENTITY n "${value}">`, "&n;".repeat(16))).toBe("z".repeat(16_000_000));
    const message = read(`<!ENTITY n "${value}">`, "&n;".repeat(17) + "&n;".repeat(100_000));
    // Line 6, column 114 is where the attribute's value starts; the 17th reference is 16 references further.
    expect(message).toBe(`ODG002 6:${114 + 16 * 3} XML odatagen does not read: references to the entities the DOCTYPE declares expand to more than 16,777,216 characters in all; this one ('&n;', 1,000,000 characters) passes that`);
  });
});

describe("through readCsdlXml: ODG002 with the element path", () => {
  const doc = (body: string) => `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing">
${body}
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

  test.each([
    ["an unknown entity", `        <Property Name="a" Type="Edm.String" DefaultValue="&bogus;" />`, "6:60", "ns.thing", "unknown entity '&bogus;'"],
    ["a duplicate attribute", `        <Property Name="a" Type="Edm.String" Name="b" />`, "6:46", "ns.thing", "duplicate attribute 'Name'"],
    ["an unclosed property", `        <Property Name="a" Type="Edm.String">`, "7:7", "ns.thing/a", "Expected closing tag 'Property'"],
    ["elements nested too deep", `${"<Annotation Term='x'>".repeat(300)}`, "6:5293", "ns.thing/@x/@x/", "elements are nested more than 256 deep"],
  ])("%s", (_name, body, where, pathStart, message) => {
    const diags = new DiagnosticBag();
    expect(readCsdlXml("bad.xml", doc(body), diags)).toBeUndefined();
    expect(diags.items).toHaveLength(1);
    const [d] = diags.items;
    expect(d.code).toBe("ODG002");
    expect(`${d.line}:${d.column}`).toBe(where);
    expect(d.path.startsWith(pathStart)).toBe(true);
    expect(d.message).toContain(`not well-formed XML: ${message}`);
  });
});

describe("through readCsdlXml: a document cut short", () => {
  test("ODG002 is at the start tag of the innermost unclosed element, and its path is that element's", () => {
    const cut = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="done"><Member Name="a"/></EnumType>
      <EnumType Name="promptType" a=">">
        <Member Name="text"/>
        <Member Name="sk`;
    const diags = new DiagnosticBag();
    expect(readCsdlXml("cut.xml", cut, diags)).toBeUndefined();
    expect(diags.items.map((d) => `${d.code} ${d.line}:${d.column} [${d.path}] ${d.message}`)).toEqual([
      "ODG002 8:22 [ns.promptType] not well-formed XML: the value of attribute 'Name' is not closed before the end of the input",
    ]);
    const cutAfterTag = cut.slice(0, cut.lastIndexOf("<Member"));
    const again = new DiagnosticBag();
    readCsdlXml("cut.xml", cutAfterTag, again);
    expect(again.items.map((d) => `${d.code} ${d.line}:${d.column} [${d.path}] ${d.message}`)).toEqual([
      "ODG002 6:7 [ns.promptType] not well-formed XML: unclosed tag 'EnumType': the input ends before its closing tag",
    ]);
  });
});
