/**
 * `odatagen url --from` finds the modules a program imports request helpers from as TypeScript and
 * Node find them: a TypeScript file's `./graph.js` is `graph.ts` first (a stale compiled
 * `graph.js` beside it is not read), a JavaScript file's is `graph.js`; `./http.mjs` is `http.mts`,
 * `./graph.cjs` is `graph.cts`; a folder is its `index` file.
 */
import * as path from "node:path";
import { runCliInProcess } from "./helpers/cli-in-process";
import { program } from "./helpers/scratch-program";

const LITE = path.join(__dirname, "fixtures", "trippin-lite.xml");
const ODATA = 'const ROOT = "https://example.com/odata";';

async function requests(dir: string, from: string): Promise<string[]> {
  const r = await runCliInProcess(["url", "-i", LITE, "--from", from, "--json"], dir);
  return (JSON.parse(r.stdout) as { results: { method: string; url: string }[] }).results.map((x) => `${x.method} ${x.url}`);
}

/** A helper sending `method` to the service; as JavaScript without the type. */
const helper = (method: string, js = false) => [ODATA, `export const send = (path${js ? "" : ": string"}) => fetch(ROOT + path, { method: "${method}" });`];

test("a TypeScript file's ./graph.js is graph.ts before graph.js; a JavaScript file's is graph.js", async () => {
  const dir = program({
    "graph.ts": helper("DELETE"),
    "graph.js": helper("PATCH", true),
    "app.ts": ['import { send } from "./graph.js";', "send(\"/People('a')\");"],
    "app.js": ['import { send } from "./graph.js";', "send(\"/People('a')\");"],
    "plain.ts": ['import { send } from "./graph";', "send(\"/People('a')\");"],
    "plain.js": ['const { send } = require("./graph");', "send(\"/People('a')\");"],
  });
  expect(await requests(dir, "app.ts")).toEqual(["DELETE https://example.com/odata/People('a')"]);
  expect(await requests(dir, "app.js")).toEqual(["PATCH https://example.com/odata/People('a')"]);
  expect(await requests(dir, "plain.ts")).toEqual(["DELETE https://example.com/odata/People('a')"]);
  expect(await requests(dir, "plain.js")).toEqual(["PATCH https://example.com/odata/People('a')"]);
});

test(".mjs and .cjs specifiers name .mts and .cts sources; a folder is its index file, TypeScript's first", async () => {
  const dir = program({
    "http.mts": helper("POST"),
    "http.mjs": helper("PUT", true),
    "graph.cts": helper("PATCH"),
    "lib/index.ts": helper("DELETE"),
    "lib/index.js": helper("GET", true),
    "app.mts": ['import { send } from "./http.mjs";', 'send("/People");'],
    "app.cts": ['const { send } = require("./graph.cjs");', "send(\"/People('a')\");"],
    "app.ts": ['import { send } from "./lib";', "send(\"/Airlines('AA')\");"],
    "app.js": ['const { send } = require("./lib");', "send(\"/Airlines('AA')\");"],
  });
  expect(await requests(dir, "app.mts")).toEqual(["POST https://example.com/odata/People"]);
  expect(await requests(dir, "app.cts")).toEqual(["PATCH https://example.com/odata/People('a')"]);
  expect(await requests(dir, "app.ts")).toEqual(["DELETE https://example.com/odata/Airlines('AA')"]);
  expect(await requests(dir, "app.js")).toEqual(["GET https://example.com/odata/Airlines('AA')"]);
});
