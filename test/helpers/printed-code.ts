// Runs what `odatagen url` prints (test/url-calls-requests.test.ts, test/url-composable-writes.test.ts).
import type { UrlCall } from "../../generator/url-calls";

/**
 * Runs the printed code (plain JavaScript but for its imports and top-level await): its imports are
 * taken from `modules` (by the module specifier it prints), `client` is given as its client and
 * `values` as its other variables.
 */
export async function runPrinted(c: UrlCall, modules: Record<string, unknown>, client: unknown, values: Record<string, unknown>): Promise<void> {
  const imported = c.imports.flatMap((i) => i.names.map((n) => [n, (modules[i.module] as Record<string, unknown>)[n]] as const));
  const body = c.code.split("\n").filter((l) => !l.startsWith("import ")).join("\n");
  const names = [...imported.map(([n]) => n), ...c.variables.map((v) => v.name)];
  const args = [...imported.map(([, f]) => f), ...c.variables.map((v) => (v.name === "client" ? client : values[v.name]))];
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...a: string[]) => (...v: unknown[]) => Promise<void>;
  await new AsyncFunction(...names, body)(...args);
}
