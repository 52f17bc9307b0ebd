// Uses the golden output of test/fixtures/validation.xml: guards narrow to the declared types (with
// `complete: true`), else to the types with every property optional.
import type { AnyShape, Color, Permission } from "./Test.Validation.types.js";
import { checkPrimitives, isShape, validatePrimitives } from "./Test.Validation.validators.js";
import { validateCollection, type Sparse } from "./index.js";

export function use(value: unknown): Color | undefined {
  const shape: AnyShape | undefined = isShape(value, { complete: true }) ? value : undefined;
  const some: Sparse<AnyShape> | undefined = isShape(value) ? value : undefined;
  const flags: Permission = "Read,Write";
  const result = validatePrimitives(value, { mode: "update", strict: false, maxErrors: 5 });
  const list = validateCollection(checkPrimitives, { value: [value] });
  void [shape, some, flags, result.errors.map((e) => e.path), list.valid];
  return result.valid ? "Red" : undefined;
}
