/**
 * The rejection of `p`, which must reject (a resolution fails the test), typed as the test expects
 * it: by default what a request without an answer rejects with, a TypeError with fetch's `cause`.
 */
export async function failure<E = TypeError & { cause?: unknown }>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error("resolved, a rejection was expected");
}
