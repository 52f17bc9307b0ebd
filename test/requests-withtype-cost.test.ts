// What `rt.WithType` (an abstract type's create body: its subtypes' bodies, `@odata.type` required)
// costs the compiler beyond the union it wraps. As a conditional type that distributed over the
// members and read each one's `@odata.type`, it made the compiler resolve every property of every
// subtype's body wherever a signature named it: on Graph v1.0, 108,000 of 632,000 instantiations for
// 74 create functions (docs/performance-notes.md). Counted with the real compilers (the types each
// program makes, not time), on put-bodies' `Shape` (two subtypes); what the type accepts and refuses
// is requests-types-patch's.
import { generateFixture } from "./helpers/generated";
import { forEachCompiler, typesMadeEach } from "./helpers/typecheck";

let dir: string;

beforeAll(() => {
  dir = generateFixture("requests/put-bodies.xml", "requests-withtype-cost");
});

/** A module that declares one body of the given type, of put-bodies' entity types (no request module, so nothing else names it). */
function declaring(name: string, type: string): { folder: string; name: string; text: string } {
  const text = `import type * as rt from "./runtime.js";
import type { Circle, Square } from "./Put.types.js";

export declare const body: ${type};
`;
  return { folder: dir, name, text };
}

forEachCompiler((label, c) => {
  test(`${label}: rt.WithType adds a few types to the union of bodies it wraps, not one per property of each member`, () => {
    const [withType, union] = typesMadeEach(c, [
      declaring("with-type", "rt.WithType<rt.New<Circle> | rt.New<Square>>"),
      declaring("union", "rt.New<Circle> | rt.New<Square>"),
    ]);
    // Measured: 5 more on TypeScript 5.9, 9 on 7 (the intersections with `TypeNamed`); the conditional
    // made 13 and 169 more, growing with each member's properties.
    expect(withType - union).toBeLessThan(11);
  });
});
