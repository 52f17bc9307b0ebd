/**
 * Seeded random documents whose names collide with the identifiers odatagen generates (`checkX`,
 * `XValues`, `AnyX`, `XNavigation`, the `checkStringL10` of a facet wrapper, `vr`, `rt`, `edm`,
 * `SERVICE`, the request functions' type parameters `S` and `O`, ...) and with JavaScript's own (`constructor`, `__proto__`, `default`), spread over two
 * to four namespaces that refer to each other's types, with derived types, entity sets,
 * singletons, bound and unbound operations and their imports. Some are invalid CSDL (a name
 * declared twice), as real documents can be; the rest must generate code that compiles.
 */
import { random } from "./random";

const TYPE_NAMES = [
  "X", "x", "StringL10", "DecimalP5", "DecimalP5S2", "DateTimeOffsetP3", "BinaryL4", "Int32", "String", "Boolean",
  "XMembers", "XNames", "XValues", "AnyX", "XMember", "XNavigation", "Members", "Names", "X2", "_x",
  "vr", "rt", "edm", "SERVICE", "checkerFor", "namespaceChecker", "checkX", "exactX", "propsX", "knownX",
  "validateX", "isX", "assertX", "Promise", "Entity", "client", "options", "Session", "session", "Sessions",
  "Nav", "Json", "Context", "Key", "default", "constructor",
  // The type parameters of the request functions (get/list select `S`, create's options `O`).
  "S", "O",
];
const MEMBER_NAMES = ["p", "q", "x", "X", "id", "ID", "constructor", "__proto__", "toString", "value", "ctx", "key",
  "o", "v", "vr", "rt", "checkX", "default"];
const PRIMITIVES = [`Edm.String" MaxLength="10`, `Edm.Decimal" Precision="5`, `Edm.Decimal" Precision="5" Scale="2`,
  `Edm.Int32`, `Edm.String`, `Edm.DateTimeOffset" Precision="3`, `Edm.Binary" MaxLength="4`, `Edm.Guid`, `Edm.Double`];

type Kind = "complex" | "entity" | "enum" | "typedef";
interface Decl {
  ns: string;
  name: string;
  kind: Kind;
}

export function collidingNamesDocument(seed: number): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const some = <T>(list: readonly T[], n: number): T[] => {
    const set = new Set<T>();
    while (set.size < Math.min(n, list.length)) set.add(pick(list));
    return [...set];
  };
  const namespaces = ["a", "b", "c.x", "d.x"].slice(0, 2 + Math.floor(rnd() * 3));
  const decls: Decl[][] = namespaces.map((ns) =>
    some(TYPE_NAMES, 2 + Math.floor(rnd() * 6)).map((name) => ({ ns, name, kind: pick<Kind>(["complex", "entity", "enum", "typedef", "complex"]) })),
  );
  const all = decls.flat();
  const entities = all.filter((d) => d.kind === "entity");
  const valueTypes = all.filter((d) => d.kind !== "entity");
  const qn = (d: Decl) => `${d.ns}.${d.name}`;
  const valueType = () => (valueTypes.length && rnd() < 0.5 ? (rnd() < 0.3 ? `Collection(${qn(pick(valueTypes))})` : qn(pick(valueTypes))) : pick(PRIMITIVES));
  const primitive = () => pick(PRIMITIVES).split('"')[0] as string;

  const declare = (d: Decl, own: Decl[]): string => {
    if (d.kind === "enum")
      return `<EnumType Name="${d.name}"${rnd() < 0.3 ? ` IsFlags="true"` : ""}>${some(MEMBER_NAMES.filter((m) => !m.startsWith("_")), 2).map((m, i) => `<Member Name="${m}" Value="${i + 1}"/>`).join("")}</EnumType>`;
    if (d.kind === "typedef") return `<TypeDefinition Name="${d.name}" UnderlyingType="${primitive()}"/>`;
    const base = rnd() < 0.25 ? own.find((o) => o.kind === d.kind && o !== d && own.indexOf(o) < own.indexOf(d)) : undefined;
    // A derived type's members get names of their own: redeclaring a base member is an error (ODG104).
    const members = some(MEMBER_NAMES, 1 + Math.floor(rnd() * 4)).map((m) => (base ? `${m}Of${d.name.replace(/\W/g, "")}` : m));
    const properties = members.map((m) => `<Property Name="${m}" Type="${valueType()}"/>`).join("");
    if (d.kind === "complex") return `<ComplexType Name="${d.name}"${base ? ` BaseType="${qn(base)}"` : ""}>${properties}</ComplexType>`;
    const key = base ? "" : `<Key><PropertyRef Name="kid"/></Key><Property Name="kid" Type="Edm.String" Nullable="false"/>`;
    const nav = entities.length && rnd() < 0.5 ? `<NavigationProperty Name="nav${pick(TYPE_NAMES).replace(/\W/g, "")}" Type="${rnd() < 0.5 ? "Collection(" + qn(pick(entities)) + ")" : qn(pick(entities))}"/>` : "";
    return `<EntityType Name="${d.name}"${base ? ` BaseType="${qn(base)}"` : ""}>${key}${properties}${nav}</EntityType>`;
  };

  const parameter = (k: number) => `<Parameter Name="${pick(MEMBER_NAMES).replace(/\W/g, "p")}${k}" Type="${rnd() < 0.5 ? primitive() : valueType()}"/>`;
  const [bound, fn, action] = some(TYPE_NAMES, 3);
  const first = namespaces[0] as string;
  const entity = entities.find((e) => e.ns === first) ?? entities[0];
  let operations = "";
  let imports = "";
  if (entity && rnd() < 0.6) operations += `<Action Name="${bound}" IsBound="true"><Parameter Name="b" Type="${qn(entity)}"/>${parameter(1)}</Action>`;
  if (entity && rnd() < 0.5) operations += `<Function Name="${fn}" IsBound="true"><Parameter Name="b" Type="Collection(${qn(entity)})"/>${parameter(1)}<ReturnType Type="Edm.Boolean"/></Function>`;
  if (rnd() < 0.6) {
    operations += `<Function Name="${fn}">${parameter(1)}${parameter(2)}<ReturnType Type="${valueType().split('"')[0]}"/></Function>`;
    imports += `<FunctionImport Name="${pick(TYPE_NAMES)}" Function="${first}.${fn}"/>`;
  }
  if (rnd() < 0.6) {
    operations += `<Action Name="${action}">${parameter(1)}<ReturnType Type="${entity && rnd() < 0.5 ? `Collection(${qn(entity)})` : "Edm.Int32"}"/></Action>`;
    imports += `<ActionImport Name="${pick(TYPE_NAMES)}I" Action="${first}.${action}"/>`;
  }
  // The first set sometimes takes a name as it is (`edm`, `rt`, `vr`: the modules' own imports).
  const sets = entities.map((e, i) => `<EntitySet Name="${pick(TYPE_NAMES)}${i === 0 && rnd() < 0.5 ? "" : i}" EntityType="${qn(e)}"/>`).join("");
  const singleton = entity && rnd() < 0.5 ? `<Singleton Name="${pick(TYPE_NAMES)}S" Type="${qn(entity)}"/>` : "";
  const container = `<EntityContainer Name="svc">${sets}${singleton}${imports}</EntityContainer>`;
  const schemas = decls
    .map((own, i) => {
      const ns = namespaces[i] as string;
      const extra = i === 0 ? container + operations : "";
      return `<Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${own.map((d) => declare(d, own)).join("")}${extra}</Schema>`;
    })
    .join("");
  return `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${schemas}</edmx:DataServices></edmx:Edmx>`;
}
