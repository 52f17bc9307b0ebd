/**
 * `odatagen url`: which generated functions make a request a documentation page shows
 * (`PATCH /communications/callRecords/{callRecordId}/sessions/{sessionId}`). The stages of
 * `generate()` up to the names (read, model, slice, names), then the URL resolved over the model
 * the output holds (passes/slice/resolve-path.ts) and written as the calls of its functions
 * (emit/url-call.ts). Nothing is rendered or written.
 */
import { DiagnosticBag, type Diagnostic } from "./diagnostics";
import { createContext, type EmitContext } from "./emit/context";
import { METHODS, urlCall, type Method, type UrlCallResult } from "./emit/url-call";
import { queryOf } from "./emit/url-query";
import { readBody } from "./emit/url-body";
import { emitOptions, prepare, type GenerateOptions } from "./generate";
import { checkedOptions } from "./generate-options";
import { settleAcceptances } from "./accept-warnings";
import { resolvePath, type Route } from "./passes/slice/resolve-path";
import { resolveSdkPath } from "./passes/slice/resolve-sdk-path";
import { pathModel, type Fill } from "./passes/slice/paths";
import { optionName, type NamedBy } from "./option-names";

export type { UrlCall, UrlCallResult, CallVariable, Method } from "./emit/url-call";
export { METHODS } from "./emit/url-call";

export interface UrlRequest {
  /** GET (the default), POST, PATCH, PUT or DELETE, in any case. */
  method?: string | undefined;
  /** A URL path as documentation writes it; a whole URL or one with the service root in front is read from its first root. */
  path: string;
  /**
   * The JSON body the request sends, parsed (a create's or an update's entity, an action's
   * parameters): its names are checked against the metadata (emit/url-body.ts), not its values.
   */
  body?: unknown;
  /**
   * The URL may lack query options the request gets elsewhere (a program's client call adds them
   * through its own methods, `.query({ … })`, `params`): a custom query option the metadata requires
   * is not refused for its absence.
   */
  partialQuery?: boolean;
  /**
   * The path names some of what it addresses as the Graph SDK's builders do (parse/requests/graph-sdk-calls.ts):
   * resolved as the SDK sends it (passes/slice/resolve-sdk-path.ts).
   */
  sdkNames?: boolean;
}

export interface UrlAnswer {
  /** One per request, in order. */
  results: UrlCallResult[];
  /** The run's warnings and notes (errors throw a GenerationError, as generate() does). */
  diagnostics: Diagnostic[];
}

/**
 * The generated code that makes each of `requests` over the output `options` generate (its slice
 * too): the metadata is read once for them all.
 */
export function urlCalls(options: GenerateOptions, requests: readonly UrlRequest[], namedBy: NamedBy = "flags"): UrlAnswer {
  const checked = { ...checkedOptions(options), namedBy };
  const methods = requests.map((r) => {
    const method = (r.method ?? "GET").toUpperCase();
    if (!isMethod(method)) throw new TypeError(`urlCalls(): method takes ${METHODS.join(", ")}; got ${JSON.stringify(r.method)}`);
    return method;
  });
  const diags = new DiagnosticBag();
  // The service's accepted warnings are marked as generate() marks them; an entry that accepts
  // nothing is generate's to report (url emits nothing, and answers for one request).
  let run: ReturnType<typeof prepare>;
  try {
    run = prepare(checked, diags);
  } finally {
    settleAcceptances(diags.items, checked.accepting ?? [], "none");
  }
  let ctx: EmitContext | undefined;
  const results = requests.map((request, i): UrlCallResult => {
    if (checked.requests === false) return { ok: false, problem: `the output has no request functions (${namedBy === "options" ? "requests: false" : "requests: false, --no-requests"})` };
    const resolve = request.sdkNames ? resolveSdkPath : resolvePath;
    const resolved = resolve(request.path, pathModel(run.model));
    // A slice may leave out what the service has: say so, rather than that the service lacks it,
    // or that the path means something else (a cast to a type it left out read as a key).
    const whole = () => run.model !== run.service.model && resolve(request.path, pathModel(run.service.model), run.service.fill as Fill | undefined);
    const outside = (route: Route): UrlCallResult => ({ ok: false, problem: `${route.path} is not in the slice (its ${optionName("include", namedBy)} and ${optionName("exclude", namedBy)} leave it out): ${optionName("include", namedBy)} ${JSON.stringify(keysAsId(route.path))} keeps it`, outsideSlice: true });
    if (!resolved.ok) {
      const service = whole();
      return service && service.ok ? outside(service.route) : { ok: false, problem: resolved.problem };
    }
    if (resolved.route.steps.some((s) => s.kind === "key")) {
      const service = whole();
      if (service && service.ok && !sameSteps(resolved.route, service.route)) return outside(service.route);
    }
    ctx ??= createContext(run.model, run.names, emitOptions(run.model, checked, run.sources), run.service);
    const sliced = run.model !== run.service.model;
    const body = request.body === undefined ? undefined : readBody(resolved.route, methods[i], request.body, run.model, sliced);
    const made = urlCall(ctx, resolved.route, methods[i], queryOf(request.path), sliced, request.partialQuery === true, body);
    if (made.ok && body?.problem) return { ok: false, problem: `${methods[i]} ${resolved.route.path}: ${body.problem}`, addressed: true };
    return made.ok ? made : { ...made, addressed: true };
  });
  return { results, diagnostics: diags.items };
}

export function isMethod(m: string): m is Method {
  return (METHODS as readonly string[]).includes(m);
}

/** What the URL walk needs of a model: every container (one, or those extending each other), operation and alias. */
/** Whether two walks of one path took the same kinds of steps (a slice's and the service's). */
function sameSteps(a: Route, b: Route): boolean {
  return a.steps.length === b.steps.length && a.steps.every((s, i) => s.kind === b.steps[i]!.kind);
}

/** A path's keys as the slice's patterns write them: `{id}`. */
function keysAsId(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{id}");
}
