// A delta function's read (Graph's `groupDelta(client, groups(), { expand: ["members"] })`, on
// test/fixtures/requests/delta.xml, which declares `delta` as Graph does; the group's is `delta` there): each group's changed
// members come as a nested delta, `members@delta` (JSON Format 4.01 §15.4.1), typed as the added or
// changed members (`@removed` absent) or the removed ones (`rt.Removal`, `@removed` with its reason),
// and `members` itself is not sure to be there; Graph's `$select=members` asks for the same. Both
// real compilers check the types; over HTTP, Graph's page passes the validator and comes as it was
// sent.
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { runCliInProcess } from "./helpers/cli-in-process";
import { REPO } from "./helpers/typecheck";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import { delta as groupDelta, groups, listGroups, userDelta, users } from "./Dir.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<string[]> {
  const out: string[] = [];
  const page = await groupDelta(client, groups(), { expand: ["members"] });
  for (const group of page.value) {
    for (const member of group["members@delta"] ?? []) {
      if (member["@removed"]) {
        const reason: "changed" | "deleted" | undefined = member["@removed"].reason;
        out.push(\`\${member.id} left: \${reason}\`);
      } else {
        const type: string | undefined = member["@odata.type"];
        out.push(\`\${member.id} joined: \${type}\`);
      }
    }
    // @ts-expect-error the whole collection is not sure to be there: Graph sends members@delta
    void group.members.length;
    const name: string | null | undefined = group.displayName;
    void name;
  }
  const link: string | undefined = page["@odata.deltaLink"];
  void link;
  const selected = await groupDelta(client, groups(), { select: ["displayName", "members"] });
  const first = selected.value[0];
  const ids: string[] = (first?.["members@delta"] ?? []).map((m) => m.id);
  void ids;
  // @ts-expect-error with $select, only what it names
  void first?.description;
  const nested = await groupDelta(client, groups(), { expand: { members: { select: ["id"] } } });
  for (const m of nested.value[0]?.["members@delta"] ?? []) if (!m["@removed"]) void m.id;
  const plain = await groupDelta(client, groups(), { select: ["displayName"] });
  // @ts-expect-error nothing asked for the members: no nested delta
  void plain.value[0]?.["members@delta"];
  // @ts-expect-error a single-valued navigation property is no nested delta
  await userDelta(client, users(), { select: ["manager"] });
  const list = await listGroups(client, groups(), { expand: ["members"] });
  const whole: number = list.value[0]!.members.length;
  // @ts-expect-error a list that is no delta: its collection's own $select takes no navigation property
  await listGroups(client, groups(), { select: ["members"] });
  void whole;
  return out;
}
`;

forEachCompiler((label, c) => {
  test(`${label}: a delta read's entries hold members@delta, each an added or a removed member`, () => {
    const dir = generateFixture("requests/delta.xml", `delta-reads-${label.replace(/\W+/g, "")}`);
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(5);
  });
});

test("only a function named delta returning a collection of entities is read as a delta", () => {
  const dir = generateFixture("requests/delta.xml", "delta-reads-code");
  const code = fs.readFileSync(path.join(dir, "Dir.requests.ts"), "utf8");
  expect(code).toContain("): Promise<rt.Page<rt.DeltaSelected<Group, S, GroupNavigation, {}, \"id\", E>>> {");
  expect(code).toContain("S extends rt.DeltaPropertyName<Group, GroupNavigation> = never,");
  expect(code).not.toMatch(/export function listGroups<\n {2}S extends rt\.DeltaPropertyName/);
});

describe("over HTTP", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv?.close();
  });

  test("Graph's page of a delta with $expand=members passes validateCollection and comes as sent", async () => {
    const dir = generateFixture("requests/delta.xml", "delta-reads-http");
    const api: typeof import("./.generated/delta-reads-http/Dir.requests") = require(path.join(dir, "Dir.requests"));
    const validators: typeof import("./.generated/delta-reads-http/Dir.validators") = require(path.join(dir, "Dir.validators"));
    const rt: typeof import("./.generated/delta-reads-http/runtime") = require(path.join(dir, "runtime"));
    const vr: typeof import("./.generated/delta-reads-http/validation") = require(path.join(dir, "validation"));
    const body = {
      "@odata.context": "https://graph.example/v1.0/$metadata#groups(members)",
      "@odata.deltaLink": "https://graph.example/v1.0/groups/delta()?$deltatoken=t2",
      value: [
        {
          "@odata.type": "#Dir.group",
          id: "g1",
          displayName: "Sales",
          "members@delta": [
            { "@odata.type": "#Dir.user", id: "u1" },
            { "@odata.type": "#Dir.user", id: "u2", "@removed": { reason: "deleted" } },
            { "@odata.type": "#Dir.group", id: "g9", "@removed": { reason: "changed" } },
          ],
        },
        { "@odata.type": "#Dir.group", id: "g2", "@removed": { reason: "changed" } },
      ],
    };
    srv.handle(() => ({ body }));
    const client = rt.createClient({ baseUrl: srv.url });
    const page = await api.delta(client, api.groups(), { expand: ["members"], validate: validators.validateGroup });
    // And the page as a whole, each entry and nested entry checked as a group or a directory object.
    expect(vr.validateCollection(validators.checkGroup, body)).toEqual({ valid: true, errors: [] });
    const seen = (page.value[0]?.["members@delta"] ?? []).map((m) => (m["@removed"] ? `-${m.id}:${m["@removed"].reason}` : `+${m.id}`));
    expect(seen).toEqual(["+u1", "-u2:deleted", "-g9:changed"]);
    expect(page["@odata.deltaLink"]).toBe(body["@odata.deltaLink"]);
    expect(srv.requests.map((r) => decodeURIComponent(r.url))).toEqual(["/groups/Dir.delta()?$expand=members"]);
  });
});

test("odatagen url writes a delta function's $select of a collection-valued navigation property as select, and refuses it elsewhere", async () => {
  const spec = path.join(FIXTURES, "requests", "delta.xml");
  const url = (u: string) => runCliInProcess(["url", "-i", spec, u], REPO);
  const delta = await url("/groups/Dir.delta()?$select=displayName,members");
  expect([delta.code, delta.stdout.split("\n").find((l) => l.includes("await"))]).toEqual([0, 'const result = await delta(client, target, { select: ["displayName", "members"] });']);
  const list = await url("/groups?$select=members");
  expect([list.code, list.stderr.trim()]).toEqual([1, "odatagen: GET /groups: $select=members: members is a navigation property of Dir.group: expand it ($expand=members)"]);
  const single = await url("/users/Dir.delta()?$select=manager");
  expect(single.stderr).toContain("$select=manager: manager is a navigation property of Dir.user: expand it ($expand=manager)");
});
