// What the batch tests (test/requests-batch*.test.ts) send and answer: callRecords sessions below
// one call record of the committed Graph output.
import { communications, cloudCommunicationsCallRecords } from "../../generated/graph-callrecords/microsoft.graph.requests";
import { callRecordSessions } from "../../generated/graph-callrecords/microsoft.graph.callRecords.requests";

/** The address of session `id` of call record `r1`. */
export const session = (id: string) => callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("r1")).byKey(id);
/** Its path, relative to the service root. */
export const PATH = "communications/callRecords/r1/sessions";
/** A session as the service answers it. */
export const body = (id: string) => ({ id, startDateTime: "2024-01-01T00:00:00Z", endDateTime: "2024-01-01T01:00:00Z", modalities: ["audio"] });

