/**
 * A name glob that matches nothing for a misspelt namespace or type name before its wildcard
 * (`microsoft.graph.callRecord.*`): the error suggests the glob respelt so that it matches, as it
 * does for a name or URL path without wildcards.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate } from "../generator/generate";

const SPEC = path.resolve(__dirname, "..", "specs", "graph-callrecords.xml");

function errorsOf(include: string[], exclude: string[] = []): string[] {
  try {
    generate({ inputs: [{ file: "graph-callrecords.xml", content: fs.readFileSync(SPEC, "utf8") }], include, exclude });
    return [];
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  }
}

describe("a name glob that matches nothing: the respelt glob that matches", () => {
  test.each([
    ["microsoft.graph.callRecord.*", "microsoft.graph.callRecords.*"],
    ["microsoft.graph.calRecords.**", "microsoft.graph.callRecords.**"],
    ["microsoft.grpah.callRecords.session*", "microsoft.graph.callRecords.session*"],
  ])("%s", (pattern, want) => {
    expect(errorsOf([pattern])).toEqual([`--include ${pattern} matches no type, operation or namespace (did you mean ${want}?)`]);
  });

  test("in an --exclude too", () => {
    expect(errorsOf(["microsoft.graph.callRecords.session"], ["microsoft.graph.callRecord.*"])).toEqual([
      "--exclude microsoft.graph.callRecord.* matches no type, operation or namespace (did you mean microsoft.graph.callRecords.*?)",
    ]);
  });

  test("no hint when nothing is close", () => {
    expect(errorsOf(["contoso.things.*"])).toEqual(["--include contoso.things.* matches no type, operation or namespace"]);
  });
});
