// A validators module over JavaScript's longest string (ODG404), without making one: the renderer
// is made to throw V8's RangeError for that template (test/emit-limits.test.ts, library-option-wording).
import * as renderModule from "../../generator/emit/render";

/** `fn`'s result while rendering `validators.ts.hbs` throws `Invalid string length`; other templates render as they do. */
export function withValidatorsOverLimit<T>(fn: () => T): T {
  const real = renderModule.render;
  const spy = jest.spyOn(renderModule, "render").mockImplementation((template, view) => {
    if (template === "validators.ts.hbs") throw new RangeError("Invalid string length");
    return real(template, view);
  });
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}
