// Uses the golden output of test/fixtures/inheritance.xml.
import { createClient } from "./runtime.js";
import { animals, getAnimal, keeperFavourite, keepers, updateAnimal, listAnimals } from "./zoo.model.requests.js";
import type { AnyLocation, Keeper } from "./zoo.model.types.js";
import type { Sparse } from "./validation.js";
import { isAnimal, validateKeeper } from "./zoo.model.validators.js";

const client = createClient({ baseUrl: "https://zoo.example/api", getToken: () => "t" });

export async function use(): Promise<string[]> {
  // An entity set of an abstract type addresses any of its concrete subtypes.
  // Without select, the service's default set: any property but the key may be absent.
  const animal = await getAnimal(client, animals().byKey("5f1d4f5e-0000-4000-8000-000000000001"));
  await updateAnimal(client, animals().byKey("5f1d4f5e-0000-4000-8000-000000000001"), { name: "Polly" });
  const page = await listAnimals(client, animals(), { select: ["name"] });
  // A keeper may have no favourite (a nullable navigation property): null then (204).
  const fav = await getAnimal(client, keeperFavourite(keepers().byKey("k1")), { select: ["name"] });
  const names = [animal.name ?? animal.id, ...[...(fav ? [fav] : []), ...page.value].map((a) => a.name)];
  // `@odata.type` narrows the union.
  if (animal["@odata.type"] === "#zoo.model.fish") names.push(String(animal.depth));
  return names;
}

export function narrow(value: unknown): number | undefined {
  // Not complete: any property may be absent (Sparse), and `@odata.type` still narrows the union.
  if (!isAnimal(value)) return undefined;
  const home: Sparse<AnyLocation> | null | undefined = value.home;
  if (home && home["@odata.type"] === "#zoo.model.tank") return Number(home.litres);
  return undefined;
}

export function narrowComplete(value: unknown): AnyLocation | null | undefined {
  return isAnimal(value, { complete: true }) ? value.home : undefined;
}

export const keeper: Keeper = { id: "k1", hired: "2020-01-01T00:00:00Z", notes: { author: "x", anything: [1, 2] } };
export const ok: boolean = validateKeeper(keeper).valid;
