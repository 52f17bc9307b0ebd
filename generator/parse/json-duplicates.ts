/**
 * CSDL JSON `$` members given twice in one object (`"$Type": "Edm.Int32", …, "$Type": "Edm.Guid"`).
 * JSON's grammar allows a repeated member name, but RFC 8259 §4 leaves which one counts to each
 * reader (JSON.parse keeps the last), so the metadata would mean different things to different
 * tools: each repeat is reported as an error, as an XML reader refuses an attribute given twice. A
 * repeated element name (two properties `x`) is left to the model, which reports it as for XML.
 */
import type { JsonPath } from "../config/json-syntax";
import type { JsonMember, JsonValue } from "./json-values";

export interface RepeatedKeyword {
  first: JsonMember;
  again: JsonMember;
  /** The member names and item indices down to the object that holds both. */
  path: JsonPath;
}

/** Each `$` member whose name an earlier member of the same object has, in document order. */
export function repeatedKeywords(root: JsonValue): RepeatedKeyword[] {
  const out: RepeatedKeyword[] = [];
  const stack: { v: JsonValue; path: JsonPath }[] = [{ v: root, path: [] }];
  for (let e = stack.pop(); e; e = stack.pop()) {
    const { v, path } = e;
    if (v.kind === "array") {
      // A parameter is named in the path by its `$Name` (`ns.F/a`), as the reader names it.
      const parameters = path[path.length - 1] === "$Parameter";
      for (let i = v.items.length - 1; i >= 0; i--) {
        const item = v.items[i];
        if (isContainer(item)) stack.push({ v: item, path: [...path, (parameters && nameOf(item)) || i] });
      }
    } else if (v.kind === "object") {
      let seen: Map<string, JsonMember> | undefined;
      for (const m of v.members) {
        if (!m.name.startsWith("$")) continue;
        seen ??= new Map();
        const first = seen.get(m.name);
        if (first) out.push({ first, again: m, path });
        else seen.set(m.name, m);
      }
      for (let i = v.members.length - 1; i >= 0; i--) {
        const m = v.members[i];
        if (isContainer(m.value)) stack.push({ v: m.value, path: [...path, m.name] });
      }
    }
  }
  return out.sort((a, b) => a.again.at - b.again.at);
}

/** An object's `$Name`, when it is a string. */
function nameOf(v: JsonValue): string | undefined {
  const name = v.kind === "object" ? v.members.find((m) => m.name === "$Name")?.value : undefined;
  return name?.kind === "string" ? name.value : undefined;
}

function isContainer(v: JsonValue): boolean {
  return v.kind === "object" || v.kind === "array";
}
