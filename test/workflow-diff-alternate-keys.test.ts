// `odatagen diff` and alternate keys (Core.AlternateKeys): each is an object byKey takes, so one
// removed, or a property of it retyped, breaks calls (the requests module); one added is new API.
// On an entity type, an entity set and a navigation property, where each is declared.
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { scratch } from "./helpers/cli";
import { diff, entity, one, writeDoc } from "./helpers/diff";

const ref = (name: string) => `<Record><PropertyValue Property="Name" PropertyPath="${name}"/></Record>`;
const alt = (...keys: string[][]) =>
  `<Annotation Term="Org.OData.Core.V1.AlternateKeys"><Collection>${keys.map((k) => `<Record><PropertyValue Property="Key"><Collection>${k.map(ref).join("")}</Collection></PropertyValue></Record>`).join("")}</Collection></Annotation>`;
const props = (serial = "Edm.Int64") => `<Property Name="appId" Type="Edm.Guid"/><Property Name="serial" Type="${serial}"/><Property Name="mail" Type="Edm.String"/>`;
const doc = (typeKeys: string, setKeys = "", navKeys = "", serial?: string) =>
  `${entity(props(serial), `<NavigationProperty Name="peers" Type="Collection(d.t)">${navKeys}</NavigationProperty>${typeKeys}`)}
  <EntityContainer Name="c"><EntitySet Name="ts" EntityType="d.t">${setKeys}</EntitySet></EntityContainer>`;

test("an alternate key removed from a type, a set or a navigation property breaks the requests; added is not breaking", () => {
  const before = doc(alt(["appId"], ["serial"]), alt(["mail"]), alt(["mail"]));
  const after = doc(alt(["serial"], ["appId", "mail"]), "", "");
  expect(one(before, after)).toEqual([
    ["changed", "d.t", "alternate key (appId: Edm.Guid) removed: byKey no longer takes it", true],
    ["changed", "d.t", "alternate key (appId: Edm.Guid, mail: Edm.String) added: byKey takes it", false],
    ["changed", "d.t/peers", "alternate key (mail: Edm.String) removed: byKey no longer takes it", true],
    ["changed", "ts", "alternate key (mail: Edm.String) removed: byKey no longer takes it", true],
  ]);
  const back = diff(after, before);
  expect(back.changes.filter((c) => c.breaking).map((c) => c.detail)).toEqual(["alternate key (appId: Edm.Guid, mail: Edm.String) removed: byKey no longer takes it"]);
  expect(back.bump).toBe("major");
  expect(diff(doc(""), doc(alt(["appId"]))).bump).toBe("minor");
});

test("a property of an alternate key retyped breaks the calls that pass it; without the request functions nothing breaks", () => {
  expect(one(doc(alt(["serial"])), doc(alt(["serial"]), "", "", "Edm.String")).filter(([, p]) => p === "d.t")).toEqual([
    ["changed", "d.t", "alternate key (serial: Edm.Int64) → (serial: Edm.String): byKey's object for it takes other types", true],
  ]);
  const dir = scratch();
  const [a, b] = [writeDoc(dir, "a.xml", doc(alt(["serial"]))), writeDoc(dir, "b.xml", doc("", "", "", "Edm.String"))];
  const without = compareSummaries(loadSummary([a]), loadSummary([b]), { validators: true, requests: false });
  expect(without.changes.filter((c) => c.detail.startsWith("alternate key")).map((c) => [c.detail, c.breaking])).toEqual([["alternate key (serial: Edm.Int64) removed: byKey no longer takes it; it breaks only the request functions, which are not generated", false]]);
});
