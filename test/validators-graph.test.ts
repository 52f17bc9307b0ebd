/**
 * The committed generated/graph-callrecords validators on Graph-shaped session payloads (the
 * benchmark's set): odatagen's verdict is the expected one, and agrees with ajv running the JSON
 * Schema derived from the same metadata wherever OData and JSON Schema mean the same thing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { generate } from "../generator/generate";
import * as cr from "../generated/graph-callrecords/microsoft.graph.callRecords.validators";
/* eslint-disable @typescript-eslint/no-require-imports */
const { payloads, session } = require("../bench/session-payloads") as {
  payloads: { name: string; value: unknown; valid: boolean; differs?: boolean }[];
  session: () => Record<string, unknown>;
};
const { jsonSchemaFor } = require("../bench/odata-json-schema") as { jsonSchemaFor: (model: unknown, root: string) => object };

const spec = path.join(__dirname, "..", "specs", "graph-callrecords.xml");
const { model } = generate({ inputs: [{ file: spec, content: fs.readFileSync(spec, "utf8") }] });
const ajv = new Ajv({ strict: false });
addFormats(ajv, ["date", "date-time"]);
const ajvSession = ajv.compile(jsonSchemaFor(model, "microsoft.graph.callRecords.session"));

/**
 * Whether every `@odata.type` in a value is `#` and a namespace-qualified name (not by the alias
 * `graph`, not without `#`): the only form a guard takes, as the types have it (validators-guard-forms.test.ts).
 */
function typedForm(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(typedForm);
  if (typeof v !== "object" || v === null) return true;
  return Object.entries(v).every(([k, x]) => (k === "@odata.type" ? typeof x === "string" && x.startsWith("#microsoft.graph.") : typedForm(x)));
}

describe("callRecords session payloads", () => {
  test.each(payloads.map((p) => [p.name, p] as const))("%s", (_name, p) => {
    // Whole entities as the service returns them without $select: complete, as the JSON Schema says.
    expect(cr.isSession(p.value, { complete: true })).toBe(p.valid && typedForm(p.value));
    expect(cr.validateSession(p.value, { complete: true }).valid).toBe(p.valid);
    if (!p.differs) expect(ajvSession(p.value)).toBe(p.valid);
    else expect(ajvSession(p.value)).toBe(!p.valid);
  });

  test("errors point at the defect", () => {
    const s = session();
    ((s.segments as { media: { streams: Record<string, unknown>[] }[] }[])[1].media[0].streams[0]).averageJitter = "16 ms";
    expect(cr.validateSession(s).errors).toEqual([
      {
        path: "/segments/1/media/0/streams/0/averageJitter",
        expected: "Edm.Duration (ISO 8601, e.g. PT1H30M)",
        actual: '"16 ms"',
        message: 'expected Edm.Duration (ISO 8601, e.g. PT1H30M), got "16 ms"',
      },
    ]);
  });

  test("a POST body for a session: required non-nullable present (Graph does not mark the key id Computed)", () => {
    expect(cr.validateSession({ id: "s1", modalities: ["audio"], startDateTime: "2024-01-01T00:00:00Z", endDateTime: "2024-01-01T01:00:00Z" }, { mode: "create" }).valid).toBe(true);
    expect(cr.validateSession({ modalities: ["audio"] }, { mode: "create", complete: true }).errors.map((e) => e.path)).toEqual(["/id", "/endDateTime", "/startDateTime"]);
    // Without complete (the default), a POST body may leave out what the service generates.
    expect(cr.validateSession({ modalities: ["audio"] }, { mode: "create" }).valid).toBe(true);
    expect(cr.isSession({ isTest: true }, { mode: "update" })).toBe(true);
  });
});
