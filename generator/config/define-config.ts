/**
 * The shape of `odatagen.config.json` / `.mjs` / `.ts`, and `defineConfig`, which only gives editors
 * and `tsc` the type; it returns its argument unchanged.
 *
 * This module imports nothing, so its declarations name only its own types: the package's
 * `odatagen/config.js` entry (config.js and config.d.ts at the package's root) re-exports it, for a
 * config that is type-checked in a project without Node's types (`@types/node`), which the
 * library's other declarations need.
 */
/** Options that change the generated code. */
export interface ServiceOptions {
  /** URL key style: `/users/42` (true) or `/users('42')` (false). Default: from `Capabilities.KeyAsSegmentSupported`. */
  keyAsSegment?: boolean | undefined;
  /** Bound operations' URL segments: `/me/sendMail` (true) or `/me/microsoft.graph.sendMail` (false). Default: unqualified for operations of a schema annotated `Core.DefaultNamespace`, else qualified. */
  unqualifiedOperations?: boolean | undefined;
  /** Slice: also keep every subtype of a selected type. */
  includeDerived?: boolean | undefined;
  /** Slice: also keep navigation targets, transitively. */
  includeNavigation?: boolean | undefined;
  /** Generate the runtime validators (`<ns>.validators.ts`, `validation.ts`). Default true. */
  validators?: boolean | undefined;
  /** Generate the request functions (`<ns>.requests.ts`, `runtime.ts`). Default true. */
  requests?: boolean | undefined;
  /** Without `$select`, type a read as the whole entity (for services that return every property by default). Default false: as the service's default set, in which any property but the key may be absent (Protocol §11.2.5.1). */
  completeReads?: boolean | undefined;
  /** Read the local documents the inputs' `edmx:Reference`s name (relative Uris, `file:` URLs) as inputs too. Default true. */
  followReferences?: boolean | undefined;
  /** The output's form: `"ts"`, TypeScript modules (default); `"js"`, JavaScript (ES modules) with a `.d.ts` beside each, compiled by the project's TypeScript (5.6 or later). */
  emit?: "ts" | "js" | undefined;
}

/** One service: the metadata it is generated from and where its code goes. */
export interface ServiceConfig {
  /** Shown in messages; default: the output folder's name. */
  name?: string | undefined;
  /** CSDL XML or CSDL JSON file(s), read together as one service; relative to the config file. */
  input: string | string[];
  /** Output folder, relative to the config file. */
  out: string;
  /**
   * Slice: generate only these (globs over qualified names, namespaces or URL paths; or `@file`, a
   * file of requests relative to the config file, whose requests keep what they address); one
   * pattern or a list.
   */
  include?: string | string[] | undefined;
  /** Slice: leave these out; one pattern or a list. */
  exclude?: string | string[] | undefined;
  /**
   * Warnings the service is known to have, which `--fail-on-warnings` then lets pass: a code
   * (`"ODG108"`), or a code, a space and a glob over the element path a warning ends with
   * (`"ODG108 API_TEST_SRV.A_TestEntityType/*"`: `*` stops at `/`, `**` does not); one or a list.
   * An entry that matches no warning is reported (ODG501).
   */
  acceptWarnings?: string | string[] | undefined;
  options?: ServiceOptions | undefined;
  /** The service's `$metadata` URL: `odatagen fetch` downloads it (and the documents whose types it uses) into the first `input`. `generate` never reads it. */
  url?: string | undefined;
  /** Headers `odatagen fetch` sends, each from an environment variable, so no secret is written here: `{ "Authorization": "ODATA_TOKEN" }` (the variable holds the whole value, `Bearer …`). */
  headersFromEnv?: Record<string, string> | undefined;
}

export interface OdatagenConfig {
  /** JSON Schema reference for editor completion; ignored by odatagen. */
  $schema?: string | undefined;
  services: ServiceConfig[];
}

export function defineConfig(config: OdatagenConfig): OdatagenConfig {
  return config;
}
