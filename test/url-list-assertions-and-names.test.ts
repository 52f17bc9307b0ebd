/**
 * `url --from` and `--include @file` on a TypeScript program's constants written with an assertion
 * (`as const`, `satisfies string`, `<const>`, in parentheses: type-assertions.ts), whose value is
 * still the string; and the name a placeholder takes for an expression whose value is not known
 * (expression-names.ts): the first name it is made from, as a reader looks for it in the program.
 */
import { readRequestList, type RequestList } from "../generator/parse/requests/request-list";
import { expressionName } from "../generator/parse/requests/expression-names";

function listOf(text: string): RequestList {
  const list = readRequestList(text);
  if (!("requests" in list)) throw new Error(list.problem);
  return list;
}

function paths(text: string): string[] {
  return listOf(text).requests.map((r) => `${r.line} ${r.path}`);
}

test("a constant's string read through as const, satisfies, as T, <T> and parentheses: its requests are the string's", () => {
  const program = [
    'const PEOPLE = "/People" as const;',
    'const AIRPORTS = "/Airports" satisfies string;',
    'const AIRLINES = <const>"/Airlines";',
    "const ME = (\"/Me\");",
    'const TRIPS = ("/Trips" as const) satisfies `/${string}`;',
    'const ROOT = "https://host/odata" as unknown as Record<string, never>[keyof Foo] | (() => void);',
    "const NEXT = `${ROOT}/People` as const",
    "fetch(PEOPLE);",
    "fetch(`${AIRPORTS}('KSFO')`);",
    'fetch(AIRLINES + "(\'AA\')");',
    "fetch(ME);",
    "fetch(`${TRIPS}(1)`);",
    "fetch(NEXT);",
    "fetch(`${PEOPLE as string}('russellwhyte')`);",
  ].join("\n");
  // Before: none of the constants known; {AIRPORTS}('KSFO') and {TRIPS}(1) refused as no path, the names alone no request.
  expect(paths(program)).toEqual([
    "8 /People",
    "9 /Airports('KSFO')",
    "10 /Airlines('AA')",
    "11 /Me",
    "12 /Trips(1)",
    "13 https://host/odata/People",
    "14 /People('russellwhyte')",
  ]);
});

test("an assertion whose expression goes on, whose type is not read, or that is left open gives no value: the constant stays a placeholder", () => {
  const program = [
    'const A = "/A" as string + suffix;',
    'const B = "/B" as T extends U ? X : Y;',
    'const C = "/C" as;',
    'const D = ("/D";',
    'const E = <const "/E";',
    'const F = "/F" as Array<string;',
    'const G = ("/G") + "/x";',
    'const H = "/H"',
    "as(x);",
    ..."ABCDEFGH".split("").map((n) => `fetch(\`/x/\${${n}}\`);`),
  ].join("\n");
  // H's `as` starts the next line: no assertion is read across a line break (TypeScript reads none), and the line may go on, so H is not read.
  expect(listOf(program).requests.map((r) => r.path)).toEqual(["/x/{A}", "/x/{B}", "/x/{C}", "/x/{D}", "/x/{E}", "/x/{F}", "/x/{G}", "/x/{H}"]);
});

test("500 KB of each assertion form left open or nested is read, the request after it found (linear: each reading stops at the next form)", () => {
  const forms = ['const a = "/x" as A<', 'const a = ("/x" as ', "const a = <const>", 'const a = "/x" satisfies A | ', "const a = ((((", "fetch(`${a as A<", 'const a = "/x" as const\n'];
  for (const form of forms) {
    const text = form.repeat(Math.ceil(5e5 / form.length)) + '\nfetch("/People");';
    expect(listOf(text).requests.map((r) => r.path).slice(-1)).toEqual(["/People"]);
  }
});

test.each([
  ["userId", "userId"],
  ["trip.ID", "ID"],
  ["this.user?.id!", "id"],
  ["$id", "id"],
  ["trip.ID * 2", "ID"],
  ["page * size", "page"],
  ["ids[0]", "ids"],
  ["rows[i].ID", "ID"],
  ["-n", "n"],
  ["(a + b) * 2", "a"],
  ["await getId", "getId"],
  ["encodeURIComponent(user.id)", "id"],
  ["Number(trip.ID)", "ID"],
  ["encodeURIComponent(String(ids[0]))", "ids"],
  ["nextId()", "nextId"],
  ["id.trim()", "id"],
  ["user.id.toString()", "id"],
  ['"x" + id', "id"],
  ["`nested ${deep}`", "deep"],
  ["aaa b", "b"],
  ["5 * 2", undefined],
  ["encodeURIComponent(5)", undefined],
  // An assertion's type is no name of the expression (before: {string}, {any}).
  ["id as string", "id"],
  ["(user.id satisfies string)", "id"],
  ["x as any as string", "x"],
])("the placeholder for %s is named %s", (expression, name) => {
  expect(expressionName(expression)).toBe(name);
});

test("a template's ${id as string} is named {id}, not by its type", () => {
  expect(paths("fetch(`/People('${id as string}')/Trips`);")).toEqual(["1 /People('{id}')/Trips"]);
});

test("a member's path of millions of steps in a ${…} is named, not a stack overflow (8 MB: url --from exited 70)", () => {
  const path = "a.".repeat(4e6);
  expect(expressionName(`${path}b`)).toBe("b");
  expect(paths(`fetch(\`/People(\${${path}b})/Trips\`);`)).toEqual(["1 /People({b})/Trips"]);
});

test("a placeholder is named the same in a template, a + join and a URL function's argument", () => {
  const program = [
    'const ROOT = "https://host/odata";',
    "const trip = (id: string) => `${ROOT}/Trips(${id})`;",
    "fetch(`${ROOT}/Trips(${trip.ID * 2})`);",
    'fetch(ROOT + "/Trips(" + trip.ID * 2 + ")");',
    "fetch(`${ROOT}/Trips(${ids[0]})`);",
    'fetch(ROOT + "/Trips(" + ids[0] + ")");',
    "fetch(trip(ids[0]));",
    "fetch(`${ROOT}/Trips(${Number(trip.ID)})`);",
  ].join("\n");
  // Before: {value} for trip.ID * 2 and ids[0] (their last word a number), {ID} for Number(trip.ID), {id} for trip(ids[0]).
  expect(paths(program)).toEqual([
    "3 https://host/odata/Trips({ID})",
    "4 https://host/odata/Trips({ID})",
    "5 https://host/odata/Trips({ids})",
    "6 https://host/odata/Trips({ids})",
    "7 https://host/odata/Trips({ids})",
    "8 https://host/odata/Trips({ID})",
  ]);
});

test("a URL function's argument is put in only where the expression is that argument (or encodes it), never where it computes another value from it", () => {
  const program = [
    'const ROOT = "https://host/odata";',
    "const a = (id: string) => `${ROOT}/Trips(${encodeURIComponent(id)})`;",
    "const b = (id: string) => `${ROOT}/Trips(${id * 2})`;",
    "const c = (id: string) => `${ROOT}/Trips(${id[0]})`;",
    "const d = (id: string) => `${ROOT}/Trips(${id.trim()})`;",
    "fetch(a(5)); fetch(b(5)); fetch(c(\"57\")); fetch(d(\"5\"));",
  ].join("\n");
  expect(paths(program)).toEqual(["6 https://host/odata/Trips(5)", "6 https://host/odata/Trips({id})", "6 https://host/odata/Trips({id})", "6 https://host/odata/Trips({id})"]);
});
