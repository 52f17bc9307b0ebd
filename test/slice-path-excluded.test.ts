/**
 * An `--include` URL path that exists, but only below or at what an `--exclude` path leaves out:
 * the error says which exclude removes it, not that the service has no such path.
 */
import { sliceErrors as errorsOf } from "./helpers/slice-errors";

describe("an --include path that only an --exclude path makes match nothing", () => {
  test("names the exclude that leaves it out", () => {
    expect(errorsOf(["/communications/callRecords/{id}/sessions"], ["/communications/callRecords", "/communications/callRecords/{id}/organizer_v2"])).toEqual([
      "--include /communications/callRecords/{id}/sessions matches only URL paths that --exclude /communications/callRecords leaves out",
    ]);
  });

  test("an operation's path too", () => {
    expect(errorsOf(["/communications/callRecords/getPstnCalls(fromDateTime={a},toDateTime={b})"], ["/communications/**"])).toEqual([
      "--include /communications/callRecords/getPstnCalls(fromDateTime={a},toDateTime={b}) matches only URL paths that --exclude /communications/** leaves out",
    ]);
  });

  test("several excludes together", () => {
    const each = ["organizer_v2", "participants_v2", "sessions"].map((n) => `/communications/callRecords/{id}/${n}`);
    expect(errorsOf(["/communications/callRecords/{id}/*"], each)).toEqual([
      `--include /communications/callRecords/{id}/* matches only URL paths that --exclude ${each.join(" ")} leave out`,
    ]);
  });
});
