// The one-byte copy the parser reads (generator/parse/narrow.ts) must change nothing but speed: the
// same raw CSDL, the same diagnostics at the same positions, with it and without it.
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticBag } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { narrowText } from "../generator/parse/narrow";
import type { RawDocument } from "../generator/parse/raw";
import { readBody, readCsdlXml, readDeferredGroup } from "../generator/parse/xml";
import { random } from "./helpers/random";

const FIXTURES = path.join(__dirname, "fixtures");
const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(xml|edmx)$/.test(f)).sort() : [];
if (!corpus.length) console.warn(`SKIPPED: ${CORPUS} is absent (../shared/corpus), so the one-byte read is compared on the fixtures only`);
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).sort();

describe("narrowText", () => {
  it("leaves a text that is one byte per character alone", () => {
    expect(narrowText("<a b='café'/>", false)).toBeUndefined();
  });

  it("copies a text it is told is stored two bytes per character, without stand-ins", () => {
    const n = narrowText("<a b='café'/>", true);
    expect(n).toEqual({ text: "<a b='café'/>" });
  });

  it("replaces each character above U+00FF by one stand-in, offsets unchanged, and restores them", () => {
    const text = "<a b='it’s “x”'>😀 – ’</a>";
    const n = narrowText(text, false)!;
    expect(n.text).toHaveLength(text.length);
    expect(/[^\x00-\xff]/.test(n.text)).toBe(false);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x100) expect(n.text[i]).toBe(text[i]);
    // the same character gets the same stand-in
    expect(n.text[8]).toBe(n.text[text.length - 5]);
    expect(n.text[8]).not.toBe(n.text[11]);
    expect(n.restore!(n.text.slice(6, 14))).toBe("it’s “x”");
    expect(n.restore!(n.text.slice(16, text.length - 4))).toBe("😀 – ’");
    expect(n.restore!("plain")).toBe("plain");
  });

  it("is not done when the text uses a stand-in itself", () => {
    expect(narrowText("<a b='’ \u0080'/>", false)).toBeUndefined();
    expect(narrowText("<a b='’ \u009f'/>", false)).toBeUndefined();
  });

  it("is not done for a character trim would remove (the parser trims texts)", () => {
    expect(narrowText("<a>\u2003x</a>", false)).toBeUndefined();
    expect(narrowText("<a>\u3000x</a>", false)).toBeUndefined();
  });

  it("has 31 stand-ins: 31 different characters are replaced, 32 are not", () => {
    const chars = (n: number) => Array.from({ length: n }, (_, k) => String.fromCharCode(0x4e00 + k)).join("");
    const n31 = narrowText(`<a b='${chars(31)}'/>`, false)!;
    expect(n31.restore!(n31.text)).toBe(`<a b='${chars(31)}'/>`);
    expect(n31.text).not.toContain("\u0085");
    expect(narrowText(`<a b='${chars(32)}'/>`, false)).toBeUndefined();
  });
});

/** Everything a read produces, without the SourceText objects it points to. */
function snapshot(doc: RawDocument | undefined, diags: DiagnosticBag): string {
  return JSON.stringify({ doc, diags: diags.items }, (key, value: unknown) => (key === "source" ? undefined : value));
}

/** The eager read, and the deferred read (a slice's) with every deferred part read after. */
function readAll(text: string, narrow: boolean): string[] {
  const eager = new DiagnosticBag();
  const full = readCsdlXml("doc.xml", text, eager, { narrow });
  const lazyDiags = new DiagnosticBag();
  const lazy = readCsdlXml("doc.xml", text, lazyDiags, { narrow, deferBodies: true, deferAnnotationGroups: true });
  const groups = (lazy?.deferred ?? []).map((g) => readDeferredGroup(g, lazyDiags));
  for (const schema of lazy?.schemas ?? [])
    for (const t of [...schema.entityTypes, ...schema.complexTypes, ...schema.enumTypes, ...schema.actions, ...schema.functions])
      readBody(t, lazyDiags);
  return [snapshot(full, eager), snapshot(lazy, lazyDiags) + JSON.stringify(groups, (k, v: unknown) => (k === "source" ? undefined : v))];
}

function expectSameRead(text: string): void {
  expect(readAll(text, true)).toEqual(readAll(text, false));
}

// Name characters and others, white space to trim, a stand-in, a byte-order mark, a surrogate pair.
const WIDE = ["’", "“", "”", "–", "Ж", "ж", "中", "😀", "\u2003", "\u0085", "\u0080", "\uFEFF", "é", "&#x2019;"];

describe("reading the one-byte copy gives what reading the text gives", () => {
  it.each(fixtures)("%s with characters above U+00FF inserted anywhere (names, values, texts, comments)", (fixture) => {
    const original = fs.readFileSync(path.join(FIXTURES, fixture), "utf8");
    const rnd = random(fixtures.indexOf(fixture) + 1);
    for (let run = 0; run < 60; run++) {
      let text = original;
      for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) {
        const at = Math.floor(rnd() * text.length);
        text = text.slice(0, at) + WIDE[Math.floor(rnd() * WIDE.length)] + text.slice(at);
      }
      expectSameRead(text);
    }
  });

  it("a document whose descriptions, texts, CDATA and entities hold them", () => {
    expectSameRead(`\uFEFF<?xml version="1.0"?>
<!DOCTYPE edmx:Edmx [<!ENTITY q "“quoted”">]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <!-- a comment – with a dash -->
    <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="c">
        <Property Name="p" Type="Edm.String">
          <Annotation Term="Core.Description" String="It’s the user’s 😀 &q;"/>
          <Annotation Term="Core.LongDescription"><String><![CDATA[– “x” ]]>–</String></Annotation>
        </Property>
      </ComplexType>
      <Annotations Target="N.c/p"><Annotation Term="Core.Example" String="中文"/></Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`);
  });

  it("a name with a character above U+00FF (read from the original text)", () => {
    const text = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="Ж’"><Property Name="Größe’" Type="Edm.String"/>
<Property Name="x" Type="Edm.String"><Annotation Term="Core.Description" String="’"/></Property></ComplexType>
<Жmy:tag xmlns:Жmy="u"/></Schema></edmx:DataServices></edmx:Edmx>`;
    expectSameRead(text);
    const diags = new DiagnosticBag();
    const doc = readCsdlXml("doc.xml", text, diags);
    expect(doc?.schemas[0]?.complexTypes[0]?.name).toBe("Ж’");
  });

  it("a malformed document: the same error at the same place", () => {
    const text = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">\n<a b="’">\n<c’ d="x"/></a></edmx:Edmx>`;
    const [eager] = readAll(text, true);
    expect(eager).toContain("ODG002");
    expect(eager).toContain('"line":3');
    expectSameRead(text);
  });

  (corpus.length ? it.each(corpus) : it.skip.each(["(no corpus)"]))("corpus document %s", (name) => {
    expectSameRead(fs.readFileSync(path.join(CORPUS, name), "utf8"));
  });
});

describe("generated output keeps the characters", () => {
  it("doc comments show the descriptions' characters as they are", () => {
    const content = `\uFEFF<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="c">
<Property Name="p" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="The user’s “name” – 😀 中文"/></Property>
</ComplexType></Schema></edmx:DataServices></edmx:Edmx>`;
    const { files } = generate({ inputs: [{ file: "n.xml", content }] });
    expect(files.get("N.types.ts")).toContain("/** The user’s “name” – 😀 中文 */");
  });
});
