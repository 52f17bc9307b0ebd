// Uses the golden output of test/fixtures/orders.xml.
import { createClient, type Page } from "./runtime.js";
import { biggest, cancel, getOrderLine, mainStore, getStore, openStores, orderLines, orders, reopen, search } from "./shop.requests.js";
import type { Order } from "./shop.types.js";

const client = createClient({ baseUrl: "https://shop.example", fetch: globalThis.fetch });

export async function use(): Promise<void> {
  const line = await getOrderLine(client, orderLines(orders().byKey(42)).byKey({ orderId: 42, sku: "a/b" }));
  // A function returning entities takes a read's query options; selected properties are as declared.
  const top: Page<Pick<Order, "id" | "placed">> = await biggest(client, orders(), { count: 3 }, { select: ["id", "placed"], top: 2 });
  await cancel(client, orders().byKey(line.orderId), { reason: "late" });
  // An action's nullable parameter may be left out (the service reads null), as may an optional one.
  await cancel(client, orders().byKey(line.orderId));
  await reopen(client, orders().byKey(line.orderId));
  // A function's nullable parameter must be given (null is a value); only Core.OptionalParameter ones may be left out.
  const found = await search(client, orders(), { text: null });
  const foundId: number | undefined = found.value[0]?.id;
  await search(client, orders(), { text: "late", limit: 5 });
  const store = await getStore(client, mainStore());
  const open: number = (await openStores(client)).value;
  void [top, store.open, open, foundId];
}
