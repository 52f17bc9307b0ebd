/**
 * A program's URLs built from its string constants, as a Graph team writes them: a root or a path in
 * a constant (`const EDU = "https://graph.microsoft.com/v1.0/education"`, `${EDU}/classes`), a URL
 * in a constant passed to the call (`const url = `…`; fetch(url)`), and literals and names joined
 * with `+`. The constants are put in, so `url --from` and `--include @file` read what is sent.
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

const PROGRAM = `
const GRAPH = "https://graph.microsoft.com/v1.0";
const EDU = \`\${GRAPH}/education\`;
const MESSAGES_PATH = "/me/messages";
export async function run(userId: string, h: RequestInit) {
  await fetch(\`\${EDU}/classes?$select=displayName\`, h);
  await fetch(GRAPH + MESSAGES_PATH, h);
  await fetch(\`\${GRAPH}\${MESSAGES_PATH}?$top=5\`, h);
  const url = \`\${GRAPH}/users/\${userId}/manager\`;
  await fetch(url, h);
  await fetch(GRAPH + "/users/" + userId + "/photo/$value", h);
  await fetch(\`\${base}/me\`, h);
  await fetch(request, h);
}`;

test("fetch calls whose URLs are made of the file's string constants read them put in; a name that is no constant is a placeholder", () => {
  // Their method comes from the parameter h, which is not read: each is left unchecked with a note, its URL read.
  const { requests: checked, unchecked: requests = [], notes = [] } = listOf(PROGRAM);
  expect(checked).toEqual([]);
  expect(notes.map((n) => n.message.replace(/^.*: its/, "its"))).toEqual(Array(6).fill("its method comes from h, which is not read; the request is not checked"));
  expect(requests.map((r) => [r.method, r.path, r.problem])).toEqual([
    ["GET", "https://graph.microsoft.com/v1.0/education/classes?$select=displayName", undefined],
    ["GET", "https://graph.microsoft.com/v1.0/me/messages", undefined],
    ["GET", "https://graph.microsoft.com/v1.0/me/messages?$top=5", undefined],
    ["GET", "https://graph.microsoft.com/v1.0/users/{userId}/manager", undefined],
    ["GET", "https://graph.microsoft.com/v1.0/users/{userId}/photo/$value", undefined],
    ["GET", "/me", undefined],
  ]);
  const lines = PROGRAM.split("\n");
  expect(requests.map((r) => lines[r.line - 1]!.slice(r.column - 1, r.column + 8))).toEqual(["${EDU}/cl", "GRAPH + M", "${GRAPH}$", "url, h);", "GRAPH + \"", "${base}/m"]);
});

test("a name is read from the declaration around the call (a let of that name in another function is another name), a + expression too; a var is not put in", () => {
  const { requests } = listOf(`const A = "/People"; function f() { let A = 1; }\nconst B = "/Airports" + suffix;\nvar C = "/Airlines";\nfetch(\`\${A}/x\`); fetch(B); fetch(\`\${C}/y\`);\n`);
  expect(requests.map((r) => r.path)).toEqual(["/People/x", "/Airports{suffix}", "/y"]);
});

test("a number or Boolean joined with + after a string is put in as a template puts it, as ${…} is; one before any string, or followed by another operator, is not", () => {
  const program = [
    'const ROOT = "https://host/odata";',
    "const ID = 5;",
    'fetch(ROOT + "/Trips(" + 5 + ")");',
    'fetch(ROOT + "/Trips(" + ID + ")");',
    'fetch(ROOT + "/People?$top=" + 2.50 + "&$count=" + true);',
    'fetch(ROOT + "/Trips(" + -1 + ")" + 7);',
    "fetch(`${ROOT}/Trips(${1e3})`);",
    'fetch(ROOT + "/Trips(" + 5 * 2 + ")");',
    'fetch(1 + 2 + "/People");',
    "fetch(`${ROOT}/Trips(${5 * 2})`);",
  ].join("\n");
  // Before, a number or Boolean literal stopped the join (no request) or was a placeholder, {true}; in a template, {value}.
  expect(listOf(program).requests.map((r) => `${r.line} ${r.path}`)).toEqual([
    "3 https://host/odata/Trips(5)",
    "4 https://host/odata/Trips(5)",
    "5 https://host/odata/People?$top=2.5&$count=true",
    "6 https://host/odata/Trips(-1)7",
    "7 https://host/odata/Trips(1000)",
    "10 https://host/odata/Trips({value})",
  ]);
});

test("an operand of a join that goes on with another operator is a placeholder where that binds tighter than + (as ${ID * 2} is), else no request: never the join cut at the operator", () => {
  const program = [
    'const ROOT = "https://host/odata";',
    'fetch(ROOT + "/Trips(" + ID * 2 + ")");',
    'fetch(ROOT + "/Trips(" + ids[0] + ")/Stops");',
    'fetch(ROOT + "/Trips(" + id! + ")");',
    'fetch(ROOT + "/Trips/" + ID',
    "  % 3);",
    'fetch(ROOT + "/Trips(" + ID - 2 + ")");',
    'fetch(ROOT + "/Trips(" + ID + ")" ? "/a" : "/b");',
    'fetch(ROOT + "/Trips(" + ID + ")" === url);',
    'fetch(ROOT + "/Trips/" + ID && "/People");',
    'fetch(new URL("/odata/People", ROOT).toString());',
  ].join("\n");
  // Before, each join stopped at the operator and gave what it had: /Trips({ID}, /Trips({ids}, /Trips({id}, /Trips/{ID} (all but
  // /Trips({id}) not what is sent), /Trips({ID}) for the conditional and the comparison, /Trips/{ID} for the &&. A placeholder
  // is named by the operand's first name (expression-names.ts): ID * 2 is {ID}, ids[0] is {ids}.
  expect(listOf(program).requests.map((r) => `${r.line} ${r.path}`)).toEqual([
    "2 https://host/odata/Trips({ID})",
    "3 https://host/odata/Trips({ids})/Stops",
    "4 https://host/odata/Trips({id})",
    "5 https://host/odata/Trips/{ID}",
    "11 https://host/odata/People",
  ]);
});

test("the Graph client's api and an HTTP client's get read a path in a constant", () => {
  const { requests } = listOf(`const ME = "/me";\nclient.api(ME + "/events").get();\nhttp.get(\`\${ME}/messages\`);\n`);
  expect(requests.map((r) => [r.method, r.path])).toEqual([["GET", "/me/events"], ["GET", "/me/messages"]]);
});

test("--include @program keeps what the requests built from constants address", () => {
  const lite = { file: "trippin-lite.xml", content: fs.readFileSync(path.join(FIXTURES_DIR, "trippin-lite.xml"), "utf8") };
  const program = `const ROOT = "https://host/odata";\nconst AIRPORTS = ROOT + "/Airports";\nconst airlines = \`\${ROOT}/Airlines\`;\nfetch(airlines);\nfetch(\`\${ROOT}/Airports('KSFO')\`);\n`;
  const result = generate({ inputs: [lite], includeRequests: [{ file: "app.ts", content: program }] });
  expect([...result.model.types.keys()].sort()).toEqual(["Travel.Lite.Airline", "Travel.Lite.Airport"]);
});
