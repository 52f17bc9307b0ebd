/**
 * Microsoft Graph v1.0's alternate keys, as its documentation uses them: a slice of the whole
 * document (one of its paths written with an alternate key; keys as segments, as README's Graph user generates it) builds `GET
 * /servicePrincipals(appId='…')`, `PATCH /applications(uniqueName='…')` with `Prefer:
 * create-if-missing` (an upsert) and `GET /directoryRoles(roleTemplateId='…')` over real HTTP on
 * 127.0.0.1, and its code compiles, where an alias Graph does not declare does not. Skips visibly
 * when ../shared/corpus is absent.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { GENERATED } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { anyCompiler, BASE_OPTIONS, runTsc } from "./helpers/typecheck";

const d = describeWithGraph("graph-alternate-keys");

/** What the tests call of the generated modules (required at run time, type-checked in usage.ts below). */
interface Address { path: string }
interface Collection extends Address { byKey(key: unknown): Address }
interface Api {
  servicePrincipals(): Collection;
  applications(): Collection;
  directoryRoles(): Collection;
  directoryRoleMembers(role: Address): Collection;
  getServicePrincipal(client: unknown, target: Address): Promise<unknown>;
  updateApplication(client: unknown, target: Address, body: object, options: object): Promise<unknown>;
  getDirectoryRole(client: unknown, target: Address): Promise<unknown>;
}

const USAGE = `
import { applications, directoryRoles, getServicePrincipal, servicePrincipals, updateApplication } from "./microsoft.graph.requests.js";
import type { Client } from "./index.js";
declare const client: Client;
export async function usage(appId: string): Promise<void> {
  await getServicePrincipal(client, servicePrincipals().byKey({ appId }));
  await updateApplication(client, applications().byKey({ uniqueName: "x" }), { displayName: "y" }, { headers: { Prefer: "create-if-missing" } });
  directoryRoles().byKey({ roleTemplateId: "r" });
  // @ts-expect-error servicePrincipal has no alternate key uniqueName (application has)
  servicePrincipals().byKey({ uniqueName: "x" });
}
`;

d("Microsoft Graph v1.0 alternate keys", () => {
  let dir: string;
  let srv: Loopback;
  beforeAll(async () => {
    const result = generate({ inputs: [{ file: GRAPH, content: fs.readFileSync(GRAPH, "utf8") }], include: ["/servicePrincipals", "/applications", "/directoryRoles(roleTemplateId={roleTemplateId})/members"], keyAsSegment: true });
    dir = path.join(GENERATED, "graph-altkeys");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of result.files) fs.writeFileSync(path.join(dir, name), content);
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("byKey({ appId }) builds Graph's documented URLs, in parentheses beside key segments; an upsert sends Prefer: create-if-missing", async () => {
    const api = require(path.join(dir, "microsoft.graph.requests")) as Api;
    const rt = require(path.join(dir, "runtime")) as { createClient(o: { baseUrl: string }): unknown };
    const client = rt.createClient({ baseUrl: `${srv.url}/v1.0` });
    srv.handle((r) => (r.method === "PATCH" ? { status: 201, body: { id: "n", uniqueName: "my-app" } } : { body: { id: "x" } }));
    await api.getServicePrincipal(client, api.servicePrincipals().byKey({ appId: "00000003-0000-0000-c000-000000000000" }));
    await api.updateApplication(client, api.applications().byKey({ uniqueName: "my-app" }), { displayName: "Mine" }, { headers: { Prefer: "create-if-missing" } });
    await api.getDirectoryRole(client, api.directoryRoles().byKey({ roleTemplateId: "62e90394-69f5-4237-9190-012177145e10" }));
    expect(api.directoryRoleMembers(api.directoryRoles().byKey({ roleTemplateId: "t" })).path).toBe("/directoryRoles(roleTemplateId='t')/members");
    expect(api.servicePrincipals().byKey("sp1").path).toBe("/servicePrincipals/sp1");
    expect(srv.requests.map((r) => [r.method, r.url, r.headers.prefer ?? ""])).toEqual([
      ["GET", "/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')", ""],
      ["PATCH", "/v1.0/applications(uniqueName='my-app')", "create-if-missing"],
      ["GET", "/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')", ""],
    ]);
  });

  test("the usage compiles, and an alias the entity set does not have is a compile error", () => {
    fs.writeFileSync(path.join(dir, "usage.ts"), USAGE);
    fs.writeFileSync(path.join(dir, "usage-bare.ts"), USAGE.replace(/^ *\/\/ @ts-expect-error.*\n/gm, "\n"));
    const r = runTsc(anyCompiler(), dir, ["usage.ts", "usage-bare.ts"], BASE_OPTIONS);
    const lines = r.output.split("\n").filter((l) => /error TS/.test(l));
    expect(lines.filter((l) => !l.startsWith("usage-bare.ts(10,"))).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
