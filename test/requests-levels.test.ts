// `$levels` in the result type (URL Conventions §5.1.3: the expansion applied again at each level,
// with the same options): `levels: n` types the navigation property n levels deep, no deeper;
// `levels: "max"` (and a number above 8, or one not known) to any depth; below the first level each
// is optional, as a chain may end sooner. Where the target type does not declare the property but a
// subtype does (Graph's `manager` and `directReports`, `directoryObject`s declared by `user`), the
// levels below are typed on the entities of that subtype. On test/fixtures/requests/cast-expand.xml
// (Graph's shape) and trippin-lite.xml (`BestFriend`, a Person's Person), by both real compilers:
// each `@ts-expect-error` must meet an error, and nothing else may report one. Then a 3-level
// manager chain from a loopback server, through the response validator.
import * as path from "node:path";
import { generateFixture } from "./helpers/generated";
import { RecordingServer } from "./helpers/recording-server";
import { expectErrorsWhereMarked, forEachCompiler } from "./helpers/typecheck";

const GRAPH_LIKE = `
import * as rt from "./runtime.js";
import { directoryObjects, getUser, listDirectoryObjects, listUsers, users } from "./mail.model.requests.js";

declare const client: rt.Client;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const USER = "#mail.model.user";

export async function usage(): Promise<void> {
  // levels: 3 on manager, a directoryObject: a user's manager again below, three levels, each with the select.
  const a = await getUser(client, users().byKey("u1"), { expand: { manager: { levels: 3, select: ["id", "mail.model.user/displayName"] } } });
  const m1 = a.manager;
  if (m1?.["@odata.type"] === USER) {
    const m2 = m1.manager;
    if (m2?.["@odata.type"] === USER) {
      const m3 = m2.manager;
      if (m3?.["@odata.type"] === USER) {
        const name: string | null | undefined = m3.displayName;
        void name;
        // @ts-expect-error three levels, no fourth
        void m3.manager;
      }
      // @ts-expect-error optional below the first level: the chain may end sooner
      void m2.manager.id;
    }
  }
  // A group has no manager.
  if (m1?.["@odata.type"] === "#mail.model.group") {
    // @ts-expect-error not a user
    void m1.manager;
  }

  // levels: 1 is the first level only (without select, on this open type, the index signature's unknown).
  const one = await getUser(client, users().byKey("u1"), { expand: { manager: { levels: 1 } } });
  if (one.manager?.["@odata.type"] === USER) {
    const above = one.manager.manager;
    const none: Same<typeof above, unknown> = true;
    void none;
  }
  const oneSelected = await getUser(client, users().byKey("u1"), { expand: { manager: { levels: 1, select: ["id"] } } });
  if (oneSelected.manager?.["@odata.type"] === USER) {
    // @ts-expect-error one level
    void oneSelected.manager.manager;
  }

  // levels: "max", and a number above 8: to any depth, the same type at each level below the first.
  const max = await getUser(client, users().byKey("u1"), { expand: { manager: { levels: "max", select: ["id"] } } });
  const many = await getUser(client, users().byKey("u1"), { expand: { manager: { levels: 9, select: ["id"] } } });
  for (let m: typeof max.manager | undefined = max.manager, i = 0; m?.["@odata.type"] === USER && i < 20; i++) m = m.manager;
  for (let m: typeof many.manager | undefined = many.manager, i = 0; m?.["@odata.type"] === USER && i < 20; i++) m = m.manager;

  // A collection: directReports, two levels, with the cast select and count at each level.
  const b = await listUsers(client, users(), { expand: { directReports: { levels: 2, select: ["mail.model.user/displayName"], count: true } } });
  for (const r of b.value[0]?.directReports ?? []) {
    if (r["@odata.type"] !== USER) continue;
    const count: number | undefined = r["directReports@odata.count"];
    for (const s of r.directReports ?? []) {
      if (s["@odata.type"] !== USER) continue;
      const name: string | null | undefined = s.displayName;
      void [count, name];
      // @ts-expect-error two levels
      void s.directReports;
    }
  }

  // Behind a cast from the start, on a directoryObject, with an expansion of its own at each level.
  const c = await listDirectoryObjects(client, directoryObjects(), { expand: { "mail.model.user/manager": { levels: 2, expand: ["mail.model.user/directReports"] } } });
  const o = c.value[0];
  if (o?.["@odata.type"] === USER && o.manager?.["@odata.type"] === USER) {
    const reports: unknown[] = o.manager.directReports;
    const below = o.manager.manager;
    if (below?.["@odata.type"] === USER) {
      const belowReports: unknown[] = below.directReports;
      const none: Same<typeof below.manager, unknown> = true;
      void [reports, belowReports, none];
    }
  }
}
`;

const PLAIN = `
import * as rt from "./runtime.js";
import { getPerson, people } from "./Travel.Lite.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  // A Person's BestFriend is a Person: the same property again below, two levels.
  const two = await getPerson(client, people().byKey("a"), { expand: { BestFriend: { levels: 2, select: ["UserName"] } } });
  const second: string | undefined = two.BestFriend?.BestFriend?.UserName;
  void second;
  // @ts-expect-error two levels
  void two.BestFriend?.BestFriend?.BestFriend;
  // @ts-expect-error the select at each level
  void two.BestFriend?.BestFriend?.FirstName;
  const max = await getPerson(client, people().byKey("a"), { expand: { BestFriend: { levels: "max", select: ["UserName"] } } });
  const fifth: string | undefined = max.BestFriend?.BestFriend?.BestFriend?.BestFriend?.BestFriend?.UserName;
  // Options whose levels may be left out (undefined) expand one level.
  const none = await getPerson(client, people().byKey("a"), { expand: { BestFriend: { levels: undefined } } });
  void fifth;
  // @ts-expect-error no levels
  void none.BestFriend?.BestFriend;
}
`;

let graphLike = "";
let plain = "";
beforeAll(() => {
  graphLike = generateFixture(path.join("requests", "cast-expand.xml"), "levels");
  plain = generateFixture("trippin-lite.xml", "levels-plain", { keyAsSegment: false });
});

forEachCompiler((label, c) => {
  test(`${label}: levels types the navigation property that many levels deep, or to any depth with max (behind a subtype's cast too)`, () => {
    expectErrorsWhereMarked(c, graphLike, GRAPH_LIKE);
    expectErrorsWhereMarked(c, plain, PLAIN);
  });
});

test("a 3-level manager chain from the service is sent as $levels=3 and passes the response validator; a wrong value at level 3 does not", async () => {
  const api: typeof import("./.generated/levels/mail.model.requests") = require(path.join(graphLike, "mail.model.requests"));
  const rt: typeof import("./.generated/levels/runtime") = require(path.join(graphLike, "runtime"));
  const validators: typeof import("./.generated/levels/mail.model.validators") = require(path.join(graphLike, "mail.model.validators"));
  const server = new RecordingServer();
  const baseUrl = await server.start();
  try {
    const client = rt.createClient({ baseUrl });
    const user = (id: string, manager?: object) => ({ "@odata.type": "#mail.model.user", id, displayName: `User ${id}`, ...(manager && { manager }) });
    const body = { id: "u0", manager: user("u1", user("u2", user("u3"))) };
    server.json(200, body);
    const options = { expand: { manager: { levels: 3, select: ["id", "mail.model.user/displayName"] } }, validate: validators.validateUser } as const;
    const a = await api.getUser(client, api.users().byKey("u0"), options);
    expect(decodeURIComponent(server.last().url)).toBe("/users('u0')?$expand=manager($select=id,mail.model.user/displayName;$levels=3)");
    expect(a).toEqual(body);
    const m1 = a.manager?.["@odata.type"] === "#mail.model.user" ? a.manager.manager : undefined;
    const m2 = m1?.["@odata.type"] === "#mail.model.user" ? m1.manager : undefined;
    expect(m2?.["@odata.type"] === "#mail.model.user" && m2.displayName).toBe("User u3");
    server.json(200, { id: "u0", manager: user("u1", user("u2", { ...user("u3"), displayName: 7 })) });
    await expect(api.getUser(client, api.users().byKey("u0"), options)).rejects.toThrow(/manager\/manager\/manager\/displayName/);
  } finally {
    await server.stop();
  }
});
