/**
 * Reading a followed file only from inside the inputs' folders (write/follow.ts), compared by real
 * path. A check by name and a read by name are two steps: a folder on the way swapped for a symlink
 * between them (`specs/sub` → `/etc`) would have the read take a file the check never passed. So
 * the file is opened once, and what was opened is checked — its path as the kernel has it (Linux's
 * `/proc/self/fd`, elsewhere the name's real path resolved again), which must be in a folder of
 * the inputs and hold the very file opened (same device and inode) — and then read from that
 * descriptor. Opened without blocking, so that a FIFO swapped in cannot hold the run. Node built-ins only.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { unreadableReason } from "../diagnostics";
import { inputText, readOpenFile } from "./uptodate";
import { within, display } from "./within";

/**
 * What reading a followed file gave: its text, its real path and the stat of what was opened, taken
 * at `at` (`Date.now()`) just before the read; or why it was not read (`notFile` for a folder,
 * FIFO, device or socket).
 */
export type ReadInside = { content: string; real: string; before: fs.Stats; at: number } | { notFile: string } | { reason: string };

/**
 * The real path of `file`, or, for a file that is not there, its path from the real path of its
 * nearest folder that is (the folder it would really be in).
 */
export function realLocation(file: string): string {
  let dir = file;
  const rest: string[] = [];
  for (;;) {
    const real = realPath(dir);
    if (real) return path.join(real, ...rest);
    const up = path.dirname(dir);
    if (up === dir) return file;
    rest.unshift(path.basename(dir));
    dir = up;
  }
}

/** Whether `real` (a real path) is in one of `roots` (real paths of folders) or below it. */
export function insideRoots(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real !== root && within(real, root));
}

/** `target`'s text, read from the file opened by that name only when what was opened is inside `roots`. */
export function readInside(target: string, roots: readonly string[]): ReadInside {
  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (e) {
    return { reason: unreadableReason(e) };
  }
  try {
    const at = Date.now();
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { notFile: notFileKind(opened) };
    const real = openedPath(fd) ?? realPath(target);
    const now = real === undefined ? undefined : statOrUndefined(real);
    const replaced = "it was replaced after its folder was checked (a folder on its way, or the file, swapped for another or for a symlink), so it is not read";
    if (real === undefined || now === undefined || now.dev !== opened.dev || now.ino !== opened.ino) return { reason: replaced };
    if (!insideRoots(real, roots)) return { reason: `what was opened is ${display(real)}, outside the folders of the inputs: ${replaced}` };
    const text = inputText(() => readOpenFile(fd), target);
    return "reason" in text ? text : { content: text.content, real, before: opened, at };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a path that is no regular file leads to, as a reason names it. */
export function notFileKind(st: fs.Stats): string {
  return st.isDirectory() ? "a folder" : st.isFIFO() ? "a FIFO" : "no regular file (a device or socket)";
}

/** The path the kernel has for an open file (Linux), or undefined where it does not say. */
function openedPath(fd: number): string | undefined {
  try {
    const link = fs.readlinkSync(`/proc/self/fd/${fd}`);
    return path.isAbsolute(link) ? link : undefined;
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}
