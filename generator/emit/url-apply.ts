/**
 * `$apply`'s transformations (OData Extension for Data Aggregation 4.0, §3), checked against the
 * type they read before `odatagen url` writes them as `rt.aggregate`'s argument: each
 * transformation's name is one the extension defines, and the expressions of those that read the
 * input (`filter`, `orderby`, `compute`, `groupby`'s paths, `aggregate`'s values, `topcount`'s and
 * the like) are checked as a `$filter` is. Names `compute` adds are taken after it.
 *
 * After a transformation that changes what each item is (`groupby`, `aggregate`, `concat`, `join`,
 * a hierarchy's or a service's own), the names are its aliases and groups, so what follows is not
 * checked; nor is `search`'s text.
 */
import { nearestName } from "../nearest-name";
import { checkFilter, checkOrderByItems, type FilterScope } from "./url-filter";
import { listItems } from "./url-filter-tokens";

/** The transformations that read the input's items as they are, and go on with items of the same type. */
const KEEPING = ["filter", "orderby", "top", "skip", "search", "compute", "identity", "expand", "topcount", "bottomcount", "toppercent", "bottompercent", "topsum", "bottomsum"];
/** Those after which the items are another shape. */
const RESHAPING = ["aggregate", "groupby", "concat", "join", "outerjoin", "nest", "ancestors", "descendants", "traverse", "addnested"];
const METHODS = ["sum", "min", "max", "average", "countdistinct"];

/** The first problem of `$apply`'s value on `scope.type`, or undefined. */
export function checkApply(text: string, scope: FilterScope): string | undefined {
  let computed = new Set(scope.computed ?? []);
  for (const step of listItems(text, "/")) {
    const m = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/s.exec(step);
    if (!m) return `${step} is no transformation: each is a name and its arguments in parentheses (filter(…), groupby((…)), aggregate(…))`;
    const [name, args = ""] = [m[1]!, m[2]];
    if (name.includes(".")) return undefined; // a service's own transformation: what it makes is its own
    const lower = name.toLowerCase();
    const here: FilterScope = { ...scope, computed };
    if (!KEEPING.includes(lower) && !RESHAPING.includes(lower)) {
      const near = nearestName(lower, [...KEEPING, ...RESHAPING]);
      return `${name} is no transformation of $apply${near ? `; did you mean ${near}?` : ""}`;
    }
    const bad = checkStep(lower, name, args, here);
    if (bad) return bad;
    if (lower === "compute") computed = new Set([...computed, ...aliases(args)]);
    if (RESHAPING.includes(lower)) return undefined;
  }
  return undefined;
}

function checkStep(lower: string, name: string, args: string, scope: FilterScope): string | undefined {
  switch (lower) {
    case "filter":
      return checkFilter(args, scope);
    case "orderby":
      return checkOrderByItems(listItems(args, ","), scope);
    case "compute":
      return checkCompute(args, scope);
    case "topcount": case "bottomcount": case "toppercent": case "bottompercent": case "topsum": case "bottomsum": {
      const [, value] = listItems(args, ",");
      return value === undefined ? `${name} takes a number and a value: ${name}(5,Amount)` : checkFilter(value, scope);
    }
    case "groupby": {
      const [groups, then] = listItems(args, ",");
      const paths = /^\s*\((.*)\)\s*$/s.exec(groups ?? "");
      if (!paths) return `groupby takes its paths in parentheses: groupby((Name),…)`;
      for (const p of listItems(paths[1]!, ",")) {
        const bad = checkFilter(p, { ...scope, throughCollections: true });
        if (bad) return bad;
      }
      return then === undefined ? undefined : checkApply(then, scope);
    }
    case "aggregate":
      for (const item of listItems(args, ",")) {
        const bad = checkAggregate(item, scope);
        if (bad) return bad;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** `$compute`'s items (and `compute(…)`'s): each an expression, checked as a `$filter` is, `as` a name. */
export function checkCompute(items: string, scope: FilterScope): string | undefined {
  for (const item of listItems(items, ",")) {
    const m = /^(.*)\sas\s+\S+\s*$/is.exec(item);
    if (!m) return `${item}: a computed value is an expression as a name (Price mul Quantity as Total)`;
    const bad = checkFilter(m[1]!, scope);
    if (bad) return bad;
  }
  return undefined;
}

/** One of `aggregate`'s items: `Amount with sum as Total`, `$count as Count`, `Sales/aggregate(…)`, a custom aggregate. */
function checkAggregate(item: string, scope: FilterScope): string | undefined {
  const m = /^(.*?)\s+with\s+(\S+)\s+as\s+\S+\s*$/is.exec(item);
  if (!m) return undefined; // $count as N, a custom aggregate, a path's own aggregate(…): not read here
  const method = m[2]!;
  if (!method.includes(".") && !METHODS.includes(method)) {
    const near = nearestName(method.toLowerCase(), METHODS);
    return `${method} is no aggregation method (sum, min, max, average, countdistinct, or a qualified custom one)${near ? `; did you mean ${near}?` : ""}`;
  }
  return checkFilter(m[1]!, { ...scope, throughCollections: true });
}

/** The names `compute(… as A, … as B)` adds. */
function aliases(args: string): string[] {
  return listItems(args, ",").flatMap((item) => /\sas\s+(\S+)\s*$/i.exec(item)?.[1] ?? []);
}
