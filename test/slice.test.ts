import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import { parsePattern, advance, accepts, startStates, type NamePattern, type PathPattern } from "../generator/passes/slice/glob";

const SPEC = path.resolve(__dirname, "..", "specs", "graph-callrecords.xml");
const spec = () => [{ file: "graph-callrecords.xml", content: fs.readFileSync(SPEC, "utf8") }];

function slice(options: Omit<GenerateOptions, "inputs">, inputs = spec()) {
  const result = generate({ inputs, ...options });
  return { ...result, kept: new Set(result.model.types.keys()) };
}

/** The diagnostics of a run, which fails (throws) when a pattern matches nothing. */
function diagnosticsOf(options: Omit<GenerateOptions, "inputs">, inputs = spec()) {
  try {
    return generate({ inputs, ...options }).diagnostics;
  } catch (e) {
    if (e instanceof GenerationError) return e.diagnostics;
    throw e;
  }
}

const CYCLIC = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="folder">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="tag" Type="t.tag"/>
        <NavigationProperty Name="children" Type="Collection(t.folder)" ContainsTarget="true"/>
        <NavigationProperty Name="files" Type="Collection(t.file)" ContainsTarget="true"/>
      </EntityType>
      <EntityType Name="file">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <NavigationProperty Name="parent" Type="t.folder"/>
      </EntityType>
      <EntityType Name="specialFile" BaseType="t.file"/>
      <EntityType Name="other">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <ComplexType Name="tag"><Property Name="name" Type="Edm.String"/></ComplexType>
      <EntityContainer Name="c">
        <EntitySet Name="drives" EntityType="t.folder"/>
        <EntitySet Name="others" EntityType="t.other"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;
const cyclic = () => [{ file: "cyclic.xml", content: CYCLIC }];

const BOUND = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="t.ops" Alias="o" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="base" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="user" BaseType="o.base">
        <NavigationProperty Name="messages" Type="Collection(o.message)" ContainsTarget="true"/>
      </EntityType>
      <EntityType Name="message">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="body" Type="o.body"/>
      </EntityType>
      <ComplexType Name="body"><Property Name="text" Type="Edm.String"/></ComplexType>
      <ComplexType Name="report"><Property Name="lines" Type="Edm.Int32"/></ComplexType>
      <Action Name="sendMail" IsBound="true">
        <Parameter Name="it" Type="o.user"/>
        <Parameter Name="Message" Type="o.message" Nullable="false"/>
      </Action>
      <Function Name="report" IsBound="true"><Parameter Name="it" Type="o.base"/><ReturnType Type="o.report"/></Function>
      <Function Name="delta" IsBound="true"><Parameter Name="it" Type="Collection(o.user)"/><ReturnType Type="Collection(o.user)"/></Function>
      <Action Name="archive" IsBound="true"><Parameter Name="it" Type="o.message"/></Action>
      <EntityContainer Name="c">
        <EntitySet Name="users" EntityType="o.user"/>
        <Singleton Name="me" Type="o.user"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;
const bound = () => [{ file: "bound.xml", content: BOUND }];

describe("slice patterns", () => {
  test.each([
    ["microsoft.graph.callRecords.*", "microsoft.graph.callRecords.session", true],
    ["microsoft.graph.callRecords.*", "microsoft.graph.callRecords.x.y", false],
    ["microsoft.graph.**", "microsoft.graph.callRecords.session", true],
    ["microsoft.graph.call?ecords.session", "microsoft.graph.callRecords.session", true],
    ["microsoft.graph.user", "microsoft.graph.users", false],
    ["*.user", "graph.user", true],
    ["*.user", "microsoft.graph.user", false],
    ["**.user", "microsoft.graph.user", true],
    ["microsoft.*.user", "microsoft.graph.user", true],
    ["?.b", "..b", false],
    ["a**b*c", "a.x.b.c", false],
    ["a**b*c", "a.x.bzc", true],
    ["a.(b)+[c]", "a.(b)+[c]", true],
  ])("name glob %s on %s → %s", (glob, name, want) => {
    const p = parsePattern(glob);
    expect(p.kind).toBe("name");
    expect(p.kind === "name" && p.matches(name)).toBe(want);
  });

  test("many stars against a long name: matched in one pass (a regular expression would backtrack for minutes)", () => {
    const many = (glob: string, name: string) => (parsePattern(glob) as NamePattern).matches(name);
    expect(many("**a**a**a**a**a**a**a**a**x", "a".repeat(5000))).toBe(false);
    expect(many("*a*a*a*a*a*a*a*a*x", `${"a".repeat(5000)}x`)).toBe(true);
    expect(many("*a*a*a*a*a*a*a*a*x", `${"a".repeat(5000)}.x`)).toBe(false);
  });

  const run = (glob: string, segments: string[]) => {
    const p = parsePattern(glob) as PathPattern;
    let s = startStates(p);
    for (const seg of segments) s = advance(p, s, seg, seg.includes("."));
    return accepts(p, s);
  };
  test.each([
    ["/communications/callRecords/**", ["communications", "callRecords"], true],
    ["/communications/callRecords/**", ["communications", "callRecords", "sessions", "segments"], true],
    ["/communications/callRecords/**", ["communications"], false],
    ["/communications/callRecords/{id}/sessions", ["communications", "callRecords", "sessions"], true],
    ["/communications/callRecords('x')/sessions", ["communications", "callRecords", "sessions"], true],
    ["/*/callRecords", ["communications", "callRecords"], true],
    ["/**/sessions", ["communications", "callRecords", "sessions"], true],
    ["/**/sessions", ["communications", "callRecords", "sessions", "segments"], false],
    ["/users/**", ["users", "microsoft.graph.x"], false],
    ["/users/microsoft.graph.x", ["users", "microsoft.graph.x"], true],
  ])("path glob %s on /%s → %s", (glob, segments, want) => {
    expect(run(glob, segments as string[])).toBe(want);
  });
});

describe("slicing pass", () => {
  test("a URL path keeps the route, the addressed types, their closure and bound operations", () => {
    const r = slice({ include: ["/communications/callRecords/**"] });
    for (const t of ["session", "segment", "callRecord", "endpoint", "userAgent", "media", "failureInfo"]) {
      expect(r.kept).toContain(`microsoft.graph.callRecords.${t}`);
    }
    // On the route, and the base type of every entity here.
    expect(r.kept).toContain("microsoft.graph.cloudCommunications");
    expect(r.kept).toContain("microsoft.graph.entity");
    // Abstract userAgent as a property type brings its concrete subtypes.
    expect(r.kept).toContain("microsoft.graph.callRecords.clientUserAgent");
    const requests = r.files.get("microsoft.graph.callRecords.requests.ts") ?? "";
    expect(requests).toMatch(/export function updateSession<R extends boolean \| undefined = undefined>\(/);
    expect(requests).toMatch(/export function getDirectRoutingCalls\(/);
    expect(r.files.get("microsoft.graph.requests.ts")).toMatch(/export function communications\(/);
    expect(r.slice).toEqual(expect.objectContaining({ types: r.kept.size }));
  });

  test("a type name keeps its closure but not navigation targets nor bound operations of other types", () => {
    const r = slice({ include: ["microsoft.graph.callRecords.session"] });
    expect(r.kept).toContain("microsoft.graph.callRecords.session");
    expect(r.kept).toContain("microsoft.graph.entity");
    expect(r.kept).toContain("microsoft.graph.callRecords.endpoint");
    expect(r.kept).not.toContain("microsoft.graph.callRecords.segment");
    expect(r.kept).not.toContain("microsoft.graph.callRecords.callRecord");
    const session = r.model.types.get("microsoft.graph.callRecords.session");
    expect(session?.kind === "entity" && session.navigationProperties.map((n) => n.name)).toEqual([]);
    expect(r.files.get("microsoft.graph.callRecords.requests.ts")).not.toMatch(/getDirectRoutingCalls/);
  });

  test("includeNavigation follows navigation properties; includeDerived adds every subtype", () => {
    const nav = slice({ include: ["microsoft.graph.callRecords.session"], includeNavigation: true });
    expect(nav.kept).toContain("microsoft.graph.callRecords.segment");
    const plain = slice({ include: ["microsoft.graph.callRecords.endpoint"] });
    expect(plain.kept).not.toContain("microsoft.graph.callRecords.participantEndpoint");
    const derived = slice({ include: ["microsoft.graph.callRecords.endpoint"], includeDerived: true });
    expect(derived.kept).toContain("microsoft.graph.callRecords.participantEndpoint");
    expect(derived.kept).toContain("microsoft.graph.callRecords.serviceEndpoint");
  });

  test("exclude leaves out a type and the properties that use it, but keeps needed base types", () => {
    const r = slice({ include: ["microsoft.graph.callRecords.session"], exclude: ["microsoft.graph.callRecords.failureInfo", "microsoft.graph.entity"] });
    expect(r.kept).not.toContain("microsoft.graph.callRecords.failureInfo");
    const session = r.model.types.get("microsoft.graph.callRecords.session");
    expect(session?.kind === "entity" && session.properties.map((p) => p.name)).not.toContain("failureInfo");
    expect(r.diagnostics.some((d) => d.code === "ODG304" && d.path === "microsoft.graph.callRecords.session/failureInfo")).toBe(true);
    expect(r.kept).toContain("microsoft.graph.entity");
    expect(r.diagnostics.some((d) => d.code === "ODG303" && d.severity === "warning")).toBe(true);
  });

  test("a pattern that selects nothing is an error (the run writes nothing), with the spelling that matches when one is close", () => {
    const empty = (options: Omit<GenerateOptions, "inputs">, inputs = spec()) =>
      diagnosticsOf(options, inputs).filter((d) => d.code === "ODG302").map((d) => [d.severity, d.message]);
    expect(() => generate({ inputs: spec(), include: ["/communications/nothingHere/**"] })).toThrow(GenerationError);
    expect(empty({ include: ["/communications/nothingHere/**", "microsoft.graph.nope"] })).toEqual([
      ["error", "--include microsoft.graph.nope matches no type, operation or namespace"],
      ["error", "--include /communications/nothingHere/** matches no URL path of the service"],
    ]);
    // Wrong case, or an edit or two away: the message names the spelling that matches.
    expect(empty({ include: ["/communications/callrecords/**", "/communication/callRecord/{id}/sesions"] })).toEqual([
      ["error", "--include /communications/callrecords/** matches no URL path of the service (did you mean /communications/callRecords/**?)"],
      ["error", "--include /communication/callRecord/{id}/sesions matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions?)"],
    ]);
    expect(empty({ include: ["microsoft.graph.callrecords.*", "microsoft.graph.callRecords.sesion", "microsoft.graph.CALLRECORDS"] })).toEqual([
      ["error", "--include microsoft.graph.callrecords.* matches no type, operation or namespace (did you mean microsoft.graph.callRecords.*?)"],
      ["error", "--include microsoft.graph.callRecords.sesion matches no type, operation or namespace (did you mean microsoft.graph.callRecords.session?)"],
      ["error", "--include microsoft.graph.CALLRECORDS matches no type, operation or namespace (did you mean microsoft.graph.callRecords?)"],
    ]);
    // A schema's alias is not a namespace in a pattern.
    expect(empty({ include: ["o.user", "o.*"] }, bound())).toEqual([
      ["error", "--include o.user matches no type, operation or namespace (did you mean t.ops.user?)"],
      ["error", "--include o.* matches no type, operation or namespace (did you mean t.ops.*?)"],
    ]);
    // A namespace that holds only the container.
    const split = BOUND.replace(/\s*<EntityContainer[\s\S]*<\/EntityContainer>/, "").replace(
      "</DataServices>".replace("D", "edmx:D"),
      `<Schema Namespace="t.svc" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityContainer Name="c"><EntitySet Name="users" EntityType="t.ops.user"/></EntityContainer></Schema></edmx:DataServices>`,
    );
    expect(empty({ include: ["t.svc"] }, [{ file: "split.xml", content: split }])).toEqual([
      ["error", "--include t.svc names namespace t.svc, which holds no type or operation"],
    ]);
    // --exclude too: by name and by path.
    expect(empty({ include: ["/communications/**"], exclude: ["microsoft.graph.callRecords.sesion", "/communications/callrecords/{id}/sessions"] })).toEqual([
      ["error", "--exclude microsoft.graph.callRecords.sesion matches no type, operation or namespace (did you mean microsoft.graph.callRecords.session?)"],
      ["error", "--exclude /communications/callrecords/{id}/sessions matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions?)"],
    ]);
    // A path that selects what an earlier one did still matched; an exclude that matches removes what it matches.
    const twice = slice({ include: ["/communications/callRecords/**", "/communications/callRecords/*", "/communications/callRecords/**"] });
    expect(twice.diagnostics.filter((d) => d.code === "ODG302")).toEqual([]);
    const without = slice({ include: ["/communications/callRecords/**"], exclude: ["/communications/callRecords/{id}/sessions", "microsoft.graph.callRecords.segment"] });
    expect(without.diagnostics.filter((d) => d.code === "ODG302")).toEqual([]);
    expect(without.kept).not.toContain("microsoft.graph.callRecords.segment");
  });

  test("a URL path copied with more in front (no leading /, the service root, the whole URL) is suggested as the path below the root", () => {
    const empty = (options: Omit<GenerateOptions, "inputs">) => diagnosticsOf(options).filter((d) => d.code === "ODG302").map((d) => d.message);
    expect(empty({ include: ["communications/callRecords/**", "/v1.0/communications/callRecords/{callRecordId}/sessions/{sessionId}", "https://graph.microsoft.com/v1.0/communications/callRecords/**"] })).toEqual([
      "--include communications/callRecords/** matches no type, operation or namespace (did you mean /communications/callRecords/**?)",
      "--include https://graph.microsoft.com/v1.0/communications/callRecords/** matches no type, operation or namespace (did you mean /communications/callRecords/**?)",
      "--include /v1.0/communications/callRecords/{callRecordId}/sessions/{sessionId} matches no URL path of the service (did you mean /communications/callRecords/{callRecordId}/sessions/{sessionId}?)",
    ]);
    // Only a tail that starts with a segment of its own: /v1.0/** is not said to mean /**, which matches everything.
    expect(empty({ include: ["/v1.0/**", "v1.0/*/callRecords", "/v1.0/***"] })).toEqual([
      "--include v1.0/*/callRecords matches no type, operation or namespace",
      "--include /v1.0/** matches no URL path of the service",
      "--include /v1.0/*** matches no URL path of the service",
    ]);
    expect(empty({ include: ["/communications/**"], exclude: ["communications/callRecords/{id}/sessions"] })).toEqual([
      "--exclude communications/callRecords/{id}/sessions matches no type, operation or namespace (did you mean /communications/callRecords/{id}/sessions?)",
    ]);
  });

  test("a URL with keys written as values, as Graph documents its requests, is suggested with {id} in their place", () => {
    const empty = (options: Omit<GenerateOptions, "inputs">) => diagnosticsOf(options).filter((d) => d.code === "ODG302").map((d) => d.message);
    const url = "https://graph.microsoft.com/v1.0/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions/abc";
    expect(empty({ include: ["/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions/**", url, "/communications/callRecords/x/sesions"] })).toEqual([
      `--include ${url} matches no type, operation or namespace (did you mean /communications/callRecords/{id}/sessions/{id}?)`,
      "--include /communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions/** matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions/**?)",
      // A misspelt name after the key is respelt too.
      "--include /communications/callRecords/x/sesions matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions?)",
    ]);
    // Only where a key can stand (after a collection that has none yet): a singleton takes no key,
    // and after `*` the hint is that `*` is not a key.
    expect(empty({ include: ["/communications/x/callRecords/**", "/communications/callRecords/*/x/**"] })).toEqual([
      "--include /communications/x/callRecords/** matches no URL path of the service",
      "--include /communications/callRecords/*/x/** matches no URL path of the service (`*` matches one navigation property, a key is written {id} or ('x'))",
    ]);
    // A last `*` after a collection whose type has no navigation property can only be a key.
    expect(empty({ include: ["/communications/callRecords/{id}/sessions/{id}/segments/*"] })).toEqual([
      "--include /communications/callRecords/{id}/sessions/{id}/segments/* matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions/{id}/segments/{id}?)",
    ]);
    // A key in parentheses written as a segment of its own.
    expect(empty({ include: ["/communications/callRecords/('x')/sessions"] })).toEqual([
      "--include /communications/callRecords/('x')/sessions matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions?)",
    ]);
    // A structural property, as a request reads one: the entity before it.
    expect(empty({ include: ["/communications/callRecords/{id}/organizer", "/communications/callRecords/{id}/sessions/{id}/modalities/$count"] })).toEqual([
      "--include /communications/callRecords/{id}/organizer matches no URL path of the service (did you mean /communications/callRecords/{id}?)",
      "--include /communications/callRecords/{id}/sessions/{id}/modalities/$count matches no URL path of the service (did you mean /communications/callRecords/{id}/sessions/{id}?)",
    ]);
  });

  test("patterns that all match but leave nothing (--exclude takes it all) are an error too, once", () => {
    const empty = (options: Omit<GenerateOptions, "inputs">) => diagnosticsOf(options).filter((d) => d.code === "ODG302").map((d) => [d.severity, d.message]);
    expect(empty({ include: ["microsoft.graph.callRecords"], exclude: ["microsoft.graph.callRecords.*"] })).toEqual([
      ["error", "the slice keeps nothing: --exclude microsoft.graph.callRecords.* removes every type and operation that --include microsoft.graph.callRecords selects"],
    ]);
    expect(empty({ exclude: ["**"] })).toEqual([["error", "the slice keeps nothing: --exclude ** removes every type and operation of the document"]]);
    // A pattern that matches nothing says so already; the slice is not reported empty twice.
    expect(empty({ include: ["microsoft.graph.nope"] })).toEqual([["error", "--include microsoft.graph.nope matches no type, operation or namespace"]]);
    // Something kept: no error.
    expect(empty({ include: ["microsoft.graph.callRecords"], exclude: ["microsoft.graph.callRecords.session"] })).toEqual([]);
  });

  test("path walks are cycle-safe and prune excluded paths", () => {
    const all = slice({ include: ["/drives/**"] }, cyclic());
    expect([...all.kept].sort()).toEqual(["t.file", "t.folder", "t.tag"]);
    const files = slice({ include: ["/**/files"] }, cyclic());
    expect(files.kept).toContain("t.file");
    expect(files.kept).not.toContain("t.other");
    const cast = slice({ include: ["/drives/files/t.specialFile"] }, cyclic());
    expect(cast.kept).toContain("t.specialFile");
    const excluded = slice({ include: ["/drives/**"], exclude: ["/drives/**/files"] }, cyclic());
    expect(excluded.kept).not.toContain("t.file");
  });

  test("a path's last segment may name a bound action or function: that operation and its route are kept", () => {
    const ops = (r: ReturnType<typeof slice>) => r.model.schemas.flatMap((x) => x.operations.map((o) => o.name)).sort();
    const mail = slice({ include: ["/me/sendMail"] }, bound());
    expect(ops(mail)).toEqual(["sendMail"]);
    expect([...mail.kept].sort()).toEqual(["t.ops.base", "t.ops.body", "t.ops.message", "t.ops.user"]);
    expect(mail.files.get("t.ops.requests.ts")).toMatch(/export function sendMail\(/);
    expect(mail.diagnostics.filter((d) => d.code === "ODG302")).toEqual([]);
    // Qualified, by alias, after a key segment: the same operation.
    for (const include of ["/users/{id}/t.ops.sendMail", "/users/{id}/o.sendMail", "/users('x')/sendMail"]) {
      expect(ops(slice({ include: [include] }, bound()))).toEqual(["sendMail"]);
    }
    // Bound to a base type, or to a collection.
    expect(ops(slice({ include: ["/me/report"] }, bound()))).toEqual(["report"]);
    expect(slice({ include: ["/me/report"] }, bound()).kept).toContain("t.ops.report");
    expect(ops(slice({ include: ["/users/delta"] }, bound()))).toEqual(["delta"]);
    // A wildcard matches navigation properties, not operations: /me/* addresses the messages, whose API comes along.
    expect(ops(slice({ include: ["/me/*"] }, bound()))).toEqual(["archive"]);
    // What the warning says when a path names an operation that is not bound there, or puts `*` where a key was meant.
    const hint = (include: string) => diagnosticsOf({ include: [include] }, bound()).find((d) => d.code === "ODG302")?.message;
    expect(hint("/me/archive")).toBe("--include /me/archive matches no URL path of the service (archive is an operation bound to t.ops.message)");
    // A `*` where a key was meant: the path with {id}, when it matches (test/slice-star-as-key.test.ts).
    expect(hint("/users/*/sendMail")).toBe("--include /users/*/sendMail matches no URL path of the service (did you mean /users/{id}/sendMail?)");
    expect(hint("/me/nothing")).toBe("--include /me/nothing matches no URL path of the service");
    // Excluded, or not bound there: nothing matches.
    for (const [include, exclude] of [[["/me/sendMail"], ["/me/sendMail"]], [["/me/archive"], []], [["/me/nothing"], []]]) {
      expect(diagnosticsOf({ include, exclude }, bound()).filter((d) => d.code === "ODG302").map((d) => d.path)).toEqual(include);
    }
  });

  test("an unsliced run and a slice of everything agree", () => {
    const full = generate({ inputs: spec() });
    const none = slice({ include: ["**"] });
    expect([...none.kept].sort()).toEqual([...full.model.types.keys()].sort());
  });
});
