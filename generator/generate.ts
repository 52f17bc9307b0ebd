/**
 * The pipeline: parse → model → passes → emit. `generate()` returns the files to write; it reads
 * nothing from and writes nothing to the disk (the CLI and `write/` do that).
 */
import { checkedOptions } from "./generate-options";
import { Codes, DiagnosticBag, GenerationError, type Diagnostic, type Place, type SourceRef } from "./diagnostics";
import { readHeldBody } from "./parse/held-bodies";
import { readBody, readDeferredGroup } from "./parse/xml";
import type { RawAnnotationGroup, RawDocument } from "./parse/raw";
import type { SourceText } from "./parse/source";
import { readDocuments, type FollowReference, type InputFile } from "./read-documents";
import { applyAnnotationGroups, splitTarget } from "./model/annotation-groups";
import { includedGroup } from "./model/included-annotations";
import { buildLazyModel, buildModel, type LazyModel } from "./model/build";
import type { Model, SchemaType } from "./model/types";
import { assignNames, type Names } from "./passes/names";
import { isSliced, sliceModel, type SliceSummary } from "./passes/slice/slice";
import { offOption, optionName, type NamedBy } from "./option-names";
import type { RequestFile } from "./passes/slice/request-patterns";
import { keyAsSegment } from "./model/capabilities";
import { checkAlternateKeys } from "./model/alternate-keys";
import { checkExplicitBindings } from "./model/explicit-bindings";
import { checkValueConstraints } from "./model/validation-terms";
import { checkPropertyLists } from "./model/property-lists";
import { emitAll, OutputTooLargeError } from "./emit/emit";
import type { EmitOptions } from "./emit/context";
import type { Service } from "./emit/request-names";
import { rememberRun, unusedFollower } from "./run-record";
import { settleAcceptances, type Acceptance } from "./accept-warnings";
import type { TypeScriptApi } from "./emit/typescript-api";
import type { NativeTypeScript } from "./emit/javascript-native";

export type { FollowReference, Followed, InputFile } from "./read-documents";

export interface GenerateOptions {
  inputs: InputFile[];
  /**
   * Follows the documents' `edmx:Reference`s: each document a reference leads to is read as an
   * input too, and so are those its own references lead to. Absent, only `inputs` are read.
   */
  follow?: FollowReference | undefined;
  /** URL key style; by default read from `Capabilities.KeyAsSegmentSupported`, else parentheses. */
  keyAsSegment?: boolean | undefined;
  /**
   * Bound actions' and functions' URL segments by name alone (`/me/sendMail`) rather than qualified
   * (`/me/microsoft.graph.sendMail`), where that is not ambiguous; by default, so for the operations
   * of a schema annotated `Core.DefaultNamespace`, else qualified.
   */
  unqualifiedOperations?: boolean | undefined;
  /**
   * Slicing (passes/slice): patterns for what to keep — qualified-name globs
   * (`microsoft.graph.callRecords.*`, `microsoft.graph.user`), namespaces, or URL-path globs
   * (`/communications/callRecords/**`), one or a list. None keeps everything.
   */
  include?: string | string[] | undefined;
  /**
   * Slicing by the requests a program makes: files of requests (a HAR file, an access log, curl or
   * fetch calls, a Markdown page, a list of `[METHOD] <url>` lines), each request kept as the
   * URL-path pattern of what it addresses and what its `$expand` names (passes/slice/request-patterns.ts).
   * The CLI reads them for an `include` entry `@file`.
   */
  includeRequests?: RequestFile[] | undefined;
  /** Patterns for what to leave out of the slice (same forms as `include`). */
  exclude?: string | string[] | undefined;
  /**
   * Where each `include` pattern was written, when in a file (a config): a pattern that matches
   * nothing is reported there, by its config key (`include`), rather than as the `--include` flag.
   */
  includePlaces?: (Place | undefined)[] | undefined;
  /** Where each `exclude` pattern was written (as `includePlaces`). */
  excludePlaces?: (Place | undefined)[] | undefined;
  /** With a slice: also keep every subtype of a selected type. */
  includeDerived?: boolean | undefined;
  /** With a slice: also keep navigation targets, transitively. */
  includeNavigation?: boolean | undefined;
  /**
   * With a slice: name patterns (like `include`'s) of types and operations to explain — why the
   * slice keeps each, as a chain back to an `include`, or why it leaves it out (`slice.why`).
   */
  why?: string | string[] | undefined;
  /** Emit the runtime validators (`<ns>.validators.ts`, `validation.ts`); default true. */
  validators?: boolean | undefined;
  /** Emit the request functions (`<ns>.requests.ts`, `runtime.ts`); default true. */
  requests?: boolean | undefined;
  /** Without `$select`, type a read as the whole entity (for services that return every property by default). Default false: as the service's default set, in which any property but the key may be absent (Protocol §11.2.5.1). */
  completeReads?: boolean | undefined;
  /**
   * The form of the output: `"ts"` (the default), TypeScript modules; `"js"`, each module as
   * JavaScript (`name.js`, an ES module) with its declarations (`name.d.ts`), and a `package.json`
   * saying `"type": "module"`, made by TypeScript 5.6 or later (emit/javascript.ts).
   */
  emit?: "ts" | "js" | undefined;
  /**
   * With `emit: "js"`: the `typescript` module to compile with (5.6–6.x). Absent, the first usable
   * `typescript` package found from the working folder compiles (TypeScript 7 through its native
   * `tsc`); none is an error (ODG406).
   */
  typescript?: TypeScriptApi | undefined;
  /**
   * Warnings the service is known to have: a code (`ODG108`), or a code and a glob over the
   * element path (`ODG108 API_TEST_SRV.A_TestEntityType/*`; `*` stops at `/`, `**` does not); one or
   * a list. Each warning one accepts stays in `diagnostics`, marked `accepted`; an entry that
   * accepts none is a warning itself (ODG501; a note in a slice). A malformed entry, or one naming
   * a code no warning has, is a TypeError.
   */
  acceptWarnings?: string | string[] | undefined;
  /** Where each `acceptWarnings` entry was written, when in a file (a config): ODG501 is reported there. */
  acceptWarningPlaces?: (Place | undefined)[] | undefined;
}

export interface GenerateResult {
  /** Output path (relative to the output folder) → content, in sorted order. */
  files: Map<string, string>;
  /** Warnings and notes (errors throw a GenerationError instead); an accepted warning is marked `accepted`. */
  diagnostics: Diagnostic[];
  model: Model;
  /** What the slice kept, when `include` or `exclude` was given. */
  slice?: SliceSummary;
  /** Every document read, as shown in diagnostics: the inputs, then those their references led to. */
  inputs: string[];
}

/** GenerateOptions as checkedOptions returns them: patterns as lists, accepted warnings read. */
export type CheckedOptions = GenerateOptions & {
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  why?: string[] | undefined;
  accepting?: Acceptance[];
  /** How messages name the options: the CLI's flags, or generate()'s options (option-names.ts). */
  namedBy?: NamedBy;
  /** With `emit: "js"`: the compiler the run used (recorded for writeOutput's manifest). */
  compiler?: TypeScriptApi | NativeTypeScript;
};

/** `namedBy`: "options" for the library's caller, whose messages name `include`, not the CLI's `--include`. */
export function generate(options: GenerateOptions, namedBy: NamedBy = "flags"): GenerateResult {
  const checked = { ...checkedOptions(options), namedBy };
  const accepting = checked.accepting ?? [];
  let result: GenerateResult;
  try {
    result = generateChecked(checked);
  } catch (e) {
    // A run that failed may not have found every warning: none of its entries is called stale.
    if (e instanceof GenerationError) settleAcceptances(e.diagnostics, accepting, "none");
    throw e;
  }
  result.diagnostics.push(...settleAcceptances(result.diagnostics, accepting, isSliced(checked) ? "info" : "warning"));
  return result;
}

function generateChecked(options: CheckedOptions): GenerateResult {
  const diags = new DiagnosticBag();
  // Before it follows anything: whether what the follower will have done is this run's alone.
  const follower = unusedFollower(options.follow);
  const run = prepare(options, diags);
  let files = emitFiles(run.model, run.names, options, run.sources, diags, run.service);
  if (options.emit === "js") {
    // Recorded with the run, so that writeOutput records the compiler's version as the CLI does.
    const compiler = (options.compiler = options.typescript ?? typeScriptFor(diags));
    files =
      "native" in compiler
        ? (require("./emit/javascript-native") as typeof import("./emit/javascript-native")).nativeJavascriptOutput(files, compiler)
        : (require("./emit/javascript") as typeof import("./emit/javascript")).javascriptOutput(files, compiler);
  }
  rememberRun(files, options, run.references, follower);
  return { files, diagnostics: diags.items, model: run.model, slice: run.slice, inputs: run.sources };
}

/** What `prepare` hands to the emitters: the model emitted (the slice, or the whole), its names, and the whole service. */
export interface Prepared {
  model: Model;
  names: Names;
  /** The whole service, whose request function names a slice takes (request-names.ts). */
  service: Service;
  slice: SliceSummary | undefined;
  sources: string[];
  references: boolean;
}

/** The stages before emitting: read, build the model, slice it, assign names. Problems go to `diags`; errors throw a GenerationError. */
export function prepare(options: CheckedOptions, diags: DiagnosticBag): Prepared {
  const slicing = isSliced(options);
  const follow = options.follow ?? (options.namedBy === "options" ? followingNothing : undefined);
  let full: Model;
  let sliced: ReturnType<typeof sliceModel> | undefined;
  let lazy: LazyModel | undefined;
  let sources: string[];
  let references: boolean;
  if (!slicing) {
    if (options.why?.length)
      diags.warning(Codes.whyWithoutSlice, `${optionName("why", options.namedBy)} ${options.why.join(" ")}: there is no slice to explain (no ${optionName("include", options.namedBy)} or ${optionName("exclude", options.namedBy)}); every type is generated`, "");
    // On Graph the raw documents are tens of megabytes of heap the later stages do not need.
    const read = readWhole(options.inputs, diags, follow);
    sources = read.files;
    references = read.references;
    full = read.model;
    if (diags.hasErrors) throw new GenerationError(diags.items);
  } else {
    // A slice reads the schemas' <Annotations> blocks only for what it keeps (readDeferred below),
    // the members of types only for the types it looks at (fill), and operations past their binding
    // parameter only for those it keeps (fillOperation).
    const read = readDocuments(options.inputs, diags, true, follow);
    const docs = read.docs;
    sources = read.files;
    references = read.references;
    const built = (lazy = buildLazyModel(docs, diags, (raw) => readHeldBody(raw, diags) || readBody(raw, diags)));
    const model = (full = built.model);
    if (diags.hasErrors) throw new GenerationError(diags.items);
    // Loaded only for files of requests: their readers and URL checks are no part of a plain run.
    const requested = options.includeRequests?.length
      ? (require("./passes/slice/request-patterns") as typeof import("./passes/slice/request-patterns")).withRequestPatterns(options, model, built.fill, diags, built.fillOperation)
      : options;
    if (diags.hasErrors) throw new GenerationError(diags.items);
    sliced = sliceModel(model, requested, diags, {
      fill: built.fill,
      fillOperation: built.fillOperation,
      beforeCopy: (keep) => {
        built.checkOverloads();
        readDeferred(built, docs, keep, diags);
        built.checkLinks(keep);
      },
    });
  }
  if (diags.hasErrors) throw new GenerationError(diags.items);
  const model = sliced ? sliced.model : full;
  // Alternate keys are read where they are used (request functions, url, diff); checked once here, for what is emitted.
  checkAlternateKeys(model, diags);
  checkValueConstraints(model, diags);
  checkPropertyLists(model, diags, full);
  // A slice may leave out the elements naming an explicitly bound operation: checked in a whole run only.
  if (!sliced) checkExplicitBindings(model, diags);
  // A slice names its types as the full run does: chosen over every type of the service.
  const names = assignNames(model, diags, full);
  // Its request functions too, reading of the left-out types and operations only what that needs
  // (request-names.ts), and reporting none of their problems (a slice reports what it keeps).
  const reader = lazy;
  const service: Service = reader
    ? { model: full, names, fill: (t) => diags.quietly(() => reader.fill(t)), fillOperation: (op) => diags.quietly(() => reader.fillOperation(op)) }
    : { model: full, names };
  return { model, names, service, slice: sliced?.summary, sources, references };
}

/** The options the emitters take for a run of `options` over `model`. */
export function emitOptions(model: Model, options: CheckedOptions, sources: string[]): EmitOptions {
  return {
    sources: sources.map(sourceName),
    keyAsSegment: options.keyAsSegment ?? keyAsSegment(model),
    unqualifiedOperations: options.unqualifiedOperations,
    validators: options.validators ?? true,
    requests: options.requests ?? true,
    completeReads: options.completeReads ?? false,
    namedBy: options.namedBy,
  };
}

/** The `typescript` package found from the working folder (emit/typescript-api.ts), or a GenerationError saying what to install (ODG406). */
function typeScriptFor(diags: DiagnosticBag): TypeScriptApi | NativeTypeScript {
  const api = require("./emit/typescript-api") as typeof import("./emit/typescript-api");
  try {
    const found = api.findTypeScript([process.cwd()]);
    return found.native ?? api.loadTypeScript(found);
  } catch (e) {
    if (!(e instanceof api.TypeScriptMissingError)) throw e;
    diags.items.push(e.diagnostic);
    throw new GenerationError(diags.items, "in the options");
  }
}

/**
 * The library's caller who gave no `follow`: a reference's namespace the inputs lack is said to be
 * unread for that, in generate()'s words (the CLI always follows, or says why not: write/follow.ts).
 */
const followingNothing: FollowReference = () => ({ kind: "not-followed", reason: "the options have no follow (createFollower(files).follow follows references to local documents); give that document in inputs too" });

/** emitAll, with a module too long for a JavaScript string reported as such (ODG404). */
function emitFiles(model: Model, names: Names, options: CheckedOptions, sources: string[], diags: DiagnosticBag, service: Service): Map<string, string> {
  try {
    const renamed = (message: string, path: string, at?: SourceRef) => diags.add(Codes.nameChanged, "info", message, path, at);
    return emitAll(model, names, { ...emitOptions(model, options, sources), renamed }, service);
  } catch (e) {
    if (!(e instanceof OutputTooLargeError)) throw e;
    const hint = `generate a slice (${optionName("include", options.namedBy)}) or leave artifacts out (${offOption("validators", options.namedBy)}, ${offOption("requests", options.namedBy)})`;
    diags.fileError(Codes.outputTooLarge, `${e.message}: ${hint}`, options.inputs[0]?.file ?? "", e.file);
    throw new GenerationError(diags.items);
  }
}

/**
 * The documents read whole and resolved into one model (as `odatagen diff` reads each version),
 * following their references with `follow` when given. The raw documents are referenced only
 * inside this function, so they can be collected as soon as the model is built.
 */
export function readModel(inputs: readonly InputFile[], diags: DiagnosticBag, follow?: FollowReference): Model {
  return readWhole(inputs, diags, follow).model;
}

/** readModel, and the documents it read (`readDocuments`'s `files`). */
function readWhole(inputs: readonly InputFile[], diags: DiagnosticBag, follow?: FollowReference): { model: Model; files: string[]; references: boolean } {
  const read = readDocuments(inputs, diags, false, follow);
  return { model: buildModel(read.docs, diags), files: read.files, references: read.references };
}

/**
 * Reads and applies the annotation blocks a slice needs, deferred `<Annotations>` blocks or those
 * read in place (CSDL JSON's `$Annotations`): all but those whose target is a type the slice leaves
 * out (or a member of one), in document order — so a kept element gets exactly the annotations it
 * gets without slicing, and a left-out type is not read for them. The type a block targets is
 * filled first (a block whose Target was not read from its start tag may name a type outside the slice).
 */
function readDeferred(lazy: LazyModel, docs: readonly RawDocument[], keep: ReadonlySet<SchemaType>, diags: DiagnosticBag): void {
  const model = lazy.model;
  const leftOut = (target: string | undefined, source: SourceText) => {
    const t = target === undefined ? undefined : model.types.get(splitTarget(model, target, source).head);
    return t !== undefined && !keep.has(t);
  };
  const groups: RawAnnotationGroup[] = [];
  for (const doc of docs) {
    // A followed document's blocks apply as its references include or select them (model/included-annotations.ts).
    const take = (read: RawAnnotationGroup | undefined, namespace: string) => {
      const g = read && includedGroup(model, doc, read, namespace);
      if (!g) return;
      lazy.fillTarget(g.target, g.at.source);
      groups.push(g);
    };
    // A document has blocks of one kind: when they are deferred, its schemas' are empty.
    for (const s of doc.schemas) for (const g of s.annotationGroups) if (!leftOut(g.target, g.at.source)) take(g, s.namespace);
    for (const d of doc.deferred ?? []) if (!leftOut(d.target, d.source)) take(readDeferredGroup(d, diags), d.namespace);
  }
  lazy.checkTargets(groups);
  applyAnnotationGroups(model, groups, lazy.applied, lazy.overloads);
}

/**
 * The name a generated header gives an input: its file name, or for a file descriptor
 * (`/dev/fd/63` from a shell's `<(…)`, `/proc/self/fd/N`) "a pipe", whose number the shell picks
 * anew each time and would otherwise rewrite every file; `/dev/stdin` stays "stdin".
 */
export function sourceName(file: string): string {
  if (/^\/(dev|proc\/[^/]+)\/fd\/\d+$/.test(file)) return file.endsWith("/fd/0") ? "stdin" : "a pipe";
  return file.replace(/^.*[\\/]/, "");
}
