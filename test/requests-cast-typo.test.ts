// A typed type cast (`castAnimal(target, "zoo.model.bird")`, URL Conventions §4.11) with a misspelt
// subtype's name: the real compilers report it at the misspelt string, "not assignable to" the
// subtypes' names, rather than "No overload matches this call" at the function's name (one generic
// signature, not an overload for an entity and one for a collection). A right name still casts an
// entity (absent or not) and a collection as before, to the very same types. Its body is one call of
// `rt.cast`, which takes either address. On test/fixtures/inheritance.xml.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

const HEAD = `import * as rt from "./runtime.js";
import { animals, castAnimal, getBird, listBirds } from "./zoo.model.requests.js";
import type { AnyAnimal, Bird } from "./zoo.model.types.js";

declare const client: rt.Client;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
declare const either: rt.EntityRef<unknown, null> | rt.CollectionRef<unknown, unknown>;

export async function usage(): Promise<void> {`;

/** TypeScript's message about a string that names no subtype (the three names in either order). */
function notASubtype(name: string): RegExp {
  return new RegExp(`Argument of type '"${name.replace(/\./g, "\\.")}"' is not assignable to parameter of type '(?=[^']*"zoo\\.model\\.bird")(?=[^']*"zoo\\.model\\.parrot")(?=[^']*"zoo\\.model\\.fish")"zoo\\.model\\.\\w+"( \\| "zoo\\.model\\.\\w+"){2}'`);
}

/** A line each, and where the compiler refuses it, the text its error starts at and a part of its message. */
const LINES: [line: string, error?: [at: string, message: RegExp]][] = [
  [`const typo = castAnimal(animals().byKey("a"), "zoo.model.brid"); void typo;`, [`"zoo.model.brid"`, notASubtype("zoo.model.brid")]],
  [`castAnimal(animals(), "zoo.model.keeper");`, [`"zoo.model.keeper"`, notASubtype("zoo.model.keeper")]],
  [`await getBird(client, castAnimal(animals().byKey("a"), "zoo.model.bird"));`],
  [`await listBirds(client, castAnimal(animals(), "zoo.model.bird"));`],
  [`const maybe: rt.EntityRef<Bird, null> = castAnimal(rt.nullable(animals().byKey("a")), "zoo.model.bird"); void maybe;`],
  // Given its type argument, a nullable entity's cast (README), as before.
  [`const given: rt.EntityRef<Bird, null> = castAnimal<"zoo.model.bird">(animals().byKey("a"), "zoo.model.bird"); void given;`],
  [`castAnimal<"zoo.model.bird">(animals(), "zoo.model.bird");`, [`animals()`, /CollectionRef<AnyAnimal, string, \{\}>/]],
  // The results' types, exactly.
  [`const one: Same<ReturnType<typeof castAnimal<"zoo.model.bird", rt.EntityRef<AnyAnimal>>>, rt.EntityRef<Bird, never>> = true; void one;`],
  [`const many: Same<ReturnType<typeof castAnimal<"zoo.model.bird", rt.CollectionRef<AnyAnimal, string>>>, rt.CollectionRef<Bird, string>> = true; void many;`],
  [`const none: Same<ReturnType<typeof castAnimal<"zoo.model.bird">>, rt.EntityRef<Bird, null>> = true; void none;`],
  // rt.cast takes either address, as a generated cast's body hands it on: given its type arguments, both.
  [`const any: rt.EntityRef<Bird, null> | rt.CollectionRef<Bird, unknown> = rt.cast<Bird, typeof either>(either, "zoo.model.bird"); void any;`],
  // A collection's cast given only the item type matches no overload, as before that overload: it
  // does not silently become an address that may be an entity's.
  [`rt.cast<Bird>(animals(), "zoo.model.bird");`, [`animals()`, /No overload matches this call|not assignable to parameter of type 'EntityRef<unknown, null, \{\}>'/]],
  [`const sure: rt.EntityRef<Bird> = castAnimal(rt.nullable(animals().byKey("a")), "zoo.model.bird"); void sure;`, [`sure`, /is not assignable to type 'EntityRef<Bird, never, \{\}>'/]],
];

let dir = "";
beforeAll(() => {
  dir = generateFixture("inheritance.xml", "cast-typo");
});

forEachCompiler((label, c) => {
  test(`${label}: a misspelt subtype's name is reported at itself`, () => {
    const found = compileCases(c, dir, HEAD, LINES.map(([l]) => l));
    // Per line: where its first error starts (after the line's two spaces) and its message, or "compiles".
    const seen = LINES.map(([l], i) => {
      const m = found.get(i)?.[0];
      return m ? [l.slice(m.column - 3), m.text, found.get(i)?.length] : "compiles";
    });
    expect(seen).toEqual(LINES.map(([l, e]) => (e ? [expect.stringMatching(new RegExp(`^${e[0]}`)), expect.stringMatching(e[1]), 1] : "compiles")));
  });
});

test("a typed cast's body is one call of rt.cast", () => {
  const module = fs.readFileSync(path.join(dir, "zoo.model.requests.ts"), "utf8");
  const body = /export function castAnimal\([^)]*\): [^{]*\{\n([^}]*)\}/.exec(module)?.[1];
  expect(body).toBe("  return rt.cast(target, type);\n");
});
