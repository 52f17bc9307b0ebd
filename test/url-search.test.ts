/**
 * `odatagen url` (urlCalls) checks `$search`'s syntax (emit/url-search.ts): words and phrases,
 * AND, OR, NOT and parentheses, as a service following URL Conventions §5.1.7 reads them. Graph's
 * documented searches pass (skipping visibly without ../shared/corpus); a quote or parenthesis left
 * open, an operator with nothing on one side and Graph's unquoted `property:value` are refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkSearch } from "../generator/emit/url-search";
import { urlCalls } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { randomEdits } from "./helpers/random";

test.each([
  ["pizza", undefined],
  ['"pizza"', undefined],
  ["bike mountain", undefined],
  ['"blue" OR "green" AND NOT red', undefined],
  ['(mountain OR "road bike") AND NOT (red OR green)', undefined],
  ['"say \\"hi\\""', undefined],
  ["john@contoso.com", undefined],
  ["", 'an empty search: give a word or a "phrase"'],
  ['"open', 'the phrase that starts at character 1 has no closing "'],
  ['""', 'an empty phrase, "", at character 1'],
  ["(a OR b", "a ( with no ) after it"],
  ["a OR b)", "a ) with no ( before it, at character 7"],
  ["a OR", "OR has no search term after it"],
  ["AND b", "AND has no search term before it"],
  ["a AND OR b", "AND has no search term after it"],
  ["NOT", "NOT has no search term after it"],
  ["a (NOT) b", "NOT has no search term after it"],
  ["a () b", "empty parentheses, ()"],
  ["displayName:wa", 'displayName:wa: a search word takes no :; write it as a phrase, in double quotes: "displayName:wa"'],
])("$search=%s", (value, problem) => {
  expect(checkSearch(value)).toBe(problem);
});

test("through urlCalls: a search is written as the call's search, or refused with the option it is in", () => {
  const file = path.join(__dirname, "fixtures", "trippin-lite.xml");
  const read = urlCalls({ inputs: [{ file, content: fs.readFileSync(file, "utf8") }] }, [
    { path: "/People?$search=%22Russell%20Whyte%22%20OR%20Scott" },
    { path: "/People?$search=FirstName:Russell" },
    { path: "/People/$count?$search=(a" },
  ]);
  expect(read.results.map((r) => (r.ok ? r.call.call : r.problem))).toEqual([
    'const result = await listPersons(client, target, { search: "\\"Russell Whyte\\" OR Scott" });',
    'GET /People: $search=FirstName:Russell: FirstName:Russell: a search word takes no :; write it as a phrase, in double quotes: "FirstName:Russell"',
    "GET /People/$count: $search=(a: a ( with no ) after it",
  ]);
});

test("1,000 seeded random edits of searches each get an answer, never an exception", () => {
  for (const text of randomEdits(['(mountain OR "road bike") AND NOT red', '"say \\"hi\\"" x'], '()"\\ ANDORT:', 1000, 56)) {
    const answer = checkSearch(text);
    expect(answer === undefined || typeof answer === "string").toBe(true);
  }
});

describeWithGraph("Graph's $search")("Graph's documented searches", () => {
  test("pass as its documentation writes them, and its unquoted property:value is refused", () => {
    const paths = [
      '/users?$search="displayName:wa"&$orderby=displayName&$count=true',
      '/groups?$search="displayName:Video" OR "description:prod"&$orderby=displayName&$count=true',
      '/me/messages?$search="pizza"',
      "/me/messages?$search=pizza",
      '/me/people?$search="Irene McGowen"',
      '/servicePrincipals?$search="publisherName:Microsoft Services"',
      '/devices?$search="displayName:Android"&$count=true',
      '/users?$search="displayName:wa" AND "mail:contoso"',
      "/users?$search=displayName:wa",
    ];
    const read = urlCalls({ inputs: [{ file: "graph.xml", content: fs.readFileSync(GRAPH, "utf8") }], acceptWarnings: ["ODG106"] }, paths.map((p) => ({ path: p })));
    const refused = read.results.map((r, i) => (r.ok ? undefined : `${paths[i]}: ${r.problem}`)).filter((x) => x !== undefined);
    expect(refused).toEqual(['/users?$search=displayName:wa: GET /users: $search=displayName:wa: displayName:wa: a search word takes no :; write it as a phrase, in double quotes: "displayName:wa"']);
  });
});
