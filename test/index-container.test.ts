// index.ts's header says which requests module holds the entity container's builders: in a service
// whose container has a namespace of its own (Northwind's ODataWebExperimental.Northwind.Model, ASP.NET
// Core OData's Default), `import { customers } from "./NorthwindModel.requests.js"` fails with TS2305
// and nothing in the output said where `customers()` is.
import { generate } from "../generator";
import { edmx, keyed, schema } from "./helpers/csdl";

const TYPES = schema(
  "Shop.Model",
  `${keyed("Customer")}
  ${keyed("Order")}
  ${keyed("Product")}
  ${keyed("Region")}
  <Action Name="Reset"/>`,
);
const CONTAINER = schema(
  "Default",
  `<EntityContainer Name="Container">
    <EntitySet Name="Customers" EntityType="Shop.Model.Customer"/>
    <EntitySet Name="Orders" EntityType="Shop.Model.Order"/>
    <EntitySet Name="Products" EntityType="Shop.Model.Product"/>
    <EntitySet Name="Regions" EntityType="Shop.Model.Region"/>
    <Singleton Name="Headquarters" Type="Shop.Model.Region"/>
    <ActionImport Name="Reset" Action="Shop.Model.Reset"/>
  </EntityContainer>`,
);

const files = (schemas: string[], options: { requests?: boolean } = {}) =>
  generate({ inputs: [{ file: "shop.xml", content: edmx(schemas) }], ...options }).files;
const containerLines = (index: string) => index.split("\n").filter((l) => l.startsWith("// Entity container"));

describe("index.ts names the module of the entity container's builders", () => {
  test("a container in a namespace of its own: its sets (the first three), singletons and imports, and the module that exports them", () => {
    const out = files([TYPES, CONTAINER]);
    expect(containerLines(out.get("index.ts")!)).toEqual([
      `// Entity container Container: its entity sets and singletons (customers(), orders(), products() and 2 more) and imports are in "./Default.requests.js".`,
    ]);
    const requests = out.get("Default.requests.ts")!;
    for (const name of ["customers", "orders", "products", "regions", "headquarters", "reset"]) expect(requests).toMatch(new RegExp(`^export function ${name}\\(`, "m"));
    expect(out.get("Shop.Model.requests.ts")).not.toMatch(/^export function customers\(/m);
  });

  test("a container of entity sets alone says entity sets; one of a singleton alone, singletons", () => {
    const sets = schema("Default", `<EntityContainer Name="C"><EntitySet Name="Orders" EntityType="Shop.Model.Order"/></EntityContainer>`);
    expect(containerLines(files([TYPES, sets]).get("index.ts")!)).toEqual([`// Entity container C: its entity sets (orders()) are in "./Default.requests.js".`]);
    const single = schema("Default", `<EntityContainer Name="C"><Singleton Name="Me" Type="Shop.Model.Customer"/></EntityContainer>`);
    expect(containerLines(files([TYPES, single]).get("index.ts")!)).toEqual([`// Entity container C: its singletons (me()) are in "./Default.requests.js".`]);
  });

  test("no line with one namespace (its one requests module has them), without request functions, or for an empty container", () => {
    const one = schema("Shop", `${keyed("Order")}<EntityContainer Name="C"><EntitySet Name="Orders" EntityType="Shop.Order"/></EntityContainer>`);
    expect(containerLines(files([one]).get("index.ts")!)).toEqual([]);
    expect(containerLines(files([TYPES, CONTAINER], { requests: false }).get("index.ts")!)).toEqual([]);
    expect(containerLines(files([TYPES, schema("Default", `<EntityContainer Name="C"/>`)]).get("index.ts")!)).toEqual([]);
  });
});
