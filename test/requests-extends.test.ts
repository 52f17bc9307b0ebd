// A container extending one of another namespace and document (CSDL 4.01 §13.1.2, fixtures in
// test/fixtures/requests/extends): Sales.Service Extends="Catalog.Base". Bindings into the extended
// container's sets, and from them into the extending one's, lead across the two namespaces' modules
// as a binding within one container does; diff reads them as the client follows them.
import * as fs from "node:fs";
import * as path from "node:path";
import { DiagnosticBag } from "../generator/diagnostics";
import { compareSummaries } from "../generator/diff/compare";
import { loadSummary } from "../generator/diff/load";
import { summarize } from "../generator/diff/summary";
import { generate, readModel } from "../generator/generate";
import { keyAsSegment } from "../generator/model/capabilities";
import { scratch } from "./helpers/cli";
import { FIXTURES, generateFixture } from "./helpers/generated";
import { startLoopback, type Loopback } from "./helpers/loopback";
import { compiler, runTsc, type Compiler } from "./helpers/typecheck";

const DOCS = ["requests/extends/sales.xml", "requests/extends/catalog.xml"];
const dir = generateFixture(DOCS, "extends");
const sales: typeof import("./.generated/extends/Sales.requests") = require(path.join(dir, "Sales.requests"));
const catalog: typeof import("./.generated/extends/Catalog.requests") = require(path.join(dir, "Catalog.requests"));
const rt: typeof import("./.generated/extends/runtime") = require(path.join(dir, "runtime"));

const order = sales.orders().byKey(1);
/** Where an address leads: its path, the entity set it is in, whether changes there need an ETag. */
const place = (ref: { path: string; entitySet: string | undefined; requiresEtag: boolean }) => [ref.path, ref.entitySet, ref.requiresEtag];

describe("bindings into an extended container of another namespace", () => {
  test("named by alias (c.Base/Products), unqualified (OrderLines) or through the extending container (Sales.Service/Suppliers): the extended container's set, with its ETag requirement", () => {
    expect(place(sales.orderProduct(order))).toEqual(["/Orders(1)/product", "Products", true]);
    expect(place(sales.orderLines(order).byKey(3))).toEqual(["/Orders(1)/lines(3)", "OrderLines", false]);
    expect(place(sales.orderSupplier(order))).toEqual(["/Orders(1)/supplier", "Suppliers", true]);
  });

  test("from there the extended container's own bindings lead on, within it and back into the extending one's sets", () => {
    const product = catalog.lineProduct(sales.orderLines(order).byKey(3));
    expect(place(product)).toEqual(["/Orders(1)/lines(3)/product", "Products", true]);
    expect(place(catalog.productSupplier(product))).toEqual(["/Orders(1)/lines(3)/product/supplier", "Suppliers", true]);
    const back = catalog.productOrders(product).byKey(2);
    expect(place(back)).toEqual(["/Orders(1)/lines(3)/product/orders(2)", "Orders", false]);
    expect(place(sales.orderProduct(back))).toEqual(["/Orders(1)/lines(3)/product/orders(2)/product", "Products", true]);
  });

  test("the other module's root functions are imported as values, beside its types; one whose name a function here has is imported under an alias", () => {
    const source = fs.readFileSync(path.join(dir, "Sales.requests.ts"), "utf8");
    expect(source).toContain('import {\n  type LineNavigation,\n  type ProductNavigation,\n  type SupplierNavigation,\n  orderLines as catalogOrderLines,\n  products,\n  suppliers,\n} from "./Catalog.requests.js";');
    expect(source).toContain('rt.rootCollection(\n    { name: "Orders", bindings: () => ({ "lines": catalogOrderLines, "product": products, "supplier": suppliers }) },\n');
    // Sales' own orderLines is Order's navigation builder, as without the binding.
    expect(sales.orderLines(order).path).toBe("/Orders(1)/lines");
    expect(fs.readFileSync(path.join(dir, "Catalog.requests.ts"), "utf8")).toContain('import { type OrderNavigation, orders } from "./Sales.requests.js";');
  });

  test("the documents in either order generate the same request modules", () => {
    const files = (docs: string[]) => generate({ inputs: docs.map((f) => ({ file: path.basename(f), content: fs.readFileSync(path.join(FIXTURES, f), "utf8") })) }).files;
    const a = files(DOCS);
    const b = files([...DOCS].reverse());
    // Below the header, which names the inputs in the order given.
    const body = (s: string | undefined) => s?.slice(s.indexOf("\n"));
    for (const name of ["Sales.requests.ts", "Catalog.requests.ts"]) expect(body(b.get(name))).toBe(body(a.get(name)));
  });
});

describe("a slice keeps the bindings whose targets it keeps, read as the client reads them", () => {
  const read = (docs: string[]) => docs.map((f) => ({ file: path.basename(f), content: fs.readFileSync(path.join(FIXTURES, f), "utf8") }));
  // Each root function's `return` statement, of one line or several (wrapped past 120 characters).
  const rootLines = (files: Map<string, string>, name: string) => (files.get(name) ?? "").match(/^ {2}return [^\n]*rt\.root[\s\S]*?\);$/gm) ?? [];

  test("into the extended container and back", () => {
    const whole = generate({ inputs: read(DOCS) }).files;
    const sliced = generate({ inputs: read(DOCS), include: ["**"] }).files;
    for (const name of ["Sales.requests.ts", "Catalog.requests.ts"]) {
      expect(rootLines(whole, name).length).toBeGreaterThan(0);
      expect(rootLines(sliced, name)).toEqual(rootLines(whole, name));
    }
    expect(sliced.get("Sales.requests.ts")).toContain('bindings: () => ({ "lines": catalogOrderLines, "product": products, "supplier": suppliers })');
    // Without the target's type, the binding goes with its set.
    const noLines = generate({ inputs: read(DOCS), include: ["Sales.*", "Catalog.Product", "Catalog.Supplier"] }).files;
    expect(noLines.get("Sales.requests.ts")).toContain('bindings: () => ({ "product": products, "supplier": suppliers })');
  });

  test("a target qualified by its container, or with a type cast on its path", () => {
    const campus = read(["requests/campus-bindings.xml"]);
    const name = "Uni.Campus.requests.ts";
    const whole = rootLines(generate({ inputs: campus }).files, name);
    expect(whole.join("\n")).toContain('"classes": rt.within(education, "classes"),\n        "mentor": members,\n');
    expect(rootLines(generate({ inputs: campus, include: ["Uni.Campus.*"] }).files, name)).toEqual(whole);
  });
});

describe("against a server", () => {
  let srv: Loopback;
  beforeAll(async () => {
    srv = await startLoopback();
  });
  afterAll(async () => {
    await srv.close();
  });

  test("a change through the binding needs the target set's ETag: refused without one, sent with If-Match to the navigation's URL", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ status: 204 }));
    const product = sales.orderProduct(order);
    await expect(catalog.updateProduct(client, product, { name: "Pen" })).rejects.toThrow(/optimistic concurrency/);
    expect(srv.requests).toEqual([]);
    await catalog.updateProduct(client, product, { name: "Pen" }, { etag: 'W/"1"' });
    expect(srv.requests.map((r) => [r.method, r.url, r.headers["if-match"], r.body])).toEqual([["PATCH", "/Orders(1)/product", 'W/"1"', '{"name":"Pen"}']]);
    // A set without the annotation needs none.
    await catalog.deleteLine(client, sales.orderLines(order).byKey(3));
    expect(srv.requests[1]).toMatchObject({ method: "DELETE", url: "/Orders(1)/lines(3)" });
  });

  test("a read through the binding is typed by the other namespace's type", async () => {
    const client = rt.createClient({ baseUrl: srv.url });
    srv.handle(() => ({ body: { sku: "p1", name: "Pen" } }));
    const product = await catalog.getProduct(client, sales.orderProduct(order), { select: ["name"] });
    const name: string | null | undefined = product?.name;
    expect(name).toBe("Pen");
    expect(srv.requests.map((r) => r.url)).toEqual(["/Orders(1)/product?$select=name"]);
  });
});

describe("diff reads the bindings as the client follows them", () => {
  test("every set of both containers, each binding's target the set the client's navigation reaches", () => {
    const inputs = DOCS.map((f) => ({ file: path.basename(f), content: fs.readFileSync(path.join(FIXTURES, f), "utf8") }));
    const summary = summarize(readModel(inputs, new DiagnosticBag()));
    const bindings = Object.fromEntries([...summary.entrySets].map(([name, s]) => [name, s.bindings]));
    expect(bindings).toEqual({
      Orders: { lines: "OrderLines", product: "Products", supplier: "Suppliers" },
      Products: { orders: "Orders", supplier: "Suppliers" },
      Suppliers: {},
      OrderLines: { product: "Products" },
    });
    // What the client's navigation says.
    expect([sales.orderLines(order).entitySet, sales.orderProduct(order).entitySet, sales.orderSupplier(order).entitySet]).toEqual(["OrderLines", "Products", "Suppliers"]);
    // The first container read does not change what is compared.
    const reversed = summarize(readModel([...inputs].reverse(), new DiagnosticBag()));
    expect(Object.fromEntries([...reversed.entrySets].map(([name, s]) => [name, s.bindings]))).toEqual(bindings);
  });

  test("a binding added to a set of the extended container whose changes need an ETag is breaking", () => {
    const tmp = scratch();
    const write = (version: string, sales: string) => {
      fs.mkdirSync(path.join(tmp, version));
      fs.writeFileSync(path.join(tmp, version, "sales.xml"), sales);
      fs.copyFileSync(path.join(FIXTURES, DOCS[1]), path.join(tmp, version, "catalog.xml"));
      return [path.join(tmp, version, "sales.xml"), path.join(tmp, version, "catalog.xml")];
    };
    const now = fs.readFileSync(path.join(FIXTURES, DOCS[0]), "utf8");
    const old = now.replace(/\s*<NavigationPropertyBinding Path="supplier"[^>]*>/, "");
    expect(old).not.toBe(now);
    const changes = compareSummaries(loadSummary(write("v1", old)), loadSummary(write("v2", now))).changes;
    expect(changes.map((c) => [c.kind, c.path, c.detail, c.breaking])).toEqual([
      ["added", "Orders/supplier", "binding added (→ Suppliers); updates and deletes through it now need an ETag (Suppliers has Core.OptimisticConcurrency)", true],
    ]);
  });
});

describe.each<[string, Compiler | { reason: string }]>([
  ["TypeScript 5.9", compiler("typescript", 5)],
  ["TypeScript 7", compiler("typescript7", 7)],
])("%s", (label, c) => {
  if ("reason" in c) {
    console.warn(`SKIPPED: ${label} type check: ${c.reason}`);
    test.skip(`${label}: ${c.reason}`, () => undefined);
    return;
  }

  test("the two modules, importing each other's root functions, compile under --strict; a wrong key is still reported", () => {
    const out = scratch();
    fs.cpSync(dir, out, { recursive: true });
    fs.writeFileSync(path.join(out, "usage.ts"), `import * as rt from "./runtime.js";
import { orderLines, orderProduct, orders } from "./Sales.requests.js";
import { getProduct, productSupplier, updateSupplier } from "./Catalog.requests.js";
export async function use(client: rt.Client): Promise<void> {
  const product = await getProduct(client, orderProduct(orders().byKey(1)), { select: ["name"] });
  const name: string | null | undefined = product?.name;
  await updateSupplier(client, productSupplier(orderProduct(orders().byKey(1))), { name: "x" }, { etag: "*" });
  void [name, orderLines(orders().byKey(1)).byKey(3)];
}
`);
    fs.writeFileSync(path.join(out, "broken.ts"), `import { orders } from "./Sales.requests.js";\nexport const o = orders().byKey("1");\n`);
    try {
      const r = runTsc(c, out, fs.readdirSync(out).filter((f) => f.endsWith(".ts")));
      expect(r.output.split("\n")).toEqual([expect.stringMatching(/^broken\.ts\(2,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'/)]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the extending container is the service's, whatever the order of the inputs", () => {
  const read = (docs: string[], edit: (text: string) => string = (t) => t) =>
    docs.map((f) => ({ file: path.basename(f), content: edit(fs.readFileSync(path.join(FIXTURES, f), "utf8")) }));
  const keyAsSegmentTag = (text: string) =>
    text.replace('<EntityContainer Name="Service" Extends="c.Base">', '<EntityContainer Name="Service" Extends="c.Base">\n        <Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" />');

  test("its Capabilities.KeyAsSegmentSupported sets the key style, also when the extended container's document comes first", () => {
    for (const docs of [DOCS, [...DOCS].reverse()]) {
      const diags = new DiagnosticBag();
      const model = readModel(read(docs, keyAsSegmentTag), diags);
      expect(model.container?.qualifiedName).toBe("Sales.Service");
      expect(keyAsSegment(model)).toBe(true);
    }
  });

  test("a slice by URL path starts at the sets of every container of the service: /Products/** reaches the extended container's set", () => {
    for (const docs of [DOCS, [...DOCS].reverse()]) {
      const result = generate({ inputs: read(docs), include: ["/Products/**"] });
      expect(result.diagnostics.filter((d) => d.severity === "warning" || d.severity === "error").map((d) => d.message)).toEqual([]);
      expect([...result.model.types.keys()]).toEqual(expect.arrayContaining(["Catalog.Product", "Catalog.Supplier"]));
      const orders = generate({ inputs: read(docs), include: ["/Orders"] });
      expect([...orders.model.types.keys()]).toContain("Sales.Order");
      expect([...orders.model.types.keys()]).not.toContain("Catalog.Supplier");
    }
  });
});

describe("a chain of containers, each extending the one before", () => {
  /** Namespace `ns` with one entity set, its container extending `base` (a container of the document before it). */
  const doc = (ns: string, base?: string, extra = "") => ({
    file: `${ns}.xml`,
    content: `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="T"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.Int32" Nullable="false" /></EntityType>
      <EntityContainer Name="C"${base ? ` Extends="${base}"` : ""}>${extra}
        <EntitySet Name="Set${ns}" EntityType="${ns}.T" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`,
  });
  const keyAsSegmentTag = '\n        <Annotation Term="Org.OData.Capabilities.V1.KeyAsSegmentSupported" />';
  const chain = [doc("X"), doc("Y", "X.C"), doc("Z", "Y.C", keyAsSegmentTag)];
  const orders = [chain, [...chain].reverse(), [chain[1], chain[2], chain[0]], [chain[0], chain[2], chain[1]]];

  test.each(orders.map((docs) => [docs.map((d) => d.file).join(" "), docs] as const))("inputs %s: all three are the service's; the last of the chain names the key style", (_order, docs) => {
    const diags = new DiagnosticBag();
    const model = readModel([...docs], diags);
    expect(diags.items.filter((d) => d.severity !== "info")).toEqual([]);
    expect(model.schemas.flatMap((s) => s.containers.map((c) => c.qualifiedName)).sort()).toEqual(["X.C", "Y.C", "Z.C"]);
    expect(model.container?.qualifiedName).toBe("Z.C");
    expect(keyAsSegment(model)).toBe(true);
    expect([...generate({ inputs: [...docs] }).files.keys()]).toEqual(expect.arrayContaining(["X.requests.ts", "Y.requests.ts", "Z.requests.ts"]));
  });

  test("an unrelated container after them is left out, and the warning names the service's", () => {
    const diags = new DiagnosticBag();
    readModel([...chain, doc("W")], diags);
    expect(diags.items.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(/^warning ODG104 a second entity container W\.C \(CSDL §13: a service has exactly one; Z\.C at Z\.xml:6 is the service's\); it is left out$/),
    ]);
  });
});

test("a set of one name in the extending and the extended container is an error (both would be /Products)", () => {
  const docs = DOCS.map((f) => ({ file: path.basename(f), content: fs.readFileSync(path.join(FIXTURES, f), "utf8") }));
  docs[0].content = docs[0].content.replace('<EntitySet Name="Orders" EntityType="Sales.Order">', '<EntitySet Name="Products" EntityType="Sales.Order" />\n        <EntitySet Name="Orders" EntityType="Sales.Order">');
  const diags = new DiagnosticBag();
  readModel(docs, diags);
  expect(diags.items.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path}: ${d.message}`)).toEqual([
    "ODG104 Catalog.Base/Products: Products is declared by Sales.Service and by Catalog.Base: the containers of one service (Extends, CSDL §13.1.2) share one set of names, and both would be /Products",
  ]);
});
