/**
 * The table a requests module's writes name evolvable enums' later members by (model/evolvable-enums.ts):
 * one per module, `const LATER_MEMBERS = { productFamily: "azureCommunicationServices", … }`, the
 * members after a sentinel that the bodies of its creates, updates and actions may name, by the
 * property or parameter holding them. A write whose own body may name one passes
 * `rt.preferLater(options, body, LATER_MEMBERS)`, so that the runtime adds `Prefer:
 * include-unknown-enum-members` when the body names one; elsewhere `options`. One table a module
 * rather than one a write: Graph's `entity` and `directoryObject` reach thousands of properties
 * through their subtypes, and their creates and updates would each spell the same 60 names. A body
 * naming such a member in a same-named property of another type of the module also sends the
 * preference, which only asks the service to name such members in its answer too.
 */
import { literalKey } from "../passes/names";
import { stringLiteral } from "../string-literal";
import { objectLiteral } from "./wrap";
import { brokenProperty } from "./wrap-code";
import { membersOf } from "../model/evolvable-enums";

export class LaterMembersTable {
  private readonly members = new Map<string, Set<string>>();

  /** `name`: the table's name in the module, one no other of its names has. */
  constructor(readonly name: string) {}

  /** The options a write passes: `rt.preferLater(…)` where `later` (its body's, by name) is not empty, else `options`. */
  options(options: string, body: string, later: ReadonlyMap<string, string>): string {
    if (later.size === 0) return options;
    for (const [name, list] of later) for (const m of list.split(",")) membersOf(this.members, name).add(m);
    return `rt.preferLater(${options}, ${body}, ${this.name})`;
  }

  /** The table's object literal (`const {name} = {body};`), its members in the order of their names; undefined where no write needs it. */
  body(): string | undefined {
    if (this.members.size === 0) return undefined;
    const names = [...this.members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const members = names.map((n) => brokenProperty(`${literalKey(n)}: ${stringLiteral([...this.members.get(n)!].sort().join(","))}`, "  "));
    return objectLiteral(`const ${this.name} = `, members, ";");
  }
}
