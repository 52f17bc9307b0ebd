// A type named like a global the generated code itself uses keeps out of the global's way: Graph's
// `partners.billing.blob` beside an operation whose result is a stream, which the request functions
// type as the global `Blob`. Checked by the real compiler.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { scratch } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";
import { anyCompiler, compileCases } from "./helpers/typecheck";

const XML = edmx(schema("Billing", `
  <EntityType Name="blob"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <Function Name="download" IsBound="true"><Parameter Name="bindingParameter" Type="Billing.blob" /><ReturnType Type="Edm.Stream" Nullable="false" /></Function>
  <Function Name="report"><ReturnType Type="Edm.Stream" Nullable="false" /></Function>
  <EntityContainer Name="C"><EntitySet Name="blobs" EntityType="Billing.blob" /><FunctionImport Name="report" Function="Billing.report" /></EntityContainer>`));

const HEAD = `import type { Client } from "./runtime.js";
import type { BlobType } from "./Billing.types.js";
import { blobs, download, getBlob, report } from "./Billing.requests.js";
export async function use(client: Client, mine: BlobType): Promise<void> {`;

test("a type named Blob is BlobType, and a stream's result is still the global Blob", () => {
  const { files, diagnostics } = generate({ inputs: [{ file: "billing.xml", content: XML }] });
  expect(files.get("Billing.types.ts")).toMatch(/^export interface BlobType \{$/m);
  expect(diagnostics.filter((d) => d.code === "ODG201").map((d) => d.message)).toEqual(["Billing.blob is emitted as BlobType (Blob is taken or reserved)"]);
  const dir = scratch();
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
  const lines = [
    `const media: Blob = await download(client, blobs().byKey("b1")); media.size;`,
    `(await (await report(client)).text()).toUpperCase();`,
    `(await getBlob(client, blobs().byKey("b1"))).id.toUpperCase();`,
    `mine.id.toUpperCase();`,
  ];
  try {
    const messages = compileCases(anyCompiler(), dir, HEAD, lines);
    expect(lines.map((_, i) => (messages.get(i) ?? []).map((m) => m.text).join(""))).toEqual(lines.map(() => ""));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
