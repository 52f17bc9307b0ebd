/**
 * How a message names an option its caller gave: by the CLI's flag (`--include-derived`), as the
 * CLI's and a config run's messages do (the default), or by generate()'s option (`includeDerived`),
 * for the library's caller, who typed no flag (index.ts passes "options").
 */
export type NamedBy = "flags" | "options";

/** The options a message may name, by generate()'s names. */
export type OptionName = "include" | "exclude" | "why" | "includeDerived" | "includeNavigation";

const FLAGS: Record<OptionName, string> = {
  include: "--include",
  exclude: "--exclude",
  why: "--why",
  includeDerived: "--include-derived",
  includeNavigation: "--include-navigation",
};

/** `name` as its caller wrote it: the CLI's flag, or generate()'s option. */
export function optionName(name: OptionName, namedBy: NamedBy | undefined): string {
  return namedBy === "options" ? name : FLAGS[name];
}

/** A file (or glob) of requests a slice is made by: `--include @app.har`, or generate()'s `includeRequests app.har`. */
export function requestsOption(file: string, namedBy: NamedBy | undefined): string {
  return namedBy === "options" ? `includeRequests ${file}` : `--include @${file}`;
}

/** A module left out: by the CLI's `--no-requests`, or generate()'s `requests: false`. */
export function offOption(name: "validators" | "requests", namedBy: NamedBy | undefined): string {
  return namedBy === "options" ? `${name}: false` : `--no-${name}`;
}
