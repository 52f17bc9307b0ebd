/**
 * `odatagen url --from` on a server's file that also calls another service: a client's call whose
 * argument is named like a handler is told from a route's registration by what its receiver is
 * (imported from a module named for a client, typed as an HTTP client), by what its argument is
 * (a name the file declares as data) and by its value being used (returned, assigned, `.then(…)`);
 * the routes (a handler declared or imported from a module of handlers) stay passed over. Through
 * the CLI on a program in a scratch folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { runCliInProcess } from "./helpers/cli-in-process";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");

test("in a file importing express, the client calls are requests and the routes are not", async () => {
  const lines = [
    'import express from "express";',
    'import type { AxiosInstance } from "axios";',
    'import { api } from "./api";',
    'import { graph } from "./graph-client";',
    'import { createPerson } from "./handlers/people";',
    "const app = express();",
    "function health(req: unknown, res: { send(s: string): void }) { res.send(\"ok\"); }",
    'app.get("/health", health);',
    'server.post("/People", createPerson);',
    "export function addPerson(newPerson: { UserName: string }) {",
    '  return api.post("/People", newPerson);',
    "}",
    "export function invite(person: object) {",
    '  graph.post("/Airlines", person);',
    "}",
    "export function rename(http: AxiosInstance, change: Record<string, unknown>) {",
    "  http.patch(\"/People('u')\", change);",
    "}",
    "export function airports(query: unknown) {",
    '  api.get("/Airports", query).then((r) => r.data);',
    "}",
    "const trip = { Name: \"t\" };",
    "api.post(\"/People('u')/Trips\", trip);",
    'other.put("/Airports", listAirports);',
    'import { api as apiRouter } from "./routes/api";',
    'apiRouter.get("/Airlines", listAirlines);',
  ];
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "server.ts"), lines.join("\n"));
  const r = await runCliInProcess(["url", "-i", LITE, "--from", "server.ts", "--json"], dir);
  const json = JSON.parse(r.stdout) as { results: { line: number; method: string; url: string }[] };
  expect(json.results.map((x) => `${x.line} ${x.method} ${x.url}`)).toEqual([
    "11 POST /People",
    "14 POST /Airlines",
    "17 PATCH /People('u')",
    "20 GET /Airports",
    "23 POST /People('u')/Trips",
  ]);
});
