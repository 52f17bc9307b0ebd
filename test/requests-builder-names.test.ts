// A path builder (`groupMembers`) is named after its type and property; where a root, a reading
// function or an operation already has that name, the builder yields and is named `settingsOfGroup`, whatever
// the order the types are declared in (requests-view.ts). Each name is called and must send its own URL.
import * as fs from "node:fs";
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";

const dir = generateFixture("requests/builder-names.xml", "builder-names");
const source = fs.readFileSync(path.join(dir, "Build.requests.ts"), "utf8");
type Api = typeof import("./.generated/builder-names/Build.requests");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api: Api = require(path.join(dir, "Build.requests"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/builder-names/runtime");

/** A client answering every request with an empty page, recording the URLs. */
function recording(): { client: ReturnType<typeof rt.createClient>; urls: string[] } {
  const urls: string[] = [];
  const fetch = async (url: string | URL | Request) => {
    urls.push(String(url).replace("http://svc.test", ""));
    return new Response(JSON.stringify({ value: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { client: rt.createClient({ baseUrl: "http://svc.test", fetch }), urls };
}

const exported = () => [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);

test("no function is numbered: the builders that clash take `<property>Of<Type>`", () => {
  expect(exported().filter((n) => /\d$/.test(n))).toEqual([]);
  expect(exported()).toEqual(expect.arrayContaining(["contentTypesOfList", "operationsOfList", "itemsOfList", "settingsOfGroup", "listContent"]));
  expect(exported()).not.toContain("listOperations2");
});

test("a reading function keeps its name whether its type is declared before or after the builder's", async () => {
  const { client, urls } = recording();
  const list = api.lists().byKey("l");
  await api.listOperations(client, api.operationsOfList(list));
  await api.listContentTypes(client, api.contentTypesOfList(list));
  await api.listOperations(client, api.operations());
  await api.listItems(client, api.itemsOfList(list));
  expect(urls).toEqual(["/lists('l')/operations", "/lists('l')/contentTypes", "/operations", "/lists('l')/items"]);
});

test("a builder named as a root yields to the root", async () => {
  const { client, urls } = recording();
  await api.listSettings(client, api.settingsOfGroup(api.groups().byKey("g")));
  await api.listSettings(client, api.groupSettings());
  expect(urls).toEqual(["/groups('g')/settings", "/groupSettings"]);
});

test("a builder named as an operation yields to the operation", async () => {
  const { client, urls } = recording();
  const group = api.groups().byKey("g");
  await api.groupArchive(client, group);
  await api.getItem(client, api.archiveOfGroup(group));
  expect(urls).toEqual(["/groups('g')/Build.groupArchive", "/groups('g')/archive"]);
  expect(exported()).not.toContain("groupGroupArchive");
});
