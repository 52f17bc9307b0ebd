/**
 * A URL path pattern's segment is read without its key, the `(…)` it ends with, in one pass, however
 * many `(` it holds.
 */
import { sliceErrors as errorsOf } from "./helpers/slice-errors";

test("a path pattern whose segment holds 60,000 '(' is read in linear time", async () => {
  // A pattern for a segment's key tried every `(` of the run, in three places: 4 s for a segment of
  // 30,000, 17 s for 60,000, past this test's time limit (a hang guard: it takes milliseconds).
  const open = "(".repeat(60_000);
  const errors = errorsOf([`/communications/callRecords/{id}/sessions${open}x`, `/communications/callRecords${open}'x')`]);
  await new Promise((resolve) => setTimeout(resolve, 0)); // the time limit, if passed, fires first
  expect(errors.map((e) => e.slice(0, 60))).toEqual([`--include /communications/callRecords/{id}/sessions${open}`.slice(0, 60)]);
}, 5_000);
