/**
 * The README's reference tables name what the tool has, and all of it: the diagnostic codes, the
 * command-line flags, the config keys, and the runtime names a user's code imports. Each test reads
 * the README and the source of truth (the code catalogue, the yargs definitions, the config
 * validator's keys, the generated runtime), so a code, flag, key or export added on one side only
 * fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Codes } from "../generator/diagnostics";
import { DIFF_OPTIONS, FETCH_OPTIONS, GENERATE_OPTIONS, URL_OPTIONS } from "../generator/cli/commands";
import { OPTION_KEYS, SERVICE_KEYS } from "../generator/config/validate";
import { REPO } from "./helpers/typecheck";

const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");

/** The lines of the Markdown table that starts with the header line `header`. */
function table(header: string): string[] {
  const at = README.indexOf(`${header}\n`);
  if (at < 0) throw new Error(`README.md has no table headed ${header}`);
  return README.slice(at).split("\n\n")[0]!.split("\n").slice(2);
}

/** A table row's cells, without the outer pipes (an escaped `\|` stays in its cell). */
function cells(row: string): string[] {
  return row.replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);
}

describe("diagnostic codes", () => {
  const catalogue = Object.values(Codes).sort();

  test("the README's table lists exactly the codes of the catalogue (a range such as ODG301–ODG306 lists each)", () => {
    const listed = table("| code | problem |").flatMap((row) => {
      const first = cells(row)[0]!;
      const range = /^(ODG)(\d{3})–ODG(\d{3})$/.exec(first);
      if (!range) return [first];
      const codes: string[] = [];
      for (let n = Number(range[2]); n <= Number(range[3]); n++) codes.push(`ODG${n}`);
      return codes;
    });
    expect(listed.sort()).toEqual(catalogue);
  });

  test("every code the README names anywhere is one of the catalogue", () => {
    const named = new Set(README.match(/ODG\d{3}/g));
    expect([...named].filter((c) => !catalogue.includes(c as never))).toEqual([]);
  });

  test("every code of the catalogue is emitted somewhere in the generator", () => {
    const text = sources(path.join(REPO, "generator")).filter((f) => !f.endsWith("diagnostics.ts")).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const unused = Object.entries(Codes).filter(([name, code]) => !new RegExp(`\\bCodes\\.${name}\\b`).test(text) && !text.includes(`"${code}"`));
    expect(unused).toEqual([]);
  });
});

describe("the command-line reference", () => {
  const rows = table("| flag | alias | meaning | config key |").map(cells);
  /** Each flag a row names, `--no-x` as `x`, with the row's alias cell. */
  const flags = rows.flatMap(([flag, alias]) => [...flag!.matchAll(/`--([a-z-]+)/g)].map((m) => ({ name: m[1]!.replace(/^no-/, ""), alias: alias! })));
  const documented = [...new Set(flags.map((f) => f.name))].sort();

  test("lists exactly generate's flags (and --help, --version)", () => {
    expect(documented).toEqual([...Object.keys(GENERATE_OPTIONS), "help", "version"].sort());
  });

  test("gives each flag the alias the CLI has, and none it lacks", () => {
    const aliases = Object.fromEntries(Object.entries(GENERATE_OPTIONS).map(([name, o]) => [name, "alias" in o ? `-${o.alias}` : ""]));
    const wrong = flags.filter((f) => f.name in aliases && !(aliases[f.name] ? f.alias.includes(`\`${aliases[f.name]}\``) : f.alias === ""));
    expect(wrong).toEqual([]);
  });

  test("names a config key the config takes", () => {
    const keys = rows.flatMap((r) => [...r[3]!.matchAll(/`(?:services\[\]\.|options\.)?([A-Za-z]+)`/g)].map((m) => m[1]!));
    expect(keys.filter((k) => !(SERVICE_KEYS as readonly string[]).includes(k) && !(OPTION_KEYS as readonly string[]).includes(k))).toEqual([]);
  });

  test("--help says what the slice flags' patterns are, as the README does: names, globs and URL paths", () => {
    const why = rows.find(([flag]) => flag!.includes("`--why"))![2]!;
    expect(why).toContain("names, globs, or URL paths");
    const pattern = (flag: "include" | "exclude" | "why") => GENERATE_OPTIONS[flag].describe;
    expect([pattern("include"), pattern("exclude"), pattern("why")].filter((d) => !/URL paths/.test(d) || !/glob/.test(d))).toEqual([]);
    expect(pattern("include")).toContain("qualified names");
  });

  test("the paragraph on diff names each of diff's flags", () => {
    const paragraph = README.slice(README.indexOf("`odatagen diff <old-file> <new-file>`")).split("\n\n")[0]!;
    expect(Object.keys(DIFF_OPTIONS).filter((f) => !new RegExp(`--${f}\\b`).test(paragraph))).toEqual([]);
  });

  test("the paragraph on fetch names each of fetch's flags", () => {
    const paragraph = README.slice(README.indexOf("`odatagen fetch [url]` downloads")).split("\n\n")[0]!;
    expect(Object.keys(FETCH_OPTIONS).filter((f) => !new RegExp(`--${f}\\b`).test(paragraph))).toEqual([]);
  });

  test("the paragraph on url names each of url's flags", () => {
    const paragraph = README.slice(README.indexOf("`odatagen url [METHOD] <path>` (")).split("\n\n")[0]!;
    expect(Object.keys(URL_OPTIONS).filter((f) => !new RegExp(`--${f}\\b`).test(paragraph))).toEqual([]);
  });
});

test("the config table lists exactly the keys a service and its options take", () => {
  const listed = table("| key | meaning |").flatMap((row) => {
    const [, level, first, more] = /^`services\[\]\.((?:options\.)?)([A-Za-z]+)`(?: \/ `([A-Za-z]+)`)?$/.exec(cells(row)[0]!) ?? [];
    return first ? [level + first, ...(more ? [level + more] : [])] : [`unreadable row: ${row}`];
  });
  const keys = [...SERVICE_KEYS.filter((k) => k !== "options"), ...OPTION_KEYS.map((k) => `options.${k}`)];
  expect(listed.sort()).toEqual(keys.sort());
});

describe("the runtime names the README writes as rt.x", () => {
  const GENERATED = path.join(REPO, "generated", "graph-callrecords");
  const runtime = fs.readFileSync(path.join(GENERATED, "runtime.ts"), "utf8");
  const index = fs.readFileSync(path.join(GENERATED, "index.ts"), "utf8");
  /** What the generated modules call and a user's code does not: the README names them to explain the output. */
  const BUILDING_BLOCKS = ["root", "nav", "key", "segmentKey", "alternateKeys", "edmString", "noKey", "read", "readPage", "create", "update", "Nav", "AnyAbstractCast", "preferLater"];
  const named = [...new Set([...README.matchAll(/(?<![\w.])rt\.([A-Za-z]\w*)/g)].map((m) => m[1]!))].filter((n) => n !== "x");
  const exported = new Set([...runtime.matchAll(/^export (?:declare )?(?:async )?(?:function\*?|const|let|type|interface|class) (\w+)/gm)].map((m) => m[1]!));
  const reexported = new Set([...index.matchAll(/^export (?:type )?\{([^}]*)\} from "\.\/runtime\.js";$/gm)].flatMap((m) => m[1]!.split(",").map((n) => n.trim())));

  test("are the runtime's", () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((n) => !exported.has(n))).toEqual([]);
  });

  test("are re-exported by index.ts, as the README says a user's code imports them, but for the generated code's building blocks", () => {
    expect(named.filter((n) => !reexported.has(n) && !BUILDING_BLOCKS.includes(n))).toEqual([]);
    expect(BUILDING_BLOCKS.filter((n) => !exported.has(n))).toEqual([]);
  });
});

test("the README's createClient signature lists exactly the runtime's ClientOptions", () => {
  const runtime = fs.readFileSync(path.join(REPO, "generated", "graph-callrecords", "runtime.ts"), "utf8");
  const block = /^export interface ClientOptions \{\n([^]*?)\n\}/m.exec(runtime)![1]!;
  const keys = [...block.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!);
  const signature = /`createClient\(\{ ([^}]*) \}\)`/.exec(README)![1]!;
  expect(signature.split(",").map((k) => k.trim().replace(/\?$/, ""))).toEqual(keys);
});
