// Uses the golden output of test/fixtures/validation.xml: guards narrow to the declared types.
import type { AnyShape, Color, Permission } from "./Test.Validation.types.js";
import { checkPrimitives, isShape, validatePrimitives } from "./Test.Validation.validators.js";
import { validateCollection } from "./index.js";

export function use(value: unknown): Color | undefined {
  const shape: AnyShape | undefined = isShape(value) ? value : undefined;
  const flags: Permission = "Read,Write";
  const result = validatePrimitives(value, { mode: "update", strict: false, maxErrors: 5 });
  const list = validateCollection(checkPrimitives, { value: [value] });
  void [shape, flags, result.errors.map((e) => e.path), list.valid];
  return result.valid ? "Red" : undefined;
}
