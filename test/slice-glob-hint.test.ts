/**
 * A name glob that matches nothing for a misspelt namespace or type name before its wildcard
 * (`microsoft.graph.callRecord.*`): the error suggests the glob respelt so that it matches, as it
 * does for a name or URL path without wildcards.
 */
import { sliceErrors as errorsOf } from "./helpers/slice-errors";

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
