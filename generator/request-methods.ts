/**
 * The HTTP methods odatagen makes requests with: what `odatagen url` takes, what the request files
 * it reads may name (parse/requests), and what the generated functions send.
 */
export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

const KNOWN = new Set<string>(METHODS);

/** Whether odatagen makes requests with `method` (in upper case). */
export function isRequestMethod(method: string): method is Method {
  return KNOWN.has(method);
}

/** Why a request file's `method` is refused: odatagen makes no request with it. */
export function notRequestMethod(method: string): string {
  return `${method} is not a method odatagen makes requests with (${METHODS.join(", ")})`;
}
