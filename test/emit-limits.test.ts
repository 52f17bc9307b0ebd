// A module longer than a JavaScript string can be (about 512 MB, so roughly 100 MB of metadata in one
// namespace) is a diagnostic that names the module and what to do, not an internal error. The
// engine's own RangeError is simulated: producing it for real takes gigabytes of memory.
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import * as renderModule from "../generator/emit/render";
import { generate } from "../generator/generate";
import { FIXTURES_DIR } from "./helpers/fixtures";
import { withValidatorsOverLimit } from "./helpers/render-limit";

test("a module over the string limit is ODG404, naming the module", () => {
  const content = fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8");
  let error: unknown;
  withValidatorsOverLimit(() => {
    try {
      generate({ inputs: [{ file: "orders.xml", content }] });
    } catch (e) {
      error = e;
    }
  });
  expect(error).toBeInstanceOf(GenerationError);
  expect((error as GenerationError).diagnostics.map((d) => [d.code, d.file, d.path, d.message])).toEqual([
    ["ODG404", "orders.xml", "shop.validators.ts", "shop.validators.ts would be longer than the longest string JavaScript can hold (512 MB): generate a slice (--include) or leave artifacts out (--no-validators, --no-requests)"],
  ]);
});

test("any other error while rendering stays an error of odatagen's own", () => {
  const spy = jest.spyOn(renderModule, "render").mockImplementation(() => {
    throw new TypeError("a bug");
  });
  try {
    const content = fs.readFileSync(path.join(FIXTURES_DIR, "orders.xml"), "utf8");
    expect(() => generate({ inputs: [{ file: "orders.xml", content }] })).toThrow(TypeError);
  } finally {
    spy.mockRestore();
  }
});
