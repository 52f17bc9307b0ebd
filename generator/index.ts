/**
 * odatagen's library API. The functions below load their stage when first called, so a config that
 * imports `defineConfig` from "odatagen" (the prebuild's no-change run, which reads the config and
 * nothing else) does not load the XML parser, the templates, the writer and the diff with it.
 */
import type { GenerateOptions, GenerateResult } from "./generate";
import type { Follower } from "./write/follow";
import type { WriteOptions, WriteReport } from "./write/write";
import type { DiffResult } from "./diff/compare";
import type { ModelSummary } from "./diff/summary";
import type { Outputs } from "./diff/outputs";
import type { Model } from "./model/types";
import type { UrlAnswer, UrlRequest } from "./url-calls";

export type { GenerateOptions, GenerateResult, InputFile, FollowReference, Followed } from "./generate";
export type { Follower } from "./write/follow";
export type { UrlRequest, UrlAnswer, UrlCall, UrlCallResult, CallVariable } from "./url-calls";
export { GenerationError, formatDiagnostic, type Diagnostic, type Severity, type Place } from "./diagnostics";
export type { WriteReport, WriteOptions, OutputRecord, ManifestWrite } from "./write/write";
export type { KeptEdit } from "./write/edits";
export type { ManifestInput, ManifestOptions } from "./write/manifest";
export type { Model } from "./model/types";
export type { SliceSummary } from "./passes/slice/slice";
export type { RequestFile } from "./passes/slice/request-patterns";
export { defineConfig, type OdatagenConfig, type ServiceConfig, type ServiceOptions } from "./config/define-config";
export type { Change, DiffResult, Bump } from "./diff/compare";
export type { ModelSummary } from "./diff/summary";

/** Generates the TypeScript for a service from its CSDL documents, in memory: the files, the model and the warnings; errors throw a GenerationError. */
export function generate(options: GenerateOptions): GenerateResult {
  return (require("./generate") as typeof import("./generate")).generate(options, "options");
}

/** A follower of the local documents the inputs' `edmx:Reference`s name, for `generate({ follow })` (see the README's "Multi-document services"). */
export function createFollower(inputs: readonly string[], options: { off?: boolean | undefined; offReason?: string | undefined } = {}): Follower {
  return (require("./write/follow") as typeof import("./write/follow")).createFollower(inputs, options);
}

/** Writes generated files into `outDir` as the CLI does: staged, swapped in whole, with a manifest; a hand-written file at a generated path is refused. */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, options: WriteOptions = {}): WriteReport {
  return (require("./write/library-write") as typeof import("./write/library-write")).writeOutput(outDir, files, options);
}

/** The changes from summary `a` to summary `b`, each breaking or not for the modules `outputs` names (all by default), and the version bump they suggest. */
export function compareSummaries(a: ModelSummary, b: ModelSummary, outputs?: Outputs): DiffResult {
  return (require("./diff/compare") as typeof import("./diff/compare")).compareSummaries(a, b, outputs);
}

/** A model's summary, as `odatagen diff` compares it; `options` are the URL options `generate` was given. */
export function summarize(model: Model, options: { keyAsSegment?: boolean; unqualifiedOperations?: boolean } = {}): ModelSummary {
  return (require("./diff/summary") as typeof import("./diff/summary")).summarize(model, options);
}

/** The generated functions that make each request (a method and a URL path as documentation writes them), for the service `options` describes, as `odatagen url` prints them. */
export function urlCalls(options: GenerateOptions, requests: readonly UrlRequest[]): UrlAnswer {
  return (require("./url-calls") as typeof import("./url-calls")).urlCalls(options, requests, "options");
}
