// What a batch writes into its parts and reads out of them, byte for byte, over real HTTP on
// 127.0.0.1: header values and URLs as fetch would send them alone, and answers whose parts hold
// bytes that are not UTF-8 text.
import { startLoopback, type Loopback } from "./helpers/loopback";
import { body, session } from "./helpers/batch-sessions";
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
});
