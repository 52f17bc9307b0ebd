/**
 * `diff --config <file>` / `--service <name>`: the options of one service of a config, as `generate`
 * reads them (the same file lookup: `--config`, else the first of odatagen.config.json, .mjs, .ts in
 * the working folder), so that `diff` compares what that service generates: its slice, whether it
 * follows references, and which modules it has; the warnings it accepts are not printed. A flag given overrides the config's value. The
 * versions compared are still the documents given: a config's inputs are one version only.
 */
import { findConfig, loadConfig } from "../config/load";
import type { OptionalModule } from "../diff/outputs";
import type { ResolvedService } from "../config/types";
import { nearestName } from "../nearest-name";
import { display } from "../write/within";
import type { DiffArgs } from "./diff-command";

/** `args` with the service's options where no flag gave them, or the problems (a usage error). */
export async function withConfig(args: DiffArgs, cwd = process.cwd()): Promise<{ ok: true; args: DiffArgs } | { ok: false; errors: string[] }> {
  if (args.config === undefined && args.service === undefined) return { ok: true, args };
  const file = findConfig(cwd, args.config);
  if (!file) return { ok: false, errors: [`--service: no odatagen.config.json, .mjs or .ts in ${cwd}; name the config with --config`] };
  const loaded = await loadConfig(file);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const picked = pick(loaded.services, args.service);
  if (typeof picked === "string") return { ok: false, errors: [picked] };
  const where = `in service ${picked.name} of ${display(file, cwd)}`;
  const leftOutBy: Partial<Record<OptionalModule, string>> = {};
  for (const m of ["validators", "requests"] as const) if (args[m] === undefined && picked[m] === false) leftOutBy[m] = `${m}: false ${where}`;
  return {
    ok: true,
    args: {
      ...args,
      include: args.include?.length ? args.include : picked.include,
      ...(!args.include?.length && picked.includeBase && { includeBase: picked.includeBase }),
      exclude: args.exclude?.length ? args.exclude : picked.exclude,
      "include-derived": args["include-derived"] ?? picked.includeDerived,
      "include-navigation": args["include-navigation"] ?? picked.includeNavigation,
      "follow-references": args["follow-references"] ?? picked.followReferences,
      validators: args.validators ?? picked.validators,
      requests: args.requests ?? picked.requests,
      leftOutBy,
      acceptWarnings: picked.acceptWarnings,
    },
  };
}

/** The service `--service` names, or the config's only one; else what is wrong. */
function pick(services: ResolvedService[], name: string | undefined): ResolvedService | string {
  const names = services.map((s) => s.name);
  if (name === undefined) return services.length === 1 ? services[0] : `the config has ${services.length} services (${names.join(", ")}): pick the one to compare for with --service`;
  const found = services.find((s) => s.name === name);
  if (found) return found;
  const near = nearestName(name, names);
  return `--service: no service named ${name}${near ? `; did you mean ${near}?` : ""} (have ${names.join(", ")})`;
}
