/**
 * A URL path copied from an API's documentation may end in `$ref` (the references of a navigation
 * property, URL Conventions §4.4), `$count` (§4.8) or `$value` (a media entity's stream, §4.10):
 * such a pattern selects what the path before it addresses.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";

const SPEC = path.resolve(__dirname, "..", "specs", "graph-callrecords.xml");
const inputs = () => [{ file: "graph-callrecords.xml", content: fs.readFileSync(SPEC, "utf8") }];

function kept(include: string[]) {
  const r = generate({ inputs: inputs(), include });
  return { types: [...r.model.types.keys()].sort(), ops: r.model.schemas.flatMap((s) => s.operations.map((o) => o.qualifiedName)).sort() };
}

function errors(include: string[]): string[] {
  try {
    generate({ inputs: inputs(), include });
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  }
}

describe("a URL path pattern ending in $ref, $count or $value", () => {
  test.each([
    ["/communications/callRecords/{id}/sessions/$ref", "/communications/callRecords/{id}/sessions"],
    ["/communications/callRecords/$count", "/communications/callRecords"],
    ["/communications/callRecords/{id}/sessions/{id}/$value", "/communications/callRecords/{id}/sessions/{id}"],
  ])("%s selects what %s does", (withSuffix, without) => {
    expect(kept([withSuffix])).toEqual(kept([without]));
  });

  test("a pattern that matches nothing keeps it in the spelling suggested", () => {
    expect(errors(["/communications/callRecords/0fe1a/sesions/$ref"])).toEqual([
      "--include /communications/callRecords/0fe1a/sesions/$ref matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions/$ref?)",
    ]);
  });

  test("elsewhere in a path, it names nothing", () => {
    expect(errors(["/communications/$ref/callRecords"])).toEqual([
      expect.stringMatching(/^--include \/communications\/\$ref\/callRecords matches no URL path of the service/),
    ]);
  });
});
