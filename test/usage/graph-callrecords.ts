// The README's "What gets generated" example, against generated/graph-callrecords.
import { batch, createClient, ODataError } from "./runtime.js";
import { communications, cloudCommunicationsCallRecords } from "./microsoft.graph.requests.js";
import { callRecordSessions, getSession, updateSession } from "./microsoft.graph.callRecords.requests.js";
import type { Session } from "./microsoft.graph.callRecords.types.js";
import { isSession, validateSession } from "./microsoft.graph.callRecords.validators.js";

const client = createClient({
  baseUrl: "https://graph.microsoft.com/v1.0",
  getToken: async () => "<access token>",
});

export async function renameSession(callRecordId: string, sessionId: string): Promise<Session | undefined> {
  const body: Partial<Session> = {
    modalities: ["audio"],
    failureInfo: { stage: "callSetup", reason: "Reason value" },
    caller: {
      userAgent: {
        "@odata.type": "#microsoft.graph.callRecords.clientUserAgent",
        platform: "windows",
        productFamily: "teams",
        headerValue: "Header Value value",
      },
    },
  };
  const check = validateSession(body, { mode: "update" });
  if (!check.valid) throw new Error(check.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));

  const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId);
  try {
    const updated = await updateSession(client, session, body);
    if (updated !== undefined && !isSession(updated, { complete: true })) throw new Error("unexpected response");
    return updated;
  } catch (e) {
    if (e instanceof ODataError) throw new Error(`${e.status} ${e.code}: ${e.message}`);
    throw e;
  }
}

export function platformOf(s: Session): string | undefined {
  const ua = s.caller?.userAgent;
  return ua && ua["@odata.type"] === "#microsoft.graph.callRecords.clientUserAgent" ? ua.platform : undefined;
}

/** True when `A` and `B` are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The README's batch example: a batched call's result is typed as the same call's alone. */
export async function readAndRename(callRecordId: string, sessionId: string): Promise<string[]> {
  const session = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey(callRecordId)).byKey(sessionId);
  const b = batch(client);
  const read = getSession(b, session, { select: ["modalities"] });
  const renamed = updateSession(b, session, { modalities: ["video"] });
  await b.send();
  const typedAsAlone: Same<typeof read, ReturnType<typeof getSession<"modalities", never, never>>> & Same<typeof renamed, ReturnType<typeof updateSession>> = true;
  void typedAsAlone;
  const { modalities } = await read;
  await renamed;
  return modalities;
}

/** The same in a multipart batch, the update in a change set: typed as alone too. */
export async function readAndRenameMultipart(session: ReturnType<ReturnType<typeof callRecordSessions>["byKey"]>): Promise<string[]> {
  const b = batch(client, { format: "multipart" });
  const read = getSession(b, session, { select: ["modalities"] });
  const renamed = updateSession(b.atomic(), session, { modalities: ["video"] });
  await b.send({ signal: AbortSignal.timeout(10_000) });
  const typedAsAlone: Same<typeof read, ReturnType<typeof getSession<"modalities", never, never>>> & Same<typeof renamed, ReturnType<typeof updateSession>> = true;
  void typedAsAlone;
  await renamed;
  return (await read).modalities;
}
