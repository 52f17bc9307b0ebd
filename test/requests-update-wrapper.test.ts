// A function of the caller's that passes an update's body and options on, generic in `replace`
// (README, "Request functions"): the compiler relates the wrapper's body type, `rt.UpdateBody<…, R>`,
// to the update function's, generic in `R` too. What the types do: the body follows the options
// through the wrapper, as through the update function. What the compiler does for it: little more
// than for the same wrapper that names `R` itself (`updateItem<R>(…)`), which relates nothing
// generic. An earlier `rt.UpdateBody` (a union's distribution in its PUT branch) made TypeScript 7
// relate a PUT's body to a PATCH's at every depth there: about 40 times the types of the program
// without it, 20–45 s and 1.5 GB (docs/performance-notes.md). Checked by the real compilers on the
// output of the validation fixture (an entity type's update) and of put-bodies (an abstract type's);
// and a read's wrapper, generic in `select` and `expand`, on trippin-lite's.
import { generateFixture } from "./helpers/generated";
import { forEachCompiler, runTscCases, typesMadeEach, type CountedFile, type TscResult, type UsageCase } from "./helpers/typecheck";

/** An update function of a generated module: of an entity type, and of an abstract one (a union of `UpdateBody`s, one per subtype). */
interface Update {
  module: string;
  set: string;
  update: string;
  key: string;
}
const ITEM: Update = { module: "Test.Validation.requests.js", set: "items", update: "updateItem", key: "1" };
const SHAPE: Update = { module: "Put.requests.js", set: "shapes", update: "updateShape", key: '"s1"' };

/** The wrapper README shows, calling the update function as written (`R` inferred) or with `R` named. */
function wrapper(u: Update, nameR: boolean): string {
  return `import * as rt from "./runtime.js";
import { ${u.set}, ${u.update} } from "./${u.module}";

declare const client: rt.Client;
const target = ${u.set}().byKey(${u.key});

export async function save<R extends boolean | undefined = undefined>(body: Parameters<typeof ${u.update}<R>>[2], options?: rt.UpdateOptions<R>): Promise<void> {
  await ${u.update}${nameR ? "<R>" : ""}(client, target, body, options);
}
`;
}

const USAGE = `${wrapper(ITEM, false)}
import type { ItemNavigation, ItemUpdateInput } from "./Test.Validation.requests.js";
import type { Item } from "./Test.Validation.types.js";

declare const whole: Item;

// The body's type written out: the same type.
async function saveNamed<R extends boolean | undefined = undefined>(body: rt.UpdateBody<ItemUpdateInput, R, never, never, ItemNavigation>, options?: rt.UpdateOptions<R>): Promise<void> {
  await updateItem(client, target, body, options);
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

const SHAPE_USAGE = `${wrapper(SHAPE, false)}
export async function usage(): Promise<void> {
  await save({ label: "l" });
  await save({ "@odata.type": "#Put.Circle", label: "l", radius: 1 }, { replace: true });
  // @ts-expect-error a circle's radius is missing
  await save({ "@odata.type": "#Put.Circle", label: "l" }, { replace: true });
}
`;

// A read of the caller's that passes its options on, generic in `select` and `expand`: of the
// wrappers measured against the other conditional types (`rt.Selected`, `rt.ReadOneQuery`,
// `rt.Created`, a deep insert's `Each`), the one that made the compilers build the most types beside
// the same wrapper naming its type arguments (1.1 times; a create's wrapper generic in `prefer`, a
// list's generic in `expand`, 1.0: docs/performance-notes.md). Checked on TripPin's people, whose
// navigation properties lead back to people.
function reader(nameSE: boolean): string {
  return `import * as rt from "./runtime.js";
import { getPerson, people, type PersonNavigation } from "./Travel.Lite.requests.js";
import type { Person } from "./Travel.Lite.types.js";

declare const client: rt.Client;

export function load<S extends rt.PropertyName<Person, PersonNavigation> = never, const E extends rt.Expand<PersonNavigation> = never>(options?: rt.ReadOneQuery<PersonNavigation, S, E>) {
  return getPerson${nameSE ? "<S, E>" : ""}(client, people().byKey("u"), options);
}
`;
}

const READER_USAGE = `${reader(false)}
export async function usage(): Promise<string> {
  const p = await load({ select: ["FirstName"], expand: { Trips: { select: ["Name"] } } });
  // @ts-expect-error not selected
  void p.Age;
  // @ts-expect-error not expanded
  void p.Friends;
  // @ts-expect-error not a property
  await load({ select: ["Nickname"] });
  return p.FirstName + p.Trips.map((t) => t.Name).join();
}
`;

let dir = "";
let put = "";
let trippin = "";
beforeAll(() => {
  dir = generateFixture("validation.xml", "requests-update-wrapper");
  put = generateFixture("requests/put-bodies.xml", "requests-update-wrapper-put");
  trippin = generateFixture("trippin-lite.xml", "requests-update-wrapper-read");
});

/** The wrappers whose types are counted, each as written (`R`, `S` and `E` inferred) and naming its type arguments. */
function counted(): { update: Record<"item" | "shape", CountedFile[]>; read: CountedFile[] } {
  const pair = (folder: string, name: string, text: (named: boolean) => string): CountedFile[] => [
    { folder, name: `${name}-named`, text: text(true) },
    { folder, name: `${name}-inferred`, text: text(false) },
  ];
  return { update: { item: pair(dir, "wrapper", (n) => wrapper(ITEM, n)), shape: pair(put, "wrapper", (n) => wrapper(SHAPE, n)) }, read: pair(trippin, "reader", reader) };
}

forEachCompiler((label, c) => {
  describe(label, () => {
    // The compiler's type counts for every wrapper, each its own program, all in one tsc run (made
    // by the first test that asks). If that run fails, each test counts its own wrappers alone, so
    // the failure is the one test's whose wrapper does not compile.
    let counts: number[] | "alone" | undefined;
    const typesMade = (files: (w: ReturnType<typeof counted>) => CountedFile[]): [named: number, inferred: number] => {
      const w = counted();
      const all = [...w.update.item, ...w.update.shape, ...w.read];
      if (!counts) {
        try {
          counts = typesMadeEach(c, all);
        } catch {
          counts = "alone";
        }
      }
      const mine = files(w);
      const [named, inferred] = counts === "alone" ? typesMadeEach(c, mine) : mine.map((f) => (counts as number[])[all.indexOf(f)]);
      return [named, inferred];
    };

    // The usage programs of the two tests below, in one tsc run (one program), made by the first test
    // that asks; if that run fails as a whole, each test compiles its own cases alone.
    let usages: TscResult[] | "alone" | undefined;
    const compiled = (which: "update" | "read"): TscResult[] => {
      const cases: Record<typeof which, UsageCase[]> = {
        update: [{ from: [dir], usage: USAGE }, { from: [put], usage: SHAPE_USAGE }],
        read: [{ from: [trippin], usage: READER_USAGE }],
      };
      if (!usages) {
        try {
          usages = runTscCases(c, [...cases.update, ...cases.read]);
        } catch {
          usages = "alone";
        }
      }
      if (usages === "alone") return runTscCases(c, cases[which]);
      return which === "update" ? usages.slice(0, 2) : usages.slice(2);
    };

    test("the body follows the options through a wrapper, its type written either way, and through a wrapper of it; of an abstract type's update too", () => {
      const results = compiled("update");
      expect(results.map((r) => r.output)).toEqual(["", ""]);
      expect(results.map((r) => r.status)).toEqual([0, 0]);
    });

    test.each([["an entity type's", "item"], ["an abstract type's", "shape"]] as const)("a wrapper of %s update costs the compiler less than 3 times the types of the same wrapper naming R", (_what, u) => {
      const [named, inferred] = typesMade((w) => w.update[u]);
      expect(inferred).toBeLessThan(3 * named);
    });

    test("a read's wrapper generic in select and expand reads as the read does, and costs the compiler less than 3 times the types of the same wrapper naming them", () => {
      const [r] = compiled("read");
      expect(r.output).toBe("");
      const [named, inferred] = typesMade((w) => w.read);
      expect(inferred).toBeLessThan(3 * named);
    });
  });
});
