// Names that lead nowhere (CSDL 4.01 §8.3 Partner, §8.5 ReferentialConstraint, §13.4 NavigationPropertyBinding,
// §13.6 an import's EntitySet), entity sets of key-less types (CSDL 4.01 §6.5) and functions without a return
// type (§12.2): each is a warning at its element, and what the generated code would get wrong is left out.
import { generate } from "../generator/generate";
import { build, edmx, schema } from "./helpers/csdl";
import { xmlToCsdlJson } from "./helpers/csdl-json";
import { errorsOf } from "./helpers/slice-errors";

const KEYED = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/>`;
const TYPES = `
  <EntityType Name="order">${KEYED}<Property Name="customerId" Type="Edm.Int32"/>
    <NavigationProperty Name="customer" Type="ns.customer" Partner="orders"/>
  </EntityType>
  <EntityType Name="customer">${KEYED}
    <NavigationProperty Name="orders" Type="Collection(ns.order)" Partner="customer"/>
  </EntityType>
  <EntityType Name="vip" BaseType="ns.customer"><NavigationProperty Name="manager" Type="ns.customer"/></EntityType>`;

const report = (body: string) =>
  build(edmx(schema("ns", `${TYPES}${body}`))).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);

describe("navigation properties: Partner and ReferentialConstraint", () => {
  test("what names a member of the right type (also through a type cast) is read silently", () => {
    expect(report(`<EntityType Name="line">${KEYED}<Property Name="orderId" Type="Edm.Int32"/>
      <NavigationProperty Name="order" Type="ns.order"><ReferentialConstraint Property="orderId" ReferencedProperty="id"/></NavigationProperty>
      <NavigationProperty Name="boss" Type="ns.customer" Partner="ns.gold/line"/>
    </EntityType>
    <EntityType Name="gold" BaseType="ns.customer"><NavigationProperty Name="line" Type="ns.line" Partner="boss"/></EntityType>`)).toEqual([]);
  });

  test("a Partner that does not lead back is a warning at the navigation property (CSDL §8.3)", () => {
    expect(report(`<EntityType Name="line">${KEYED}
      <NavigationProperty Name="order" Type="ns.order" Partner="customer"/>
    </EntityType>
    <EntityType Name="a">${KEYED}<NavigationProperty Name="b" Type="ns.b" Partner="a"/><NavigationProperty Name="b2" Type="ns.b"/></EntityType>
    <EntityType Name="b">${KEYED}<NavigationProperty Name="a" Type="ns.a" Partner="b2"/></EntityType>`)).toEqual([
      ["warning", "ODG103", "ns.line/order", "Partner customer does not lead back: ns.order/customer is of type ns.customer, not ns.line or a base type of it (CSDL §8.3); it is ignored", true],
      ["warning", "ODG103", "ns.a/b", "Partner a does not lead back: ns.b/a names b2 as its partner, not b (CSDL §8.3: a partner names this navigation property or none); it is ignored", true],
    ]);
  });

  test("a navigation property of a complex type names no Partner (CSDL §8.3): a warning, the Partner ignored", () => {
    expect(report(`<ComplexType Name="info"><NavigationProperty Name="owner" Type="ns.customer" Partner="orders"/></ComplexType>`)).toEqual([
      ["warning", "ODG103", "ns.info/owner", "Partner orders is not allowed on a navigation property of a complex type (CSDL §8.3: only an entity type's navigation property has a partner); it is ignored", true],
    ]);
  });

  test("a partner may be of a base type of the declaring type and name no partner of its own; CSDL JSON's $Partner is checked alike", () => {
    expect(report(`<EntityType Name="sub" BaseType="ns.order"><NavigationProperty Name="buyer" Type="ns.gold" Partner="firstOrder"/></EntityType>
    <EntityType Name="gold" BaseType="ns.customer"><NavigationProperty Name="firstOrder" Type="ns.order"/></EntityType>`)).toEqual([]);
    const json = {
      $Version: "4.01",
      ns: {
        a: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" }, b: { $Kind: "NavigationProperty", $Type: "ns.b", $Partner: "a" } },
        b: { $Kind: "EntityType", $Key: ["id"], id: { $Type: "Edm.Int32" }, a: { $Kind: "NavigationProperty", $Type: "ns.b" } },
      },
    };
    expect(generate({ inputs: [{ file: "p.json", content: JSON.stringify(json, null, 1) }] }).diagnostics.map((d) => `${d.line} ${d.message} [${d.path}]`)).toEqual([
      "12 $Partner a does not lead back: ns.b/a is of type ns.b, not ns.a or a base type of it (CSDL §8.3); it is ignored [ns.a/b]",
    ]);
  });

  test("a Partner that is not a navigation property of the target type is a warning at the navigation property", () => {
    expect(report(`<EntityType Name="line">${KEYED}
      <NavigationProperty Name="order" Type="ns.order" Partner="lines"/>
      <NavigationProperty Name="buyer" Type="ns.customer" Partner="id"/>
    </EntityType>`)).toEqual([
      ["warning", "ODG103", "ns.line/order", "Partner lines is not a navigation property of ns.order (CSDL §8.3: the partner is a navigation property of the target type); it is ignored", true],
      ["warning", "ODG103", "ns.line/buyer", "Partner id is not a navigation property of ns.customer (CSDL §8.3: the partner is a navigation property of the target type); it is ignored", true],
    ]);
  });

  test("a constraint whose Property or ReferencedProperty is not a property of its type is a warning at the constraint", () => {
    const b = build(edmx(schema("ns", `${TYPES}<EntityType Name="line">${KEYED}<Property Name="orderId" Type="Edm.Int32"/>
      <NavigationProperty Name="order" Type="ns.order">
        <ReferentialConstraint Property="orderNo" ReferencedProperty="id"/>
        <ReferentialConstraint Property="orderId" ReferencedProperty="number"/>
      </NavigationProperty>
    </EntityType>`)));
    expect(b.diagnostics.map((d) => [d.code, d.path, d.message, d.line])).toEqual([
      ["ODG103", "ns.line/order", "ReferentialConstraint: Property orderNo is not a property of ns.line (CSDL §8.5); it is ignored", 14],
      ["ODG103", "ns.line/order", "ReferentialConstraint: ReferencedProperty number is not a property of ns.order (CSDL §8.5); it is ignored", 15],
    ]);
  });

  test("a Partner or constraint path may cast a complex property to a derived complex type to reach its member (CSDL §8.3, §8.5); it must end at a member", () => {
    const body = `<ComplexType Name="info"><Property Name="note" Type="Edm.String"/></ComplexType>
      <ComplexType Name="richInfo" BaseType="ns.info"><Property Name="ownerId" Type="Edm.Int32"/>
        <NavigationProperty Name="owner" Type="ns.line"/></ComplexType>
      <EntityType Name="line">${KEYED}<Property Name="info" Type="ns.info"/>
        <NavigationProperty Name="buyer" Type="ns.account" Partner="info/ns.richInfo/owner">
          <ReferentialConstraint Property="info/ns.richInfo/ownerId" ReferencedProperty="id"/>
        </NavigationProperty>
        <NavigationProperty Name="seller" Type="ns.account" Partner="info/ns.richInfo"/>
      </EntityType>
      <EntityType Name="account">${KEYED}<Property Name="info" Type="ns.info"/>
        <NavigationProperty Name="line" Type="ns.line"/>
      </EntityType>`;
    expect(report(body)).toEqual([
      ["warning", "ODG103", "ns.line/seller", "Partner info/ns.richInfo is not a navigation property of ns.account (CSDL §8.3: the partner is a navigation property of the target type); it is ignored", true],
    ]);
  });
});

describe("NavigationPropertyBinding", () => {
  const container = (bindings: string) => `<EntityContainer Name="svc">
    <EntitySet Name="orders" EntityType="ns.order">${bindings}</EntitySet>
    <EntitySet Name="customers" EntityType="ns.customer"><NavigationPropertyBinding Path="ns.vip/manager" Target="customers"/></EntitySet>
  </EntityContainer>`;

  test("a Path through a single or a collection-valued complex property is followed (CSDL §13.4.1) and kept", () => {
    const body = `<ComplexType Name="stop"><NavigationProperty Name="depot" Type="ns.customer"/></ComplexType>
      <EntityType Name="route">${KEYED}<Property Name="first" Type="ns.stop"/><Property Name="stops" Type="Collection(ns.stop)"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="customers" EntityType="ns.customer"/>
        <EntitySet Name="routes" EntityType="ns.route"><NavigationPropertyBinding Path="first/depot" Target="customers"/><NavigationPropertyBinding Path="stops/depot" Target="customers"/></EntitySet>
      </EntityContainer>`;
    expect(report(body)).toEqual([]);
    const routes = build(edmx(schema("ns", `${TYPES}${body}`))).model.container?.entitySets.find((e) => e.name === "routes");
    expect(routes?.bindings.map((b) => b.path)).toEqual(["first/depot", "stops/depot"]);
  });

  test("a Path to no navigation property, or a Target that is no entity set or singleton, is a warning and the binding is left out", () => {
    const content = edmx(schema("ns", `${TYPES}${container(`
      <NavigationPropertyBinding Path="nonav" Target="customers"/>
      <NavigationPropertyBinding Path="customerId" Target="customers"/>
      <NavigationPropertyBinding Path="customer" Target="nowhere"/>
      <NavigationPropertyBinding Path="customer" Target="ns.svc/customers"/>
      <NavigationPropertyBinding Path="ns.vip/manager" Target="customers"/>`)}`));
    expect(build(content).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0])).toEqual([
      ["warning", "ODG103", "ns.svc/orders/nonav", "NavigationPropertyBinding Path nonav is not a navigation property of ns.order (CSDL §13.4.1); the binding is left out", true],
      ["warning", "ODG103", "ns.svc/orders/customerId", "NavigationPropertyBinding Path customerId is not a navigation property of ns.order (CSDL §13.4.1); the binding is left out", true],
      ["warning", "ODG107", "ns.svc/orders/customer", "NavigationPropertyBinding Target nowhere is not an entity set or singleton (CSDL §13.4.2); the binding is left out", true],
      // A cast to a type an order is not (a customer's subtype) leads to none either, and says why (ns.vip has a manager).
      ["warning", "ODG103", "ns.svc/orders/ns.vip/manager", "NavigationPropertyBinding Path ns.vip/manager is not a navigation property of ns.order (CSDL §13.4.1; ns.vip is not derived from ns.order, so no value there can be cast to it); the binding is left out", true],
    ]);
    expect(build(content).model.container?.entitySets[0].bindings.map((b) => [b.path, b.target])).toEqual([["customer", "ns.svc/customers"]]);
    const requests = generate({ inputs: [{ file: "b.xml", content }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toContain(`{ name: "orders", bindings: () => ({ "customer": customers }) }`);
    expect(requests).not.toContain(`"nonav"`);
  });

  test("a Target naming a container in a namespace no input declares and no reference includes is a warning, in CSDL XML and JSON; one a reference includes is not checked", () => {
    const bindings = `<NavigationPropertyBinding Path="customer" Target="X.Svc/customers"/>`;
    const xml = edmx(schema("ns", `${TYPES}${container(bindings)}`));
    const json = xmlToCsdlJson("b.xml", xml);
    const shown = (file: string, content: string) =>
      generate({ inputs: [{ file, content }] }).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);
    expect(shown("b.xml", xml)).toEqual([
      ["warning", "ODG107", "ns.svc/orders/customer", "NavigationPropertyBinding Target X.Svc/customers names entity container X.Svc, which no input declares and no reference includes (CSDL §13.4.2: a container-qualified target names a container of the model); the binding is left out", true],
    ]);
    expect(shown("b.json", json)).toEqual([
      ["warning", "ODG107", "ns.svc/orders/customer", '$NavigationPropertyBinding target "X.Svc/customers" names entity container X.Svc, which no input declares and no reference includes (CSDL §13.4.2: a container-qualified target names a container of the model); the binding is left out', true],
    ]);
    expect(build(xml).model.container?.entitySets[0].bindings).toEqual([]);
    // A container of a document a reference includes, which is not among the inputs: not checked, kept.
    const referenced = edmx(schema("ns", `${TYPES}${container(bindings)}`), `<edmx:Reference Uri="x.xml"><edmx:Include Namespace="X"/></edmx:Reference>`);
    const built = build(referenced);
    expect(built.diagnostics.filter((d) => d.code === "ODG107")).toEqual([]);
    expect(built.model.container?.entitySets[0].bindings.map((b) => b.target)).toEqual(["X.Svc/customers"]);
  });

  test("a Path bound twice is a warning at the second binding, which is left out: the binding table holds one target a path", () => {
    const content = edmx(schema("ns", `${TYPES}${container(`
      <NavigationPropertyBinding Path="customer" Target="customers"/>
      <NavigationPropertyBinding Path="customer" Target="ns.svc/customers"/>
      <NavigationPropertyBinding Path="customer" Target="customers"/>`)}`));
    expect(build(content).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line])).toEqual([
      ["warning", "ODG104", "ns.svc/orders/customer", "NavigationPropertyBinding Path customer is bound twice; the first binding, to customers, is kept and this one, to ns.svc/customers, left out", 15],
      ["warning", "ODG104", "ns.svc/orders/customer", "NavigationPropertyBinding Path customer is bound twice; the first binding, to customers, is kept and this one, to customers, left out", 16],
    ]);
    const requests = generate({ inputs: [{ file: "b.xml", content }] }).files.get("ns.requests.ts") ?? "";
    expect(requests.match(/"customer": /g)).toHaveLength(1);
  });

  test("a slice checks the bindings of the sets it keeps", () => {
    const content = edmx(schema("ns", `${TYPES}${container(`<NavigationPropertyBinding Path="nonav" Target="customers"/>`)}`));
    const { diagnostics, files } = generate({ inputs: [{ file: "b.xml", content }], include: ["ns.order"] });
    expect(diagnostics.filter((d) => d.code === "ODG103").map((d) => [d.path, d.line > 0])).toEqual([["ns.svc/orders/nonav", true]]);
    expect(files.get("ns.requests.ts")).not.toContain(`"nonav"`);
  });
});

describe("entity container", () => {
  test("an import's EntitySet that names no entity set of the container is a warning, and ignored (a path from a singleton, or another container's set, is not)", () => {
    expect(report(`<Function Name="top"><ReturnType Type="Collection(ns.order)"/></Function>
      <EntityContainer Name="svc"><EntitySet Name="orders" EntityType="ns.order"/>
        <FunctionImport Name="topOrders" Function="ns.top" EntitySet="orders"/>
        <FunctionImport Name="topQualified" Function="ns.top" EntitySet="ns.svc/orders"/>
        <FunctionImport Name="topNowhere" Function="ns.top" EntitySet="order"/>
        <Singleton Name="me" Type="ns.customer"/>
        <FunctionImport Name="myOrders" Function="ns.top" EntitySet="me/orders"/>
        <FunctionImport Name="theirs" Function="ns.top" EntitySet="other.svc/orders"/>
      </EntityContainer>`)).toEqual([["warning", "ODG103", "ns.svc/topNowhere", "EntitySet order is not an entity set of ns.svc; it is ignored", true]]);
  });

  test("an entity set of a type without a key is a warning; its collection has no key writer (rt.noKey) but is listed and created, a singleton is fine", () => {
    const content = edmx(schema("ns", `<EntityType Name="log"><Property Name="msg" Type="Edm.String"/></EntityType>
      <EntityContainer Name="svc"><EntitySet Name="logs" EntityType="ns.log"/><Singleton Name="last" Type="ns.log"/></EntityContainer>`));
    expect(build(content).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0])).toEqual([
      ["warning", "ODG106", "ns.svc/logs", "entity set logs has entity type ns.log, which has no key (CSDL 4.01 §6.5: an entity set's type has one); list and create are generated for the set, but byKey takes no key, so none of its members is read, updated or deleted on its own", true],
    ]);
    const requests = generate({ inputs: [{ file: "k.xml", content }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toContain(`rt.rootCollection({ name: "logs" }, rt.noKey)`);
    expect(requests).not.toContain("rt.compositeKey([])");
    expect(requests).toContain("export function listLogs<");
    expect(requests).toContain("export function createLog<");
  });
});

describe("a function without a return type (CSDL §12.2)", () => {
  const content = edmx(schema("ns", `${TYPES}
    <Function Name="count"><Parameter Name="n" Type="Edm.Int32"/></Function>
    <Function Name="countOf" IsBound="true"><Parameter Name="it" Type="ns.order"/><Parameter Name="n" Type="Edm.Int32"/></Function>
    <Action Name="reset"/>`));

  test("is a warning at the function, and its result is unknown rather than void (an action may return nothing)", () => {
    expect(build(content).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0])).toEqual([
      ["warning", "ODG101", "ns.count", "<Function> has no <ReturnType> (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped", true],
      ["warning", "ODG101", "ns.countOf", "<Function> has no <ReturnType> (CSDL §12.2: a function must specify one); its result is read as Edm.Untyped", true],
    ]);
    const ops = build(content).model.schemas[0].operations;
    expect(ops.map((o) => [o.name, o.returnType?.type.qualifiedName])).toEqual([["reset", undefined], ["count", "Edm.Untyped"], ["countOf", "Edm.Untyped"]]);
  });

  test("a slice, which reads a bound function's content later, reports it too", () => {
    const { diagnostics } = generate({ inputs: [{ file: "f.xml", content }], include: ["ns.order"] });
    expect(diagnostics.filter((d) => d.code === "ODG101").map((d) => d.path)).toContain("ns.countOf");
  });
});

describe("entity containers", () => {
  // CSDL 4.01 §13: one per service. Merged, two sets named People became people() and people2(), both /People.
  const two = edmx(schema("ns", `${TYPES}
    <EntityContainer Name="svc"><EntitySet Name="orders" EntityType="ns.order"/></EntityContainer>
    <EntityContainer Name="other"><EntitySet Name="orders" EntityType="ns.order"/><EntitySet Name="customers" EntityType="ns.customer"/></EntityContainer>`));

  test("a second container is a warning at it, naming the first, and is left out", () => {
    const b = build(two);
    expect(b.diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line])).toEqual([
      ["warning", "ODG104", "ns.other", "a second entity container ns.other (CSDL §13: a service has exactly one; ns.svc at test.xml:13 is the service's); it is left out", 14],
    ]);
    expect(b.model.schemas[0].containers.map((c) => c.name)).toEqual(["svc"]);
    const requests = generate({ inputs: [{ file: "c.xml", content: two }] }).files.get("ns.requests.ts") ?? "";
    expect(requests).toContain("export function orders(");
    expect(requests).not.toContain("export function orders2(");
    expect(requests).not.toContain("export function customers(");
  });

  test("a second container in another input is one too", () => {
    const second = edmx(schema("more", `<EntityContainer Name="svc"><EntitySet Name="orders" EntityType="ns.order"/></EntityContainer>`));
    const { diagnostics } = generate({ inputs: [{ file: "a.xml", content: edmx(schema("ns", `${TYPES}<EntityContainer Name="svc"/>`)) }, { file: "b.xml", content: second }] });
    expect(diagnostics.map((d) => [d.code, d.path, d.file])).toEqual([["ODG104", "more.svc", "b.xml"]]);
  });
});

describe("EntityContainer Extends (CSDL §13.1.2)", () => {
  const doc = (ns: string, body: string) => edmx(schema(ns, body));
  const base = doc("Base", `<EntityType Name="City">${KEYED}</EntityType><EntityContainer Name="BaseC"><EntitySet Name="Cities" EntityType="Base.City"/></EntityContainer>`);
  const main = doc("Main", `<EntityType Name="Person">${KEYED}<NavigationProperty Name="Home" Type="Base.City"/></EntityType>
    <EntityContainer Name="MainC" Extends="Base.BaseC"><EntitySet Name="People" EntityType="Main.Person"><NavigationPropertyBinding Path="Home" Target="Cities"/></EntitySet></EntityContainer>`);

  test.each([["base first", [base, main]], ["extending first", [main, base]]])(
    "a container and the one it extends (%s) are the service's: no 'second container', both generated, a binding to an inherited set is found",
    (_order, docs) => {
      const r = generate({ inputs: docs.map((content, i) => ({ file: `d${i}.xml`, content })) });
      expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(r.files.get("Main.requests.ts")).toMatch(/export function people\(\)/);
      expect(r.files.get("Base.requests.ts")).toMatch(/export function cities\(\)/);
      // The client follows it into the other namespace's module (test/requests-extends.test.ts).
      expect(r.files.get("Main.requests.ts")).toContain('bindings: () => ({ "Home": cities })');
    },
  );

  test("an Extends naming no container of the inputs (in a namespace no input declares and no reference includes, or in one they declare) is a warning, in CSDL XML and JSON; one a reference includes is not checked", () => {
    const extending = (name: string, references = "") => edmx(schema("Main", `<EntityType Name="Person">${KEYED}</EntityType>
      <EntityContainer Name="MainC" Extends="${name}"><EntitySet Name="People" EntityType="Main.Person"/></EntityContainer>`), references);
    const shown = (file: string, content: string) =>
      generate({ inputs: [{ file, content }] }).diagnostics.map((d) => [d.severity, d.code, d.path, d.message, d.line > 0]);
    const why = "(CSDL §13.1.2: a container extends another container of the model); it is ignored";
    const elsewhere = `names entity container X.BaseC, which no input declares and no reference includes ${why}`;
    expect(shown("e.xml", extending("X.BaseC"))).toEqual([["warning", "ODG103", "Main.MainC", `Extends="X.BaseC" ${elsewhere}`, true]]);
    expect(shown("e.json", xmlToCsdlJson("e.xml", extending("X.BaseC")))).toEqual([["warning", "ODG103", "Main.MainC", `$Extends: "X.BaseC" ${elsewhere}`, true]]);
    expect(shown("e.xml", extending("Main.BaseC"))).toEqual([["warning", "ODG103", "Main.MainC", `Extends="Main.BaseC" names Main.BaseC, which is not an entity container of namespace Main ${why}`, true]]);
    const referenced = extending("X.BaseC", `<edmx:Reference Uri="x.xml"><edmx:Include Namespace="X"/></edmx:Reference>`);
    expect(shown("e.xml", referenced)).toEqual([]);
    const r = generate({ inputs: [{ file: "e.xml", content: extending("X.BaseC") }] });
    expect(r.files.get("Main.requests.ts")).toMatch(/export function people\(\)/);
  });

  test("a container extending itself, or a ring of containers, is an error once per ring (ODG109), in CSDL XML and JSON, across documents too", () => {
    const container = (name: string, ext: string) => `<EntityContainer Name="${name}" Extends="${ext}"><EntitySet Name="${name}s" EntityType="Main.Person"/></EntityContainer>`;
    const one = (body: string) => edmx(schema("Main", `<EntityType Name="Person">${KEYED}</EntityType>${body}`));
    const shown = (inputs: { file: string; content: string }[]) =>
      errorsOf(() => generate({ inputs })).map((d) => [d.code, d.path, d.message, d.file, d.line > 0]);
    const why = "(CSDL §13.1.2: a container takes in the children of another one)";
    expect(shown([{ file: "a.xml", content: one(container("A", "Main.A")) }])).toEqual([["ODG109", "Main.A", `entity container Main.A extends itself: Main.A → Main.A ${why}`, "a.xml", true]]);
    const ring = one(container("A", "Main.B") + container("B", "Main.A"));
    const expected = [["ODG109", "Main.A", `entity container Main.A extends itself: Main.A → Main.B → Main.A ${why}`]];
    expect(shown([{ file: "a.xml", content: ring }]).map((d) => d.slice(0, 3))).toEqual(expected);
    expect(shown([{ file: "a.json", content: xmlToCsdlJson("a.xml", ring) }]).map((d) => d.slice(0, 3))).toEqual(
      [["ODG109", "Main.A", `entity container Main.A extends itself: Main.A → Main.B → Main.A ${why}`]]);
    // A container leading into the ring is not reported again; the ring is named from the container read first.
    const led = one(container("C", "Main.B") + container("B", "Main.A") + container("A", "Main.B"));
    expect(shown([{ file: "a.xml", content: led }]).map((d) => d.slice(0, 3))).toEqual([["ODG109", "Main.B", `entity container Main.B extends itself: Main.B → Main.A → Main.B ${why}`]]);
    const x = edmx(schema("X", `<EntityType Name="T">${KEYED}</EntityType><EntityContainer Name="XC" Extends="Y.YC"><EntitySet Name="Ts" EntityType="X.T"/></EntityContainer>`));
    const y = edmx(schema("Y", `<EntityContainer Name="YC" Extends="X.XC"/>`));
    expect(shown([{ file: "x.xml", content: x }, { file: "y.xml", content: y }]).map((d) => d.slice(0, 4))).toEqual(
      [["ODG109", "X.XC", `entity container X.XC extends itself: X.XC → Y.YC → X.XC ${why}`, "x.xml"]]);
  });

  test("an <Annotations Target> naming a set through a container extending the one that declares it applies to that set, as by its own container's path", () => {
    const d = "Org.OData.Core.V1.Description";
    const block = (target: string, value: string) => `<Annotations Target="${target}"><Annotation Term="${d}" String="${value}"/></Annotations>`;
    const withBlocks = (blocks: string) => main.replace("<EntityContainer", `${blocks}<EntityContainer`);
    const r = generate({ inputs: [{ file: "b.xml", content: base }, { file: "m.xml", content: withBlocks(block("Main.MainC/Cities", "cities") + block("Main.MainC/Cities/id", "id")) }] });
    expect(r.diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
    const cities = r.model.schemas.flatMap((s) => s.containers).flatMap((c) => c.entitySets).find((x) => x.name === "Cities");
    expect(cities?.annotations.map((a) => [a.term, a.value])).toEqual([[d, expect.objectContaining({ value: "cities" })]]);
    // Named by both paths, it is one element: the second is a term applied twice (ODG104).
    const twice = generate({ inputs: [{ file: "b.xml", content: base }, { file: "m.xml", content: withBlocks(block("Main.MainC/Cities", "one") + block("Base.BaseC/Cities", "two")) }] });
    expect(twice.diagnostics.filter((x) => x.severity !== "info").map((x) => [x.code, x.path])).toEqual([["ODG104", "Base.BaseC/Cities"]]);
    // A child neither container has is still reported.
    const typo = generate({ inputs: [{ file: "b.xml", content: base }, { file: "m.xml", content: withBlocks(block("Main.MainC/Citys", "x")) }] });
    expect(typo.diagnostics.map((x) => [x.code, x.path])).toEqual([["ODG103", "Main.MainC/Citys"]]);
  });

  test("an <Annotations Target> naming a left-out import through the extending container is not reported again", () => {
    const withImport = doc("Base", `<EntityType Name="City">${KEYED}</EntityType><Action Name="act" IsBound="true"><Parameter Name="c" Type="Base.City"/></Action>
      <EntityContainer Name="BaseC"><EntitySet Name="Cities" EntityType="Base.City"/><ActionImport Name="bad" Action="Base.act"/></EntityContainer>`);
    const block = (target: string) => `<Annotations Target="${target}"><Annotation Term="Org.OData.Core.V1.Description" String="x"/></Annotations>`;
    const r = generate({ inputs: [{ file: "b.xml", content: withImport }, { file: "m.xml", content: main.replace("<EntityContainer", `${block("Base.BaseC/bad")}${block("Main.MainC/bad")}<EntityContainer`) }] });
    // The import is reported once, where it is declared; neither path to it is a second warning.
    expect(r.diagnostics.filter((x) => x.severity !== "info").map((x) => [x.code, x.path])).toEqual([["ODG103", "Base.BaseC/bad"]]);
  });

  test("two unrelated containers: the second is still a warning and left out", () => {
    const other = doc("Other", `<EntityType Name="T">${KEYED}</EntityType><EntityContainer Name="OtherC"><EntitySet Name="Ts" EntityType="Other.T"/></EntityContainer>`);
    const r = generate({ inputs: [{ file: "a.xml", content: base }, { file: "b.xml", content: other }] });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["ODG104", "Other.OtherC"]]);
  });
});
