// A create's body is Partial<T> without the properties the service computes (Core.Computed), as the
// validators' "create" mode has it. An update's body is typed rt.Patch<T> (Protocol §11.4.3): PATCH leaves alone what it does not name,
// in a complex value too, so nested complex properties are optional at every depth, as the
// validators' "update" mode has them; a collection and a geography value still replace the whole
// value, so their items are complete. Checked by the real compiler (TypeScript 5.9 and 7) against
// the committed generated/graph-callrecords, the Graph seed's output.
import * as fs from "node:fs";
import * as path from "node:path";
import { scratch } from "./helpers/cli";
import { generateFixture } from "./helpers/generated";
import { compiler, REPO, runTsc, type Compiler } from "./helpers/typecheck";

const USAGE = `
import * as rt from "./runtime.js";
import { at, nullable, type Patch } from "./index.js";
import { cloudCommunicationsCallRecords, communications } from "./microsoft.graph.requests.js";
import { callRecordSessions, updateSession } from "./microsoft.graph.callRecords.requests.js";
import { validateSession } from "./microsoft.graph.callRecords.validators.js";
import type { Session } from "./microsoft.graph.callRecords.types.js";

declare const client: rt.Client;
const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("c1")).byKey("s1");

export async function usage(): Promise<void> {
  // A reason alone: failureInfo's required stage is left as it is.
  await updateSession(client, session, { failureInfo: { reason: "network" } });
  // Deeper: the caller's user agent, as the Update session page's body has it.
  await updateSession(client, session, { caller: { userAgent: { "@odata.type": "#microsoft.graph.callRecords.clientUserAgent", headerValue: "RTCC/7.0", applicationVersion: "1.0" } } });
  // The validators agree in "update" mode.
  const body: Patch<Session> = { failureInfo: { reason: "network" } };
  // index.js has what a user writes by hand: a nullable address of their own.
  const maybe: rt.EntityRef<Session, null> = nullable(at<Session>("/communications/callRecords/c1/sessions/s1"));
  void maybe;
  void validateSession(body, { mode: "update" });
  // @ts-expect-error still a string
  await updateSession(client, session, { failureInfo: { reason: 7 } });
  // @ts-expect-error not a property of failureInfo
  await updateSession(client, session, { failureInfo: { cause: "x" } });
  // @ts-expect-error a collection replaces the whole value: its items are complete (a segment's startDateTime)
  await updateSession(client, session, { segments: [{ endDateTime: "2026-01-01T00:00:00Z" }] });
}
`;

const COMPILERS: [string, Compiler | { reason: string }][] = [
  ["TypeScript 5.9", compiler("typescript", 5)],
  ["TypeScript 7", compiler("typescript7", 7)],
];

describe.each(COMPILERS)("%s", (_label, c) => {
  const run = "tsc" in c ? test : test.skip;
  if (!("tsc" in c)) console.warn(`requests-types-patch.test.ts: skipped: ${c.reason}`);
  run("nested complex values in an update body are partial; wrong types, unknown names and incomplete collection items are errors", () => {
    const dir = scratch();
    const from = path.join(REPO, "generated", "graph-callrecords");
    for (const f of fs.readdirSync(from)) if (f.endsWith(".ts")) fs.copyFileSync(path.join(from, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "usage.ts"), USAGE);
    const r = runTsc(c as Compiler, dir, ["usage.ts"]);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});

const CREATE_USAGE = `
import * as rt from "./runtime.js";
import { createItem, items } from "./Test.Validation.requests.js";

declare const client: rt.Client;

export async function usage(): Promise<void> {
  await createItem(client, items(), { name: "n" });
  // @ts-expect-error created is computed by the service (Core.Computed)
  await createItem(client, items(), { name: "n", created: "2026-01-01T00:00:00Z" });
  // @ts-expect-error so is the key, id
  await createItem(client, items(), { id: 1, name: "n" });
}
`;

describe.each(COMPILERS)("%s", (_label, c) => {
  const run = "tsc" in c ? test : test.skip;
  run("a create's body leaves out the properties the service computes", () => {
    const from = generateFixture("validation.xml", "create-body");
    const dir = scratch();
    for (const f of fs.readdirSync(from)) if (f.endsWith(".ts")) fs.copyFileSync(path.join(from, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "usage.ts"), CREATE_USAGE);
    const r = runTsc(c as Compiler, dir, ["usage.ts"]);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });
});
