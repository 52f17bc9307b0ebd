/**
 * The callRecords seed page's request body pasted as it stands into `Patch<Session>`, as the
 * README's "Graph's two update-session examples" says: six compile errors, the two "String"
 * placeholders and the four nested `@odata.type` written without their `#`, with TypeScript 5.9 and 7.
 */
import * as path from "node:path";
import { describeWithSeeds, readSeed } from "./helpers/seeds";
import { forEachCompiler, REPO, runTscCases } from "./helpers/typecheck";

const CALL_RECORDS = "000_d62b62a72e170c75.txt";
const OUT = path.join(REPO, "generated", "graph-callrecords");
const HEAD = [
  'import type { Patch } from "./runtime.js";',
  'import type { Session } from "./microsoft.graph.callRecords.types.js";',
  "export const body: Patch<Session> = ",
].join("\n");

describeWithSeeds(CALL_RECORDS)("the callRecords page's body in Patch<Session>", () => {
  forEachCompiler((label, c) => {
    test(`${label}: the two "String"s and the four @odata.type without # are refused, nothing else`, () => {
      const json = JSON.stringify(readSeed(CALL_RECORDS).request.body, null, 2);
      const lines = json.split("\n");
      const [r] = runTscCases(c, [{ from: [OUT], usage: `${HEAD}${json};\n` }]);
      const first = HEAD.split("\n").length;
      const refused = [...r.output.matchAll(/^usage\.ts\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[2]} ${lines[Number(m[1]) - first]!.trim()}`);
      expect(refused).toEqual([
        'TS2322 "String"',
        'TS2820 "@odata.type": "microsoft.graph.callRecords.endpoint",',
        'TS2820 "@odata.type": "microsoft.graph.callRecords.userAgent",',
        'TS2820 "@odata.type": "microsoft.graph.callRecords.endpoint"',
        'TS2322 "@odata.type": "microsoft.graph.callRecords.failureInfo",',
        'TS2322 "stage": "String",',
      ]);
    });
  });
});
