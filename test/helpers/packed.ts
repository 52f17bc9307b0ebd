/**
 * The package as `npm pack` ships it (what a project installs), unpacked into a fresh project's
 * node_modules/odatagen, with the repository's node_modules as its dependencies (npm would install
 * them from the registry).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { copySpec, scratch } from "./cli";
import { REPO } from "./typecheck";

/** The tarball of the built repository (`prepare` not run again: dist/ is the current build, test/setup/build.js saw to it). */
export function pack(): string {
  const dir = scratch("odatagen-pack-");
  const r = spawnSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: REPO, encoding: "utf8", timeout: 120000 });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
  return path.join(dir, r.stdout.trim().split("\n").pop()!);
}

export interface ProjectOptions {
  /** @types/node installed in the project. */
  nodeTypes?: boolean;
  /**
   * The project's `typescript`: TypeScript 7 (no JS API), and none among odatagen's own
   * dependencies, as for an install from git, whose dependencies leave out the dev ones.
   */
  typescript7?: boolean;
}

/** A project (package.json, specs/graph-callrecords.xml) with the tarball unpacked as node_modules/odatagen. */
export function packedProject(tarball: string, options: ProjectOptions = {}): string {
  const dir = scratch("odatagen-project-");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
  const pkg = path.join(dir, "node_modules", "odatagen");
  fs.mkdirSync(pkg, { recursive: true });
  const r = spawnSync("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  const repoModules = path.join(REPO, "node_modules");
  if (options.typescript7) {
    fs.mkdirSync(path.join(pkg, "node_modules"));
    for (const name of fs.readdirSync(repoModules)) {
      if (name !== "typescript" && name !== ".bin") fs.symlinkSync(path.join(repoModules, name), path.join(pkg, "node_modules", name), "dir");
    }
    fs.symlinkSync(path.join(repoModules, "typescript7"), path.join(dir, "node_modules", "typescript"), "dir");
  } else {
    fs.symlinkSync(repoModules, path.join(pkg, "node_modules"), "dir");
  }
  if (options.nodeTypes) {
    fs.mkdirSync(path.join(dir, "node_modules", "@types"));
    fs.symlinkSync(path.join(repoModules, "@types", "node"), path.join(dir, "node_modules", "@types", "node"), "dir");
  }
  fs.mkdirSync(path.join(dir, "specs"));
  copySpec("graph-callrecords.xml", path.join(dir, "specs"));
  return dir;
}
