/** Compares two small CSDL documents (schema `d`) with the real loader and compareSummaries. */
import * as fs from "node:fs";
import * as path from "node:path";
import { compareSummaries, type DiffResult } from "../../generator/diff/compare";
import { loadSummary } from "../../generator/diff/load";
import { scratch } from "./cli";

/** A document holding one schema, namespace `d`, around `body`. */
export const wrap = (body: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="d" xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema></edmx:DataServices></edmx:Edmx>`;

/** Writes `body` wrapped as `name` in `dir`; returns its path. */
export function writeDoc(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, wrap(body));
  return file;
}

export function diff(a: string, b: string): DiffResult {
  const dir = scratch();
  return compareSummaries(loadSummary([writeDoc(dir, "a.xml", a)]), loadSummary([writeDoc(dir, "b.xml", b)]));
}

/** Entity type `d.t` keyed by `id`, with more properties and navigation properties. */
export const entity = (props: string, nav = "") =>
  `<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${props}${nav}</EntityType>`;

/** The changes as `[kind, path, detail, breaking]`. */
export const one = (a: string, b: string) => diff(a, b).changes.map((c) => [c.kind, c.path, c.detail, c.breaking]);
