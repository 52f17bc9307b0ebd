// The reader's parser leaves attributes out and reads them from the start tags (tag-attributes.ts):
// every element must get what fast-xml-parser itself reads, in the same order.
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { EntityExpander } from "../generator/parse/entities";
import { addAttributes } from "../generator/parse/tag-attributes";
import { checkWellFormed } from "../generator/parse/well-formed";
import { markRenamed, type XNode } from "../generator/parse/xml-nodes";

const FIXTURES = path.join(__dirname, "fixtures");
const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(xml|edmx)$/.test(f)).map((f) => path.join(CORPUS, f)) : [];
if (!corpus.length) console.warn(`SKIPPED: ${CORPUS} is absent (../shared/corpus), so attributes are compared on the fixtures only`);
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).map((f) => path.join(FIXTURES, f));

const expander = new EntityExpander();
function parser(ignoreAttributes: boolean): XMLParser {
  return new XMLParser({
    preserveOrder: true, ignoreAttributes, attributeNamePrefix: "", parseTagValue: false, trimValues: true, captureMetaData: true,
    entityDecoder: expander, jPath: false, onDangerousProperty: markRenamed,
  });
}
const withAttributes = parser(false);
const withoutAttributes = parser(true);

/** Both trees as JSON (attribute order included); processing instructions, which the reader skips, left out. */
function both(text: string, entities: ReadonlyMap<string, string> = new Map(), doctype = ""): [string, string] {
  // The reader's parser never sees the DOCTYPE (xml.ts masks it): the scan reads its entities.
  expect(checkWellFormed(doctype + text)).toMatchObject({ ok: true });
  const expected = expander.declared(entities, () => withAttributes.parse(text) as XNode[]);
  const read = expander.declared(entities, () => withoutAttributes.parse(text) as XNode[]);
  addAttributes(read, text, entities);
  const elements = (nodes: XNode[]) => JSON.stringify(nodes.filter((n) => !Object.keys(n)[0]?.startsWith("?")));
  return [elements(read), elements(expected)];
}

describe("addAttributes", () => {
  it("gives each element the attributes fast-xml-parser reads, on tags of every shape", () => {
    const text = [
      `<!-- <a b="c"/> -->`,
      `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"\r\n  xmlns:x = 'urn:x'>`,
      `<a\tb="1"\tc='2'/><a/><a >t</a><a b="x/" c=">"/>`,
      `<e String="  two  spaces " Other='say "hi"' Empty="" Tab="a\tb" Crlf="a\r\nb\rc\nd">\r\n`,
      `<f x:Nullable="false" toString="1" valueOf="2" hasOwnProperty="3" __defineGetter__="4" isPrototypeOf="5" toLocaleString="6"/>`,
      `<g Amp="a &amp; b &#x41;&#66; &lt;&gt;" Ent="&e;!" Refs=" &#32;x&#9; "><![CDATA[<h i="j"/>]]></g>`,
      `<ns:h xmlns:ns="urn:ns" ns:Attr="v" xml:lang="en" Name="n" /></e></edmx:Edmx>`,
    ].join("");
    const [read, expected] = both(text, new Map([["e", "entity value"]]), `<!DOCTYPE edmx:Edmx [<!ENTITY e "entity value">]>`);
    expect(read).toBe(expected);
    expect(read).toContain('" toString":"1"');
    expect(read).toContain('"Crlf":"a\\nb\\nc\\nd"');
  });

  it.each([...fixtures, ...corpus].map((f) => [path.basename(f), f]))("gives %s's elements the attributes fast-xml-parser reads", (_name, file) => {
    const [read, expected] = both(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    expect(read).toBe(expected);
  });
});
