/**
 * What a service answered a request, as a recording keeps it: a HAR entry's `response`, or one
 * answer of a `$batch`'s (a JSON batch's `responses`, a multipart batch's parts).
 */

export interface Answered {
  status: number;
  statusText?: string;
  /** The `error.message` of an OData JSON error body (Protocol §9.4), shortened. */
  message?: string;
}

/** An answer's status (below 100, as a HAR file writes a request never answered, is none), and the message of an OData error body. */
export function answerOf(status: unknown, statusText: unknown, body: unknown): Answered | undefined {
  if (typeof status !== "number" || status < 100) return undefined;
  const answered: Answered = { status };
  if (typeof statusText === "string" && statusText) answered.statusText = statusText;
  if (status >= 400 && typeof body === "string" && /^\s*\{/.test(body)) {
    try {
      const message = (JSON.parse(body) as { error?: { message?: unknown } } | null)?.error?.message;
      if (typeof message === "string" && message) answered.message = message.length > 200 ? `${message.slice(0, 200)}...` : message;
    } catch {
      // Not JSON after all: no message.
    }
  }
  return answered;
}

/** A HAR entry's `response`: its status, and its body's OData error message (`content.text`, decoded where the file holds it in base64). */
export function harAnswerOf(response: unknown): Answered | undefined {
  const r = response as { status?: unknown; statusText?: unknown } | null | undefined;
  return answerOf(r?.status, r?.statusText, harResponseText(response));
}

/** A HAR entry's response body as text: `content.text`, decoded when `content.encoding` is `base64` (HAR 1.2 §content). */
export function harResponseText(response: unknown): string | undefined {
  const content = (response as { content?: { text?: unknown; encoding?: unknown } } | null | undefined)?.content;
  if (typeof content?.text !== "string") return undefined;
  return content.encoding === "base64" ? Buffer.from(content.text, "base64").toString("utf8") : content.text;
}
