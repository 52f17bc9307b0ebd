/**
 * `odatagen url` prints an Edm.Int64 key or function parameter beyond 2^53 as its text, which the
 * runtime writes as it is: as a number it would be refused at run time (or, unchecked, address
 * another entity, 2^53 + 1 being 2^53 as a number). The printed calls, run against the generated
 * modules, send the URL asked about. On `test/fixtures/requests/big-numbers.xml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { urlCalls } from "../generator/url-calls";
import { generateFixture } from "./helpers/generated";

const FIXTURE = path.join(__dirname, "fixtures", "requests", "big-numbers.xml");
const dir = generateFixture("requests/big-numbers.xml", "url-big-numbers");
/* eslint-disable @typescript-eslint/no-require-imports */
const api = require(path.join(dir, "Disk.requests")) as typeof import("./.generated/url-big-numbers/Disk.requests");
const rt = require(path.join(dir, "runtime")) as typeof import("./.generated/url-big-numbers/runtime");
/* eslint-enable @typescript-eslint/no-require-imports */

const asked = ["/Files(9007199254740993)", "/Files(42)", "/fits(bytes=-9223372036854775808,parts=2)"];

test("an Int64 beyond 2^53 is printed as its text, one JavaScript holds as a number", () => {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, asked.map((p) => ({ method: "GET", path: p })));
  expect(read.results.map((r) => (r.ok ? `${r.call.address ?? ""} ${r.call.call}` : r.problem))).toEqual([
    'files().byKey("9007199254740993") const result = await getFile(client, target);',
    "files().byKey(42) const result = await getFile(client, target);",
    ' const result = await fits(client, { bytes: "-9223372036854775808", parts: 2 });',
  ]);
});

test("the printed calls send the URLs asked about", async () => {
  const sent: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    sent.push(String(input));
    return new Response(JSON.stringify({ value: true }), { headers: { "Content-Type": "application/json" } });
  };
  const client = rt.createClient({ baseUrl: "https://disk.example/odata", fetch });
  await api.getFile(client, api.files().byKey("9007199254740993")).catch(() => undefined);
  await api.getFile(client, api.files().byKey(42)).catch(() => undefined);
  await api.fits(client, { bytes: "-9223372036854775808", parts: 2 }).catch(() => undefined);
  expect(sent).toEqual(asked.map((p) => `https://disk.example/odata${p}`));
});

test("a Decimal key of more than 15 digits is printed as its text; a shorter one as a number", () => {
  const content = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="D" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="Rate"><Key><PropertyRef Name="value"/></Key><Property Name="value" Type="Edm.Decimal" Nullable="false"/></EntityType>
<EntityContainer Name="C"><EntitySet Name="Rates" EntityType="D.Rate"/></EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`;
  const read = urlCalls({ inputs: [{ file: "d.xml", content }] }, ["/Rates(12345678901234567890.5)", "/Rates(1.25)"].map((p) => ({ method: "GET", path: p })));
  expect(read.results.map((r) => (r.ok ? r.call.address : r.problem))).toEqual(['rates().byKey("12345678901234567890.5")', "rates().byKey(1.25)"]);
});
