/**
 * On a file system without hard links (some network and FAT ones) the lock cannot be made whole by a
 * link: it is made and written in two steps instead (lock.ts makeInTwoSteps). Such a file system is
 * stood in for by a `linkSync` that refuses as one does; the lock must still be taken, hold this
 * writer's pid, keep a second writer out, and leave nothing behind.
 */
// The module object itself (not a namespace copy of it), so that a spy on it is what lock.ts calls.
import fs = require("node:fs");
import * as path from "node:path";
import { lockFile, OutputLockedError, withOutputLockNow } from "../generator/write/lock";
import { scratch } from "./helpers/cli";

/** What linkSync throws where the file system has no hard links. */
function refusal(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation not permitted, link`), { code, syscall: "link" });
}

afterEach(() => jest.restoreAllMocks());

describe.each(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"])("a file system whose link() fails with %s", (code) => {
  test("the lock is taken in two steps, holds this writer's pid, keeps out a second writer, and goes with nothing left beside it", () => {
    const out = path.join(scratch(), "gen");
    fs.mkdirSync(out);
    const link = jest.spyOn(fs, "linkSync").mockImplementation(() => {
      throw refusal(code);
    });
    const lock = lockFile(out);
    const seen = withOutputLockNow(out, () => {
      const text = fs.readFileSync(lock, "utf8");
      let second: unknown;
      try {
        withOutputLockNow(out, () => "ran");
      } catch (e) {
        second = e;
      }
      return { text, second };
    });
    expect(link).toHaveBeenCalled();
    expect(seen.text.split(" ")[0]).toBe(String(process.pid));
    expect(seen.second).toBeInstanceOf(OutputLockedError);
    expect((seen.second as Error).message).toContain(`another writer of this process (pid ${process.pid})`);
    expect(fs.existsSync(lock)).toBe(false);
    // Neither the lock nor the writer's own file it was to be linked from is left.
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith("odatagen-lock"))).toEqual([]);
  });
});

test("another failure of link() is not taken for a file system without links: it is thrown, and no file is left", () => {
  const out = path.join(scratch(), "gen");
  fs.mkdirSync(out);
  jest.spyOn(fs, "linkSync").mockImplementation(() => {
    throw refusal("EIO");
  });
  expect(() => withOutputLockNow(out, () => "ran")).toThrow(/EIO/);
  expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith("odatagen-lock"))).toEqual([]);
});
