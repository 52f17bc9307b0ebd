/**
 * A `$batch` as a recording holds it: its requests, read from its body, and their answers, read
 * from the answer's body. A JSON batch (OData 4.01 JSON Format §19, Graph's
 * `{"requests":[{"id":"1","method":"GET","url":"/me"}]}`) pairs them by `id`; a multipart batch
 * (Protocol §11.7.2, OData 4.0's) by place: its answer has one part for each part of the request,
 * in order, and a change set's answers are matched by `Content-ID`, else by order.
 */
import { answerOf, type Answered } from "./answer";

export interface BatchedRequest {
  method: string;
  url: string;
  body?: string;
  /** A JSON batch request's `id`. */
  id?: string;
  /** The names of the headers it sends, in lower case. */
  headers?: string[];
}

export interface Batch {
  requests: BatchedRequest[];
  /** The answer to each request (by its index), read from the `$batch`'s answer body; undefined where that holds none for it. */
  answers(answerBody: string): (Answered | undefined)[];
}

/** The requests of a `$batch` body, JSON or multipart, each with its body; undefined where it has none. */
export function readBatch(body: string): Batch | undefined {
  return /^\s*\{/.test(body) ? jsonBatch(body) : multipartBatch(body);
}

/** The member `name` of the JSON object `text`; undefined where `text` is no JSON or no object. */
function jsonMember(text: string, name: string): unknown {
  try {
    return (JSON.parse(text) as Record<string, unknown> | null)?.[name];
  } catch {
    return undefined;
  }
}

function jsonBatch(body: string): Batch | undefined {
  const listed = jsonMember(body, "requests");
  if (!Array.isArray(listed)) return undefined;
  // Each with its own JSON body, if it has one (an object or an array), for its names to be
  // checked; its id, for its answer; its headers' names.
  const requests = listed.flatMap((x: { method?: unknown; url?: unknown; body?: unknown; id?: unknown; headers?: unknown } | null): BatchedRequest[] =>
    typeof x?.method === "string" && typeof x.url === "string"
      ? [
          {
            method: x.method.toUpperCase(),
            url: x.url,
            ...(typeof x.body === "object" && x.body !== null ? { body: JSON.stringify(x.body) } : {}),
            ...(typeof x.id === "string" || typeof x.id === "number" ? { id: String(x.id) } : {}),
            ...(typeof x.headers === "object" && x.headers !== null ? { headers: Object.keys(x.headers).map((k) => k.toLowerCase()) } : {}),
          },
        ]
      : [],
  );
  if (!requests.length) return undefined;
  return {
    requests,
    answers(answerBody) {
      const byId = jsonAnswers(answerBody);
      return requests.map((r) => (r.id === undefined ? undefined : byId?.get(r.id)));
    },
  };
}

/** A JSON batch's answers (`{"responses":[{"id":"1","status":400,"body":{"error":…}}]}`), by id. */
function jsonAnswers(text: string): Map<string, Answered> | undefined {
  const responses = jsonMember(text, "responses");
  if (!Array.isArray(responses)) return undefined;
  const out = new Map<string, Answered>();
  for (const x of responses as ({ id?: unknown; status?: unknown; body?: unknown } | null)[]) {
    if (typeof x?.id !== "string" && typeof x?.id !== "number") continue;
    const answered = answerOf(x.status, undefined, typeof x.body === "object" && x.body !== null ? JSON.stringify(x.body) : undefined);
    if (answered) out.set(String(x.id), answered);
  }
  return out;
}

/** One HTTP message of a multipart batch (a request or an answer), or a change set's. */
interface Message {
  kind: "message";
  /** The request line (`GET People('x') HTTP/1.1`) or status line (`HTTP/1.1 200 OK`). */
  start: string;
  /** Its headers' names, in lower case. */
  headers: string[];
  body: string;
  /** The part's `Content-ID` (Protocol §11.7.3.1), which a change set's answer repeats. */
  contentId?: string;
}

/** A change set: a part that is a multipart body of messages of its own. */
interface ChangeSet {
  kind: "changeset";
  messages: Message[];
}

const REQUEST_LINE = /^([A-Za-z]+) (\S+) HTTP\/\d(?:\.\d)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/;

function multipartBatch(body: string): Batch | undefined {
  const parts = multipartParts(body, true);
  const structured = parts?.flatMap((p) => (p.kind === "message" ? [p] : p.messages)).every((m) => REQUEST_LINE.test(m.start));
  if (!parts || !structured) return linesBatch(body);
  const requests: BatchedRequest[] = [];
  for (const message of parts.flatMap((p) => (p.kind === "message" ? [p] : p.messages))) {
    const [, method, url] = REQUEST_LINE.exec(message.start)!;
    requests.push({ method: method!.toUpperCase(), url: url!, ...(message.body ? { body: message.body } : {}), ...(message.headers.length ? { headers: message.headers } : {}) });
  }
  if (!requests.length) return linesBatch(body);
  return {
    requests,
    answers(answerBody) {
      const answered = multipartParts(answerBody, true);
      return answered ? pairAnswers(parts, answered) : requests.map(() => undefined);
    },
  };
}

/**
 * The answer to each request of `asked`, in order: part by part (a service that stops at a failure
 * answers the parts before it only); a change set's by `Content-ID`, else by order where as many
 * came back. A change set answered by one message failed as a whole, and which of its requests
 * failed is not said: its requests get no answer.
 */
function pairAnswers(asked: readonly (Message | ChangeSet)[], answered: readonly (Message | ChangeSet)[]): (Answered | undefined)[] {
  const out: (Answered | undefined)[] = [];
  asked.forEach((part, i) => {
    const answer = answered[i];
    if (part.kind === "message") return void out.push(answer?.kind === "message" ? messageAnswer(answer) : undefined);
    const messages = answer?.kind === "changeset" ? answer.messages : [];
    const byId = new Map(messages.flatMap((a) => (a.contentId === undefined ? [] : [[a.contentId, a] as const])));
    part.messages.forEach((m, n) => {
      // Where both sides write Content-IDs, only they pair; else the order does, where as many came back.
      const paired = m.contentId !== undefined && byId.size ? byId.get(m.contentId) : messages.length === part.messages.length ? messages[n] : undefined;
      out.push(paired ? messageAnswer(paired) : undefined);
    });
  });
  return out;
}

function messageAnswer(m: Message): Answered | undefined {
  const status = STATUS_LINE.exec(m.start);
  return status ? answerOf(Number(status[1]), status[2]?.trim(), m.body) : undefined;
}

/**
 * A multipart body's parts (RFC 2046 §5.1.1), between the lines of its boundary (the first
 * `--…` line's, where none is given), each an HTTP message (`application/http`), or, with
 * `changeSets`, a nested multipart body of them. Undefined where there is no boundary line.
 */
function multipartParts(text: string, changeSets: true): (Message | ChangeSet)[] | undefined;
function multipartParts(text: string, changeSets: false, boundary: string): Message[];
function multipartParts(text: string, changeSets: boolean, boundary?: string): (Message | ChangeSet)[] | undefined {
  const lines = text.split(/\r?\n/);
  const delimiter = boundary === undefined ? lines.find((l) => /^--\S/.test(l))?.trimEnd() : `--${boundary}`;
  if (delimiter === undefined || delimiter.endsWith("--")) return undefined;
  const chunks: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) chunks.push(current);
      current = trimmed === delimiter ? [] : undefined;
      if (!current) break;
    } else current?.push(line);
  }
  // A body cut short (no close delimiter) has its last part as far as it goes.
  if (current) chunks.push(current);
  return chunks.map((chunk) => {
    const blank = chunk.findIndex((l) => l.trim() === "");
    const mime = blank < 0 ? chunk : chunk.slice(0, blank);
    const content = blank < 0 ? [] : chunk.slice(blank + 1);
    const header = (name: string) => mime.find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    const nested = changeSets && /^multipart\/mixed\b/i.test(header("content-type") ?? "") ? /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(header("content-type")!) : null;
    if (nested) return { kind: "changeset", messages: multipartParts(content.join("\n"), false, (nested[1] ?? nested[2])!) };
    return message(content, header("content-id"));
  });
}

/** An HTTP message's start line, headers' names and body (its text, trimmed). */
function message(lines: readonly string[], contentId: string | undefined): Message {
  const first = lines.findIndex((l) => l.trim() !== "");
  const rest = first < 0 ? [] : lines.slice(first + 1);
  const blank = rest.findIndex((l) => l.trim() === "");
  const headerLines = blank < 0 ? rest : rest.slice(0, blank);
  const headers = headerLines.flatMap((l) => (/^[^\s:]+:/.test(l) ? [l.slice(0, l.indexOf(":")).toLowerCase()] : []));
  // A Content-ID may be written among the message's own headers instead of the part's.
  const id = contentId ?? headerLines.find((l) => /^content-id:/i.test(l))?.slice("content-id:".length).trim();
  return {
    kind: "message",
    start: first < 0 ? "" : lines[first]!.trim(),
    headers,
    body: blank < 0 ? "" : rest.slice(blank + 1).join("\n").trim(),
    ...(id ? { contentId: id } : {}),
  };
}

/**
 * A multipart batch read by its request lines alone (`GET People('x') HTTP/1.1`), where its parts
 * are not laid out as a multipart body: each with the text after the blank line that ends its
 * headers, up to the next boundary line, as its body; no answers.
 */
function linesBatch(body: string): Batch | undefined {
  const requests = [...body.matchAll(/^([A-Za-z]+) (\S+) HTTP\/\d(?:\.\d)?\r?$/gm)].map((m) => ({ method: m[1]!.toUpperCase(), url: m[2]!, ...partBody(body, m.index + m[0].length) }));
  return requests.length ? { requests, answers: () => requests.map(() => undefined) } : undefined;
}

function partBody(body: string, from: number): { body?: string } {
  const boundary = /\r?\n--[^\r\n]*/g;
  boundary.lastIndex = from;
  const part = body.slice(from, boundary.exec(body)?.index ?? body.length);
  const blank = /\r?\n\r?\n/.exec(part);
  const text = blank ? part.slice(blank.index + blank[0].length).trim() : "";
  return text ? { body: text } : {};
}
