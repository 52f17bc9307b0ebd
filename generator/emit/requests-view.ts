/**
 * View model for a namespace's `.requests.ts` module. Request functions are defined once per entity
 * type (get, list, create, update, delete) and once per navigation property (a path builder), so the
 * output grows with the metadata, not with the number of URL paths the containment tree spells out.
 */
import { stringLiteral } from "../string-literal";
import { allNavigation, allProperties, deprecation, description, isAddressableStream, isAutoExpanded } from "../model/rules";
import { castNavigationPaths } from "./cast-navigation";
import { complexNavigationPaths, leadingProperties, leadsToNavigation } from "./complex-navigation";
import { optimisticConcurrency } from "../model/capabilities";
import { isQueryRestriction, navigationRestrictions, propertyLimits, restrictedTypes, rootRestrictions, type Restricted } from "../model/restrictions";
import { acceptableMediaTypes, familyMediaTypes } from "../model/media-types";
import { mediaTypesDoc, mediaTypesList, mediaTypesTs } from "./media-types";
import { ifMatchChanges } from "../model/custom-headers";
import { bindsDoc, forbiddenArgument, headersDoc, limitsDoc, queryOptionsDoc, restrictionDoc, updateMethodDoc } from "./restriction-types";
import { navigationQueryOptions, queryNeedingTypes, requiredNames, rootQueryOptions } from "../model/custom-query-options";
import { navigationBindings, rootBindings } from "../model/explicit-bindings";
import { resolveBindingTarget, type BindingPlace } from "../model/binding-targets";
import type { EntityContainer, EntitySet, EntityType, Model, NavigationBinding, NavigationProperty, Property, Schema, SchemaType, Singleton, StructuredType, TypeRef } from "../model/types";
import { propertyKey, quotedKey } from "../passes/names";
import type { EmitContext } from "./context";
import { hasFamily, leftOutHolders, usesUnion } from "./context";
import { byString, Imports, jsdoc, moduleSpecifier, type ImportView } from "./imports";
import { fits, heritage, itemLines, objectLiteral, parameters, typeArguments, unionType } from "./wrap";
import { brokenAnnotation, brokenCall, brokenExpression, brokenItem, brokenProperty, brokenType } from "./wrap-code";
import { derivedTypesDoc, NO_TYPES, readRefType, refType, typeName } from "./ts-types";
import { allowedDerivedTypes } from "../model/validation-terms";
import { companion, listsSubtypes, type BuilderKind } from "./request-names";
import { namedOperations } from "./request-name-index";
import { reportRequestRenames } from "./request-renames";
import { operationView, typeParameter, type OperationTypes, type OperationView, type Reads } from "./operation-view";
import { keylessCollections } from "./keyless-collections";
import { bodySubtypes, otherBodyNames, subtypeBodyMembers } from "./subtype-bodies";
import { filterKinds, kindMembers } from "./filter-kinds";
import { inlineLaterTable, laterTableLiteral, preferLaterOptions } from "./later-members";
import { bodyLaterMembers, laterTableOwner } from "../model/evolvable-enums";
import { keySpec, keyType } from "./request-keys";
import { navigationAlternateKeys, setAlternateKeys, typeAlternateKeys } from "../model/alternate-keys";
import { builderSignature, CLIENT, parametersColumn, requestParameters } from "./request-signatures";
import { FIXED, MAX_WRITTEN_MEMBERS, sharedWriteType, WRITE_MODES, writeFacts, writeTypeBody, type WriteMode, type WriteNames } from "./write-types";

export interface RequestsView {
  header: string;
  /** Whether the module imports the runtime (anything but empty interfaces uses it). */
  runtime: boolean;
  /**
   * A service of OData 4.01 (its metadata's `Version`), where the module imports the runtime: it
   * adds `prefixLess: true` to the runtime's `PayloadFormat`, so that bodies may bind as `p@bind` too.
   */
  prefixLess: boolean;
  /** Nothing to declare: the module is just `export {}` (a module, not a script, for isolatedModules). */
  empty: boolean;
  imports: ImportView[];
  edm: boolean;
  roots: { doc: string; name: string; type: string; make: string }[];
  /**
   * The module's type declarations: per entity type its `…Navigation` type, `{ Friends:
   * rt.Nav<Person, PersonNavigation>; … }`, then the write types (write-types.ts): `ItemInput`, or
   * `ItemCreateInput` and `ItemUpdateInput`. An interface, `body` after its name (from its space, or
   * the line break before a long `extends` list: wrap.ts `heritage`), or with `alias` a type alias,
   * `body` the text after `=` (from its space or line break).
   */
  declarations: { doc: string; name: string; body: string; alias: boolean }[];
  /** Address builders: `params` is `parent: <parent>`, on the signature's line when it fits (wrap.ts). */
  navigations: { doc: string; name: string; parent: string; params: string; type: string; make: string }[];
  /** Address builders of composable functions' results: `rangeRef(target, params)`. */
  composables: { doc: string; name: string; signature: string; returns: string; make: string }[];
  /**
   * Typed type casts, one per type with a `…Subtypes` map (`map`); `q` (the subtype's name) and `r`
   * (the address cast; by default a nullable entity's, as given only `q`, `castAnimal<"ns.bird">(…)`,
   * the overloads took it) name the type parameters. One signature, generic in the address, rather
   * than an overload for an entity and one for a collection: a misspelt name is then reported at
   * itself (`Argument of type '"ns.brid"' is not assignable to parameter of type '"ns.bird" | …'`),
   * where overloads had TypeScript's "No overload matches this call" at the function's name.
   */
  castBuilders: { doc: string; name: string; qParam: string; rParam: string; overload: string; targetParam: string }[];
  /** The tables typed filters write values by (filter-kinds.ts), one per structured type that needs one: `export const {name}: rt.FilterKinds = {body};`. */
  filterTables: { name: string; body: string }[];
  /** The tables of evolvable enums' later members writes name (later-members.ts), one per set of entity types of this namespace's owning one: `export const {name} = {body};`. */
  laterTables: { name: string; body: string }[];
  entities: EntityRequestsView[];
  operations: OperationView[];
}

/** An address builder before its parameter is laid out (`params`, once its name is known). */
type Builder = Omit<RequestsView["navigations"][number], "params">;

export interface EntityRequestsView {
  /** Whether collections of the type exist (list, create): it has a key, or a set or collection-valued navigation property has it without one (`keylessCollections`). */
  collected: boolean;
  /** create's and update's calls: `rt.create(client, target, body, options)`, with `rt.preferLater(options, body, SessionLaterMembers)` where the body may name an evolvable enum's later member. */
  createCall: string;
  updateCall: string;
  /** What a list returns: `rt.readPage(client, target, options)`, with the table its typed filter writes values by (`SessionFilterKinds`) where the type has one. */
  listCall: string;
  qname: string;
  type: string;
  keyType: string;
  /** get's and list's type parameters, `<S extends …, const E extends …>` (selected properties, expansions), one a line, and their options' type. */
  typeParams: string;
  /** get's type parameters: `typeParams` and `N`, what the target's 204 reads as (`null` for a nullable navigation property, else `never`). */
  getTypeParams: string;
  /** What get resolves with (list with a page of it): `rt.Selected<…>`. */
  result: string;
  /**
   * The return types after `): `, `Promise<…>` of get's, list's, create's and update's results,
   * their type arguments one a line where that line would pass 120 characters (wrap-code.ts).
   */
  getReturns: string;
  listReturns: string;
  createReturns: string;
  updateReturns: string;
  /** What create and update resolve with: the service's default set (`rt.DefaultSet<…>`), or the whole entity with `completeReads`. */
  returned: string;
  /** create's type parameter (its options): `O`, unless the signature names a type so. */
  written: string;
  /** create's and update's type parameter lists, `<P extends …>`, on the name's line where it fits, else on a line of their own (wrap.ts `parameters`). */
  createTypeParams: string;
  updateTypeParams: string;
  /** A media entity type (`HasStream`, own or inherited): create's doc comment points to `rt.createMedia`. */
  media: boolean;
  /** update's type parameter: what its options' `replace` may be (`R`). */
  replaced: string;
  /**
   * Each function's parameters between its parentheses: on the signature's line where it fits, else
   * one a line (`requestParameters`). get's and list's `target` (list's and create's a
   * `rt.CollectionRef<…>`, its type arguments one a line where long, a composite key's object type a
   * member a line) and `options`; create's body, `rt.New<T>`, or of its write type
   * (`rt.New<ItemCreateInput>`): without the properties the service computes (`Core.Computed`), at
   * every depth; update's, by `replaced`: `rt.UpdateBody<T, R, keys>`, `T` its write type
   * (`ItemUpdateInput`) where it has one.
   */
  getParams: string;
  listParams: string;
  createParams: string;
  updateParams: string;
  removeParams: string;
  get: string;
  list: string;
  create: string;
  update: string;
  remove: string;
}

/** The runtime's marker a request function's target must carry, by what it sends. */
const ALLOWS: Readonly<Record<string, Restricted>> = {
  "rt.Insertable": "insert",
  "rt.Listable": "list",
  "rt.Readable": "read",
  "rt.Updatable": "update",
  "rt.Deletable": "delete",
};

export function requestsView(ctx: EmitContext, schema: Schema): RequestsView {
  const names = ctx.requestNames(schema);
  const entityTypes = schema.types.filter((t): t is EntityType => t.kind === "entity");
  const localTypes = [
    ...entityTypes.map((t) => navigationTypeName(ctx, t)),
    ...entityTypes.filter(listsSubtypes).map((t) => subtypesTypeName(ctx, t)),
    ...entityTypes.filter((t) => navigatingSubtypes(t).length > 0).map((t) => writeNavTypeName(ctx, t)),
    ...entityTypes.filter((t) => bodySubtypes(t).length > 0).map((t) => subtypeBodiesTypeName(ctx, t)),
    ...entityTypes.filter((t) => leftOutBelow(t).length > 0).map((t) => leftOutTypeName(ctx, t)),
    ...schema.types.flatMap((t) => (t.kind === "entity" || t.kind === "complex" ? writeModes(ctx, t).map((m) => writeTypeName(ctx, t, m)) : [])),
    ...schema.types.flatMap((t) => ((t.kind === "entity" || t.kind === "complex") && filterKinds(t).length > 0 ? [filterKindsName(ctx, t)] : [])),
    ...entityTypes.filter(ownsLaterTable(ctx)).map((t) => laterMembersName(ctx, t)),
  ];
  const imports = new Imports(localTypes, ctx.namespaceLabels, names.scope);
  let edm = false;
  // Each type's name here once per form (as itself, or its `Any…` union), importing it on the first
  // ask: on Graph the module asks ~17,000 times, each a names lookup, a specifier and two of the imports'.
  const tsNames = new Map<SchemaType, string>();
  const tsUnions = new Map<SchemaType, string>();
  const ts = (t: SchemaType, union = false) => {
    const any = union && usesUnion(ctx, t);
    const known = any ? tsUnions : tsNames;
    let name = known.get(t);
    if (name === undefined) known.set(t, (name = typeName(ctx, t, NO_TYPES, imports, any)));
    return name;
  };
  const refTs = (ref: TypeRef, read = false) => {
    const s = (read ? readRefType : refType)(ctx, ref, NO_TYPES, imports);
    if (s.includes("edm.")) edm = true;
    return s;
  };
  // The key byKey takes: the type's, or one of its alternate keys (`alternate`: a set's or a navigation property's, its type's by default).
  const keyTs = (t: EntityType, alternate = typeAlternateKeys(t)) => {
    const s = keyType(ctx, t, imports, alternate);
    if (s.includes("edm.")) edm = true;
    return s;
  };
  const navTs = (t: EntityType) =>
    t.namespace === schema.namespace ? navigationTypeName(ctx, t) : imports.use(moduleSpecifier(t.namespace, "requests"), navigationTypeName(ctx, t), t.namespace);
  // The subtypes a type cast in $select and $orderby may name; "{}" for a type without any.
  const castsTs = (t: EntityType) => {
    if (t.derived.length === 0) return "{}";
    if (!listsSubtypes(t)) return t.abstract ? "rt.AnyAbstractCast" : "rt.AnyTypeCast";
    const name = subtypesTypeName(ctx, t);
    return t.namespace === schema.namespace ? name : imports.use(moduleSpecifier(t.namespace, "requests"), name, t.namespace);
  };
  // The table of evolvable enums' later members a write's body may name (later-members.ts): its owner's, imported from its namespace's module, else written in the call; undefined where empty.
  const later = (table: ReadonlyMap<string, string>): string | undefined => {
    if (table.size === 0) return undefined;
    const owner = laterTableOwner(ctx.model, table);
    if (!owner) return inlineLaterTable(table);
    const name = laterMembersName(ctx, owner);
    return owner.namespace === schema.namespace ? name : imports.useValue(moduleSpecifier(owner.namespace, "requests"), name, owner.namespace, names.scope);
  };
  // What an entity of `t` in a body may bind and insert into, where subtypes of `t` add navigation properties: `, ItemWriteNav` (Nav's `W`), else "".
  const writeNavTs = (t: EntityType) => {
    if (navigatingSubtypes(t).length === 0) return "";
    const name = writeNavTypeName(ctx, t);
    return `, ${t.namespace === schema.namespace ? name : imports.use(moduleSpecifier(t.namespace, "requests"), name, t.namespace)}`;
  };
  // The concrete subtypes an entity of `t` in a body may be (subtype-bodies.ts): `, ItemSubtypeBodies`, after the write navigation (`W`); else "".
  // Through a navigation property whose Validation.DerivedTypeConstraint narrows its values (`allowed`, their qualified
  // names), only those of them, and `false` (Nav's `O`: `t` itself is not allowed, so a create's or a PUT's entity names one of them):
  // `, ItemWriteNav, Pick<ItemSubtypeBodies, "ns.Book">, false`, or none where it allows none of them.
  const bodiesTs = (t: EntityType, allowed?: readonly string[]) => {
    const b = bodiesOf(t);
    if (!b) return "";
    if (!allowed) return `, ${b.written}, ${b.bodies}`;
    const kept = new Set(allowed);
    const names = bodySubtypes(t).filter((d) => kept.has(d.qualifiedName));
    const own = kept.has(t.qualifiedName) ? "" : ", false";
    return names.length ? `, ${b.written}, Pick<${b.bodies}, ${names.map((d) => stringLiteral(d.qualifiedName)).join(" | ")}>${own}` : "";
  };
  // Its `…SubtypeBodies` map and the navigation properties an entity of it in a body may have (`W`), where it has subtypes a body's entity may be.
  // `named(Q)`: what its own body adds where its interface takes any `@odata.type` (`rt.NamedOneOf<Q, "ns.T" | keyof …SubtypeBodies>`, `otherBodyNames`), else "".
  const bodiesOf = (t: EntityType): { bodies: string; written: string; named: (q: string) => string } | undefined => {
    if (bodySubtypes(t).length === 0) return undefined;
    const name = subtypeBodiesTypeName(ctx, t);
    const bodies = t.namespace === schema.namespace ? name : imports.use(moduleSpecifier(t.namespace, "requests"), name, t.namespace);
    const others = otherBodyNames(t);
    return { written: writeNavTs(t).slice(2) || navTs(t), bodies, named: (q) => (others ? `rt.NamedOneOf<${q}, ${others} | keyof ${bodies}>` : "") };
  };
  // In a slice: the union of the values of the subtypes it left out below `t` (see leftOutBelow), "" for none.
  const leftOutTs = (t: EntityType) => {
    if (leftOutBelow(t).length === 0) return "";
    const name = leftOutTypeName(ctx, t);
    return t.namespace === schema.namespace ? name : imports.use(moduleSpecifier(t.namespace, "requests"), name, t.namespace);
  };
  // The table a typed filter writes `t`'s values by (filter-kinds.ts), imported from its namespace's module; undefined where it needs none.
  const kindsOf = (t: StructuredType): string | undefined => {
    if (filterKinds(t).length === 0) return undefined;
    const name = filterKindsName(ctx, t);
    return t.namespace === schema.namespace ? name : imports.useValue(moduleSpecifier(t.namespace, "requests"), name, t.namespace, names.scope);
  };
  // A value declared as `t` in a body of `mode`: its write type where it has one (write-types.ts), imported from its namespace's module.
  const write: WriteNames = {
    ctx,
    type: (t) => ts(t),
    declared: (t, mode) => {
      if (!writeFacts(ctx, mode).declared.has(t)) return ts(t, true);
      const name = writeTypeName(ctx, t, mode);
      return t.namespace === schema.namespace ? name : imports.use(moduleSpecifier(t.namespace, "requests"), name, t.namespace);
    },
  };
  // What a read of `t` holds. With a map of its subtypes: one member per type, told apart by
  // `@odata.type` (Graph's directoryObject, whose members are users, groups, ...; an abstract type's
  // members are only its subtypes), and in a slice one per kept type with subtypes it left out,
  // whose `@odata.type` names them. Else the type, or an abstract one's union alias (`AnyEntity`),
  // whose `@odata.type` literals name the left-out subtypes already.
  // `H`: the type parameter of the subtypes the address read holds only (`rt.OneOfHeld`, `heldTypes`).
  const readTs = (t: EntityType, H?: string) => {
    if (!listsSubtypes(t)) return ts(t, true);
    const members = H
      ? t.abstract
        ? `rt.SubtypeOfHeld<${castsTs(t)}, ${H}>`
        : `rt.OneOfHeld<${ts(t)}, ${stringLiteral(t.qualifiedName)}, ${castsTs(t)}, ${H}>`
      : t.abstract
        ? `rt.SubtypeOf<${castsTs(t)}>`
        : `rt.OneOf<${ts(t)}, ${stringLiteral(t.qualifiedName)}, ${castsTs(t)}>`;
    const leftOut = leftOutTs(t);
    return leftOut ? `${members} | ${leftOut}` : members;
  };
  // The key properties a read is sure to hold (a key through a complex property does not count).
  // Once per type: every navigation property to it asks again (Graph has about 2,000 of them).
  const keysSeen = new Map<EntityType, string[]>();
  const keysOf = (t: EntityType) => {
    let keys = keysSeen.get(t);
    if (!keys) {
      const own = new Set(allProperties(t));
      keysSeen.set(t, (keys = t.key.filter((p) => own.has(p)).map((p) => stringLiteral(p.name))));
    }
    return keys;
  };
  // What `Selected` and `Nav` take: the key properties of the default set, or `rt.Whole`.
  const keyNames = (t: EntityType) => [...keysOf(t), ...(ctx.options.completeReads ? ["rt.Whole"] : [])].join(" | ") || "never";
  // What a create or an update (of `t`, typed `self`) resolves with: the service's default set, in which
  // only the key is sure to be present, unless the service returns every property (then `self`).
  const defaultSet = (t: EntityType, self: string) => {
    if (ctx.options.completeReads) return self;
    const keys = keysOf(t);
    return `rt.DefaultSet<${self}${keys.length ? `, ${keys.join(" | ")}` : ""}>`;
  };
  // Typed query options of reads of `t` (typed `self`): `S` the selected properties, `E` the expansions.
  // The options name the type itself (its subtypes' properties go through casts); the result, `readTs`.
  // `self` is named (and imported) only where asked for: an action's result takes `result` alone.
  // A delta function's read (`delta`) may select a collection-valued navigation property, and its
  // entries may hold nested deltas (`rt.DeltaSelected`).
  const reads: Reads = (t, S, E, H, delta) => {
    const self = () => ts(t, true);
    const read = readTs(t, H);
    const nav = navTs(t);
    const casts = castsTs(t);
    const names = delta ? "rt.DeltaPropertyName" : "rt.PropertyName";
    const paramList = () => [`${S} extends ${names}<${self()}, ${nav}${casts === "{}" ? "" : `, ${casts}`}> = never`, `const ${E} extends rt.Expand<${nav}> = never`];
    return {
      get params() {
        return paramList().join(", ");
      },
      get paramList() {
        return paramList();
      },
      get options() {
        return `rt.ReadQuery<${self()}, ${nav}, ${S}, ${casts}, ${E}>`;
      },
      getOptions: `rt.ReadOneQuery<${nav}, ${S}, ${E}>`,
      result: `rt.${delta ? "DeltaSelected" : "Selected"}<${read}, ${S}, ${nav}, ${casts}, ${keyNames(t)}, ${E}>`,
    };
  };

  // An abstract type's body: each concrete subtype's own, with its own navigation properties.
  const members = (x: EntityType): Member[] | undefined => {
    const list = ctx.variants(x);
    if (list.length === 0 || list.length > MAX_WRITTEN_MEMBERS || leftOutHolders(x).length > 0) return undefined;
    // Named only where a body uses them (an import not used fails noUnusedLocals).
    return list.map((m) => ({ t: m as EntityType, self: () => ts(m), nav: () => navTs(m as EntityType) }));
  };

  const roots: RequestsView["roots"] = [];
  // The module's function names (request-names.ts). Their scope names the imports too: a root's
  // NavigationPropertyBindings may import another module's root function, under a name none of this
  // module's functions has.
  const scope = names.scope;
  const rootNames = new Map<EntitySet | Singleton, string>();
  for (const c of schema.containers) for (const s of [...c.singletons, ...c.entitySets]) rootNames.set(s, names.root(c, s));
  // What each root passes to the runtime (`rt.SetInfo`) is written last, into its `make`: a binding
  // into a set of another namespace's container imports that module's root function, under a name
  // none of this module's functions has, so every function is named before it.
  const rootMakes: { c: EntityContainer; s: EntitySet | Singleton; make: (info: SetInfo) => string }[] = [];
  for (const c of schema.containers) {
    for (const s of c.singletons) {
      const t = ts(s.type, true);
      // CSDL 4.01 §13.3.3: a singleton with Nullable="true" may be null; a read of it is answered 204
      // and resolves null. Any other answered 204 rejects.
      const name = rootNames.get(s) as string;
      const restrictions = rootRestrictions(ctx.model, c, s);
      const binds = rootBindings(ctx.model, s);
      const f = forbiddenArgument(restrictions, binds);
      roots.push({
        doc: jsdoc("", [description(s.annotations), `The \`${s.name}\` singleton (\`/${s.name}\`)${s.nullable ? ", which may be null" : ""}.`, restrictionDoc(restrictions, false), updateMethodDoc([s.type.annotations, s.annotations], false, restrictions), bindsDoc(binds), headersDoc([s.type.annotations, s.annotations], false), deprecated(s)]),
        name,
        type: rootType(name, `rt.EntityRef<${t}${s.nullable ? ", null" : f ? ", never" : ""}${f}>`),
        make: "",
      });
      rootMakes.push({ c, s, make: (info) => rootCall(s.nullable ? "rt.nullable(" : "", "rt.root", info, []) });
    }
    for (const s of c.entitySets) {
      const t = ts(s.entityType, true);
      const alternate = setAlternateKeys(s, c.qualifiedName);
      const k = keyTs(s.entityType, alternate);
      const name = rootNames.get(s) as string;
      const restrictions = rootRestrictions(ctx.model, c, s);
      const binds = rootBindings(ctx.model, s);
      const queryOptions = rootQueryOptions(c.qualifiedName, s);
      const f = forbiddenArgument(restrictions, binds, requiredNames(queryOptions));
      roots.push({
        doc: jsdoc("", [description(s.annotations), `The \`${s.name}\` entity set (\`/${s.name}\`).`, restrictionDoc(restrictions, true), updateMethodDoc([s.entityType.annotations, s.annotations], true, restrictions), queryOptionsDoc(queryOptions), bindsDoc(binds), limitsDoc(propertyLimits(s.entityType, s.annotations)), headersDoc([s.entityType.annotations, s.annotations], true), deprecated(s)]),
        name,
        type: rootType(name, `rt.CollectionRef<${t}, ${k}${f}>`),
        make: "",
      });
      rootMakes.push({ c, s, make: (info) => rootCall("", "rt.rootCollection", info, [keySpec(ctx, s.entityType, alternate)]) });
    }
  }

  // The reading and writing functions of each entity type.
  type Verbs = Pick<EntityRequestsView, "get" | "list" | "create" | "update" | "remove">;
  const verbs = new Map<EntityType, Verbs>();
  // CSDL 4.01 §6.5: only an entity type with a key can be a member of a collection; but a set of a
  // type without one (reported, ODG106) is still listed and posted to, which needs no key.
  const collected = (t: EntityType) => t.key.length > 0 || keylessCollections(ctx.model).has(t);
  for (const t of entityTypes) {
    const v = names.verbs(t);
    verbs.set(t, {
      get: v.get,
      list: collected(t) ? v.list : "",
      create: collected(t) ? v.create : "",
      update: v.update,
      remove: v.remove,
    });
  }
  // Unbound operations are called through their imports (URL Conventions §4.5.3); only bound ones here.
  const named = namedOperations(schema);
  const operationNames = new Map(named.map((e) => [e, names.operation(e)]));
  reportRequestRenames(ctx, schema.containers, rootNames, verbs, operationNames);

  /** The name of the builder of `member` (a navigation, stream or complex property, or the media: `content`) of `t`. */
  const builderName = (kind: BuilderKind, t: StructuredType, member: string): string => names.builder(kind, t, member);

  /** The path builder of navigation property `n` of `t`, below a `parent` of type `parentRef`. */
  const navigationBuilder = (n: NavigationProperty, t: StructuredType, parentRef: string): Builder => {
    const target = ts(n.target, true);
    const alternate = navigationAlternateKeys(n);
    // Only a collection's builder names its key type: a single-valued one would import it unused.
    const k = n.collection ? keyTs(n.target, alternate) : "";
    // The changes for which the metadata requires If-Match here go to the runtime, which refuses them without an ETag.
    const ifMatch = ifMatchChanges([n.target.annotations, n.annotations]);
    const contained = ifMatch.length ? `, ${n.containsTarget}, [${ifMatch.map((c) => stringLiteral(c)).join(", ")}]` : n.containsTarget ? ", true" : "";
    const restrictions = navigationRestrictions(ctx.model, t, n);
    const binds = navigationBindings(ctx.model, n);
    // A collection's custom query options: those required are in its type, the rest in its doc comment.
    const queryOptions = n.collection ? navigationQueryOptions(ctx.model, n) : [];
    // A builder's call infers its type arguments from the builder's return type, which names them all.
    const f = forbiddenArgument(restrictions, binds, requiredNames(queryOptions), heldBy(ctx.model, n));
    return {
      doc: jsdoc("", [
        description(n.annotations),
        `\`${n.name}\` of a \`${t.qualifiedName}\`${n.containsTarget ? " (contained)" : ""}: \`.../${n.name}\`.`,
        restrictionDoc(restrictions, n.collection),
        updateMethodDoc([n.target.annotations, n.annotations], n.collection, restrictions),
        queryOptionsDoc(queryOptions),
        bindsDoc(binds),
        n.collection ? limitsDoc(propertyLimits(n.target, n.annotations)) : undefined,
        headersDoc([n.target.annotations, n.annotations], n.collection),
        allowedDoc(n),
        deprecation(n.annotations) && `@deprecated ${deprecation(n.annotations)}`,
      ]),
      name: builderName("nav", t, n.name),
      parent: parentRef,
      // CSDL 4.01 §8.2: a single-valued navigation property is nullable unless Nullable="false"; with
      // nothing related, a read of it is answered 204 (Protocol §11.2.7) and resolves null. A read
      // of one with Nullable="false" answered 204 rejects.
      type: n.collection ? `rt.CollectionRef<${target}, ${k}${f}>` : `rt.EntityRef<${target}${n.nullable ? ", null" : f ? ", never" : ""}${f}>`,
      make: n.collection
        ? `rt.collection(parent, ${stringLiteral(n.name)}, ${keySpec(ctx, n.target, alternate)}${contained})`
        : n.nullable
          ? `rt.nullable(rt.nav(parent, ${stringLiteral(n.name)}${contained}))`
          : `rt.nav(parent, ${stringLiteral(n.name)}${contained})`,
    };
  };

  /**
   * The subtypes of `n`'s target (a union of their names as the target's `…Subtypes` map has them)
   * that its Validation.DerivedTypeConstraint allows, where the map lists subtypes and the target
   * itself is not allowed; undefined otherwise (its values are typed as the target's).
   */
  const narrowedSubtypes = (n: NavigationProperty): string | undefined => narrowedEverywhere(ctx.model).get(n);
  const allowedDoc = (n: NavigationProperty) => {
    const allowed = allowedDerivedTypes(ctx.model, n);
    return allowed && derivedTypesDoc(allowed);
  };

  const restricted = restrictedTypes(ctx.model);
  const needing = queryNeedingTypes(ctx.model);
  const held = heldTypes(ctx.model);
  const navigationTypes: RequestsView["declarations"] = [];
  const navigations: Builder[] = [];
  const entities: EntityRequestsView[] = [];
  const leadingOf = leadingProperties(leadsToNavigation(ctx.model, true));
  for (const t of entityTypes) {
    const self = ts(t, true);
    const castPaths = castNavigationPaths(t);
    const subtypesToo = castPaths.length ? `, and its subtypes' behind their type cast (\`${castPaths[0]![0]}\`)` : "";
    navigationTypes.push({
      doc: jsdoc("", [`Navigation properties of \`${t.qualifiedName}\` (inherited ones included)${subtypesToo}, for typed \`$expand\`.`]),
      name: navTs(t),
      body: " " + objectType([...allNavigation(t).map((n): [string, NavigationProperty] => [n.name, n]), ...complexNavigationPaths(t, leadingOf), ...castPaths].map(([path, n]) => {
        // Validation.DerivedTypeConstraint: the subtypes its values may be, where the module lists them.
        const narrowed = narrowedSubtypes(n);
        const casts = narrowed ? `Pick<${castsTs(n.target)}, ${narrowed}>` : castsTs(n.target);
        const leftOut = narrowed && leftOutTs(n.target);
        const target = narrowed ? `rt.SubtypeOf<${casts}>${leftOut ? ` | ${leftOut}` : ""}` : readTs(n.target);
        // The key properties an expansion without select is sure to hold, computed where it is used.
        // Where the target has subtypes, the write navigation and those an entity in a body may be (`bodiesTs`): a narrowed one's, those it allows.
        const rest = `, ${casts}, ${keyNames(n.target)}${bodiesTs(n.target, narrowed ? allowedDerivedTypes(ctx.model, n) : undefined) || writeNavTs(n.target)}`;
        // Its type arguments one a line where the member's line would pass 120 characters.
        const key = propertyKey(path);
        // Core.AutoExpand: a read without $select has it, as an expansion without options (rt.AutoExpanded).
        const auto = path === n.name && isAutoExpanded(n) ? " & rt.AutoExpanded" : "";
        return `${key}: ${brokenType(`rt.Nav<${target}, ${navTs(n.target)}${rest}>${auto}`, key.length + 4, 1, "  ")}`;
      })),
      alias: false,
    });
    if (listsSubtypes(t)) {
      navigationTypes.push({
        doc: jsdoc("", [`Subtypes of \`${t.qualifiedName}\` by qualified name: what a type cast in \`$select\` or \`$orderby\` names (\`${t.derived[0]?.qualifiedName}/...\`).`]),
        name: subtypesTypeName(ctx, t),
        body: " " + objectType(descendants(t).map((d) => `${stringLiteral(d.qualifiedName)}: ${ts(d)}`)),
        alias: false,
      });
      const navigating = navigatingSubtypes(t);
      if (navigating.length > 0) {
        navigationTypes.push({
          doc: jsdoc("", [
            `Navigation properties an entity of \`${t.qualifiedName}\` nested in a body may bind and insert into: its own, and those of the subtypes that add some (each entity has only its own type's).`,
          ]),
          name: writeNavTypeName(ctx, t),
          body: heritage(`export interface ${writeNavTypeName(ctx, t)}`, [t, ...navigating].map(navTs), " {}"),
          alias: false,
        });
      }
      if (bodySubtypes(t).length > 0) {
        navigationTypes.push({
          doc: jsdoc("", [
            `Concrete subtypes of \`${t.qualifiedName}\` by qualified name, as a body of it (a create's or an update's, or an entity of a deep insert or a related entity of an update) may be, named by \`@odata.type\`: each as a create and an update write it.`,
          ]),
          name: subtypeBodiesTypeName(ctx, t),
          body: " " + objectType(subtypeBodyMembers(t, write)),
          alias: false,
        });
      }
      const leftOut = leftOutBelow(t);
      if (leftOut.length > 0) {
        navigationTypes.push({
          doc: jsdoc("", [
            `Values of the subtypes of \`${t.qualifiedName}\` this slice left out, each typed as its nearest kept base type, with its \`@odata.type\`: a read may hold them, as the validators accept them.`,
          ]),
          name: leftOutTypeName(ctx, t),
          body: leftOutUnion(leftOut.map(({ kept, names }) => [ts(kept), names])),
          alias: true,
        });
      }
    }
    navigations.push(...t.navigationProperties.map((n) => navigationBuilder(n, t, `rt.EntityRef<${ts(t)}, null>`)));
    // Core.AcceptableMediaTypes: the stream's type says which media `rt.writeStream` takes, and its address holds them.
    const accepting = (accepted: string[] | undefined) =>
      accepted ? { doc: mediaTypesDoc(accepted), type: `, ${mediaTypesTs(accepted)}`, list: `, ${mediaTypesList(accepted)}` } : { doc: undefined, type: "", list: "" };
    if (t.hasStream && !t.baseType?.hasStream) {
      const media = accepting(familyMediaTypes(t));
      navigations.push({
        doc: jsdoc("", [`The media resource of a \`${t.qualifiedName}\` (\`.../$value\`); read it with \`rt.readStream\` (whole) or \`rt.openStream\` (as it comes), replace it with \`rt.writeStream\`.`, media.doc]),
        name: builderName("media", t, "content"),
        parent: `rt.EntityRef<${ts(t)}, null>`,
        type: `rt.StreamRef<${ts(t)}${media.type}>`,
        make: `rt.stream(parent${media.list ? `, undefined${media.list}` : ""})`,
      });
    }
    for (const p of t.properties) {
      if (!isAddressableStream(p)) continue;
      const media = accepting(acceptableMediaTypes(p));
      navigations.push({
        doc: jsdoc("", [description(p.annotations), `Stream property \`${p.name}\` of a \`${t.qualifiedName}\` (\`.../${p.name}\`); read it with \`rt.readStream\` (whole) or \`rt.openStream\` (as it comes).`, media.doc]),
        name: builderName("stream", t, p.name),
        parent: `rt.EntityRef<${ts(t)}, null>`,
        type: `rt.StreamRef<${ts(t)}${media.type}>`,
        make: `rt.stream(parent, ${stringLiteral(p.name)}${media.list})`,
      });
    }
    const keyType = keyTs(t);
    const nav = navTs(t);
    const named = `${self} ${keyType} ${nav}`;
    // Where some builder of the type holds only some of its subtypes (`rt.HoldsOnly`), list
    // and get infer them from the target (`H`, `rt.MayHold<H>`) and type the values read with them only.
    const h = held.has(t) ? typeParameter("H", named) : undefined;
    const q = reads(t, typeParameter("S", named), typeParameter("E", named), h);
    // Inferred from the target (`never` for one that is sure to be there); given other type
    // arguments, the default `null`: a read of a target that may have nothing there is never typed sure.
    const empty = typeParameter("N", named);
    const returned = defaultSet(t, readTs(t));
    const written = typeParameter("P", named);
    const replaced = typeParameter("R", named);
    const v = verbs.get(t) as Verbs;
    // Laid out in this order (the signatures' parts, then their parameter lists): the wrapping
    // functions' optimised code was made for it.
    // What the metadata forbids at an address is carried by its type (restriction-types.ts): in a
    // service that restricts any, each function takes only addresses where its request is not forbidden.
    // The marker of a request some address of this type (or of a subtype) forbids; else none, as before restrictions were read.
    const forbidden = restricted.get(t);
    const allowing = (allows: string) => (forbidden?.has(ALLOWS[allows]) ? `, ${allows}` : "");
    // `also`: what the address must hold besides (`rt.MayHold<H>` for a create that infers the subtypes it may hold).
    const collectionTarget = (allows: string, also?: string) => {
      const parts = [...(forbidden?.has(ALLOWS[allows]) ? [allows] : []), ...(also ? [also] : [])];
      return brokenItem(`target: rt.CollectionRef<${self}, ${keyType}${parts.length ? `, ${parts.join(" & ")}` : ""}>`);
    };
    // Where some address of the type forbids a query option, list infers the names its options
    // have (`O`) and takes only an address that allows them (`rt.QueryTarget<O>`).
    const queried = forbidden !== undefined && [...forbidden].some(isQueryRestriction);
    const o = typeParameter("O", named);
    // Where some collection address of the type requires custom query options, list infers the type
    // of its `query` (`Q`) and takes only an address needing no option `Q` may lack (`rt.QueryGiven<Q>`).
    const needsQuery = needing.has(t);
    const qn = typeParameter("Q", named);
    const listParts = [
      ...(forbidden?.has("list") ? ["rt.Listable"] : []),
      ...(queried ? [`rt.QueryTarget<${o}>`] : []),
      ...(needsQuery ? [`rt.QueryGiven<${qn}>`] : []),
      ...(h ? [`rt.MayHold<${h}>`] : []),
    ];
    const listTarget = brokenItem(`target: rt.CollectionRef<${self}, ${keyType}${listParts.length ? `, ${listParts.join(" & ")}` : ""}>`);
    // One a line, as the signatures they start are too long for one (wrap.ts).
    const heldParam = h ? [`${h} extends string = never`] : [];
    const typeParams = `<${itemLines([...q.paramList, ...(queried ? [`${o} extends rt.OptionName = never`] : []), ...(needsQuery ? [`${qn} extends object = {}`] : []), ...heldParam].map((p) => brokenItem(p)))}>`;
    const getTypeParams = `<${itemLines([...q.paramList, `${empty} extends null = null`, ...heldParam].map((p) => brokenItem(p)))}>`;
    const getParts = [...(forbidden?.has("read") ? ["rt.Readable"] : []), ...(h ? [`rt.MayHold<${h}>`] : [])];
    // With `& rt.OptionNames<O>`, as Prettier breaks an intersection that does not fit: after ` &`,
    // the first member's type arguments one a line where its line would still pass 120 characters.
    const inferred = [...(queried ? [`rt.OptionNames<${o}>`] : []), ...(needsQuery ? [`rt.QueryNames<${qn}>`] : [])];
    const optionNames = inferred.map((x) => ` & ${x}`).join("");
    const options = !inferred.length
      ? brokenAnnotation(q.options, "  options?: ".length, 1, "  ")
      : fits("  options?: ".length + q.options.length + optionNames.length + 1)
        ? q.options + optionNames
        : `${brokenType(q.options, "  options?: ".length, " &".length, "  ")} &\n    ${inferred.join(" &\n    ")}`;
    const getOptions = brokenAnnotation(q.getOptions, "  options?: ".length, 1, "  ");
    const getReturns = brokenType(`Promise<${q.result} | ${empty}>`, 3, 2);
    const listReturns = brokenType(`Promise<rt.Page<${q.result}>>`, 3, 2);
    const createReturns = brokenType(`Promise<rt.Created<${returned}, { prefer: ${written} }>>`, 3, 2);
    const updateReturns = brokenType(`Promise<(${returned} & rt.ControlInfo) | undefined>`, 3, 2);
    // A concrete type with subtypes takes a subtype's body too, named by its `@odata.type` (`Q`, subtype-bodies.ts).
    const subtyped = usesUnion(ctx, t) ? undefined : bodiesOf(t);
    const typeNamed = subtyped ? typeParameter("Q", `${named} ${subtyped.bodies} ${subtyped.written}`) : "";
    const typeNamedParam = subtyped ? [`${typeNamed} extends string = ""`] : [];
    // Where some builder of the type holds only some subtypes (`rt.HoldsOnly`: Validation.DerivedTypeConstraint),
    // a create through it infers them (`H`) and takes only a body naming one: `rt.SubtypeCreate` is given
    // `H`, and checks a body naming another type (or none) by its `@odata.type` alone (`HeldOnly<H>`, in
    // place of the type's own body, which holds `rt.HeldCreate<Q, H>` no more: it was `unknown` wherever it stood).
    const heldCreate = subtyped && h ? h : undefined;
    const createTypeParam = [`${written} extends rt.WriteOptions["prefer"] = undefined`, ...typeNamedParam, ...(heldCreate ? [`${heldCreate} extends string = never`] : [])];
    const createTypeParams = parameters(`export function ${v.create}`, createTypeParam, "(");
    const updateTypeParam = [`${replaced} extends boolean | undefined = undefined`, ...typeNamedParam];
    const updateTypeParams = parameters(`export function ${v.update}`, updateTypeParam, "(");
    const createBody = subtyped
      ? subtypeBodyParameter(
          { name: "rt.SubtypeCreate", args: [subtyped.bodies, subtyped.written, typeNamed, ...(heldCreate ? [heldCreate] : [])] },
          createBodyType(() => self, t, false, write, () => nav),
          subtyped.named(typeNamed),
        )
      : createBodyParameter(() => self, t, usesUnion(ctx, t), write, () => nav, members(t));
    // An abstract type's is a union of its subtypes' bodies: a member a line when long.
    const updateBodyTypes = updateBodies(() => self, t, typeParameter("R", named), keysOf(t), usesUnion(ctx, t), write, () => nav, members(t));
    const updateKeys = updatableKeys(t, keysOf(t), false);
    const updateBody = subtyped
      ? subtypeBodyParameter({ name: "rt.SubtypeUpdate", args: [subtyped.bodies, subtyped.written, replaced, updateKeys.length ? updateKeys : "never", typeNamed] }, updateBodyTypes[0], subtyped.named(typeNamed))
      : updateBodyParameter(updateBodyTypes);
    // A target whose line would pass 120 characters has its type arguments one a line (a name of 88 or more characters).
    const target = (allows: string) => brokenItem(`target: rt.EntityRef<${self}, null${allowing(allows)}>`);
    entities.push({
      qname: t.qualifiedName,
      type: self,
      keyType,
      typeParams,
      getTypeParams,
      result: q.result,
      getReturns,
      listReturns,
      createReturns,
      updateReturns,
      // get's and list's `(` follow their type parameters' `>` (at column 0).
      getParams: requestParameters(1, [CLIENT, brokenItem(`target: rt.EntityRef<${self}, ${empty}${getParts.length ? `, ${getParts.join(" & ")}` : ""}>`), `options?: ${getOptions}`], `: ${getReturns} {`),
      listParams: requestParameters(1, [CLIENT, listTarget, `options?: ${options}`], `: ${listReturns} {`),
      createParams: requestParameters(
        parametersColumn(v.create, createTypeParam.join(", "), createTypeParams),
        [CLIENT, collectionTarget("rt.Insertable", heldCreate && `rt.MayHold<${heldCreate}>`), `body:${createBody}`, `options?: rt.WriteOptions<${written}>`],
        `: ${createReturns} {`,
      ),
      updateParams: requestParameters(
        parametersColumn(v.update, updateTypeParam.join(", "), updateTypeParams),
        [CLIENT, target("rt.Updatable"), `body:${updateBody}`, `options?: rt.UpdateOptions<${replaced}>`],
        `: ${updateReturns} {`,
      ),
      removeParams: requestParameters("export function ".length + v.remove.length, [CLIENT, target("rt.Deletable"), "options?: rt.DeleteOptions"], ": Promise<void> {"),
      returned,
      written,
      createTypeParams: `<${createTypeParams}>`,
      updateTypeParams: `<${updateTypeParams}>`,
      media: isMedia(t),
      replaced,
      collected: collected(t),
      listCall: listCall(kindsOf(t)),
      ...writeCalls(t, later),
      ...v,
    });
  }

  const operations: OperationView[] = [];
  // An entity given to an operation is written as a create's body is (Graph's `sendMail` takes a
  // message without its key, a conversation member with its `user@odata.bind`).
  const created = (t: EntityType) => createBody(() => ts(t, true), t, usesUnion(ctx, t), write, () => navTs(t), members(t));
  const types: OperationTypes = { ts, refTs, reads, keyTs, created, kinds: kindsOf, later };
  const composableNames = new Map<OperationView, string>();
  for (const e of named) {
    const view = operationView(ctx, e.op, operationNames.get(e) as string, types, e.importName, e.importAnnotations);
    operations.push(view);
    if (view.compose) composableNames.set(view, names.composable(e));
  }

  // Write types of the namespace's types, in document order, a create's before an update's.
  const writeTypes: RequestsView["declarations"] = [];
  for (const t of schema.types) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    for (const mode of writeModes(ctx, t)) writeTypes.push({ doc: writeTypeDoc(ctx, t, mode), name: writeTypeName(ctx, t, mode), ...writeTypeBody(ctx, t, mode, write, writeTypeName(ctx, t, mode)) });
  }

  // Navigation through complex properties (URL Conventions §4.7, `…/grantControls/authenticationStrength`):
  // a builder per single-valued complex property whose type leads to navigation properties, and one
  // per navigation property of a complex type. Named after the others, so that adding them renames nothing.
  const leads = leadsToNavigation(ctx.model);
  for (const t of schema.types) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    // Named only when used: naming a type imports it.
    const parentRef = () => (t.kind === "entity" ? `rt.EntityRef<${ts(t)}, null>` : `rt.ComplexRef<${ts(t)}>`);
    for (const p of t.properties) {
      if (p.type.collection || p.type.type.kind !== "complex" || !leads.has(p.type.type)) continue;
      const value = ts(p.type.type);
      navigations.push({
        doc: jsdoc("", [
          description(p.annotations),
          `Complex property \`${p.name}\` of a \`${t.qualifiedName}\` (\`.../${p.name}\`): the way to the navigation properties of \`${p.type.type.qualifiedName}\`.`,
        ]),
        name: builderName("complex", t, p.name),
        parent: parentRef(),
        type: `rt.ComplexRef<${value}>`,
        make: `rt.complex<${value}>(parent, ${stringLiteral(p.name)})`,
      });
    }
    if (t.kind === "complex") navigations.push(...t.navigationProperties.map((n) => navigationBuilder(n, t, parentRef())));
  }

  // A composable function's result as an address (URL Conventions §4.5.1: Graph's
  // `…/range(address='A1:B2')/format`), which navigation, reads and bound operations follow.
  // Named after the others, so that adding them renames nothing.
  const composables: RequestsView["composables"] = [];
  for (const o of operations)
    if (o.compose) {
      const name = composableNames.get(o) as string;
      const signature = parameters(`export function ${name}`, o.compose.params, `: ${o.compose.type} {`);
      // After `): ` at column 0, or `}): ` where one parameter's object type is hugged by the parentheses.
      const returns = brokenType(o.compose.type, signature.includes("\n") ? signature.length - signature.lastIndexOf("\n") - 1 + 3 : `export function ${name}(${signature}): `.length, 2);
      composables.push({ doc: o.compose.doc, name, signature, returns, make: o.compose.make });
    }

  // A typed type cast per type with a map of its subtypes (URL Conventions §4.11: Graph's
  // `/groups/{id}/members/microsoft.graph.user`), checked against the map. Named after the others.
  const castBuilders: RequestsView["castBuilders"] = [];
  for (const t of entityTypes) {
    if (!listsSubtypes(t)) continue;
    const type = ts(t, true);
    const map = subtypesTypeName(ctx, t);
    const named = `${type} ${map}`;
    const r = typeParameter("R", named);
    const refs = `rt.EntityRef<${type}, null> | rt.CollectionRef<${type}, unknown>`;
    const q = typeParameter("Q", named);
    castBuilders.push({
      doc: jsdoc("", [`A type cast of a \`${t.qualifiedName}\`, or of a collection of them, to one of its subtypes: \`.../${t.derived[0]?.qualifiedName}\`.`]),
      name: names.cast(t),
      qParam: castKeyParameter(q, map),
      rParam: brokenItem(`${r} extends ${refs} = rt.EntityRef<${type}, null>`),
      overload: castOverload(r, q, map),
      targetParam: brokenItem(`target: ${refs}`),
    });
  }

  // The roots' set infos, now that every function of the module is named (see `rootMakes`).
  const rootFunction = (place: BindingPlace): string | undefined => {
    const local = rootNames.get(place.root);
    if (local !== undefined) return local;
    const other = ctx.model.schemas.find((x) => x.containers.includes(place.container));
    const name = other && ctx.requestNames(other).root(place.container, place.root);
    return other && name !== undefined ? imports.useValue(moduleSpecifier(other.namespace, "requests"), name, other.namespace, scope) : undefined;
  };
  rootMakes.forEach(({ c, s, make }, i) => (roots[i].make = make(setInfo(ctx, c, s, rootFunction))));

  // The tables of typed filters, of the namespace's structured types that need one (filter-kinds.ts).
  const filterTables: RequestsView["filterTables"] = [];
  for (const t of schema.types) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    const entries = filterKinds(t);
    if (entries.length === 0) continue;
    const name = filterKindsName(ctx, t);
    const head = `export const ${name}: rt.FilterKinds = `;
    filterTables.push({ name, body: objectLiteral(head, kindMembers(entries, kindsOf), ";") });
  }

  const declarations = [...navigationTypes, ...writeTypes];
  const laterTables = entityTypes.filter(ownsLaterTable(ctx)).map((t) => {
    const table = bodyLaterMembers(t);
    const name = laterMembersName(ctx, t);
    return { name, body: laterTableLiteral(name, table) };
  });
  // Nothing but empty `…Navigation` interfaces needs no runtime (an unused import fails noUnusedLocals).
  const functions = roots.length + navigations.length + entities.length + operations.length + composables.length + castBuilders.length + filterTables.length + laterTables.length;
  const runtime = functions > 0 || declarations.some((n) => n.body.includes("rt."));
  return {
    header: ctx.header,
    runtime,
    prefixLess: runtime && ctx.model.odataVersion === "4.01",
    empty: functions + declarations.length === 0,
    imports: imports.view(() => true),
    edm,
    roots,
    declarations,
    navigations: navigations.map((n) => ({ ...n, ...builderSignature(n.name, n.parent, n.type), make: brokenExpression(n.make, "  return ".length, 1, "  ") })),
    entities,
    operations,
    composables,
    castBuilders,
    filterTables,
    laterTables,
  };
}

/**
 * A root function's `@deprecated`: its set's or singleton's deprecation (Core.Revisions), written on
 * the `<EntitySet>`/`<Singleton>` or by a block targeting it (`ns.Container/Name`), as its description.
 */
function deprecated(s: EntitySet | Singleton): string | undefined {
  const reason = deprecation(s.annotations);
  return reason && `@deprecated ${reason}`;
}

/**
 * What a root function passes to the runtime about its entity set or singleton (`rt.SetInfo`): name,
 * optimistic concurrency, and NavigationPropertyBindings as a function naming the targets' root
 * functions, so that a bundle holds only the roots a program reaches (the key style is in the key specs).
 */
function setInfo(ctx: EmitContext, c: EntityContainer, s: EntitySet | Singleton, rootFunction: (place: BindingPlace) => string | undefined): SetInfo {
  const parts = [`name: ${stringLiteral(s.name)}`];
  if (s.kind === "entitySet" && optimisticConcurrency(ctx.model, c, s)) parts.push("etag: true");
  const ifMatch = ifMatchChanges([s.kind === "entitySet" ? s.entityType.annotations : s.type.annotations, s.annotations]);
  if (ifMatch.length) parts.push(`ifMatch: [${ifMatch.map((m) => stringLiteral(m)).join(", ")}]`);
  const bindings = [...s.bindings]
    .sort(byString((b) => b.path))
    .map((b) => [b.path, bindingTarget(ctx, c, b, rootFunction)] as const)
    .filter((b): b is readonly [string, string] => b[1] !== undefined)
    .map(([path, target]) => `${quotedKey(path)}: ${target}`);
  return { parts, bindings };
}

/** A root's `rt.SetInfo` as its members (`name: "people"`, `etag: true`) and its bindings' (`"friends": people`). */
interface SetInfo {
  parts: string[];
  bindings: string[];
}

/** `info` as an object literal on a line starting with `before` (`before` indented by `indent`) and ending with `after`: `{ name: …, bindings: () => ({ … }) }`, else a member a line, and its bindings a binding a line where their own line would pass 120 characters. */
function infoLiteral(info: SetInfo, before: string, after: string, indent: string): string {
  const one = (bindings: string) => (info.bindings.length ? [...info.parts, `bindings: () => (${bindings})`] : info.parts);
  const line = `{ ${one(`{ ${info.bindings.join(", ")} }`).join(", ")} }`;
  if (fits(before.length + line.length + after.length)) return line;
  const head = `${indent}  bindings: () => (`;
  const bindings = info.bindings.map((b) => brokenProperty(b, `${indent}    `));
  return `{${itemLines(one(objectLiteral(head, bindings, "),", `${indent}  `)), indent)}}`;
}

/**
 * A cast's `Q extends keyof XSubtypes & string` type parameter (on its own line, indented two), as
 * Prettier writes it: on one line where it fits, else broken after `&`, else after `extends` too
 * (a map's name of 100 characters or more).
 */
function castKeyParameter(q: string, map: string): string {
  const one = `${q} extends keyof ${map} & string`;
  if (fits(2 + one.length + 1)) return one;
  return fits(`  ${q} extends keyof ${map} &`.length) ? `${q} extends keyof ${map} &\n    string` : `${q} extends\n    keyof ${map} &\n      string`;
}

/**
 * A cast's typed overload after its type parameters: `>(target: R, type: Q): rt.CastRef<R, XSubtypes[Q]>;`
 * where it fits, else its parameters one a line and the return type after `): `, its type arguments
 * one a line where that line would pass 120 characters, as Prettier writes a signature.
 */
function castOverload(r: string, q: string, map: string): string {
  const type = `rt.CastRef<${r}, ${map}[${q}]>`;
  const one = `>(target: ${r}, type: ${q}): ${type};`;
  if (fits(one.length)) return one;
  return `>(\n  target: ${r},\n  type: ${q},\n): ${fits(`): ${type};`.length) ? type : `rt.CastRef<\n  ${r},\n  ${map}[${q}]\n>`};`;
}

/**
 * A root function's return type after `export function name(): `: its type arguments one a line
 * where the line would pass 120 characters (a composite key's `rt.CollectionRef<T, { … }>`,
 * wrap-code.ts `brokenType`, called only then).
 */
function rootType(name: string, type: string): string {
  return fits("export function ".length + name.length + "(): ".length + type.length + " {".length) ? type : brokenType(type, `export function ${name}(): `.length, 2);
}

/**
 * A root function's `return` value: `wrap(call<…>(info, ...rest))` (`wrap` "" or `rt.nullable(`) on
 * one line where it fits, else as Prettier writes it: the info object hugged by the parentheses of a
 * call of one argument, a member a line (where `call<…>({` fits on the line); with more arguments,
 * or inside `rt.nullable(`, an argument a line, but on the line of `>(` after type arguments one a
 * line where they fit there.
 */
function rootCall(wrap: string, call: string, info: SetInfo, rest: readonly string[]): string {
  const before = `  return ${wrap}${call}(`;
  const close = wrap ? "))" : ")";
  const one = `${wrap}${call}(${[infoLiteral(info, "", "", ""), ...rest].join(", ")}${close}`;
  if (fits(`  return ${one};`.length)) return one;
  // The info object hugged where its `({` fits on the line (else an argument a line, below).
  if (!wrap && rest.length === 0 && fits(before.length + 1)) return `${call}(${infoLiteral(info, before, ");", "  ")})`;
  if (wrap) return `${wrap}\n    ${call}(${infoLiteral(info, `    ${call}(`, "),", "    ")}),\n  )`;
  // A composite key's type (`rt.rootCollection<T, { … }>`) its type arguments one a line where `  return …(` would pass 120 characters.
  const head = fits(before.length) ? call : brokenType(call, "  return ".length, 1, "  ");
  // After type arguments one a line, the arguments on the line of `>(` where they fit there.
  const args = head === call ? "" : [infoLiteral(info, "", "", ""), ...rest].join(", ");
  if (args && fits(head.length - head.lastIndexOf("\n") - 1 + 1 + args.length + 2)) return `${head}(${args})`;
  return `${head}(${itemLines([infoLiteral(info, "    ", ",", "    "), ...rest.map((r) => brokenExpression(r, 4, 1, "    "))], "  ")})`;
}

/**
 * A binding target (resolveBindingTarget: `Set`, `Namespace.Container/Set`, a set of an extended
 * container, or a path into a containment, `education/classes`) as the target root's function (this
 * module's, or one imported from the module of the namespace that declares it), or
 * `rt.within(root, "path/below")`; undefined when it names no set or singleton of the service.
 */
function bindingTarget(ctx: EmitContext, c: EntityContainer, b: NavigationBinding, rootFunction: (place: BindingPlace) => string | undefined): string | undefined {
  const place = resolveBindingTarget(ctx.model, c, b);
  const root = place && rootFunction(place);
  if (!place || root === undefined) return undefined;
  return place.within ? `rt.within(${root}, ${stringLiteral(place.within)})` : root;
}

/**
 * The name of the type listing an entity type's navigation properties: `PersonNavigation`, with `_`
 * appended while a type of its namespace already has that name (the same answer in every module).
 */
export function navigationTypeName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "Navigation");
}

/**
 * The subtypes of `t` (those a `…Subtypes` map lists) that add navigation properties, but none with
 * one named as another one (`t`'s or another subtype's) to another type (an interface cannot extend both):
 * a body's entity of one binds and inserts into them (`…WriteNav`).
 */
function navigatingSubtypes(t: EntityType): EntityType[] {
  let list = navigatingCache.get(t);
  if (list === undefined) {
    list = [];
    if (listsSubtypes(t)) {
      const targets = new Map(allNavigation(t).map((n) => [n.name, n]));
      for (const d of descendants(t)) {
        const added = allNavigation(d).filter((n) => targets.get(n.name) !== n);
        // Its `rt.Nav` names the target only: a collection or nullable elsewhere is a value's shape (`Bindings`).
        if (added.length === 0 || added.some((n) => (targets.get(n.name)?.target ?? n.target) !== n.target)) continue;
        for (const n of added) targets.set(n.name, n);
        list.push(d);
      }
    }
    navigatingCache.set(t, list);
  }
  return list;
}
const navigatingCache = new WeakMap<EntityType, EntityType[]>();

/**
 * The subtypes of `n`'s target that its Validation.DerivedTypeConstraint allows (a union of their
 * names, as the target's `…Subtypes` map has them), where the map lists subtypes and the target
 * itself is not allowed; undefined otherwise.
 */
function narrowedNavigation(model: Model, n: NavigationProperty): string | undefined {
  const names = allowedDerivedTypes(model, n);
  const allowed = names && new Set(names);
  if (!allowed || !listsSubtypes(n.target) || allowed.has(n.target.qualifiedName)) return undefined;
  const kept = descendants(n.target).filter((d) => allowed.has(d.qualifiedName));
  return kept.length ? kept.map((d) => stringLiteral(d.qualifiedName)).join(" | ") : undefined;
}

/**
 * The navigation properties whose narrowed type (`narrowedNavigation`) the `…Navigation` interfaces
 * may give, with it: a `…WriteNav` extends the interfaces of a type and its subtypes, which must then agree on
 * each name they share. So one is narrowed only where every navigation property of its name,
 * declared below each base type of its own that lists subtypes, is narrowed alike.
 */
function narrowedEverywhere(model: Model): ReadonlyMap<NavigationProperty, string> {
  const cached = narrowedCache.get(model);
  if (cached) return cached;
  const found = new Map<NavigationProperty, string>();
  const lists = (t: StructuredType): t is EntityType => t.kind === "entity" && listsSubtypes(t);
  const declared: [NavigationProperty, string][] = [];
  // Per base type that lists subtypes, per name: the narrowings of the navigation properties declared at or below it.
  const shapes = new Map<StructuredType, Map<string, Set<string>>>();
  for (const t of model.types.values()) {
    if (t.kind !== "entity") continue;
    for (const n of t.navigationProperties) {
      const shape = narrowedNavigation(model, n) ?? "";
      declared.push([n, shape]);
      for (let b: StructuredType | undefined = t; b; b = b.baseType) {
        if (!lists(b)) continue;
        const byName = shapes.get(b) ?? shapes.set(b, new Map()).get(b)!;
        (byName.get(n.name) ?? byName.set(n.name, new Set()).get(n.name)!).add(shape);
      }
    }
  }
  for (const [n, shape] of declared) {
    if (!shape) continue;
    let alike = true;
    for (let b: StructuredType | undefined = n.declaringType; b && alike; b = b.baseType) if (lists(b)) alike = shapes.get(b)!.get(n.name)!.size === 1;
    if (alike) found.set(n, shape);
  }
  narrowedCache.set(model, found);
  return found;
}
const narrowedCache = new WeakMap<Model, ReadonlyMap<NavigationProperty, string>>();

/**
 * The subtypes a navigation property's builder says its values are only of (`rt.HoldsOnly<…>`: its
 * Validation.DerivedTypeConstraint, `narrowedNavigation`), or undefined. Not where the slice left out
 * subtypes below its target, whose values are typed as a kept base type.
 */
function heldBy(model: Model, n: NavigationProperty): string | undefined {
  if (leftOutBelow(n.target).length > 0) return undefined;
  return narrowedNavigation(model, n);
}

/**
 * The entity types some builder of which holds only some subtypes (`heldBy`), and the types they
 * derive from (whose list and get take such an address too): their list and get functions infer
 * the subtypes from the target (`rt.MayHold<H>`).
 */
function heldTypes(model: Model): ReadonlySet<EntityType> {
  let out = heldCache.get(model);
  if (out) return out;
  out = new Set();
  heldCache.set(model, out);
  for (const t of model.types.values()) {
    if (t.kind !== "entity" && t.kind !== "complex") continue;
    for (const n of t.navigationProperties) {
      if (!heldBy(model, n)) continue;
      for (let x: StructuredType | undefined = n.target; x && !out.has(x as EntityType); x = x.baseType) if (x.kind === "entity" && listsSubtypes(x)) out.add(x);
    }
  }
  return out;
}
const heldCache = new WeakMap<Model, Set<EntityType>>();

/** The name of the navigation properties an entity of a type nested in a body may have (`navigatingSubtypes`): `AnimalWriteNav`, named as `navigationTypeName` is. */
export function writeNavTypeName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "WriteNav");
}

/** The name of the map of an entity type's concrete subtypes as a body writes them (subtype-bodies.ts): `AnimalSubtypeBodies`, named as `navigationTypeName` is. */
export function subtypeBodiesTypeName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "SubtypeBodies");
}

/** The name of the map of an entity type's subtypes: `AnimalSubtypes`, named as `navigationTypeName` is. */
export function subtypesTypeName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "Subtypes");
}

/**
 * create's and update's calls of the runtime, their arguments one a line where long; the options
 * add a preference where the body may name an evolvable enum's later member (later-members.ts).
 */
function writeCalls(t: EntityType, later: (table: ReadonlyMap<string, string>) => string | undefined): { createCall: string; updateCall: string } {
  const options = preferLaterOptions("options", "body", later(bodyLaterMembers(t)));
  const call = (f: string) => brokenCall(`rt.${f}`, ["client", "target", "body", options], "  return ".length, 1, "  ");
  return { createCall: call("create"), updateCall: call("update") };
}

/** A list's call of the runtime, its arguments one a line where `  return …;` would pass 120 characters. */
function listCall(kinds: string | undefined): string {
  return brokenCall("rt.readPage", kinds ? ["client", "target", "options", kinds] : ["client", "target", "options"], "  return ".length, 1, "  ");
}

/** The name of the table a typed filter writes a structured type's values by (filter-kinds.ts): `SessionFilterKinds`, named as `navigationTypeName` is. */
export function filterKindsName(ctx: EmitContext, t: StructuredType): string {
  return companionName(ctx, t, "FilterKinds");
}

/** The name of the table of evolvable enums' later members a body of an entity type owning one may name (later-members.ts): `SessionLaterMembers`, named as `navigationTypeName` is. */
export function laterMembersName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "LaterMembers");
}

/** Whether an entity type's namespace defines a table of later members under its name: it owns the table its body names (`laterTableOwner`). */
function ownsLaterTable(ctx: EmitContext): (t: EntityType) => boolean {
  return (t) => laterTableOwner(ctx.model, bodyLaterMembers(t)) === t;
}

/**
 * The type's name and `suffix`, with `_` appended while a type of its namespace already has that
 * name. Named once per run, type and suffix: a module asks for a type's companions where it declares
 * them and wherever it refers to them (18,798 asks on Graph, for 3,614 names).
 */
function companionName(ctx: EmitContext, t: StructuredType, suffix: string): string {
  let bySuffix = companionCache.get(ctx);
  if (!bySuffix) companionCache.set(ctx, (bySuffix = new Map()));
  let byType = bySuffix.get(suffix);
  if (!byType) bySuffix.set(suffix, (byType = new Map()));
  let name = byType.get(t);
  if (name === undefined) byType.set(t, (name = companion(ctx.names.type(t), typeNamesOf(ctx, t.namespace), suffix)));
  return name;
}
const companionCache = new WeakMap<EmitContext, Map<string, Map<StructuredType, string>>>();

/** The name of the union of the values of the subtypes a slice left out below an entity type: `AnimalLeftOut`, named as `navigationTypeName` is. */
export function leftOutTypeName(ctx: EmitContext, t: EntityType): string {
  return companionName(ctx, t, "LeftOut");
}

/**
 * In a slice, for a type with a `…Subtypes` map: `t` and each of its kept subtypes that has concrete
 * subtypes the slice left out (`omittedSubtypes`), with their qualified names, in document order.
 * The validators accept their values as that nearest kept base type (an abstract one they report);
 * empty in a full run.
 */
function leftOutBelow(t: EntityType): { kept: EntityType; names: string[] }[] {
  if (!listsSubtypes(t)) return [];
  let list = leftOutCache.get(t);
  if (list === undefined) {
    list = [];
    for (const kept of [t, ...descendants(t)]) {
      const names = (kept.omittedSubtypes ?? []).filter((o) => !o.abstract).map((o) => o.qualifiedName);
      if (names.length > 0) list.push({ kept, names });
    }
    leftOutCache.set(t, list);
  }
  return list;
}
const leftOutCache = new WeakMap<EntityType, { kept: EntityType; names: string[] }[]>();

/**
 * The text after `=` of a `…LeftOut` alias: per kept type (its TypeScript type) and the subtypes left
 * out below it, one member `(Kept & { "@odata.type": "#a" | "#b" })`. One member per kept type, not
 * per subtype: Graph's `entity` may have a thousand left out, and the compiler would spell out each
 * member for every read that names it. Long lists take a line per name.
 */
function leftOutUnion(groups: [string, string[]][]): string {
  const members = groups.map(([kept, names]) => {
    const literals = names.map((n) => stringLiteral(`#${n}`));
    const short = `(${kept} & { "@odata.type": ${literals.join(" | ")} })`;
    if (short.length <= 90) return short;
    return `(${kept} & {\n      "@odata.type":\n${literals.map((l) => `        | ${l}`).join("\n")};\n    })`;
  });
  const line = ` ${members.join(" | ")}`;
  return line.length <= 90 && !line.includes("\n") ? line : members.map((m) => `\n  | ${m}`).join("");
}

/** Every type derived from `t`, directly or not, in document order depth first. */
function descendants(t: EntityType): EntityType[] {
  const out: EntityType[] = [];
  // Appended to one array as they are met (each level's array spread into its parent's copied the deep ones again).
  const visit = (c: StructuredType) => {
    for (const d of c.derived) {
      out.push(d as EntityType);
      visit(d);
    }
  };
  visit(t);
  return out;
}

/**
 * The type names a namespace's types module declares, with their companion names: over every type
 * of the service, so that a slice names what it derives from them as the full run does.
 */
function typeNamesOf(ctx: EmitContext, namespace: string): ReadonlySet<string> {
  return ctx.names.declared(namespace);
}

function objectType(members: string[]): string {
  return members.length ? `{\n${members.map((m) => `  ${m};\n`).join("")}}` : "{}";
}

export type { StructuredType };

/** A concrete subtype of an abstract entity type, for the type's body: its type and `…Navigation` type. */
interface Member {
  t: EntityType;
  self: () => string;
  nav: () => string;
}

/**
 * A create's body type: every property may be left out (the service fills in defaults and keys it
 * makes), and those the service computes (Core.Computed) may not be given, at every depth, as the
 * validators' `create` mode has it: `rt.New` of the entity's write type (`rt.New<PersonCreateInput>`,
 * write-types.ts), or where it has none `rt.New<Person>` (partial, instance annotations taken at
 * its top); an abstract type with more subtypes than
 * write types list keeps its union, without what any of them computes: `rt.Creation<AnyEntity, "a" | "b">`.
 * An abstract type's body requires `@odata.type`, and is one of its concrete subtypes' bodies
 * (`members`), each with its own navigation properties' bindings and deep inserts:
 * `rt.WithType<rt.New<CircleInput> | rt.CreateBody<SquareInput, SquareNavigation>>`. Where the type
 * has navigation properties, `rt.CreateBody<PersonCreateInput, PersonNavigation>`: a deep insert's
 * entities are written as the body is, partial, `@odata.type` required where their type has subtypes.
 */
function createBody(self: () => string, t: EntityType, union: boolean, write: WriteNames, nav: () => string, members: Member[] | undefined): string {
  if (union && members) return `rt.WithType<${members.map((m) => createBody(m.self, m.t, false, write, m.nav, undefined)).join(" | ")}>`;
  const body = oneLine(createBodyType(self, t, union, write, nav));
  // An abstract type's create names the subtype to make (`@odata.type`), as the validators ask.
  return union ? `rt.WithType<${body}>` : body;
}

/** One type's create body (`createBody`) as a generic and its type arguments, a list of names given as a union's members. */
function createBodyType(self: () => string, t: EntityType, union: boolean, write: WriteNames, nav: () => string): TypeApplication {
  const computed = propertyNames(t, union, "create");
  // A deep insert's entities (navigation properties) are written as the body is: `rt.CreateBody`.
  const related = allNavigation(t).length > 0;
  const written = writeFacts(write.ctx, "create").declared.has(t);
  if (written) return related ? { name: "rt.CreateBody", args: [write.declared(t, "create"), nav()] } : { name: "rt.New", args: [write.declared(t, "create")] };
  if (computed.size) return { name: "rt.Creation", args: [self(), [...computed], ...(related ? [nav()] : [])] };
  return related ? { name: "rt.CreateBody", args: [self(), nav()] } : { name: "rt.New", args: [self()] };
}

/** A generic type and its type arguments (an argument given as a union's members), for `oneLine` or `wrap.ts` `typeArguments`. */
interface TypeApplication {
  name: string;
  args: (string | string[])[];
}

/** `t` on one line after `before` where that fits, else its type arguments one a line (wrap.ts `typeArguments`), its `>` indented by `indent`. */
function typeLines(t: TypeApplication, before: string, indent: string): string {
  const one = oneLine(t);
  return fits(before.length + one.length) ? one : `${t.name}${typeArguments(t.args, indent)}`;
}

/** `t` on one line: `rt.Creation<Item, "a" | "b">`. */
function oneLine(t: TypeApplication): string {
  return `${t.name}<${t.args.map((a) => (typeof a === "string" ? a : a.join(" | "))).join(", ")}>`;
}

/**
 * What follows `body:` in an entity's create signature: `createBody`, an abstract type's union of
 * its subtypes' bodies (`rt.WithType<A | B>`) where the line would pass 120 characters on a line of
 * its own inside `rt.WithType<`, else a member a line (one subtype's body with no `| `);
 * one body that would pass it, `rt.WithType<rt.Creation<AnyEntity, "a" | "b">>`, with its type
 * arguments one a line, and its list of names a name a line, as Prettier writes them.
 */
function createBodyParameter(self: () => string, t: EntityType, union: boolean, write: WriteNames, nav: () => string, members: Member[] | undefined): string {
  const whole = createBody(self, t, union, write, nav, members);
  if (fits(`  body: ${whole},`.length)) return ` ${whole}`;
  if (union && members) {
    // Inside `rt.WithType<…>` as Prettier writes a type argument: the union on its own line where it
    // fits there, else a member a line after `| ` (one body alone has none).
    const bodies = members.map((m) => createBodyType(m.self, m.t, false, write, m.nav));
    const one = bodies.map(oneLine).join(" | ");
    if (bodies.length === 1 || fits(`    ${one}`.length)) return ` rt.WithType<\n    ${bodies.length === 1 ? typeLines(bodies[0], "    ", "    ") : one}\n  >`;
    return ` rt.WithType<${bodies.map((b) => `\n    | ${typeLines(b, "    | ", "      ")}`).join("")}\n  >`;
  }
  const body = createBodyType(self, t, union, write, nav);
  return union ? ` rt.WithType<\n    ${body.name}${typeArguments(body.args, "    ")}\n  >` : ` ${body.name}${typeArguments(body.args, "  ")}`;
}

/**
 * An update's body type, by what its options' `replace` may be (`R`, `rt.UpdateBody`): a PATCH's
 * `rt.Patch<T>`, or with `replace: true` the whole entity (`rt.Replacement`), its keys optional
 * (those a client may send: not computed or immutable). `T` is the entity's write type where it has
 * one, without the properties a client may not change at every depth, as the validators' `update`
 * and `replace` modes have it: `rt.UpdateBody<PersonUpdateInput, R, "UserName">`; else the entity,
 * the properties a client may not change (own, its base types' and subtypes') given as the fourth
 * argument. Where it has navigation properties, its `…Navigation` type last: a PATCH's related
 * entities are partial. An abstract type's is one of its concrete subtypes' (`members`), each with
 * its own navigation properties: the members of the union, one for any other type.
 */
function updateBodies(self: () => string, t: EntityType, R: string, keys: readonly string[], union: boolean, write: WriteNames, nav: () => string, members: Member[] | undefined): TypeApplication[] {
  if (union && members) return members.map((m) => updateBody(m.self, m.t, R, keys, false, write, m.nav));
  return [updateBody(self, t, R, keys, union, write, nav)];
}

/** The keys among `keys` a client may change in an update of `t` (a PUT's optional ones): not among the properties `propertyNames` fixes. */
function updatableKeys(t: EntityType, keys: readonly string[], union: boolean, fixed = propertyNames(t, union, "update")): string[] {
  return keys.filter((k) => !fixed.has(k));
}

/** One type's update body (`updateBodies`); `union`: the properties its subtypes may not change count too. */
function updateBody(self: () => string, t: EntityType, R: string, keys: readonly string[], union: boolean, write: WriteNames, nav: () => string): TypeApplication {
  const fixed = propertyNames(t, union, "update");
  const optional = updatableKeys(t, keys, union, fixed);
  const written = writeFacts(write.ctx, "update").declared.has(t);
  const args: (string | string[])[] = [written ? write.declared(t, "update") : self(), R];
  // A PATCH's related entities are partial (`rt.Patch`), told by the navigation properties.
  const related = allNavigation(t).length > 0;
  if (optional.length || (fixed.size && !written) || related) args.push(optional.length ? optional : "never");
  if ((fixed.size && !written) || related) args.push(fixed.size && !written ? [...fixed] : "never");
  if (related) args.push(nav());
  return { name: "rt.UpdateBody", args };
}

/**
 * What follows `body:` in the create or update signature of a concrete type with subtypes: `t` (as
 * `rt.SubtypeCreate<D, B, W, Q>`, `D` the type's own body put first, `body`, and `named` with it,
 * `body & named`, where given) on the `body:` line where it fits, else its type arguments one a
 * line (`body &` and `named` on the next, further in, where the two pass 120 characters, as Prettier
 * breaks an intersection; `body`'s own type arguments one a line too where it alone passes them).
 */
function subtypeBodyParameter(t: TypeApplication, body: TypeApplication, named = ""): string {
  const own = oneLine(body);
  const first = named ? `${own} & ${named}` : own;
  const one = oneLine({ name: t.name, args: [first, ...t.args] });
  if (fits(`  body: ${one},`.length)) return ` ${one}`;
  if (fits(`    ${first},`.length)) return ` ${t.name}${typeArguments([first, ...t.args], "  ")}`;
  // `own` itself too long for its line (Graph's `rt.UpdateBody<VirtualEventRegistrationConfiguration, …>`): its type arguments one a line too.
  const ownLines = fits(`    ${own}${named ? " &" : ","}`.length) ? own : `${body.name}${typeArguments(body.args)}`;
  return ` ${t.name}${typeArguments([named ? `${ownLines} &\n  ${named}` : ownLines, ...t.args], "  ")}`;
}

/**
 * What follows `body:` in an entity's update signature: its bodies' union (`updateBodies`) on the
 * line, else a member a line (`unionType`); a member whose line would still pass 120 characters
 * has its type arguments one a line, and a list of names a name a line, as Prettier writes them.
 * One body stays on the `body:` line, its type arguments one a line where it does not fit there.
 */
function updateBodyParameter(bodies: TypeApplication[]): string {
  const flat = bodies.map(oneLine);
  // One body is never moved to the line after `body:` (Prettier moves only a union there).
  if (flat.length === 1) return fits(`  body: ${flat[0]},`.length) ? ` ${flat[0]}` : ` ${bodies[0].name}${typeArguments(bodies[0].args, "  ")}`;
  // A union is measured first: one that does not fit is written here, a body a line, rather than by unionType.
  if (fits(`  body: ${flat.join(" | ")},`.length)) return unionType("  body:", flat, "  ");
  return bodies.map((b) => `\n    | ${typeLines(b, "    | ", "      ")}`).join("");
}

/**
 * The quoted names of the properties a body of `mode` may not send (`FIXED`): `t`'s own, its base
 * types', and for a union (`union`) its subtypes'. Found once per type, mode and union: an entity
 * type's create and update bodies ask, and again every operation taking one (a union's is every
 * subtype's properties: Graph's `entity` has 1,500 subtypes).
 */
function propertyNames(t: EntityType, union: boolean, mode: WriteMode): ReadonlySet<string> {
  let known = fixedNames.get(t);
  if (!known) fixedNames.set(t, (known = new Map()));
  const key = `${mode}${union ? " union" : ""}`;
  let names = known.get(key);
  if (!names) {
    // Made of each type's own names, found once per type and mode (a type's properties were
    // otherwise read again for each type below it asked, and for each union above it): the same
    // names in the same order as reading the base chain and then the descendants property by property.
    const found = new Set(ownPropertyNames(t, known, mode));
    if (t.baseType) for (const n of propertyNames(t.baseType, false, mode)) found.add(n);
    if (union) for (const d of descendants(t)) for (const n of ownPropertyNames(d, undefined, mode)) found.add(n);
    known.set(key, (names = found));
  }
  return names;
}

/** The quoted names of `t`'s own properties a body of `mode` may not send (`propertyNames`), kept among `t`'s (`known`). */
function ownPropertyNames(t: EntityType, known: Map<string, ReadonlySet<string>> | undefined, mode: WriteMode): ReadonlySet<string> {
  if (!known) {
    known = fixedNames.get(t);
    if (!known) fixedNames.set(t, (known = new Map()));
  }
  const key = `${mode} own`;
  let names = known.get(key);
  if (!names) {
    const found = new Set<string>();
    for (const p of t.properties) if (FIXED[mode](p)) found.add(stringLiteral(p.name));
    known.set(key, (names = found));
  }
  return names;
}
const fixedNames = new WeakMap<EntityType, Map<string, ReadonlySet<string>>>();

/** The modes `t` has a write type in, one when the create's and the update's are the same (`ItemInput`). */
function writeModes(ctx: EmitContext, t: StructuredType): WriteMode[] {
  if (sharedWriteType(ctx, t)) return ["create"];
  return WRITE_MODES.filter((m) => writeFacts(ctx, m).declared.has(t));
}

/**
 * The name of a type's write type in `mode`: `ItemInput` where a create and an update write it the
 * same, else `ItemCreateInput` and `ItemUpdateInput`; with `_` appended while a type of its
 * namespace, or a write type named before it (`FooCreate`'s `FooCreateInput` beside `Foo`'s), has
 * that name. Named once per run and namespace, in document order: the same answer in every module.
 */
export function writeTypeName(ctx: EmitContext, t: StructuredType, mode: WriteMode): string {
  let byNamespace = writeNamesCache.get(ctx);
  if (!byNamespace) writeNamesCache.set(ctx, (byNamespace = new Map()));
  let names = byNamespace.get(t.namespace);
  if (!names) {
    names = new Map();
    const taken = new Set(typeNamesOf(ctx, t.namespace));
    const schema = ctx.model.schemas.find((x) => x.namespace === t.namespace);
    for (const x of schema?.types ?? []) {
      if (x.kind !== "entity" && x.kind !== "complex") continue;
      for (const m of writeModes(ctx, x)) {
        let name = `${ctx.names.type(x)}${sharedWriteType(ctx, x) ? "Input" : m === "create" ? "CreateInput" : "UpdateInput"}`;
        while (taken.has(name)) name += "_";
        taken.add(name);
        names.set(`${m} ${x.qualifiedName}`, name);
      }
    }
    byNamespace.set(t.namespace, names);
  }
  return names.get(`${sharedWriteType(ctx, t) ? "create" : mode} ${t.qualifiedName}`) as string;
}
const writeNamesCache = new WeakMap<EmitContext, Map<string, Map<string, string>>>();

/** One line: the rules are in runtime.ts (`Written`) and the README. */
function writeTypeDoc(ctx: EmitContext, t: StructuredType, mode: WriteMode): string {
  const where = sharedWriteType(ctx, t) ? "a body" : mode === "create" ? "a create's body" : "an update's body";
  if (hasFamily(t)) return `/** A \`${t.qualifiedName}\` value, or a subtype's value naming its type, as ${where} writes it. */\n`;
  if (ctx.variants(t).length === 0) return `/** \`${t.qualifiedName}\` as ${where} writes it (\`rt.Written\`). */\n`;
  return `/** A concrete \`${t.qualifiedName}\` as ${where} writes it. */\n`;
}

/** A media entity type: `HasStream`, own or inherited from a base type (a subtype of a media entity type has the media too). */
function isMedia(t: EntityType): boolean {
  for (let b: EntityType | undefined = t; b; b = b.baseType) if (b.hasStream) return true;
  return false;
}
