export { generate, type GenerateOptions, type GenerateResult, type InputFile } from "./generate";
export { GenerationError, formatDiagnostic, type Diagnostic } from "./diagnostics";
export { writeOutput, type WriteReport } from "./write/write";
