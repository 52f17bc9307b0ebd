/**
 * What a deep insert through a navigation property may leave out (its partner's referential
 * constraint: the service sets those properties from the principal, and the generated validators
 * take a nested body without them, vr.tied) between two versions: a property no longer tied must be
 * sent, which the validators then check, so losing the partner or the constraint breaks them (only
 * them); gaining it does not. Compared between two summaries of format 10 only.
 */
import { compareSummaries } from "../generator/diff/compare";
import { summarize } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { diff, wrap } from "./helpers/diff";

/** d.customer with orders, and d.order whose customer navigation property ties customerId (`partner`, `constraint` each left out when false). */
const doc = (partner: boolean, constraint: boolean) =>
  `<EntityType Name="customer"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>` +
  `<NavigationProperty Name="orders" Type="Collection(d.order)"${partner ? ' Partner="customer"' : ""}/></EntityType>` +
  `<EntityType Name="order"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="customerId" Type="Edm.String" Nullable="false"/>` +
  `<NavigationProperty Name="customer" Type="d.customer" Nullable="false"${partner ? ' Partner="orders"' : ""}>${constraint ? '<ReferentialConstraint Property="customerId" ReferencedProperty="id"/>' : ""}</NavigationProperty></EntityType>` +
  `<EntityContainer Name="c"><EntitySet Name="customers" EntityType="d.customer"/><EntitySet Name="orders" EntityType="d.order"/></EntityContainer>`;

const changes = (a: string, b: string) => diff(a, b).changes.map((c) => [c.kind, c.path, c.detail, c.breaking]);

test("a partner or referential constraint taken away breaks the validators; one added does not", () => {
  const untied = "a deep insert through it may no longer leave out customerId (its partner's referential constraint is gone): the generated validators check it there";
  expect(changes(doc(true, true), doc(false, true))).toEqual([["changed", "d.customer/orders", untied, true]]);
  expect(changes(doc(true, true), doc(true, false))).toEqual([["changed", "d.customer/orders", untied, true]]);
  expect(changes(doc(true, false), doc(true, true))).toEqual([["changed", "d.customer/orders", "a deep insert through it may leave out customerId (its partner's referential constraint ties it)", false]]);
  expect(changes(doc(true, true), doc(true, true))).toEqual([]);
});

test("the validators do read it (vr.tied); breaking only where they are generated; not compared with a summary of format 9", () => {
  const files = (body: string) => generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).files.get("d.validators.ts") ?? "";
  expect(files(doc(true, true))).toContain('vr.tied(checkOrder, ["customerId"]');
  expect(files(doc(false, true))).not.toContain("vr.tied(");
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const [a, b] = [summary(doc(true, true)), summary(doc(false, true))];
  expect(compareSummaries(a, b, { validators: false, requests: true }).breaking).toBe(0);
  expect(compareSummaries({ ...a, format: 9 }, b).changes).toEqual([]);
});
