/**
 * The HTTP methods odatagen makes requests with: what `odatagen url` takes, what the request files
 * it reads may name (parse/requests), and what the generated functions send.
 */
export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
