/**
 * Memory measured in a child `node --expose-gc`, not in the jest worker: flipping the flag at run
 * time (`v8.setFlagsFromString`) is documented as unsafe, stays on for the next test files the
 * reused worker runs, and the worker's own allocations (jest's, other tests' connection pools) would
 * count. The script, TypeScript importing a generated client's modules (`./runtime`, …), is bundled
 * with esbuild from that folder and runs alone; it prints its findings as JSON on stdout.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { spawnLimited } from "./spawn-limited";

/**
 * What the script may use: `held()`, the bytes JavaScript holds after two full collections (the
 * first may only run finalizers), the heap and what strings and buffers keep outside it; `turn()`,
 * a turn of the event loop.
 */
const PRELUDE = `
declare const gc: () => void;
const held = () => (gc(), gc(), process.memoryUsage().heapUsed + process.memoryUsage().external);
const turn = () => new Promise((resolve) => setImmediate(resolve));
`;

/** Runs `script` (after PRELUDE) in a child `node --expose-gc`, its modules resolved in `generatedDir`; its stdout parsed as JSON. */
export async function measureInChild<T>(generatedDir: string, script: string, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "odatagen-gc-child-"));
  try {
    const built = buildSync({ stdin: { contents: PRELUDE + script, resolveDir: generatedDir, sourcefile: "child.ts", loader: "ts" }, bundle: true, platform: "node", format: "cjs", target: "node20", write: false, logLevel: "silent" });
    fs.writeFileSync(path.join(work, "child.cjs"), built.outputFiles[0]!.text);
    const r = await spawnLimited(process.execPath, ["--expose-gc", "child.cjs"], { cwd: work, env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`the child failed (${r.status ?? r.signal}): ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
