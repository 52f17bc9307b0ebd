// `odatagen fetch` from an OData server we did not write: @sap-ux/fe-mockserver-core (from npm)
// serving test/fixtures/trippin-lite.xml on 127.0.0.1; what it saved then generates offline.
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, scratch } from "./helpers/cli";
import { FIXTURES } from "./helpers/generated";
import { startMockServer, type RunningMockServer } from "./helpers/mockserver";

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer(path.join(FIXTURES, "trippin-lite.xml"), path.join(FIXTURES, "trippin-lite-data"));
});
afterAll(async () => {
  await server?.close();
});

test("fetch saves the mock server's $metadata, generate reads it, and a second fetch finds it unchanged", async () => {
  const dir = scratch();
  const url = `${server.serviceRoot}/$metadata`;
  const r = await runCliAsync(["fetch", url, "--out", "specs/trippin.xml"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^odatagen: specs/trippin\\.xml: saved \\([\\d,]+ bytes from ${url.replace(/[.$]/g, "\\$&")}\\)\\n$`));
  expect(server.requests.find((q) => q.url === "/trippin/$metadata")?.headers.accept).toBe("application/xml");
  const g = await runCliAsync(["generate", "-i", "specs/trippin.xml", "-o", "gen"], dir);
  expect(g.stderr).toBe("");
  expect(g.code).toBe(0);
  expect(fs.readFileSync(path.join(dir, "gen", "Travel.Lite.types.ts"), "utf8")).toMatch(/export interface Person\b/);
  const again = await runCliAsync(["fetch", url, "--out", "specs/trippin.xml", "--check"], dir);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe("odatagen: specs/trippin.xml: unchanged\n");
});
