export { generate, type GenerateOptions, type GenerateResult, type InputFile, type FollowReference, type Followed } from "./generate";
export { createFollower, type Follower } from "./write/follow";
export { GenerationError, formatDiagnostic, type Diagnostic } from "./diagnostics";
export { writeOutput } from "./write/library-write";
export type { WriteReport } from "./write/write";
export { defineConfig, type OdatagenConfig, type ServiceConfig, type ServiceOptions } from "./config/types";
export { compareSummaries, type Change, type DiffResult, type Bump } from "./diff/compare";
export { summarize, type ModelSummary } from "./diff/summary";
