// A create's and an update's `body:` parameter broken as Prettier 3 (printWidth 120) writes it: an
// abstract type's union of its subtypes' bodies inside `rt.WithType<…>` on one line of its own
// where it fits there, one subtype's body there without a leading `| `, and one update body never
// moved to the line after `body:` (its type arguments one a line instead). Each `want` is what
// Prettier 3.10 prints for the one-line signature.
import { generate } from "../generator/generate";
import { edmx, schema } from "./helpers/csdl";

const KEY = `<Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`;
const OWNER = `<NavigationProperty Name="owner" Type="N.person"/>`;
const XML = edmx(schema("N", `
  <EntityType Name="conversation" Abstract="true">${KEY}${OWNER}</EntityType>
  <EntityType Name="meetingConverse" BaseType="N.conversation"/>
  <EntityType Name="communityChats" BaseType="N.conversation"/>
  <EntityType Name="session" Abstract="true">${KEY}${OWNER}</EntityType>
  <EntityType Name="meetingConversationSessionWithLongNameXY" BaseType="N.session"/>
  <EntityType Name="person">${KEY}</EntityType>
  <EntityType Name="accessPackageAssignmentPolicyWithNa">${KEY}<Property Name="x" Type="Edm.String"/>${OWNER}</EntityType>
  <EntityContainer Name="C">
    <EntitySet Name="conversations" EntityType="N.conversation"/>
    <EntitySet Name="sessions" EntityType="N.session"/>
    <EntitySet Name="policies" EntityType="N.accessPackageAssignmentPolicyWithNa"/>
  </EntityContainer>`));

const code = generate({ inputs: [{ file: "n.xml", content: XML }] }).files.get("N.requests.ts") as string;
/** What follows `body:` in the signature of `fn`, up to its `,`. */
const body = (fn: string) => new RegExp(`export function ${fn}<[^]*?\\n  body:([^]*?),\\n  options`).exec(code)?.[1];

test.each<[string, { fn: string; want: string }]>([
  [
    "a union of subtypes' bodies on one line inside rt.WithType where it fits there",
    { fn: "createConversation", want: " rt.WithType<\n    rt.CreateBody<MeetingConverse, MeetingConverseNavigation> | rt.CreateBody<CommunityChats, CommunityChatsNavigation>\n  >" },
  ],
  [
    "one subtype's body inside rt.WithType, without a leading `|`",
    { fn: "createSession", want: " rt.WithType<\n    rt.CreateBody<MeetingConversationSessionWithLongNameXY, MeetingConversationSessionWithLongNameXYNavigation>\n  >" },
  ],
  [
    "one update body stays on the `body:` line, its type arguments one a line",
    {
      fn: "updateAccessPackageAssignmentPolicyWithNa",
      want: ` rt.UpdateBody<\n    AccessPackageAssignmentPolicyWithNa,\n    R,\n    "id",\n    never,\n    AccessPackageAssignmentPolicyWithNaNavigation\n  >`,
    },
  ],
])("%s", (_name, { fn, want }) => {
  expect(body(fn)).toBe(want);
});
