/**
 * The path of the element that is open at a position of an XML text, for diagnostics about text
 * that could not be parsed (so there is no tree to ask). Inside a schema it is written like every
 * other diagnostic path, `namespace.type/member`, an `<Annotations>` block as its `Target`
 * (`ns.type/member`) and an `<Annotation>` as `@Term`, as the reader names them; elsewhere it is the
 * open tags, `Edmx/DataServices`.
 */

interface Open {
  tag: string;
  name?: string;
  namespace?: string;
  /** An `<Annotations>` element's `Target`, an `<Annotation>`'s `@Term`. */
  target?: string;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[?!][^>]*>?|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

export function elementPathAt(text: string, offset: number): string {
  const stack: Open[] = [];
  const head = text.slice(0, offset);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(head); m; m = TOKEN.exec(head)) {
    const [, closing, qname, attrs, selfClosing] = m;
    if (!qname) continue;
    const tag = qname.slice(qname.indexOf(":") + 1);
    if (closing) {
      const i = stack.map((o) => o.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      continue;
    }
    if (selfClosing) continue;
    stack.push({ tag, name: attr(attrs, "Name"), namespace: tag === "Schema" ? attr(attrs, "Namespace") : undefined, target: targetOf(tag, attrs) });
  }
  const schema = stack.map((o) => o.tag).lastIndexOf("Schema");
  if (schema < 0 || !stack[schema].namespace) return stack.map((o) => o.tag).join("/");
  // Below an `<Annotations>` block, the path starts at the element it targets (a qualified name).
  const block = stack.findIndex((o, i) => i > schema && o.tag === "Annotations" && o.target);
  const start = block < 0 ? schema + 1 : block + 1;
  const names = stack.slice(start).map((o) => (o.tag === "Annotation" ? o.target : undefined) ?? o.name ?? o.tag);
  const owner = block < 0 ? stack[schema].namespace! : stack[block].target!;
  if (names.length === 0) return owner;
  return block < 0 ? `${owner}.${names.join("/")}` : `${owner}/${names.join("/")}`;
}

/** What names an `<Annotations>` block (its `Target`) or an `<Annotation>` (`@` and its `Term`) in a path. */
function targetOf(tag: string, attrs: string): string | undefined {
  if (tag === "Annotations") return attr(attrs, "Target") || undefined;
  if (tag === "Annotation") {
    const term = attr(attrs, "Term");
    return term ? `@${term}` : undefined;
  }
  return undefined;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2])?.trim() : undefined;
}
