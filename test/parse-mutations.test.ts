// Damaged metadata: seeded random edits of the fixtures (cut text, inserted markup and CSDL
// fragments, replaced attribute values, duplicated or swapped lines, truncation). Whatever the edit,
// generate() either succeeds or throws a GenerationError whose errors each name a line, a column
// and the element's path — never a TypeError, a RangeError or an error without a position.
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";
import { random } from "./helpers/random";

const FIXTURES = path.join(__dirname, "fixtures");
const documents = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).sort();

const INSERTS = [
  "<", ">", "&", '"', "</", "/>", "<!--", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "\u0000", "\uFEFF", "=",
  "Edm.Foo", "Collection(", "__proto__", "constructor", 'Name=""', 'Type=""', 'BaseType="t.self"', 'Nullable="maybe"',
  'MaxLength="-1"', 'Precision="99999999999999999999"', 'Value="1e400"', 'IsFlags="true"', 'Abstract="true"',
  'OpenType="true"', 'ContainsTarget="true"', 'IsBound="true"', 'Alias="Edm"', 'Namespace="odata"',
  '<Property Name="p" Type="Edm.String"/>', '<NavigationProperty Name="n" Type="Collection(a.b)"/>',
  '<Key><PropertyRef Name="zz"/></Key>', '<Parameter Name="b" Type="Edm.Int32"/>', '<ReturnType Type="Collection(Edm.Stream)"/>',
  '<Annotation Term="Org.OData.Core.V1.Description" String="x"/>', "<Record><PropertyValue Property=\"p\" String=\"v\"/></Record>",
];
const VALUES = ["", "x", "Edm.Int32", "Collection(Edm.String)", "a.b", "-1", "true", "Self.x", "Collection()", "Edm."];

function mutate(text: string, rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  let s = text;
  for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
    const at = Math.floor(rnd() * s.length);
    const lines = s.split("\n");
    switch (Math.floor(rnd() * 7)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 40));
        break;
      case 1:
        s = s.slice(0, at) + pick(INSERTS) + s.slice(at);
        break;
      case 2: {
        const values = [...s.matchAll(/="[^"]*"/g)];
        if (values.length) {
          const v = pick(values);
          s = `${s.slice(0, v.index)}="${pick(VALUES)}"${s.slice(v.index! + v[0].length)}`;
        }
        break;
      }
      case 3:
        s = s.slice(0, at);
        break;
      case 4:
        lines.splice(Math.floor(rnd() * lines.length), 0, pick(lines));
        s = lines.join("\n");
        break;
      case 5: {
        const a = Math.floor(rnd() * lines.length);
        const b = Math.floor(rnd() * lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        s = lines.join("\n");
        break;
      }
      default: {
        const end = Math.min(s.length, at + Math.floor(rnd() * 400));
        s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
      }
    }
  }
  return s;
}

describe.each(documents)("damaged %s", (file) => {
  const original = fs.readFileSync(path.join(FIXTURES, file), "utf8");
  test("every edit gives output or positioned errors", () => {
    const rnd = random(file.length * 7919);
    const outcomes = { generated: 0, rejected: 0 };
    for (let i = 0; i < 400; i++) {
      const content = mutate(original, rnd);
      // A slice of everything (`**`: `*` stops at a dot, so matched nothing in a dotted namespace).
      const slice = i % 3 === 0 ? { include: ["**"] } : {};
      try {
        generate({ inputs: [{ file, content }], ...slice });
        outcomes.generated++;
      } catch (e) {
        if (!(e instanceof GenerationError)) throw new Error(`edit ${i} of ${file}: ${(e as Error).stack}\n--- input ---\n${content}`);
        // A slice left empty by an edit that removed every type (ODG302) is about the options: no position.
        for (const d of e.diagnostics.filter((x) => x.severity === "error" && x.code !== "ODG302"))
          expect({ edit: i, code: d.code, file: d.file, positioned: d.line > 0 && d.column > 0, path: d.path !== "" })
            .toEqual({ edit: i, code: d.code, file, positioned: true, path: true });
        outcomes.rejected++;
      }
    }
    // Both outcomes occur, so the edits neither all break the document nor all leave it intact.
    expect(outcomes.generated).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
