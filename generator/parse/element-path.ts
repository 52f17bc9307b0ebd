/**
 * The path of the element that is open at a position of an XML text, for diagnostics about text
 * that could not be parsed (so there is no tree to ask). Inside a schema it is written like every
 * other diagnostic path, `namespace.type/member`; elsewhere it is the open tags, `Edmx/DataServices`.
 */

interface Open {
  tag: string;
  name?: string;
  namespace?: string;
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
    stack.push({ tag, name: attr(attrs, "Name"), namespace: tag === "Schema" ? attr(attrs, "Namespace") : undefined });
  }
  const schema = stack.map((o) => o.tag).lastIndexOf("Schema");
  if (schema < 0 || !stack[schema].namespace) return stack.map((o) => o.tag).join("/");
  const names = stack.slice(schema + 1).map((o) => o.name ?? o.tag);
  if (names.length === 0) return stack[schema].namespace as string;
  return `${stack[schema].namespace}.${names.join("/")}`;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2])?.trim() : undefined;
}
