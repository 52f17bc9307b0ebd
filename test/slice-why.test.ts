/**
 * `--why` (GenerateOptions.why): why a slice keeps a type or operation, as a chain of reasons back to
 * an `--include`, or why it leaves one out. Through generate() on a small document built for it, and
 * through the real CLI on the callRecords spec.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GenerationError } from "../generator/diagnostics";
import { generate, type GenerateOptions } from "../generator/generate";
import type { WhyAnswer } from "../generator/passes/slice/why";
import { runCli, scratch, snapshot, sameTree, SPECS } from "./helpers/cli";
import { edmx, schema } from "./helpers/csdl";

const DOC = edmx(
  schema(
    "t",
    `
  <EntityType Name="base" Abstract="true">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>
  </EntityType>
  <EntityType Name="group" BaseType="t.base"/>
  <EntityType Name="user" BaseType="t.base">
    <NavigationProperty Name="messages" Type="Collection(t.message)" ContainsTarget="true"/>
  </EntityType>
  <EntityType Name="message">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>
    <Property Name="body" Type="t.body"/>
    <Property Name="shape" Type="t.shape"/>
    <Property Name="note" Type="t.note"/>
    <NavigationProperty Name="folder" Type="t.folder"/>
  </EntityType>
  <EntityType Name="folder">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>
  </EntityType>
  <ComplexType Name="body"><Property Name="text" Type="Edm.String"/></ComplexType>
  <ComplexType Name="shape" Abstract="true"><Property Name="size" Type="Edm.Int32"/></ComplexType>
  <ComplexType Name="circle" BaseType="t.shape"/>
  <ComplexType Name="square" BaseType="t.shape"/>
  <ComplexType Name="note"><Property Name="text" Type="Edm.String"/></ComplexType>
  <ComplexType Name="stickyNote" BaseType="t.note"/>
  <ComplexType Name="reportData"><Property Name="lines" Type="Edm.Int32"/></ComplexType>
  <ComplexType Name="pingInfo"><Property Name="at" Type="Edm.DateTimeOffset"/></ComplexType>
  <Action Name="sendMail" IsBound="true">
    <Parameter Name="it" Type="t.user"/>
    <Parameter Name="Message" Type="t.message" Nullable="false"/>
  </Action>
  <Function Name="report" IsBound="true"><Parameter Name="it" Type="t.base"/><ReturnType Type="t.reportData"/></Function>
  <Function Name="delta" IsBound="true"><Parameter Name="it" Type="Collection(t.user)"/><ReturnType Type="Collection(t.user)"/></Function>
  <Action Name="ping"><Parameter Name="info" Type="t.pingInfo"/></Action>
  <EntityContainer Name="c">
    <EntitySet Name="users" EntityType="t.user"/>
    <Singleton Name="me" Type="t.user"/>
    <ActionImport Name="ping" Action="t.ping"/>
  </EntityContainer>`,
  ),
);

function why(options: Omit<GenerateOptions, "inputs">, patterns: string[]) {
  const r = generate({ inputs: [{ file: "why.xml", content: DOC }], ...options, why: patterns });
  const answers = new Map<string, WhyAnswer>();
  for (const report of r.slice?.why ?? []) for (const a of report.answers) answers.set(a.name, a);
  return { result: r, answers, chain: (name: string) => answers.get(name)?.chain.map((s) => `${s.name}: ${s.reason}`) };
}

describe("--why: the chain from a kept element back to an --include", () => {
  test("a URL path: the addressed type, what it needs, and the types on the route", () => {
    const { chain, answers } = why({ include: ["/users/{id}/messages"] }, ["t.message", "t.body", "t.user", "t.base"]);
    expect(chain("t.message")).toEqual(["t.message: addressed by /users/{id}/messages (--include /users/{id}/messages)"]);
    expect(chain("t.body")).toEqual([
      "t.body: the type of property body of t.message",
      "t.message: addressed by /users/{id}/messages (--include /users/{id}/messages)",
    ]);
    expect(chain("t.user")).toEqual(["t.user: on the URL path /users, on the way to what --include /users/{id}/messages selects"]);
    expect(chain("t.base")).toEqual([
      "t.base: the base type of t.user",
      "t.user: on the URL path /users, on the way to what --include /users/{id}/messages selects",
    ]);
    expect([...answers.values()].every((a) => a.kept)).toBe(true);
  });

  test("operations: selected by name, bound to a selected type, or named by a path; their parameter, binding and result types", () => {
    const byName = why({ include: ["t.sendMail"] }, ["t.message", "t.user"]);
    expect(byName.chain("t.message")).toEqual([
      "t.message: the type of parameter Message of action t.sendMail",
      "action t.sendMail: selected by --include t.sendMail",
    ]);
    expect(byName.chain("t.user")).toEqual(["t.user: the binding type of action t.sendMail", "action t.sendMail: selected by --include t.sendMail"]);

    const boundTo = why({ include: ["t.base"] }, ["t.report", "t.reportData"]);
    expect(boundTo.chain("t.reportData")).toEqual([
      "t.reportData: the result type of function t.report",
      "function t.report: bound to t.base, which the slice selects",
      "t.base: selected by --include t.base",
    ]);

    const paths = why({ include: ["/users/{id}/sendMail", "/users/delta", "/me/sendMail", "/ping"] }, ["t.sendMail", "t.delta", "t.ping", "t.pingInfo"]);
    // The first path that named it (patterns in order): one entity's operation after a key, a collection's without.
    expect(paths.chain("action t.sendMail")).toEqual(["action t.sendMail: named by /users/{id}/sendMail (--include /users/{id}/sendMail)"]);
    expect(paths.chain("function t.delta")).toEqual(["function t.delta: named by /users/delta (--include /users/delta)"]);
    expect(paths.chain("action t.ping")).toEqual(["action t.ping: named by /ping (--include /ping)"]);
    expect(paths.chain("t.pingInfo")).toEqual(["t.pingInfo: the type of parameter info of action t.ping", "action t.ping: named by /ping (--include /ping)"]);
  });

  test("the subtypes of an abstract type used as a value, and every subtype with includeDerived", () => {
    const { chain } = why({ include: ["t.message"] }, ["t.circle"]);
    expect(chain("t.circle")).toEqual([
      "t.circle: a subtype of t.shape, which is abstract: its values are subtypes",
      "t.shape: the type of property shape of t.message",
      "t.message: selected by --include t.message",
    ]);
    const derived = why({ include: ["t.message"], includeDerived: true }, ["t.stickyNote"]);
    expect(derived.chain("t.stickyNote")?.[0]).toBe("t.stickyNote: a subtype of t.note (--include-derived)");
    const nav = why({ include: ["t.message"], includeNavigation: true }, ["t.folder"]);
    expect(nav.chain("t.folder")?.[0]).toBe("t.folder: the target of navigation property folder of t.message (--include-navigation)");
  });

  test("an element left out: the --exclude that does it, or the flag that would bring it in", () => {
    const { answers } = why({ include: ["t.message"], exclude: ["t.body"] }, ["t.body", "t.stickyNote", "t.folder", "t.pingInfo", "t.ping"]);
    const reason = (n: string) => {
      const a = answers.get(n);
      expect(a?.kept).toBe(false);
      return a?.chain.map((s) => s.reason);
    };
    expect(reason("t.body")).toEqual(["not in the slice: --exclude t.body leaves it out"]);
    expect(reason("t.stickyNote")).toEqual([
      "not in the slice: a subtype of t.note, which is kept (--include-derived keeps subtypes); its values are checked as t.note, without the properties it adds (by the validators, and by checkerFor given its name), and typed as t.note with its @odata.type",
    ]);
    expect(reason("t.folder")).toEqual([
      "not in the slice: the target of navigation property folder of t.message, which is kept (--include-navigation keeps navigation targets)",
    ]);
    expect(reason("t.pingInfo")).toEqual(["not in the slice: nothing the slice keeps needs it"]);
    expect(reason("action t.ping")).toEqual(["not in the slice: no --include selects it"]);
    const needs = why({ include: ["t.report", "t.base"], exclude: ["t.reportData"] }, ["t.report"]);
    expect(needs.answers.get("function t.report")?.chain.map((s) => s.reason)).toEqual([
      "not in the slice: it needs t.reportData, which --exclude t.reportData leaves out",
    ]);
    // A type kept only as a base type does not bring its subtypes with --include-derived: no such hint.
    const base = why({ include: ["t.user"] }, ["t.base", "t.group"]);
    expect(base.answers.get("t.base")?.chain.map((s) => s.reason)).toEqual(["the base type of t.user", "selected by --include t.user"]);
    expect(base.answers.get("t.group")?.chain.map((s) => s.reason)).toEqual(["not in the slice: nothing the slice keeps needs it"]);
  });

  test("a pattern matching many: kept ones first, at most 20 answers, and the count", () => {
    const many = edmx(schema("m", Array.from({ length: 25 }, (_, i) => `<ComplexType Name="c${String(i).padStart(2, "0")}"/>`).join("\n")));
    const r = generate({ inputs: [{ file: "many.xml", content: many }], include: ["m.c24"], why: ["m.*"] });
    const report = r.slice?.why?.[0];
    expect(report?.matched).toBe(25);
    expect(report?.answers).toHaveLength(20);
    expect(report?.answers[0]).toMatchObject({ name: "m.c24", kept: true });
    expect(report?.answers.slice(1).map((a) => a.name)).toEqual(Array.from({ length: 19 }, (_, i) => `m.c${String(i).padStart(2, "0")}`));
  });

  test("a URL path is answered for the type or operation it addresses, by its name", () => {
    const r = why({ include: ["t.message"] }, ["/users/{id}/messages/{id}", "/me/sendMail", "/users"]);
    expect(r.result.slice?.why?.map((w) => w.pattern)).toEqual(["t.message", "t.sendMail", "t.user"]);
    expect(r.chain("t.message")).toEqual(["t.message: selected by --include t.message"]);
    expect(r.answers.get("action t.sendMail")?.kept).toBe(false);
    expect(r.answers.get("t.user")?.kept).toBe(false);
  });

  test("a URL path that addresses nothing is a warning, with the path that does when one is close", () => {
    const r = why({ include: ["t.message"] }, ["/users/{id}/mesages"]);
    expect(r.result.diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual(["--why /users/{id}/mesages addresses no type or operation (did you mean /users/{id}/messages?)"]);
  });

  test("a pattern that matches nothing is a warning, a URL path with a wildcard an error, and --why without a slice a warning", () => {
    const none = why({ include: ["t.message"] }, ["t.nothing"]);
    expect(none.result.diagnostics.filter((d) => d.code === "ODG302").map((d) => d.message)).toEqual(["--why t.nothing matches no type or operation"]);
    let error: unknown;
    try {
      why({ include: ["t.message"] }, ["/users/*"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerationError);
    expect((error as GenerationError).diagnostics.map((d) => d.code)).toEqual(["ODG301"]);
    const whole = generate({ inputs: [{ file: "why.xml", content: DOC }], why: ["t.message"] });
    expect(whole.slice).toBeUndefined();
    expect(whole.diagnostics.map((d) => d.code)).toContain("ODG306");
  });

  test("recording reasons does not change the slice", () => {
    const options = { include: ["/users/{id}/messages", "t.report"], exclude: ["t.note"] };
    const plain = generate({ inputs: [{ file: "why.xml", content: DOC }], ...options });
    const asked = why(options, ["t.**"]).result;
    expect([...asked.files]).toEqual([...plain.files]);
  });
});

describe("odatagen generate --why", () => {
  const spec = path.join(SPECS, "graph-callrecords.xml");

  test("prints the chains, also when the output is up to date (which it leaves as it is)", () => {
    const dir = scratch("odatagen-why-");
    try {
      const out = path.join(dir, "out");
      const args = ["generate", "--input", spec, "--out", out, "--include", "/communications/callRecords/{id}/sessions"];
      expect(runCli(args, dir).code).toBe(0);
      const before = snapshot(out);
      const r = runCli([...args, "--why", "microsoft.graph.callRecords.failureStage", "--why", "microsoft.graph.callRecords.participant", "-q"], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines[0]).toBe("odatagen: out: microsoft.graph.callRecords.failureStage is in the slice:");
      expect(lines[1]).toMatch(/^ {2}microsoft\.graph\.callRecords\.failureStage {2}the type of property stage of microsoft\.graph\.callRecords\.failureInfo$/);
      expect(lines[2]).toMatch(/^ {2}microsoft\.graph\.callRecords\.failureInfo {3}the type of property failureInfo of microsoft\.graph\.callRecords\.session$/);
      expect(lines[3]).toMatch(/^ {2}microsoft\.graph\.callRecords\.session {7}addressed by \/communications\/callRecords\/\{id\}\/sessions \(--include \/communications\/callRecords\/\{id\}\/sessions\)$/);
      expect(lines.slice(4)).toEqual([
        "odatagen: out: microsoft.graph.callRecords.participant is not in the slice",
        "  the target of navigation property participants_v2 of microsoft.graph.callRecords.callRecord, which is kept: --include /communications/callRecords/{id}/participants_v2 keeps it (--include-navigation keeps every navigation target, transitively)",
      ]);
      expect(sameTree(before, snapshot(out))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a name two --why patterns match is answered once", () => {
    const dir = scratch("odatagen-why-");
    try {
      const args = ["generate", "--input", spec, "--out", path.join(dir, "out"), "--include", "microsoft.graph.callRecords.*"];
      const r = runCli([...args, "--why", "microsoft.graph.callRecords.session", "--why", "microsoft.graph.callRecords.se*", "-q"], dir);
      expect(r.code).toBe(0);
      const heads = r.stdout.split("\n").filter((l) => l.startsWith("odatagen: "));
      expect(heads.filter((l) => l.includes(".session "))).toEqual(["odatagen: out: microsoft.graph.callRecords.session is in the slice:"]);
      expect(heads.length).toBe(new Set(heads).size);
      expect(heads).toContain("odatagen: out: microsoft.graph.callRecords.segment is in the slice:");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--why with --watch is a usage error", () => {
    const dir = scratch("odatagen-why-");
    try {
      const r = runCli(["generate", "--input", spec, "--out", path.join(dir, "out"), "--watch", "--why", "x"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--why cannot be used with --watch/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
