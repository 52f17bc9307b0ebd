// Uses the golden output of test/fixtures/trippin-lite.xml: typed $select narrows the result.
import { createClient } from "./runtime.js";
import { getPerson, listPersons, people, personTrips, updatePerson } from "./Travel.Lite.requests.js";
import type { Person } from "./Travel.Lite.types.js";
import { isPerson } from "./Travel.Lite.validators.js";

const client = createClient({ baseUrl: "http://127.0.0.1:1/trippin", fetch: globalThis.fetch });

export async function use(): Promise<void> {
  const russell = people().byKey("russellwhyte");
  const named = await getPerson(client, russell, { select: ["FirstName", "LastName"] });
  const first: string = named.FirstName;
  const page = await listPersons(client, people(), { filter: "Age gt 30", orderby: "LastName", top: 5, count: true });
  const trips = personTrips(russell).byKey(0);
  await updatePerson(client, russell, { Age: 42 });
  const value: unknown = page.value[0];
  const person: Person | undefined = isPerson(value, { complete: true }) ? value : undefined;
  void [first, trips.path, person];
}
