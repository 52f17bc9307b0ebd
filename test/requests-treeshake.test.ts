// What a bundler keeps of the generated request side: a program bundles only the roots it uses (and
// the ones their NavigationPropertyBindings lead to), and of the runtime only what its calls need —
// no query options, paging, $ref or stream code for an update. Sizes are measured by the bench
// (`npm run bench`, row "tree-shaken"); these tests check what is in the bundle, not its bytes.
import * as path from "node:path";
import { buildSync } from "esbuild";
import { generateFixture } from "./helpers/generated";

const TRIPPIN = generateFixture("trippin-lite.xml", "treeshake", { keyAsSegment: false });
const SEED = path.resolve(__dirname, "..", "generated", "graph-callrecords");

/** esbuild --bundle --minify --format=esm of `entry`, resolved in `dir`. */
function bundle(dir: string, entry: string): string {
  const r = buildSync({
    stdin: { contents: entry, resolveDir: dir, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

/**
 * Code of runtime features an update does not call: query options, paging, $count, $ref, streams,
 * function calls and the literal writers they use (`"Double"`, edmDouble's; not `INF`, which a body
 * writes for Infinity too).
 */
const UNUSED_RUNTIME = ["$select", "$expand", "$orderby", "@odata.nextLink", "$count", "$ref", "$value", "octet-stream", "@odata.id", "=@", "duration'", "binary'", '"Double"'];

describe("a program bundles only the roots and runtime it uses", () => {
  test("one entity set and its update: no other root, no query or paging code", () => {
    const code = bundle(TRIPPIN, `export { airlines, updateAirline } from "./Travel.Lite.requests.js";`);
    expect(code).toContain('"Airlines"');
    for (const other of ['"People"', '"Me"', '"Airports"', '"Bookings"', '"Documents"', '"Friends"']) expect(code).not.toContain(other);
    for (const unused of UNUSED_RUNTIME) expect(code).not.toContain(unused);
    // Retries and typed errors are part of every request.
    expect(code).toContain("retry-after");
    expect(code).toContain("ODataError");
  });

  test("a root whose bindings lead to another entity set brings that set's root along, and only it", () => {
    const code = bundle(TRIPPIN, `export { me, personFriends, updatePerson } from "./Travel.Lite.requests.js";`);
    expect(code).toContain('"Me"');
    // Friends of Me are People, which needs If-Match: People's root comes along for its etag flag.
    expect(code).toContain('"People"');
    for (const other of ['"Airlines"', '"Airports"', '"Bookings"', '"Documents"']) expect(code).not.toContain(other);
  });

  test("only the key literals the key specs name: an Int32 key brings no other number or date writer", () => {
    const code = bundle(TRIPPIN, `export { people, personTrips, updateTrip } from "./Travel.Lite.requests.js";`);
    expect(code).toContain('"Int32"');
    for (const other of ['"Int64"', '"Decimal"', "toISOString", "duration'"]) expect(code).not.toContain(other);
  });

  test("the Graph seed (committed generated/graph-callrecords): updateSession with its path builders", () => {
    const code = bundle(
      SEED,
      `export { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
       export { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";`,
    );
    for (const name of ['"communications"', '"callRecords"', '"sessions"']) expect(code).toContain(name);
    for (const unused of [...UNUSED_RUNTIME, '"segments"', '"participants_v2"', "validateSession"]) expect(code).not.toContain(unused);
  });

  test("what only reads and paging need stays out of an update: the IEEE754 count walk, and next links' origin check", () => {
    const bundled = (names: string) => bundle(SEED, `export { ${names} } from "./microsoft.graph.callRecords.requests.js";`);
    const update = bundled("updateSession");
    for (const readOnly of [...COUNT_WALK, ...OTHER_ORIGIN]) expect(update).not.toContain(readOnly);
    // The same markers do find the pieces where they belong: a read walks counts; following next links checks their origin.
    for (const read of [bundled("getSession"), bundled("listSessions")]) {
      for (const walk of COUNT_WALK) expect(read).toContain(walk);
      for (const link of OTHER_ORIGIN) expect(read).not.toContain(link);
    }
    // A get reads one entity: the page reader stays with the lists.
    expect(bundled("getSession")).not.toContain(PAGE_READER);
    expect(bundled("listSessions")).toContain(PAGE_READER);
    const paging = bundle(SEED, `export { listSessions } from "./microsoft.graph.callRecords.requests.js"; export { pages } from "./runtime.js";`);
    for (const link of OTHER_ORIGIN) expect(paging).toContain(link);
  });

  test("typed filters' writer and tables stay with the lists: a get or an update bundles none of them", () => {
    const bundled = (names: string) => bundle(SEED, `export { ${names} } from "./microsoft.graph.callRecords.requests.js";`);
    for (const code of [bundled("getSession"), bundled("updateSession")]) for (const marker of TYPED_FILTER) expect(code).not.toContain(marker);
    const list = bundled("listSessions");
    for (const marker of TYPED_FILTER) expect(list).toContain(marker);
  });

  test("the table of evolvable enums' later members and its walk stay with the writes whose bodies may name one: a get or a list bundles neither", () => {
    const bundled = (names: string) => bundle(SEED, `export { ${names} } from "./microsoft.graph.callRecords.requests.js";`);
    const markers = ["azureCommunicationServices", "include-unknown-enum-members"];
    for (const write of [bundled("updateSession"), bundled("createSession")]) for (const marker of markers) expect(write).toContain(marker);
    for (const read of [bundled("getSession"), bundled("listSessions")]) expect(read).not.toContain("azureCommunicationServices");
    // A list's typed filter sends the preference too (typedQuery), but not through the table.
    expect(bundled("getSession")).not.toContain("include-unknown-enum-members");
  });

  test("a write bundles only the later members its own body type reaches: no other type's of its module, none of another namespace's it does not reach", () => {
    const dir = generateFixture("requests/evolvable-enums.xml", "treeshake-evolvable");
    const bundled = (names: string, from = "Ev") => bundle(dir, `export { ${names} } from "./${from}.requests.js";`);
    // A source's verdict; not a signal's rating or results, nor a call's sessions' modalities (Rec's screenShare).
    const source = bundled("updateSource");
    expect(source).toContain("verdict:");
    for (const other of ["rating:", "results:", "modalities:", "screenShare"]) expect(source).not.toContain(other);
    // A call's deep insert reaches the sessions' table, and a session's write bundles the same one, from Rec.
    for (const code of [bundled("createCall"), bundled("updateSession", "Rec")]) expect(code).toContain('modalities:"screenShare"');
    expect(bundled("updateSession", "Rec")).not.toContain("verdict:");
  });

  test("streaming a read or a write stays out of an update: openStream's body wrapper, and writeStream's once-only fetch", () => {
    const update = bundle(SEED, `export { updateSession } from "./microsoft.graph.callRecords.requests.js";`);
    const streams = bundle(SEED, `export { openStream, writeStream } from "./runtime.js";`);
    for (const marker of STREAMING) {
      expect(streams).toContain(marker);
      expect(update).not.toContain(marker);
    }
  });

  test("asynchronous requests stay out unless a program calls respondAsync: polling, the monitor's Accept, AsyncResult", () => {
    const ASYNC_ONLY = ["asyncresult", "application/http, application/json;q=0.9", "not done within"];
    const update = bundle(SEED, `export { updateSession } from "./microsoft.graph.callRecords.requests.js";`);
    const batched = bundle(SEED, `export { updateSession } from "./microsoft.graph.callRecords.requests.js"; export { batch } from "./runtime.js";`);
    const waited = bundle(SEED, `export { updateSession } from "./microsoft.graph.callRecords.requests.js"; export { respondAsync } from "./runtime.js";`);
    for (const only of ASYNC_ONLY) {
      expect(update).not.toContain(only);
      expect(batched).not.toContain(only);
      expect(waited).toContain(only);
    }
  });
});

/** openStream's length check, which a compressed body has none of, and its stream; writeStream's `duplex` and its no-retry message. */
const STREAMING = ['"content-encoding"', "new ReadableStream", '"half"', "its body was a stream"];

/** The typed filters' writer (`Term`'s check of a string function) and a table's entry (SessionFilterKinds). */
const TYPED_FILTER = ["a string function takes a String", '"enum:microsoft.graph.callRecords.modality"'];

/** The page reader (`receivePage`): the answer it wants when a body has no `value` array. */
const PAGE_READER = "a collection (a page with a `value` array)";
/** The count walk (`countsAsNumbers`): the name it looks for, and the Content-Type that asks for it unasked. */
const COUNT_WALK = ['"@odata.count"', "IEEE754Compatible\\s*="];
/** A next link to another origin (`linked`): the credentials taken off it, and the stand-in for a page's address that `locate` resolves against. */
const OTHER_ORIGIN = ["proxy-authorization", "no-page.invalid"];
