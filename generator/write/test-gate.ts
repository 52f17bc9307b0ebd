import * as fs from "node:fs";

/**
 * Test-only: a gate named by the environment variable `name`. Where it is set to a file name, the
 * first `hold()` of the process makes that file (holding the pid) and waits until a test removes
 * it, so that the test acts at that point for as long as it needs; later calls pass. Unset, `hold()`
 * costs nothing. The crash-safety and nested-outputs tests use them (stage.ts, enclosing-outputs.ts).
 */
export function testGate(name: string): () => void {
  let file = process.env[name];
  return () => {
    if (!file) return;
    fs.writeFileSync(file, String(process.pid));
    while (fs.existsSync(file)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    file = undefined;
  };
}
