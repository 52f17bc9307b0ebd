/**
 * `odatagen diff` on the first parameter of an operation that had none: its generated function
 * gains a `params` argument before `options`, so a call that passed options no longer compiles,
 * even when the new parameter may be left out (Core.OptionalParameter, an action's nullable one).
 * A later optional parameter only adds a member to `params`. Checked against the real compiler too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { diff, entity, one, wrap } from "./helpers/diff";
import { forEachCompiler, runTscCases, type Compiler } from "./helpers/typecheck";

const OPTIONAL = '<Annotation Term="Org.OData.Core.V1.OptionalParameter"/>';
const binding = '<Parameter Name="it" Type="d.t" Nullable="false"/>';
const set = '<EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t"/><ActionImport Name="go" Action="d.go"/></EntityContainer>';
/** Bound action `poke` and unbound action `go` (imported), each with `params`. */
const service = (params: string) =>
  entity("") + `<Action Name="poke" IsBound="true">${binding}${params}</Action><Action Name="go">${params}</Action>` + set;
const first = "the first: its function now takes params before options, so a call that passes options no longer compiles";

test("an operation's first parameter breaks its callers, optional or not; a later optional one does not", () => {
  const nullable = '<Parameter Name="x" Type="Edm.String"/>';
  expect(one(service(""), service(nullable))).toEqual([
    ["changed", "d.poke(d.t)", `parameter x added (optional), ${first}`, true],
    ["changed", "d.go()", `parameter x added (optional), ${first}`, true],
  ]);
  expect(diff(service(""), service(nullable)).bump).toBe("major");
  // A function's parameter that may be left out: Core.OptionalParameter.
  const fn = (params: string) => entity("") + `<Function Name="f" IsBound="true">${binding}${params}<ReturnType Type="Edm.String"/></Function>`;
  expect(one(fn(""), fn(`<Parameter Name="x" Type="Edm.String">${OPTIONAL}</Parameter>`))).toEqual([["changed", "d.f(d.t)", `parameter x added (optional), ${first}`, true]]);
  // Two at once: the first line says why it breaks, the second is an added member of params.
  const two = `${nullable}<Parameter Name="y" Type="Edm.String"/>`;
  expect(one(service(""), service(two)).filter((c) => c[1] === "d.go()")).toEqual([
    ["changed", "d.go()", `parameter x added (optional), ${first}`, true],
    ["changed", "d.go()", "parameter y added (optional)", false],
  ]);
  // Where params was already taken, a new optional parameter is one more member of it: a minor bump.
  const later = diff(service(nullable), service(two));
  expect(later.changes.map((c) => [c.path, c.detail, c.breaking])).toEqual([
    ["d.poke(d.t)", "parameter y added (optional)", false],
    ["d.go()", "parameter y added (optional)", false],
  ]);
  expect(later.bump).toBe("minor");
});

/** The old version's client code: each operation called with options. */
const USAGE = `
import * as rt from "./runtime.js";
import { go, poke, ts } from "./d.requests.js";
declare const client: rt.Client;
declare const options: rt.ActionOptions;
export async function use(): Promise<void> {
  await poke(client, ts().byKey("a"), { signal: AbortSignal.timeout(10) });
  await go(client, options);
  await go(client);
}
`;

function generated(params: string): string {
  const dir = scratch();
  const { files } = generate({ inputs: [{ file: "s.xml", content: wrap(service(params)) }] });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

forEachCompiler((label: string, c: Compiler) => {
  test(`${label}: the generated code agrees: a call with options no longer compiles after the first parameter, whatever a later one`, () => {
    const nullable = '<Parameter Name="x" Type="Edm.String"/>';
    const [before, after] = runTscCases(c, ["", nullable].map((p) => ({ from: [generated(p)], usage: USAGE })));
    expect(before.output).toBe("");
    const lines = [...after.output.matchAll(/^usage\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
    expect(lines).toEqual([7, 8]);
  });
});
