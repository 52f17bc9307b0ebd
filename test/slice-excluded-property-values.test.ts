/**
 * A property whose type an `--exclude` leaves out is not in the slice's types, yet the service still
 * sends it in every read: the slice's validators let it through unchecked (whatever `strict` says),
 * rather than reporting an unknown property of a type that declares it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { FIXTURES, GENERATED } from "./helpers/generated";
import { anyCompiler, runTsc } from "./helpers/typecheck";

const CSDL = fs.readFileSync(path.join(FIXTURES, "slice/omitted-subtypes.xml"), "utf8");

interface Validators {
  validateSession(v: unknown, options?: { strict?: boolean; mode?: "read" | "create" | "update" | "replace" }): { valid: boolean; errors: { path: string; message: string }[] };
}

/** The slice of `/callRecords/**` without t.endpoint (session's caller and callee), in test/.generated. */
function excludedSlice(): Validators {
  const result = generate({ inputs: [{ file: "slice/omitted-subtypes.xml", content: CSDL }], include: ["/callRecords/**"], exclude: ["t.endpoint"] });
  const dir = path.join(GENERATED, "excluded-property-values");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(dir, "t.validators"));
}

const session = (more: Record<string, unknown> = {}) => ({
  id: "s1",
  modalities: ["audio"],
  startDateTime: "2024-01-01T10:00:00Z",
  caller: { "@odata.type": "#t.participantEndpoint", name: "laptop", region: "video" },
  callee: null,
  ...more,
});
const errors = (r: { errors: { path: string; message: string }[] }) => r.errors.map((e) => `${e.path}: ${e.message}`);

describe("a property left out of a slice by an --exclude of its type", () => {
  const v = excludedSlice();

  test("a read that holds it passes, its value unchecked", () => {
    expect(errors(v.validateSession(session()))).toEqual([]);
    expect(errors(v.validateSession(session({ caller: 42 })))).toEqual([]);
  });

  test("the other properties are still checked, and an unknown one is still reported", () => {
    expect(errors(v.validateSession(session({ modalities: ["radio"], extra: 1 })))).toEqual([
      expect.stringMatching(/^\/modalities\/0: /),
      "/extra: unknown property extra",
    ]);
  });
});

test("a complex type whose only properties an --exclude leaves out still compiles under --strict (no unused parameter)", () => {
  // Ev.Outcome holds only a collection of Ev.Result, which the exclude leaves out.
  const content = fs.readFileSync(path.join(FIXTURES, "requests/evolvable-enums.xml"), "utf8");
  const result = generate({ inputs: [{ file: "evolvable-enums.xml", content }], include: ["/Signals/{id}/**"], exclude: ["Ev.Result"] });
  const dir = path.join(GENERATED, "excluded-only-properties");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of result.files) fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
  const files = [...result.files.keys()].filter((f) => f.endsWith(".ts"));
  const r = runTsc(anyCompiler(), dir, files);
  expect(r.output.trim()).toBe("");
  expect(r.status).toBe(0);
}, 60000);
