// What an editor shows on the value a read returns (and what a compiler's message about it says):
// the result's type as TypeScript prints it, read with the real compiler's checker over the
// callRecords slice of Microsoft Graph (specs/graph-callrecords.xml). The parts of a read's type
// that a call leaves empty (no expansion, no subtype's property, no paged expansion) vanish from it,
// rather than each printing as `& {}`.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generateFixture } from "./helpers/generated";
import { createProgram } from "./helpers/program";

const USAGE = `
import * as rt from "./runtime.js";
import { callRecordSessions, getSession, listSessions } from "./microsoft.graph.callRecords.requests.js";
import { cloudCommunicationsCallRecords, communications } from "./microsoft.graph.requests.js";

declare const client: rt.Client;
const sessions = callRecordSessions(cloudCommunicationsCallRecords(communications()).byKey("c"));

export async function use() {
  const selected = await getSession(client, sessions.byKey("s"), { select: ["modalities"] });
  const expanded = await getSession(client, sessions.byKey("s"), { select: ["modalities"], expand: ["segments"] });
  const page = await listSessions(client, sessions, { select: ["modalities"] });
  const whole = await getSession(client, sessions.byKey("s"));
  const count: number | undefined = expanded["segments@odata.count"];
  const segment: string | undefined = expanded.segments[0]?.id;
  return { selected, expanded, page, whole, count, segment };
}
`;

describe("the type of a read's result, as an editor shows it (callRecords slice)", () => {
  const dir = generateFixture(path.resolve(__dirname, "..", "specs", "graph-callrecords.xml"), "requests-types-hover", { unqualifiedOperations: true });
  const file = path.join(dir, "usage.ts");
  fs.writeFileSync(file, USAGE);
  const program = createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  /** The type of `const name = …` as a hover prints it (without truncation, as a compiler's message may be long). */
  const shown = (name: string): string => {
    let found: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && n.name.getText(source) === name) found = n.name;
      else ts.forEachChild(n, visit);
    };
    visit(source);
    return checker.typeToString(checker.getTypeAtLocation(found!), undefined, ts.TypeFormatFlags.NoTruncation);
  };

  test("the usage compiles", () => {
    expect(ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  test.each(["selected", "expanded", "page", "whole"])("%s: no empty object type in the intersection", (name) => {
    expect(shown(name)).not.toMatch(/& \{\}|\{\} &/);
  });

  test("a selected read shows the properties selected, the key maybe and the control information, nothing else", () => {
    expect(shown("selected")).toBe('Pick<Session, "modalities" | "@odata.type"> & Partial<Pick<Session, "id">> & ControlInfo');
    expect(shown("page")).toBe('Page<Pick<Session, "modalities" | "@odata.type"> & Partial<Pick<Session, "id">> & ControlInfo>');
  });

  test("an expansion shows the expanded property and its collection's count and next link; a read without select its default set", () => {
    expect(shown("expanded")).toBe(
      'Pick<Session, "modalities" | "@odata.type"> & Partial<Pick<Session, "id">> & { segments: ExpandedEntity<Segment, SegmentNavigation, {}, "id", true, "segments">[]; }' +
        ' & { "segments@odata.count"?: number | undefined; } & { "segments@odata.nextLink"?: string | undefined; } & ControlInfo',
    );
    expect(shown("whole")).toBe('WithoutKeys<Partial<Session> & Pick<Session, "id">, "segments"> & ControlInfo');
  });
});
