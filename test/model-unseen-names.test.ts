// A namespace or an alias holding a character no one sees (a zero-width space, a byte-order mark, a
// word joiner) or a bidirectional control names generated files (`n\u200bs.types.ts` beside
// `ns.types.ts`) and qualifies names that look like others: an ODG102 error at its element, in CSDL
// XML and CSDL JSON, in a whole run and a slice, as for an element's name. Zero-width joiner and
// non-joiner stay read (scripts write words with them). Any message quoting a name from the
// metadata shows such characters escaped.
import { generate, GenerationError, type Diagnostic } from "../generator";
import { edmx, keyed, schema } from "./helpers/csdl";

const ZWSP = "\u200b";
const BOM = "\ufeff";
const RLO = "\u202e";
const UNSEEN = /[\u200b\ufeff\u2060\u202e]/;

function diagnostics(file: string, content: string, include?: string[]): Diagnostic[] {
  try {
    return generate({ inputs: [{ file, content }], ...(include ? { include } : {}) }).diagnostics;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    return e.diagnostics;
  }
}
const shown = (list: Diagnostic[]) => list.filter((d) => d.severity === "error").map((d) => [d.code, `${d.line}:${d.column}`, d.path, d.message]);
const HOLDS_NOTHING = "holds a character that shows nothing, so that it looks like another name (CSDL §5.1, §5.2: namespaces and aliases are made of simple identifiers)";
const HOLDS_BIDI = "holds a bidirectional control character, which makes code and messages read otherwise than they are (CSDL §5.1, §5.2: namespaces and aliases are made of simple identifiers)";

const CONTAINER = (ns: string) => `<EntityContainer Name="C"><EntitySet Name="ts" EntityType="${ns}.t"/></EntityContainer>`;
const REFERENCE = (namespace: string, alias: string) => `<edmx:Reference Uri="other.xml"><edmx:Include Namespace="${namespace}" Alias="${alias}"/></edmx:Reference>\n`;

describe.each([
  ["the whole document", undefined],
  ["a slice", ["*.t"]],
])("in %s", (_, include) => {
  test("CSDL XML: a schema's Namespace and Alias, an include's Namespace and Alias", () => {
    const xml = edmx(schema(`n${ZWSP}s`, `${keyed("t")}\n${CONTAINER(`n${ZWSP}s`)}`, `A${BOM}`), REFERENCE(`o${ZWSP}`, `R${BOM}`));
    const list = diagnostics("a.xml", xml, include);
    expect(list.map((d) => `${d.message} ${d.path}`).join("\n")).not.toMatch(UNSEEN);
    expect(shown(list)).toEqual([
      ["ODG102", "3:33", "o\\u200b", `<edmx:Include> Namespace "o\\u200b" ${HOLDS_NOTHING}`],
      ["ODG102", "3:33", "o\\u200b", `<edmx:Include> Alias "R\\ufeff" ${HOLDS_NOTHING}`],
      ["ODG102", "5:1", "n\\u200bs", `Namespace "n\\u200bs" ${HOLDS_NOTHING}`],
      ["ODG102", "5:1", "n\\u200bs", `Alias "A\\ufeff" ${HOLDS_NOTHING}`],
    ]);
  });

  test("CSDL XML: a namespace holding a bidirectional control", () => {
    const list = diagnostics("a.xml", edmx(schema(`n${RLO}s`, `${keyed("t")}\n${CONTAINER(`n${RLO}s`)}`)), include);
    expect(shown(list)).toEqual([["ODG102", "4:1", "n\\u202es", `Namespace "n\\u202es" ${HOLDS_BIDI}`]]);
  });

  test("CSDL JSON: a schema's member name and $Alias, an $Include's $Namespace and $Alias", () => {
    const json = `{ "$Version": "4.01",
  "$Reference": { "other.json": { "$Include": [ { "$Namespace": "o\\u200b", "$Alias": "R\\ufeff" } ] } },
  "n\\u200bs": { "$Alias": "A\\u2060", "t": { "$Kind": "EntityType", "$Key": ["id"], "id": {} },
    "C": { "$Kind": "EntityContainer", "ts": { "$Collection": true, "$Type": "n\\u200bs.t" } } } }`;
    const list = diagnostics("a.json", json, include);
    expect(list.map((d) => `${d.message} ${d.path}`).join("\n")).not.toMatch(UNSEEN);
    expect(shown(list)).toEqual([
      ["ODG102", "2:49", "o\\u200b", `$Include $Namespace "o\\u200b" ${HOLDS_NOTHING}`],
      ["ODG102", "2:49", "o\\u200b", `$Include $Alias "R\\ufeff" ${HOLDS_NOTHING}`],
      ["ODG102", "3:3", "n\\u200bs", `namespace "n\\u200bs" ${HOLDS_NOTHING}`],
      ["ODG102", "3:3", "n\\u200bs", `$Alias "A\\u2060" ${HOLDS_NOTHING}`],
    ]);
  });
});

test("zero-width joiner and non-joiner stay read in a namespace and an alias, as in an element's name", () => {
  const ns = "n\u200ds";
  const { files } = generate({ inputs: [{ file: "a.xml", content: edmx(schema(ns, `${keyed("t")}\n${CONTAINER(ns)}`, "A\u200c")) }] });
  expect(files.has(`${ns}.types.ts`)).toBe(true);
});

test("a key reference, a type, a base type, a navigation target and an entity set's type naming what holds such a character are printed escaped", () => {
  const body = `<EntityType Name="t"><Key><PropertyRef Name="id${BOM}"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="p" Type="n.T${ZWSP}"/></EntityType>
<EntityType Name="u" BaseType="n.t${ZWSP}"><NavigationProperty Name="to" Type="n.t${RLO}"/></EntityType>
<EntityContainer Name="C"><EntitySet Name="ts" EntityType="n.t"/><EntitySet Name="us" EntityType="n.u${BOM}"/></EntityContainer>`;
  const list = diagnostics("a.xml", edmx(schema("n", body)));
  expect(list.map((d) => `${d.message} ${d.path}`).join("\n")).not.toMatch(UNSEEN);
  expect(shown(list).map(([, , path, message]) => [path, message])).toEqual([
    ["n.u", "base type n.t\\u200b is not defined"],
    ["n.t/p", "type n.T\\u200b is not defined"],
    ["n.u/to", "type n.t\\u202e is not defined"],
    ["n.t/Key/id\\ufeff", "key property id\\ufeff is not a property of n.t (did you mean id?)"],
    ["n.C/us", expect.stringMatching(/^type n\.u\\ufeff is not defined/)],
  ]);
  // The key property refused is the error: its entity set is not also warned of as having no key.
  expect(list.filter((d) => d.code === "ODG106" && d.severity === "warning")).toEqual([]);
});
