// What a batch writes into its parts and reads out of them, byte for byte, over real HTTP on
// 127.0.0.1: header values and URLs as fetch would send them alone, and answers whose parts hold
// bytes that are not UTF-8 text.
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body, session } from "./helpers/batch-sessions";
import type { Session } from "../generated/graph-callrecords/microsoft.graph.callRecords.types";
import { getSession } from "../generated/graph-callrecords/microsoft.graph.callRecords.requests";
import * as rt from "../generated/graph-callrecords/runtime";

let srv: Loopback;
beforeAll(async () => {
  srv = await startLoopback();
});
afterAll(async () => {
  await srv?.close();
});

/** A multipart answer of `parts`, each an `application/http` part holding an HTTP response. */
function answer(...parts: string[]): void {
  srv.handle(() => ({ headers: { "content-type": "multipart/mixed; boundary=b" }, body: `${parts.map((p) => `--b\r\nContent-Type: application/http\r\n\r\n${p}\r\n`).join("")}--b--\r\n` }));
}
const OK = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body("s1"))}`;

describe("what a batch writes", () => {
  test.each(["json", "multipart"] as const)("%s: a header value with a line break rejects its call, as fetch does alone, and is not written into the batch", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    const headers = { "x-note": "a\r\n\r\nDELETE communications/callRecords/r1 HTTP/1.1" };
    if (format === "multipart") answer(OK);
    else srv.handle((r) => ({ body: { responses: JSON.parse(r.body).requests.map(({ id }: { id: string }) => ({ id, status: 200, body: body("s1") })) } }));
    const alone = await getSession(client, session("s1"), { headers }).catch((e: unknown) => e);
    expect(alone).toBeInstanceOf(TypeError);
    expect(srv.requests).toHaveLength(0);

    const b = rt.batch(client, { format });
    const calls = Promise.allSettled([getSession(b, session("s0"), { headers }), getSession(b, session("s1"))]);
    await b.send();
    const [refused, kept] = await calls;
    expect(refused.status === "rejected" && refused.reason).toBeInstanceOf(TypeError);
    expect(refused.status === "rejected" && (refused.reason as Error).message).toContain(`GET ${srv.url}/communications/callRecords/r1/sessions/s0: `);
    expect(kept).toEqual({ status: "fulfilled", value: body("s1") });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]!.body).not.toContain("DELETE");
    expect(srv.requests[0]!.body).not.toContain("/s0");
  });

  test.each(["json", "multipart"] as const)("%s: a path with a space or a character past ASCII is percent-encoded, as fetch sends it alone", async (format) => {
    const client = rt.createClient({ baseUrl: srv.url });
    // Graph's path-based addressing (`/me/drive/root:/My File.txt:`) is written with `rt.at` as it reads.
    const target = rt.at<Session>("/communications/callRecords/r1/sessions/s 1\u00e9\u{1F600}");
    const encoded = "communications/callRecords/r1/sessions/s%201%C3%A9%F0%9F%98%80";
    srv.handle(() => ({ body: body("s1") }));
    await getSession(client, target);
    expect(srv.requests[0]!.url).toBe(`/${encoded}`);

    if (format === "multipart") answer(OK);
    else srv.handle(() => ({ body: { responses: [{ id: "1", status: 200, body: body("s1") }] } }));
    const b = rt.batch(client, { format });
    const read = getSession(b, target);
    await b.send();
    expect(await read).toEqual(body("s1"));
    const sent = srv.requests[0]!.body;
    if (format === "json") expect(JSON.parse(sent).requests[0].url).toBe(encoded);
    else expect(sent).toContain(`\r\nGET ${encoded} HTTP/1.1\r\n`);
  });
});
