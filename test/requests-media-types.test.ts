// Core.AcceptableMediaTypes on streams (test/fixtures/requests/media-types.xml, as Graph marks its
// organizational branding's logos): the stream's builder carries the media types in its type
// (`rt.StreamRef<T, "image/png" | "image/jpeg">`, what `rt.writeStream`'s `contentType` takes) and
// as data, which `rt.writeStream` checks the media's type against before sending, over real HTTP on
// 127.0.0.1. Both real compilers check the types; `odatagen url` prints the `contentType` to give.
import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generator/generate";
import { urlCalls } from "../generator/url-calls";
import { describeWithGraph, GRAPH } from "./helpers/fixtures";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { expectErrorsWhereMarked, forEachCompiler, markedLines } from "./helpers/typecheck";

const FIXTURE = path.join(FIXTURES, "requests", "media-types.xml");

const USAGE = `
import * as rt from "./runtime.js";
import { brandingAnything, brandingFavicon, brandingLogo, brandingPlain, brandings, photoContent, photos } from "./Mt.requests.js";

declare const client: rt.Client;
declare const data: Uint8Array;
declare const jpeg: Blob;

export async function usage(): Promise<void> {
  const branding = brandings().byKey("b");
  await rt.writeStream(client, brandingLogo(branding), data, { contentType: "image/png" });
  await rt.writeStream(client, brandingLogo(branding), jpeg);
  // @ts-expect-error the metadata accepts image/png and image/jpeg
  await rt.writeStream(client, brandingLogo(branding), data, { contentType: "image/gif" });
  // @ts-expect-error a type definition's list propagates to its property
  await rt.writeStream(client, brandingFavicon(branding), data, { contentType: "image/jpeg" });
  await rt.writeStream(client, brandingFavicon(branding), data, { contentType: "image/vnd.microsoft.icon" });
  // Media the metadata does not list, sent anyway (Graph lists images for its branding's customCSS).
  await rt.writeStream(client, rt.unrestricted(brandingFavicon(branding)), data, { contentType: "text/css" });
  const stillEntity: rt.EntityRef<unknown, null, rt.Unrestricted> = rt.unrestricted(branding);
  void stillEntity;
  await rt.writeStream(client, brandingPlain(branding), data, { contentType: "text/csv" });
  await rt.writeStream(client, brandingAnything(branding), data, { contentType: "text/csv" });
  const photo = photoContent(photos().byKey("p"));
  await rt.writeStream(client, photo, data, { contentType: "image/webp" });
  await rt.writeStream(client, photo, data, { contentType: "text/plain" });
  await rt.writeStream(client, photo, data, { contentType: "text/plain; charset=utf-8" });
  // @ts-expect-error neither an image nor text/plain
  await rt.writeStream(client, photo, data, { contentType: "video/mp4" });
  // Reads take any stream, as before.
  const read: Blob = await rt.readStream(client, brandingLogo(branding));
  void read;
  // A narrowed address is a stream address all the same.
  const any: rt.StreamRef<unknown> = photo;
  void any;
}
`;

forEachCompiler((label, c) => {
  test("writeStream's contentType takes only the media types the metadata accepts: exact ones, a subtype wildcard, a type with parameters", () => {
    const dir = generateFixture("requests/media-types.xml", `media-types-${label.replace(/\W+/g, "")}`);
    expectErrorsWhereMarked(c, dir, USAGE);
    expect(markedLines(USAGE)).toHaveLength(3);
  });
});

test("the builders' doc comments and types say them; not a list accepting any media, holding no media type, or qualified", () => {
  const requests = generate({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }).files.get("Mt.requests.ts")!;
  const builder = (name: string) => new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nexport function ${name}\\(((?:(?!\\n}\\n)[\\s\\S])*)\\n}\\n`).exec(requests)?.[0] ?? "";
  expect(builder("brandingLogo")).toContain(" * The metadata accepts `image/png`, `image/jpeg` for it (`Core.AcceptableMediaTypes`): `rt.writeStream` takes one as `contentType`, and refuses media of another type (`rt.unrestricted(address)` sends it anyway).\n");
  expect(builder("brandingLogo")).toContain('rt.StreamRef<Branding, "image/png" | "image/jpeg">');
  expect(builder("brandingLogo")).toContain('return rt.stream(parent, "logo", ["image/png", "image/jpeg"]);');
  // A subtype's own list is added (in lower case in the type), so that its media is not refused.
  expect(builder("photoContent")).toContain('rt.StreamRef<Photo, `image/${string}` | `text/plain${string}` | "application/pdf" | "image/png">');
  expect(builder("photoContent")).toContain('return rt.stream(parent, undefined, ["image/*", "text/plain; charset=utf-8", "application/PDF", "image/png"]);');
  for (const name of ["brandingAnything", "brandingGarbled", "brandingQualified", "brandingPlain"]) {
    expect(builder(name)).toContain(`rt.StreamRef<Branding> {`);
    expect(builder(name)).not.toContain("AcceptableMediaTypes");
  }
});

test("a media entity type whose subtype accepts any media carries none: its builder serves the subtype too", () => {
  const accepts = (...types: string[]) => `<Annotation Term="Org.OData.Core.V1.AcceptableMediaTypes"><Collection>${types.map((t) => `<String>${t}</String>`).join("")}</Collection></Annotation>`;
  const xml = (sub: string) =>
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="M" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
    `<EntityType Name="doc" HasStream="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>${accepts("application/pdf")}</EntityType>` +
    `<EntityType Name="scan" BaseType="M.doc"/><EntityType Name="raw" BaseType="M.scan">${sub}</EntityType>` +
    `<EntityContainer Name="c"><EntitySet Name="docs" EntityType="M.doc"/></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  const builder = (sub: string) => /export function docContent\([^)]*\): ([^{]*) \{/.exec(generate({ inputs: [{ file: "m.xml", content: xml(sub) }] }).files.get("M.requests.ts")!)?.[1];
  expect(builder("")).toBe('rt.StreamRef<Doc, "application/pdf">');
  expect(builder(accepts("image/png"))).toBe('rt.StreamRef<Doc, "application/pdf" | "image/png">');
  expect(builder(accepts("*/*"))).toBe("rt.StreamRef<Doc>");
});

describe("over HTTP", () => {
  const dir = generateFixture("requests/media-types.xml", "media-types-http");
  type Api = typeof import("./.generated/media-types-http/Mt.requests");
  type Runtime = typeof import("./.generated/media-types-http/runtime");
  const api: Api = require(path.join(dir, "Mt.requests"));
  const rt: Runtime = require(path.join(dir, "runtime"));
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
    srv.handle(() => ({ status: 204 }));
  });
  afterAll(async () => {
    await srv?.close();
  });
  const client = () => rt.createClient({ baseUrl: srv.url });
  const branding = () => api.brandings().byKey("b");
  const bytes = new Uint8Array([137, 80, 78, 71]);

  test("media of an accepted type is sent with it, whether given as contentType or as the Blob's type; case and parameters aside", async () => {
    const before = srv.requests.length;
    await rt.writeStream(client(), api.brandingLogo(branding()), bytes, { contentType: "image/png" });
    await rt.writeStream(client(), api.brandingLogo(branding()), new Blob([bytes], { type: "image/jpeg" }));
    await rt.writeStream(client(), api.brandingLogo(branding()), bytes, { contentType: "IMAGE/PNG; q=1" as "image/png" });
    await rt.writeStream(client(), api.photoContent(api.photos().byKey("p")), new Blob([bytes], { type: "image/webp" }));
    await rt.writeStream(client(), api.photoContent(api.photos().byKey("p")), bytes, { contentType: "text/plain; charset=latin1" });
    await rt.writeStream(client(), api.photoContent(api.photos().byKey("p")), bytes, { contentType: "application/pdf" });
    const sent = srv.requests.slice(before);
    expect(sent.map((r) => [r.method, r.url, r.headers["content-type"], r.raw.length])).toEqual([
      ["PUT", "/Brandings('b')/logo", "image/png", 4],
      ["PUT", "/Brandings('b')/logo", "image/jpeg", 4],
      ["PUT", "/Brandings('b')/logo", "IMAGE/PNG; q=1", 4],
      ["PUT", "/Photos('p')/$value", "image/webp", 4],
      ["PUT", "/Photos('p')/$value", "text/plain; charset=latin1", 4],
      ["PUT", "/Photos('p')/$value", "application/pdf", 4],
    ]);
  });

  test("media of another type rejects with a TypeError naming the types, and nothing is sent: bytes without contentType are application/octet-stream", async () => {
    const before = srv.requests.length;
    await expect(rt.writeStream(client(), api.brandingLogo(branding()), bytes)).rejects.toThrow(
      new TypeError(`PUT ${srv.url}/Brandings('b')/logo: the media is application/octet-stream; the service's metadata accepts image/png, image/jpeg here (Core.AcceptableMediaTypes): give one as contentType; rt.unrestricted(target) sends another`),
    );
    await expect(rt.writeStream(client(), api.brandingFavicon(branding()), new Blob([bytes], { type: "image/jpeg" }))).rejects.toThrow(/the media is image\/jpeg; the service's metadata accepts image\/vnd\.microsoft\.icon, image\/png here/);
    await expect(rt.writeStream(client(), api.photoContent(api.photos().byKey("p")), bytes, { contentType: "text/html" as "text/plain" })).rejects.toThrow(TypeError);
    // `image/*` takes an image, not the bare `image/`, nor what is no media type; a BOM or no-break space is no blank.
    for (const contentType of ["image/", "image/png/../x", "\uFEFFimage/png", "\u00A0image/png", "text/ plain"])
      await expect(rt.writeStream(client(), api.photoContent(api.photos().byKey("p")), bytes, { contentType: contentType as "image/png" })).rejects.toThrow(TypeError);
    expect(srv.requests.length).toBe(before);
    // Without the term, anything goes, as before; rt.unrestricted copies the address without them.
    await rt.writeStream(client(), api.brandingPlain(branding()), bytes);
    await rt.writeStream(client(), api.brandingAnything(branding()), bytes, { contentType: "text/csv" });
    const logo = api.brandingLogo(branding());
    await rt.writeStream(client(), rt.unrestricted(logo), bytes, { contentType: "text/css" });
    expect(srv.requests.slice(before).map((r) => [r.url, r.headers["content-type"]])).toEqual([
      ["/Brandings('b')/plain", "application/octet-stream"],
      ["/Brandings('b')/anything", "text/csv"],
      ["/Brandings('b')/logo", "text/css"],
    ]);
    // The builder's address keeps its media types.
    await expect(rt.writeStream(client(), logo, bytes, { contentType: "text/css" as "image/png" })).rejects.toThrow(TypeError);
    // An entity's address stays the same object.
    const b = branding();
    expect(rt.unrestricted(b)).toBe(b);
  });
});

test("odatagen url: a stream's PUT gives the contentType the metadata accepts, as a variable saying which", () => {
  const read = urlCalls({ inputs: [{ file: FIXTURE, content: fs.readFileSync(FIXTURE, "utf8") }] }, [
    { method: "PUT", path: "/Brandings('b')/logo" },
    { method: "PUT", path: "/Photos('p')/$value" },
    { method: "PUT", path: "/Brandings('b')/plain" },
    { path: "/Brandings('b')/logo" },
    { method: "PUT", path: "/Photos('p')/Mt.Scan/$value" },
  ]);
  const calls = read.results.map((r) => {
    if (!r.ok) throw new Error(r.problem);
    return r.call;
  });
  expect(calls.map((c) => c.call)).toEqual([
    "const result = await writeStream(client, target, data, { contentType });",
    "const result = await writeStream(client, target, data, { contentType });",
    "const result = await writeStream(client, target, data);",
    "const result = await readStream(client, target);",
    "const result = await writeStream(client, target, data, { contentType });",
  ]);
  expect(calls[0]!.variables.find((v) => v.name === "contentType")?.what).toBe("the media's type, which the service's metadata says is one of image/png, image/jpeg (Core.AcceptableMediaTypes)");
  expect(calls[1]!.variables.find((v) => v.name === "contentType")?.what).toContain("one of image/*, text/plain; charset=utf-8");
  // Through a cast to a subtype with a list of its own: the family's, which the builder carries.
  expect(calls[4]!.variables.find((v) => v.name === "contentType")?.what).toContain("one of image/*, text/plain; charset=utf-8, application/PDF, image/png");
});

describeWithGraph("Graph's branding logos")("Graph's branding logos", () => {
  test("an organization's banner logo accepts seven image types, which url and the builder say", () => {
    const read = urlCalls({ inputs: [{ file: GRAPH, content: fs.readFileSync(GRAPH, "utf8") }] }, [{ method: "PUT", path: "/organization/{id}/branding/bannerLogo" }]);
    const [r] = read.results;
    if (!r!.ok) throw new Error(r!.problem);
    expect(r!.call.call).toContain("{ contentType }");
    expect(r!.call.variables.find((v) => v.name === "contentType")?.what).toBe(
      "the media's type, which the service's metadata says is one of image/bmp, image/jpg, image/jpeg, image/gif, image/vnd.microsoft.icon, image/png, image/tiff (Core.AcceptableMediaTypes)",
    );
  });
});
