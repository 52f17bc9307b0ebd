/**
 * A shell script of curl commands (its first line a `#!`), as a team writes one against Graph:
 * `GRAPH=https://graph.microsoft.com/v1.0`, then `curl "$GRAPH/users/$GUEST_ID"`. Its variables are
 * put in where it assigns them, one it does not assign is a placeholder (the service root where it
 * starts the URL), and its other commands (`set -e`, `TOKEN=$(…)`) are passed over, so `url --from`
 * and `--include @script.sh` read every request it sends.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";
import { FIXTURES_DIR } from "./helpers/fixtures";

function listOf(text: string): RequestList {
  const list = readRequestList(text);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

const SCRIPT = [
  "#!/usr/bin/env bash",
  "set -euo pipefail",
  "GRAPH=https://graph.microsoft.com/v1.0",
  'export PEOPLE="$GRAPH/People"',
  "TOKEN=$(cat token)",
  'curl -sS -X POST "$GRAPH/People" -H "Authorization: Bearer $TOKEN" --data-raw \'{"UserName":"x"}\'',
  "curl -sS \"$PEOPLE?\\$filter=FirstName%20eq%20'Scott'&\\$top=5\"",
  'curl -sS -X PATCH "${GRAPH}/People/$USER_ID" -d \'{"FirstName":"y"}\'',
  'curl -sS -X POST "$GRAPH/People/$USER_ID/Friends/\\$ref" \\',
  '  -d "{\\"@odata.id\\":\\"$GRAPH/People/$FRIEND\\"}"',
  'curl -sS "$ROOT/Airports/$CODE"',
  "echo done",
].join("\n");

test("a shell script's curl commands, with the variables it assigns put in and the others as placeholders; its other commands passed over", () => {
  const { requests } = listOf(SCRIPT);
  expect(requests.map((r) => [r.method, r.path, r.line, r.problem])).toEqual([
    ["POST", "https://graph.microsoft.com/v1.0/People", 6, undefined],
    ["GET", "https://graph.microsoft.com/v1.0/People?$filter=FirstName%20eq%20'Scott'&$top=5", 7, undefined],
    ["PATCH", "https://graph.microsoft.com/v1.0/People/{USER_ID}", 8, undefined],
    ["POST", "https://graph.microsoft.com/v1.0/People/{USER_ID}/Friends/$ref", 9, undefined],
    ["GET", "/Airports/{CODE}", 11, undefined],
  ]);
  expect(requests[3].body).toBe('{"@odata.id":"https://graph.microsoft.com/v1.0/People/{FRIEND}"}');
});

test("without a #! first line, a file of curl commands reads $ as written, as before", () => {
  const { requests } = listOf("curl \"https://graph.microsoft.com/v1.0/users?$filter=x eq 1\"\nGET /me\n");
  expect(requests.map((r) => [r.method, r.path])).toEqual([["GET", "https://graph.microsoft.com/v1.0/users?$filter=x eq 1"], ["GET", "/me"]]);
});

test("--include @script.sh keeps what each of its requests addresses", () => {
  const lite = { file: "trippin-lite.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8") };
  const script = ["#!/bin/sh", "BASE=https://host/odata", 'curl "$BASE/Airports/$CODE"', 'curl -X DELETE "$BASE/Airlines/$ID"'].join("\n");
  const result = generate({ inputs: [lite], includeRequests: [{ file: "script.sh", content: script }] });
  expect([...result.model.types.keys()].sort()).toEqual(["Travel.Lite.Airline", "Travel.Lite.Airport"]);
});
