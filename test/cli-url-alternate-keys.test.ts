/**
 * Alternate keys in URL paths (test/fixtures/requests/alternate-keys.xml): `odatagen url` prints
 * byKey with an object of the alternate key's aliases, refuses an alias the entity does not have
 * (exit 1, with the nearest), and a slice by such a path keeps what the plain path keeps.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { runCliAsync, scratch } from "./helpers/cli";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "alternate-keys.xml");
const url = (...args: string[]) => runCliAsync(["url", "-i", FIXTURE, ...args], scratch());
const code = (stdout: string) => stdout.split("\n").filter((l) => /^(const|await) /.test(l));

test.concurrent.each([
  ["GET", "/applications(appId={appId})", ["const target = applications().byKey({ appId });", "const result = await getApplication(client, target);"]],
  ["PATCH", "/applications(uniqueName='my-app')", ['const target = applications().byKey({ uniqueName: "my-app" });', "const result = await updateApplication(client, target, body);"]],
  ["GET", "/devices(vendor='acme',serial=5)", ['const target = devices().byKey({ vendor: "acme", serial: 5 });', "const result = await getDevice(client, target);"]],
  ["DELETE", "/members(badgeNumber={badge})", ["const target = members().byKey({ badgeNumber: badge });", "await deleteMember(client, target);"]],
  ["GET", "/applications({id})/owners(userName='kim')", ["const application = applications().byKey(id);", 'const target = applicationOwners(application).byKey({ userName: "kim" });', "const result = await getMember(client, target);"]],
])("%s %s", async (method, p, want) => {
  const r = await url(method, p);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(code(r.stdout)).toEqual(want);
});

test.concurrent("a placeholder of an alternate key is a variable of its property's type", async () => {
  const r = await url("/devices(vendor={vendor},serial={serial})");
  expect(r.stdout).toContain("// serial (number | bigint | string): alternate key property serial of a Dir.device\n");
});

test.concurrent("an alias the entity does not have exits 1 with the keys it has and the nearest", async () => {
  const r = await url("GET", "/applications(appid='x')");
  expect([r.code, r.stdout]).toEqual([1, ""]);
  expect(r.stderr).toBe("odatagen: GET /applications(appid='x'): Dir.application has no key named appid here: it is addressed by its key (id), (appId), (uniqueName); did you mean appId?\n");
  // The set's alternate key is not the navigation property's.
  const nav = await url("/applications('a')/owners(email='x')");
  expect(nav.code).toBe(1);
  expect(nav.stderr).toContain("Dir.member has no key named email here: it is addressed by its key (id), (badgeNumber), (userName)");
  // An entity set whose type has no key (ODG106) takes none by name either.
  const keyless = await runCliAsync(["url", "-i", path.join(__dirname, "fixtures", "requests", "keyless-view.xml"), "/SalesByRegion(region='x')"], scratch());
  expect([keyless.code, keyless.stdout]).toEqual([1, ""]);
  expect(keyless.stderr).toContain("odatagen: GET /SalesByRegion(region='x'): Reports.SalesByRegion has no key named region here: it has no key\n");
});

test("a slice by an alternate-key path keeps what the plain path keeps", () => {
  const content = fs.readFileSync(FIXTURE, "utf8");
  const run = (include: string) => generate({ inputs: [{ file: FIXTURE, content }], include: [include] }).files;
  const plain = run("/applications/{id}/owners");
  const alternate = run("/applications(appId={appId})/owners");
  expect([...alternate.keys()]).toEqual([...plain.keys()]);
  for (const [name, text] of plain) if (!name.endsWith(".json")) expect(alternate.get(name)).toBe(text);
  expect(plain.get("Dir.requests.ts")).toContain("export function applications()");
});
