// Core.Permissions on properties (test/fixtures/requests/read-only.xml, as Graph writes it on
// community/groupId without Core.Computed): `Read` alone is read-only, which the validators refuse
// in a body, saying so, and the write types leave out; ReadWrite, Read with Write, or Write is sent.
// Write alone is write-only: a read need not hold it, whatever its Nullable, and its read type says so.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { anyCompiler, runTsc, tsFiles } from "./helpers/typecheck";

const dir = generateFixture("requests/read-only.xml", "read-only");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pv: typeof import("./.generated/read-only/Perm.validators") = require(path.join(dir, "Perm.validators"));

const messages = (value: object, mode: "create" | "update" | "read") => pv.validateCommunity(value, { mode }).errors.map((e) => `${e.path}: ${e.message}`);

test("a property that is Read alone is read, and refused in create and update bodies as read-only", () => {
  expect(messages({ id: "c", groupId: "g", starterId: "s" }, "read")).toEqual([]);
  // Required in a read (Nullable="false"), but not sent: a create body leaves it out.
  expect(pv.validateCommunity({ id: "c" }, { complete: true }).errors.map((e) => e.message)).toEqual(["required property starterId is missing"]);
  expect(messages({ displayName: "d" }, "create")).toEqual([]);
  expect(messages({ displayName: "d", groupId: "g", starterId: "s" }, "create")).toEqual([
    "/groupId: groupId is read-only (Core.Permissions) and cannot be sent",
    "/starterId: starterId is read-only (Core.Permissions) and cannot be sent",
  ]);
  expect(messages({ groupId: "g" }, "update")).toEqual(["/groupId: groupId is read-only (Core.Permissions) and cannot be sent"]);
  // ReadWrite, Read with Write, and Write alone may be sent.
  expect(messages({ displayName: "d", creationMode: "m", both: "b", flags: "f" }, "create")).toEqual([]);
});

test("a property that is Write alone is not required in a read though not nullable: the validator passes a read without it, and its read type is optional, saying why", () => {
  expect(pv.validateCommunity({ id: "c", starterId: "s" }, { complete: true }).errors).toEqual([]);
  expect(messages({ id: "c", starterId: "s", creationMode: null }, "read")).toEqual(["/creationMode: creationMode cannot be null"]);
  const types = fs.readFileSync(path.join(dir, "Perm.types.ts"), "utf8");
  expect(types).toContain("  /** Write-only (Core.Permissions Write): reads do not hold it. */\n  creationMode?: string;\n");
});

test("the write types leave the read-only properties out: a body naming one does not compile", () => {
  const use = path.join(dir, "use-read-only.ts");
  fs.writeFileSync(use, [
    'import type { Client } from "./runtime.js";',
    'import { communities, createCommunity, updateCommunity } from "./Perm.requests.js";',
    'export const made = (client: Client) => createCommunity(client, communities(), { displayName: "d", creationMode: "m", both: "b", flags: "f" });',
    'export const changed = (client: Client) => updateCommunity(client, communities().byKey("c"), { groupId: "g" });',
    "",
  ].join("\n"));
  try {
    const r = runTsc(anyCompiler(), dir, tsFiles(dir));
    expect(r.output.split("\n").filter((l) => l.includes("error TS")).map((l) => l.replace(/\(\d+,\d+\)/, ""))).toEqual([
      expect.stringMatching(/^use-read-only\.ts: error TS2353: Object literal may only specify known properties, and '"?groupId"?' does not exist in type/),
    ]);
  } finally {
    fs.rmSync(use);
  }
});
