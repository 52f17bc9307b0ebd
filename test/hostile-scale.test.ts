// Output grows in proportion to the metadata, also for documents shaped to make it grow faster:
// each shape is generated at n and at 2n, and the output (all artifacts but the static files, in
// characters) may grow a little over 2× (names get a digit longer), never n× as a quadratic design would.
import { generate } from "../generator/generate";
import { STATIC_FILES } from "../generator/emit/emit";
import { MAX_BASE_DEPTH } from "../generator/model/base-chains";

// Plain JavaScript, shared with bench/hostile.js (which prints the timings).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../bench/hostile-shapes.js") as {
  shapes: Record<string, (n: number) => string>;
  document: (body: string) => string;
  MAX_BASE_DEPTH: number;
};
const { shapes, document } = hostile;

/** The size of what is generated from the metadata (the static runtime files are the same for any). */
const outputSize = (body: string) => {
  let size = 0;
  for (const [file, text] of generate({ inputs: [{ file: "h.xml", content: document(body) }] }).files)
    if (!STATIC_FILES.includes(file)) size += text.length;
  return size;
};

test("the shapes assume the limit the model enforces", () => {
  expect(hostile.MAX_BASE_DEPTH).toBe(MAX_BASE_DEPTH);
});

describe("output grows in proportion to the metadata", () => {
  test.each(Object.keys(shapes))("%s", (name) => {
    const n = name === "deep inheritance" ? 8 : 60; // 8 chains of 33 types
    const once = outputSize(shapes[name](n));
    const twice = outputSize(shapes[name](2 * n));
    expect(twice / once).toBeLessThanOrEqual(2.2);
    expect(twice / once).toBeGreaterThan(1.5); // the shape does scale with n
  });
});
