/**
 * The command line: a thin shell over `generate()` and `writeOutput()`. The only place that prints
 * or sets the exit code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { formatDiagnostic, GenerationError, type Diagnostic } from "../diagnostics";
import { generate } from "../generate";
import { writeOutput } from "../write/write";
import { loadConfig, type ServiceConfig } from "./config";

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  await yargs(argv)
    .scriptName("odatagen")
    .usage("$0 <command> [options]")
    .command(
      "generate",
      "Generate TypeScript interfaces, validators and request functions from OData CSDL metadata",
      (y) =>
        y
          .option("input", {
            alias: "i",
            type: "string",
            array: true,
            describe: "CSDL XML file(s) read as one service (default: the services in odatagen.config.json)",
          })
          .option("out", { alias: "o", type: "string", describe: "Output folder (required with --input)" })
          .option("config", { alias: "c", type: "string", describe: "Config file", default: "odatagen.config.json" })
          .option("key-as-segment", {
            type: "boolean",
            describe: "Write keys as path segments (/users/42) instead of parentheses (/users('42')); default: from Capabilities.KeyAsSegmentSupported",
          })
          .option("include", {
            type: "string",
            array: true,
            describe: "Keep only this part (repeatable): a qualified-name glob (microsoft.graph.callRecords.*), a namespace, or a URL-path glob (/communications/callRecords/**); what it needs comes along",
          })
          .option("exclude", { type: "string", array: true, describe: "Leave this out (repeatable; same forms as --include)" })
          .option("include-derived", { type: "boolean", describe: "With --include: also keep every subtype of a selected type" })
          .option("include-navigation", { type: "boolean", describe: "With --include: also keep navigation targets, transitively" })
          .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print only problems" })
          .example("$0 generate", "Regenerate every service in odatagen.config.json")
          .example("$0 generate -i metadata.xml -o src/generated", "Generate from one $metadata file")
          .example("$0 generate -i graph.xml -o src/graph --include '/communications/callRecords/**'", "Only the call records API and the types it needs"),
      (args) => {
        code = runGenerate(args);
      },
    )
    .demandCommand(1, "Name a command, e.g. `odatagen generate`.")
    .strict()
    .fail((msg, err, y) => {
      if (err) throw err;
      void y;
      process.stderr.write(`odatagen: ${msg}\nRun \`odatagen --help\` for usage.\n`);
      code = EXIT_USAGE;
    })
    .help()
    .version()
    .parseAsync();
  return code;
}

interface GenerateArgs {
  input?: string[];
  out?: string;
  config: string;
  "key-as-segment"?: boolean;
  include?: string[];
  exclude?: string[];
  "include-derived"?: boolean;
  "include-navigation"?: boolean;
  quiet: boolean;
}

function runGenerate(args: GenerateArgs): number {
  let services: ServiceConfig[];
  if (args.input && args.input.length) {
    if (!args.out) {
      process.stderr.write("odatagen: --out is required with --input\n");
      return EXIT_USAGE;
    }
    services = [{ name: path.basename(args.out), input: args.input, out: args.out, keyAsSegment: args["key-as-segment"] }];
  } else {
    const loaded = loadConfig(args.config);
    if (!loaded.ok) {
      process.stderr.write(`odatagen: ${loaded.error}\n`);
      return EXIT_USAGE;
    }
    services = loaded.services.map((s) => ({ ...s, keyAsSegment: args["key-as-segment"] ?? s.keyAsSegment }));
  }
  let failed = false;
  for (const service of services) {
    const started = process.hrtime.bigint();
    const inputs = [];
    const problems: Diagnostic[] = [];
    for (const file of service.input) {
      try {
        inputs.push({ file, content: fs.readFileSync(file, "utf8") });
      } catch (e) {
        problems.push({ code: "ODG001", severity: "error", message: `cannot read input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file, line: 0, column: 0, path: "" });
      }
    }
    if (problems.length) {
      report(problems);
      failed = true;
      continue;
    }
    try {
      const result = generate({
        inputs,
        keyAsSegment: service.keyAsSegment,
        include: args.include,
        exclude: args.exclude,
        includeDerived: args["include-derived"],
        includeNavigation: args["include-navigation"],
      });
      report(result.diagnostics.filter((d) => d.severity !== "info"));
      const w = writeOutput(service.out, result.files);
      if (!args.quiet) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const slice = result.slice ? ` (slice: ${result.slice.types} of ${result.slice.ofTypes} types, ${result.slice.operations} of ${result.slice.ofOperations} operations)` : "";
        process.stdout.write(
          `odatagen: ${service.name}${slice}: ${result.files.size} files in ${service.out} (${w.written.length} written, ${w.unchanged.length} unchanged, ${w.removed.length} removed) in ${ms.toFixed(0)} ms\n`,
        );
      }
    } catch (e) {
      if (e instanceof GenerationError) {
        report(e.diagnostics);
        process.stderr.write(`odatagen: ${service.name}: not generated; ${service.out} left as it was\n`);
        failed = true;
      } else throw e;
    }
  }
  return failed ? EXIT_INPUT : EXIT_OK;
}

function report(diags: Diagnostic[]): void {
  for (const d of diags) process.stderr.write(formatDiagnostic(d) + "\n");
}
