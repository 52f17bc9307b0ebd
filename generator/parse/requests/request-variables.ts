/**
 * The `{{name}}` variables of a request collection's URLs (a Postman collection's, an HTTP file's):
 * the collection's own put in, the others read as the placeholders documentation writes
 * (`{{UserId}}` → `{UserId}`), so that a request is checked as its page's form is.
 */
/**
 * A URL with `variables` put in (a value may hold another variable: a few rounds, since values may
 * refer to each other); an unknown one as a placeholder named by its last word (`{{UserId}}` →
 * `{UserId}`, REST Client's `{{$dotenv TENANT}}` → `{TENANT}`, `{{login.response.body.$.id}}` →
 * `{id}`); with `pathVariables`, a Postman path variable too (`/users/:id` → `/users/{id}`). An
 * unknown variable that starts the URL (`{{baseUrl}}/me`) stands for the service root: `/me`.
 */
export function withVariables(raw: string, variables: ReadonlyMap<string, string>, pathVariables = false): string {
  let url = raw;
  for (let round = 0; round < 4 && /\{\{[^{}]+\}\}/.test(url); round++) url = url.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => variables.get(name.trim()) ?? whole);
  const root = /^\{\{[^{}]+\}\}(?=\/|\?|$)/.exec(url);
  if (root) url = url.slice(root[0].length) || "/";
  url = url.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) => `{${lastWord(name, /[\w-]/) ?? "value"}}`);
  if (!pathVariables) return url;
  // A path variable is a whole segment (`/users/:id`); Graph's `root:/path:` segments are not.
  const query = url.search(/[?#]/);
  const [pathPart, rest] = query < 0 ? [url, ""] : [url.slice(0, query), url.slice(query)];
  return pathPart.replace(/\/:([A-Za-z_][\w-]*)(?=\/|$)/g, "/{$1}") + rest;
}

/** The last identifier of an expression (`encodeURIComponent(user.id)` → `id`; `$` and digits it starts with left out), read from its end. */
export function lastWord(expression: string, word = /[\w$]/): string | undefined {
  let end = expression.length;
  while (end > 0 && !word.test(expression[end - 1]!)) end--;
  let start = end;
  while (start > 0 && word.test(expression[start - 1]!)) start--;
  return expression.slice(start, end).replace(/^[\d$]+/, "") || undefined;
}
