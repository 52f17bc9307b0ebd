/**
 * Schemas' namespaces and aliases (CSDL §5): checked as names (they name the generated files and
 * modules), each namespace once, each alias standing for one namespace.
 */
import type { ModelBuilder } from "./build";
import { Codes, placeOf, type SourceRef } from "../diagnostics";
import type { RawInclude, RawSchema } from "../parse/raw";
import { isNamespace, isSimpleIdentifier, RESERVED_NAMES } from "./rules";
import { wordingOf } from "./wording";
import { fileStem } from "../file-names";
import { unseenProblem } from "../unseen-characters";

/** The longest file name most file systems allow, in bytes, and the longest suffix of a generated file (checkSchemaNames). */
const MAX_FILE_NAME = 255;
const LONGEST_SUFFIX = ".validators.ts";

/**
 * CSDL §3.4, §5.2: an alias stands for one namespace; it is not another namespace's name, nor one
 * of the reserved names. Otherwise a qualified name could mean two types. `namespaces` are those the
 * alias's document declares or includes (CSDL XML §4.2: aliases are the document's own, and differ
 * from its namespaces): another document's namespace may have the alias's name.
 */
export function declareAlias(b: ModelBuilder, alias: string, namespace: string, namespaces: ReadonlySet<string>, at: SourceRef, local: Map<string, string>): void {
  const known = local.get(alias);
  if (RESERVED_NAMES.has(alias))
    b.diags.error(Codes.invalidAttribute, `${wordingOf(at).name("Alias")} ${alias} is a reserved name (CSDL §5.2: not Edm, odata, System or Transient)`, namespace, at);
  else if (known !== undefined && known !== namespace)
    b.diags.error(Codes.duplicateName, `alias ${alias} stands for both ${known} and ${namespace}`, namespace, at);
  else if (alias !== namespace && namespaces.has(alias))
    b.diags.error(Codes.duplicateName, `alias ${alias} of ${namespace} is also the name of a namespace`, namespace, at);
  local.set(alias, namespace);
  // Another document may give the alias another meaning (§4.2): the first one serves payloads and
  // URLs, unless it is the name of a namespace some document declares, which it would hide there.
  if (!b.aliases.has(alias) && !b.loaded.has(alias)) b.aliases.set(alias, namespace);
}

/**
 * CSDL §5.1: a namespace is dot-separated simple identifiers, an alias one simple identifier. Both
 * name generated modules and identifiers: anything else (`../x`, `a/b`) could write outside the
 * output folder.
 */
export function checkSchemaNames(b: ModelBuilder, raw: RawSchema): void {
  if (RESERVED_NAMES.has(raw.namespace))
    b.diags.error(Codes.invalidAttribute, `${wordingOf(raw.at).namespace} ${raw.namespace} is a reserved name (CSDL §5.1: not Edm, odata, System or Transient)`, raw.namespace, raw.at);
  else if (!unseen(b, wordingOf(raw.at).namespace, raw.namespace, raw.namespace, raw.at) && raw.namespace && !isNamespace(raw.namespace))
    b.diags.error(Codes.invalidAttribute, `${wordingOf(raw.at).namespace} ${JSON.stringify(raw.namespace)} is not simple identifiers separated by dots (CSDL §5.1)`, raw.namespace, raw.at);
  // Its longest file, `<namespace>.validators.ts`, must fit the 255 bytes most file systems allow a name.
  const bytes = Buffer.byteLength(fileStem(raw.namespace));
  if (bytes > MAX_FILE_NAME - LONGEST_SUFFIX.length)
    b.diags.error(Codes.invalidAttribute, `${wordingOf(raw.at).namespace} ${raw.namespace.slice(0, 40)}… is ${bytes} bytes long: its generated files (…${LONGEST_SUFFIX}) would have names longer than the ${MAX_FILE_NAME} bytes a file system allows; at most ${MAX_FILE_NAME - LONGEST_SUFFIX.length}`, raw.namespace, raw.at);
  if (raw.alias !== undefined && !RESERVED_NAMES.has(raw.alias) && !unseen(b, wordingOf(raw.at).name("Alias"), raw.alias, raw.namespace, raw.at) && !isSimpleIdentifier(raw.alias))
    b.diags.error(Codes.invalidAttribute, `${wordingOf(raw.at).name("Alias")} ${JSON.stringify(raw.alias)} is not a simple identifier (CSDL §5.2)`, raw.namespace, raw.at);
  // Each namespace has its own generated files: a second schema of one namespace would replace the
  // first's, and on case-insensitive file systems (macOS, Windows) so would one differing in case.
  const key = raw.namespace.toLowerCase();
  const first = b.namespaceKeys.get(key);
  if (first === undefined) b.namespaceKeys.set(key, { namespace: raw.namespace, at: raw.at });
  else if (raw.namespace)
    b.diags.error(
      Codes.duplicateName,
      first.namespace === raw.namespace
        ? `namespace ${raw.namespace} is declared by two schemas; the first is at ${placeOf(first.at)}`
        : `namespace ${raw.namespace} differs only in case from namespace ${first.namespace} (at ${placeOf(first.at)}): their generated files would be one file on macOS and Windows`,
      raw.namespace,
      raw.at,
    );
}

/** An include's namespace and alias, checked as a schema's are for what no one can see (a qualified name through them would look like another). */
export function checkIncludeNames(b: ModelBuilder, inc: RawInclude): void {
  const w = wordingOf(inc.at);
  unseen(b, `${w.include} ${w.name("Namespace")}`, inc.namespace, inc.namespace, inc.at);
  if (inc.alias !== undefined) unseen(b, `${w.include} ${w.name("Alias")}`, inc.alias, inc.namespace, inc.at);
}

/**
 * A namespace or alias holding a bidirectional control or a character that shows nothing
 * (unseenProblem; zero-width joiner and non-joiner are read, as in element names) is an error
 * (ODG102): it names generated files and qualifies names, which would look like another's
 * (`n\u200bs.types.ts` beside `ns.types.ts`). True when reported.
 */
function unseen(b: ModelBuilder, what: string, value: string, path: string, at: SourceRef): boolean {
  const problem = unseenProblem(value);
  if (problem) b.diags.error(Codes.invalidAttribute, `${what} ${JSON.stringify(value)} holds ${problem} (CSDL §5.1, §5.2: namespaces and aliases are made of simple identifiers)`, path, at);
  return problem !== undefined;
}
