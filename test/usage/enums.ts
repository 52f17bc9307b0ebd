// Uses the golden output of test/fixtures/enums.xml.
import { ColourValues, type Colour, type Finish, type Swatch } from "./paint.types.js";
import { assertSwatch } from "./paint.validators.js";

export const all: readonly Colour[] = ColourValues;
export const finish: Finish = "matte,gloss";
export const swatch: Swatch = { colour: "red", mixes: ["green"], maybeMixes: [null, "blue"], finishes: ["none"], code: -3 };

export function read(json: unknown): Colour {
  assertSwatch(json, { complete: true }); // complete: a swatch with every required property, typed Swatch
  return json.colour;
}
