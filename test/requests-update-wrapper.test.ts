// A function of the caller's that passes an update's body and options on, generic in `replace`
// (README, "Request functions"): the compiler relates the wrapper's body type, `rt.UpdateBody<…, R>`,
// to the update function's, generic in `R` too. What the types do: the body follows the options
// through the wrapper, as through the update function. What the compiler does for it: little more
// than for the same wrapper that names `R` itself (`updateItem<R>(…)`), which relates nothing
// generic. An earlier `rt.UpdateBody` (a union's distribution in its PUT branch) made TypeScript 7
// relate a PUT's body to a PATCH's at every depth there: about 40 times the types of the program
// without it, 20–45 s and 1.5 GB (docs/performance-notes.md). Checked by the real compilers on the
// validation fixture's output.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { forEachCompiler, runTsc, runTscCases, STRICT_OPTIONS, type Compiler } from "./helpers/typecheck";

/** The wrapper README shows, calling `updateItem` as written (`R` inferred) or with `R` named. */
function wrapper(call: "updateItem" | "updateItem<R>"): string {
  return `import * as rt from "./runtime.js";
import { items, updateItem } from "./Test.Validation.requests.js";

declare const client: rt.Client;
const item = items().byKey(1);

export async function save<R extends boolean | undefined = undefined>(body: Parameters<typeof updateItem<R>>[2], options?: rt.UpdateOptions<R>): Promise<void> {
  await ${call}(client, item, body, options);
}
`;
}

const USAGE = `${wrapper("updateItem")}
import type { ItemNavigation, ItemUpdateInput } from "./Test.Validation.requests.js";
import type { Item } from "./Test.Validation.types.js";

declare const whole: Item;

// The body's type written out: the same type.
async function saveNamed<R extends boolean | undefined = undefined>(body: rt.UpdateBody<ItemUpdateInput, R, never, never, ItemNavigation>, options?: rt.UpdateOptions<R>): Promise<void> {
  await updateItem(client, item, body, options);
}
// A wrapper of the wrapper.
async function saveLogged<R extends boolean | undefined = undefined>(body: Parameters<typeof save<R>>[0], options?: rt.UpdateOptions<R>): Promise<void> {
  await save(body, options);
}
// A PUT's body is the Replacement of the write type, both ways.
declare const put: rt.UpdateBody<ItemUpdateInput, true, never, never, ItemNavigation>;
declare const replacement: rt.Replacement<ItemUpdateInput, never, never, ItemNavigation>;
const back: rt.Replacement<ItemUpdateInput, never, never, ItemNavigation> = put;
const forth: rt.UpdateBody<ItemUpdateInput, true, never, never, ItemNavigation> = replacement;
void back;
void forth;

export async function usage(): Promise<void> {
  await save({ name: "n" });
  await save(whole, { replace: true });
  // @ts-expect-error a PUT through it takes the whole entity
  await save({ name: "n" }, { replace: true });
  await saveNamed({ name: "n" }, { etag: "*" });
  await saveNamed(whole, { replace: true });
  // @ts-expect-error so through the body's type written out
  await saveNamed({ name: "n" }, { replace: true });
  await saveLogged({ name: "n" });
  await saveLogged(whole, { replace: true });
  // @ts-expect-error and through a wrapper of the wrapper
  await saveLogged({ name: "n" }, { replace: true });
  // @ts-expect-error a PATCH's body keeps its types
  await saveLogged({ name: 7 });
}
`;

let dir = "";
beforeAll(() => {
  dir = generateFixture("validation.xml", "requests-update-wrapper");
});

/** How many types the compiler made for `text` beside the generated modules (its `--extendedDiagnostics`). */
function typesMade(c: Compiler, name: string, text: string): number {
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, text);
  try {
    const r = runTsc(c, dir, [file], { ...STRICT_OPTIONS, extendedDiagnostics: true });
    const m = /^Types:\s+(\d+)$/m.exec(r.output);
    if (!m || r.status !== 0) throw new Error(`tsc failed or printed no type count:\n${r.output}`);
    return Number(m[1]);
  } finally {
    fs.rmSync(file);
  }
}

forEachCompiler((label, c) => {
  describe(label, () => {
    test("the body follows the options through a wrapper, its type written either way, and through a wrapper of it", () => {
      const [r] = runTscCases(c, [{ from: [dir], usage: USAGE }]);
      expect(r.output).toBe("");
      expect(r.status).toBe(0);
    });

    test("the wrapper costs the compiler less than 3 times the types of the same wrapper naming R", () => {
      const named = typesMade(c, "wrapper-named", wrapper("updateItem<R>"));
      const inferred = typesMade(c, "wrapper-inferred", wrapper("updateItem"));
      expect(inferred).toBeLessThan(3 * named);
    });
  });
});
