// A misspelt `@odata.type` on an entity nested in a body (a deep insert, a PATCH's or a PUT's related
// entity) whose type has subtypes: the real compilers name every subtype's name it may be, not the
// last member's alone ("Type '"#zoo.model.brd"' is not assignable to type '"#zoo.model.fish"'",
// which misled). The union such an entity is checked against has an entity reference among its
// members; it now has `@odata.type` too (rt.TypedReference<Q>), so TypeScript reads the property's type
// off the whole union rather than off one member it picks. Right names and entity references
// (with their type named or not) still compile. On test/fixtures/inheritance.xml.
import { generateFixture } from "./helpers/generated";
import { compileCases, forEachCompiler } from "./helpers/typecheck";

const HEAD = `import * as rt from "./runtime.js";
import { createKeeper, keepers, updateKeeper } from "./zoo.model.requests.js";

declare const client: rt.Client;
const hired = "2020-01-01T00:00:00Z";

export async function usage(): Promise<void> {`;

/** TypeScript's message about a string that names no animal type (the three names in either order). */
function notAnAnimal(name: string): RegExp {
  const names = `(?=[^']*"#zoo\\.model\\.bird")(?=[^']*"#zoo\\.model\\.parrot")(?=[^']*"#zoo\\.model\\.fish")"#zoo\\.model\\.\\w+"( \\| "#zoo\\.model\\.\\w+"){2}( \\| undefined)?`;
  return new RegExp(`error TS\\d+: Type '"${name.replace(/\./g, "\\.")}"' is not assignable to type '${names}'`);
}

const TYPO = `"@odata.type": "#zoo.model.brd"`;

/** A line each, and where the compiler refuses it, the text its error starts at and its message. */
const LINES: [line: string, error?: [at: string, message: RegExp]][] = [
  // A deep insert into a collection, as a PATCH's and a PUT's related entities.
  [`await createKeeper(client, keepers(), { id: "k", animals: [{ ${TYPO}, name: "Polly" }] });`, [TYPO, notAnAnimal("#zoo.model.brd")]],
  [`await updateKeeper(client, keepers().byKey("k"), { animals: [{ ${TYPO} }] });`, [TYPO, notAnAnimal("#zoo.model.brd")]],
  [`await updateKeeper(client, keepers().byKey("k"), { id: "k", hired, animals: [{ ${TYPO}, name: "P", tags: [] }] }, { replace: true });`, [TYPO, notAnAnimal("#zoo.model.brd")]],
  // A single-valued one.
  [`await createKeeper(client, keepers(), { id: "k", favourite: { ${TYPO}, name: "Polly" } });`, [TYPO, notAnAnimal("#zoo.model.brd")]],
  // Right names, entity references, a reference naming its type (which in an update may change that entity; a create's holds the id alone).
  [`await createKeeper(client, keepers(), { id: "k", favourite: { "@odata.type": "#zoo.model.parrot", name: "Polly", words: 3 } });`],
  [`await createKeeper(client, keepers(), { id: "k", animals: [{ "@odata.id": "animals(1)" }, { "@odata.id": "animals(2)", "@odata.type": "#zoo.model.fish" }, { "@odata.type": "#zoo.model.bird" }] });`],
  [`await updateKeeper(client, keepers().byKey("k"), { favourite: { "@odata.id": "animals(1)", "@odata.type": "#zoo.model.bird", name: "Polly" }, animals: [{ "@odata.type": "#zoo.model.fish", depth: 2 }] });`],
  [`await updateKeeper(client, keepers().byKey("k"), { id: "k", hired, animals: [{ "@odata.id": "animals(1)", "@odata.type": "#zoo.model.fish" }] }, { replace: true });`],
  // A reference made apart names its type as a literal (`as const`): one whose @odata.type widened to string is refused.
  [`const fish = (id: string) => ({ "@odata.id": id, "@odata.type": "#zoo.model.fish" }) as const; await updateKeeper(client, keepers().byKey("k"), { favourite: fish("animals(1)"), animals: [fish("animals(2)")] });`],
  [`const widened = (id: string) => ({ "@odata.id": id, "@odata.type": "#zoo.model.fish" }); await updateKeeper(client, keepers().byKey("k"), { favourite: widened("animals(1)") });`, [`favourite`, /error TS2322: Type '\{ "@odata\.id": string; "@odata\.type": string; \}' is not assignable to type '/]],
  // A reference naming no animal type is refused as well.
  [`await updateKeeper(client, keepers().byKey("k"), { favourite: { "@odata.id": "animals(1)", "@odata.type": "#zoo.model.keeper" } });`, [`"@odata.type": "#zoo.model.keeper"`, /error TS\d+: Type '"#zoo\.model\.keeper"' is not assignable to type '/]],
];

let dir = "";
beforeAll(() => {
  dir = generateFixture("inheritance.xml", "nested-type-typo");
});

forEachCompiler((label, c) => {
  test(`${label}: a misspelt @odata.type of a nested entity names every type it may be`, () => {
    const found = compileCases(c, dir, HEAD, LINES.map(([l]) => l));
    // Per line: where its first error starts (after the line's two spaces) and its message, or "compiles".
    const seen = LINES.map(([l], i) => {
      const m = found.get(i)?.[0];
      return m ? [l.slice(m.column - 3), m.text, found.get(i)?.length] : "compiles";
    });
    expect(seen).toEqual(LINES.map(([l, e]) => (e ? [expect.stringMatching(new RegExp(`^${e[0]}`)), expect.stringMatching(e[1]), 1] : "compiles")));
  });
});
