/**
 * The media types a stream accepts (Core.AcceptableMediaTypes) between two versions: a stream
 * property's, and a media entity type's. A media type no longer accepted (or a list where there
 * was none) breaks the request functions, whose `rt.writeStream` takes and checks them; a list
 * widened or taken away does not. Compared between two summaries of format 11 only.
 */
import { compareSummaries } from "../generator/diff/compare";
import { summarize } from "../generator/diff/summary";
import { generate } from "../generator/generate";
import { diff, wrap } from "./helpers/diff";

const accepts = (types: readonly string[] | undefined) =>
  types ? `<Annotation Term="Org.OData.Core.V1.AcceptableMediaTypes"><Collection>${types.map((t) => `<String>${t}</String>`).join("")}</Collection></Annotation>` : "";

/** d.branding with stream property logo accepting `logo`, and media entity d.photo accepting `photo`. */
const doc = (logo?: readonly string[], photo?: readonly string[]) =>
  `<EntityType Name="branding"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="logo" Type="Edm.Stream">${accepts(logo)}</Property></EntityType>` +
  `<EntityType Name="photo" HasStream="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${accepts(photo)}</EntityType>` +
  `<EntityContainer Name="c"><EntitySet Name="brandings" EntityType="d.branding"/><EntitySet Name="photos" EntityType="d.photo"/></EntityContainer>`;

const changes = (a: string, b: string) => diff(a, b).changes.map((c) => [c.kind, c.path, c.detail, c.breaking]);
const T = "Core.AcceptableMediaTypes";

test("a stream property's media types: narrowed breaks, widened does not; a wildcard covers its types", () => {
  expect(changes(doc(["image/png", "image/jpeg"]), doc(["image/png"]))).toEqual([["changed", "d.branding/logo", `${T}: image/jpeg no longer accepted (narrowed)`, true]]);
  expect(changes(doc(["image/png"]), doc(["image/png", "image/gif"]))).toEqual([["changed", "d.branding/logo", `${T}: image/gif accepted (widened)`, false]]);
  expect(changes(doc(), doc(["image/png"]))).toEqual([["changed", "d.branding/logo", `${T} added: only image/png (narrowed)`, true]]);
  expect(changes(doc(["image/png"]), doc())).toEqual([["changed", "d.branding/logo", `${T} removed: any media type (widened)`, false]]);
  expect(changes(doc(["image/png", "image/jpeg"]), doc(["image/*"]))).toEqual([["changed", "d.branding/logo", `${T}: image/* accepted (widened)`, false]]);
  expect(changes(doc(["image/*"]), doc(["image/png"]))).toEqual([["changed", "d.branding/logo", `${T}: image/* no longer accepted (narrowed)`, true]]);
  expect(changes(doc(["image/png"]), doc(["IMAGE/PNG"]))).toEqual([]);
  // A type with parameters is typed as its essence with any parameters: one without takes less.
  expect(changes(doc(["text/plain; charset=utf-8"]), doc(["text/plain"]))).toEqual([["changed", "d.branding/logo", `${T}: text/plain; charset=utf-8 no longer accepted (narrowed)`, true]]);
  expect(changes(doc(["text/plain"]), doc(["text/plain; charset=utf-8"]))).toEqual([["changed", "d.branding/logo", `${T}: text/plain; charset=utf-8 accepted (widened)`, false]]);
});

test("a media entity type's: said of the type", () => {
  expect(changes(doc(undefined, ["image/png", "text/plain"]), doc(undefined, ["image/png"]))).toEqual([["changed", "d.photo", `its media: ${T}: text/plain no longer accepted (narrowed)`, true]]);
  expect(changes(doc(undefined, ["image/png"]), doc(undefined, []))).toEqual([["changed", "d.photo", `its media: ${T} removed: any media type (widened)`, false]]);
});

test("breaking only where the request functions are generated; not compared with a summary of format 10", () => {
  const summary = (body: string) => summarize(generate({ inputs: [{ file: "d.xml", content: wrap(body) }] }).model);
  const [a, b] = [summary(doc(["image/png", "image/jpeg"])), summary(doc(["image/png"]))];
  expect(a.format).toBe(15);
  expect(compareSummaries(a, b).breaking).toBe(1);
  expect(compareSummaries(a, b, { validators: true, requests: false }).breaking).toBe(0);
  expect(compareSummaries({ ...a, format: 10 }, b).changes).toEqual([]);
});
