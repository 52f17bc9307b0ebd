/** A resolved service (what the CLI runs); the config's own shape is in define-config.ts. */
import type { Place } from "../diagnostics";

/** A service with paths resolved against the config file's folder and defaults applied. */
export interface ResolvedService {
  name: string;
  /** Absolute paths. */
  inputs: string[];
  /** Where each input is written in the config (for messages); absent when the inputs come from `--input`. */
  inputPlaces?: Place[];
  /** Absolute path. */
  out: string;
  /** Where `out` is written in the config (for messages); absent when it comes from `--out`. */
  outPlace?: Place;
  include?: string[];
  exclude?: string[];
  /** Where each `include` pattern is written in the config (for messages); absent when the patterns come from flags. */
  includePlaces?: Place[];
  /** The folder an `include` entry's file of requests (`@requests.har`) is read from: the config's, or the working folder for `--include`. */
  includeBase?: string;
  /** Where each `exclude` pattern is written in the config. */
  excludePlaces?: Place[];
  /** Warnings the service accepts (accept-warnings.ts), as written. */
  acceptWarnings?: string[];
  /** Where each accepted warning is written in the config; absent when they come from `--accept-warning`. */
  acceptWarningPlaces?: Place[];
  keyAsSegment?: boolean;
  unqualifiedOperations?: boolean;
  includeDerived?: boolean;
  includeNavigation?: boolean;
  validators?: boolean;
  requests?: boolean;
  completeReads?: boolean;
  followReferences?: boolean;
  /** The output's form: TypeScript (default), or JavaScript with declarations. */
  emit?: "ts" | "js";
  /** Where `odatagen fetch` downloads the service's metadata from (into its first input). */
  url?: string;
  /** Header name → the environment variable holding its value, sent by `odatagen fetch`. */
  headersFromEnv?: Record<string, string>;
}
