// Uses the golden output of test/fixtures/operation-constraints.xml: an operation's parameters are
// checked before the call, its result by the call's `validate`.
import { validateReserveParameters, validateReserveResult, validateStockResult } from "./Terms.Ops.validators.js";
import { reserve, stock } from "./Terms.Ops.requests.js";
import type { Client } from "./runtime.js";

export async function reserveChecked(client: Client, qty: number): Promise<number> {
  const params = { qty, sizes: ["S"] };
  const check = validateReserveParameters(params);
  if (!check.valid) throw new Error(check.errors.map((e) => e.message).join("; "));
  const { value } = await reserve(client, params, { validate: validateReserveResult });
  return value;
}

export async function stockChecked(client: Client): Promise<(number | string | null)[]> {
  return (await stock(client, { sku: "1" }, { validate: validateStockResult })).value;
}
