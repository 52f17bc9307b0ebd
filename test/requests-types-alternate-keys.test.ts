// byKey's type with alternate keys (test/fixtures/requests/alternate-keys.xml): the key, or an object
// of exactly one alternate key's names (two together do not compile), each with its property's type. Checked by both real
// compilers (TypeScript 5.9 and 7): each `@ts-expect-error` must meet an error, and the same code
// without them must report each of those lines and nothing else.
import { generateFixture } from "./helpers/generated";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const USAGE = `
import { applicationOwners, applications, books, devices, getApplication, members, updateApplication } from "./Dir.requests.js";
import type * as rt from "./runtime.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  const byAppId = applications().byKey({ appId: "00000003-0000-0000-c000-000000000000" });
  await getApplication(client, byAppId);
  await updateApplication(client, applications().byKey({ uniqueName: "x" }), { displayName: "y" }, { headers: { Prefer: "create-if-missing" } });
  applications().byKey("a1");
  devices().byKey({ vendor: "v", serial: 1n });
  devices().byKey({ serial: "9007199254740993", vendor: "v" });
  devices().byKey(7);
  books().byKey({ code: "B-1" });
  members().byKey({ email: "e" });
  members().byKey({ badgeNumber: 1 });
  applicationOwners(byAppId).byKey({ userName: "k" });
  // @ts-expect-error a misspelt alias
  applications().byKey({ appid: "x" });
  // @ts-expect-error the set's alternate key is not the navigation property's
  applicationOwners(byAppId).byKey({ email: "e" });
  // @ts-expect-error a composite alternate key needs all its properties
  devices().byKey({ vendor: "v" });
  // @ts-expect-error each value of its property's type: serial is an Int64
  devices().byKey({ vendor: "v", serial: true });
  // @ts-expect-error the alias, not the path through the complex property
  members().byKey({ badge: { number: 1 } });
  // @ts-expect-error another type's alternate key
  books().byKey({ email: "e" });
  // @ts-expect-error no null in a key
  applications().byKey({ appId: null });
  // @ts-expect-error one alternate key at a time: the runtime sends one
  applications().byKey({ appId: "00000003-0000-0000-c000-000000000000", uniqueName: "x" });
  // @ts-expect-error one alternate key at a time, whatever their order
  members().byKey({ badgeNumber: 1, email: "e" });
}
`;

forEachCompiler((label, c) => {
  test("byKey takes the key or one whole alternate key, by its aliases, with its properties' types", () => {
    const dir = generateFixture("requests/alternate-keys.xml", `types-altkeys-${label.replace(/\W+/g, "")}`);
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(9);
  });
});
