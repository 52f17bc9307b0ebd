/**
 * `odatagen <command> --help` at yargs' usual 80 columns: each example is a `#` line saying what it
 * does, then the command on lines of its own (` \` where it goes on), so that a long command comes out
 * whole and can be copied into a shell, not cut into two columns' pieces.
 */
import { runCli, scratch } from "./helpers/cli";

function examplesOf(command: string): string[] {
  const r = runCli([command, "--help"], scratch());
  expect(r.code).toBe(0);
  const lines = r.stdout.split("\n");
  const start = lines.indexOf("Examples:");
  expect(start).toBeGreaterThan(0);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end).map((line) => line.replace(/^ {2}/, ""));
}

/** The commands the examples give, each continued line joined to the one before, as a shell reads them. */
function commandsOf(examples: string[]): string[] {
  const commands: string[] = [];
  let open = false;
  for (const line of examples.filter((l) => !l.startsWith("#"))) {
    if (open) commands[commands.length - 1] = commands[commands.length - 1]!.replace(/ \\$/, " ") + line.trimStart();
    else commands.push(line);
    open = line.endsWith(" \\");
  }
  return commands;
}

describe.each(["generate", "diff", "url"])("odatagen %s --help", (command) => {
  test("has no example line over 80 columns, and each command on lines of its own below what it does", () => {
    const examples = examplesOf(command);
    expect(examples.filter((l) => l.length > 78)).toEqual([]);
    const comments = examples.filter((l) => l.startsWith("# "));
    const commands = commandsOf(examples);
    expect(commands.length).toBe(comments.length);
    expect(commands.filter((c) => !c.startsWith(`odatagen ${command}`) || c.endsWith("\\"))).toEqual([]);
  });
});

test("a continued line is indented below its command, as a shell user writes it", () => {
  const examples = examplesOf("generate");
  const at = examples.findIndex((l) => l.endsWith(" \\"));
  expect(examples[at + 1]).toBe("  --include '/communications/callRecords/**'");
});

test("the long slice example comes out whole: its --include pattern is one word, after the input and output", () => {
  const commands = commandsOf(examplesOf("generate"));
  expect(commands).toContain("odatagen generate -i graph.xml -o src/graph --include '/communications/callRecords/**'");
});
