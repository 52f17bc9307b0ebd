// wrap-code.ts breaks long types and calls of the requests modules as Prettier 3 (printWidth 120)
// breaks them; each `want` below is Prettier's output for the `given` line (checked when written).
import { brokenCall, brokenExpression, brokenItem, brokenProperty, brokenType } from "../generator/emit/wrap-code";
import { heritage, parameters, unionType } from "../generator/emit/wrap";
import { unionAlias } from "../generator/emit/write-types";

const A = "AccessPackageAssignmentRequestWorkflowExtension";

test.each<[string, { given: string; want: string }]>([
  [
    "a union in a type argument, a member a line, the long member's type arguments one a line",
    {
      given: `Promise<rt.Selected<${A}, S, ${A}Navigation, {}, "id", E> | N>`,
      want: `Promise<\n  | rt.Selected<\n      ${A},\n      S,\n      ${A}Navigation,\n      {},\n      "id",\n      E\n    >\n  | N\n>`,
    },
  ],
  [
    "nested generics, from the outside in",
    {
      given: `Promise<rt.Page<rt.Selected<${A}, S, ${A}Navigation, {}, "id", E>>>`,
      want: `Promise<\n  rt.Page<\n    rt.Selected<\n      ${A},\n      S,\n      ${A}Navigation,\n      {},\n      "id",\n      E\n    >\n  >\n>`,
    },
  ],
  [
    "a named type or null stays on the line around the named type's broken arguments",
    {
      given: `Promise<rt.Selected<rt.SubtypeOf<ProtectionPolicyBaseSubtypes>, never, ProtectionPolicyBaseNavigation, ProtectionPolicyBaseSubtypes, "id", never> | null>`,
      want: `Promise<rt.Selected<\n  rt.SubtypeOf<ProtectionPolicyBaseSubtypes>,\n  never,\n  ProtectionPolicyBaseNavigation,\n  ProtectionPolicyBaseSubtypes,\n  "id",\n  never\n> | null>`,
    },
  ],
  [
    "an intersection in parentheses breaks after its first member's `&`",
    {
      given: `Promise<(rt.DefaultSet<rt.OneOf<AccessPackageResource, "microsoft.graph.accessPackageResource", AccessPackageResourceSubtypes>, "id"> & rt.ControlInfo) | undefined>`,
      want: `Promise<\n  | (rt.DefaultSet<\n      rt.OneOf<AccessPackageResource, "microsoft.graph.accessPackageResource", AccessPackageResourceSubtypes>,\n      "id"\n    > &\n      rt.ControlInfo)\n  | undefined\n>`,
    },
  ],
  [
    "an array of a generic or null is not hugged: a member a line",
    {
      given: `Promise<rt.Selected<${A}, S, ${A}Navigation, {}, "id", E>[] | null>`,
      want: `Promise<\n  | rt.Selected<\n      ${A},\n      S,\n      ${A}Navigation,\n      {},\n      "id",\n      E\n    >[]\n  | null\n>`,
    },
  ],
  ["a string literal with an escaped quote is hugged", { given: `Promise<"${A}${A}\\"${A}">`, want: `Promise<"${A}${A}\\"${A}">` }],
])("brokenType after `): `: %s", (_name, { given, want }) => {
  expect(brokenType(given, 3, 2)).toBe(want);
});

test.each<[string, { given: string; want: string }]>([
  ["fits", { given: `S extends rt.PropertyName<${A}, ${A.slice(0, 20)}> = never`, want: `S extends rt.PropertyName<${A}, ${A.slice(0, 20)}> = never` }],
  [
    "only the default does not fit: after `=`",
    { given: `S extends rt.PropertyName<${A}o, ${A.slice(0, 35)}> = never`, want: `S extends rt.PropertyName<${A}o, ${A.slice(0, 35)}> =\n    never` },
  ],
  ["the constraint's type arguments one a line", { given: `S extends rt.PropertyName<${A}, ${A}Navigation> = never`, want: `S extends rt.PropertyName<\n    ${A},\n    ${A}Navigation\n  > = never` }],
  [
    "a constraint that does not break: after `extends` and after `=`",
    { given: `const E extends rt.Expand<${A}Navigation${A}Navigation> = never`, want: `const E extends\n    rt.Expand<${A}Navigation${A}Navigation> =\n    never` },
  ],
  [
    "a union constraint that fits up to `=`: the default after it",
    {
      given: "R extends rt.EntityRef<AnyAccessPackageQuestion, null> | rt.CollectionRef<AnyAccessPackageQuestion, unknown> = rt.EntityRef<AnyAccessPackageQuestion, null>",
      want: "R extends rt.EntityRef<AnyAccessPackageQuestion, null> | rt.CollectionRef<AnyAccessPackageQuestion, unknown> =\n    rt.EntityRef<AnyAccessPackageQuestion, null>",
    },
  ],
  [
    "a union constraint that fits up to the default's `<`: the default's type arguments one a line",
    {
      given: "R extends rt.EntityRef<AnyAttachment, null> | rt.CollectionRef<AnyAttachment, unknown> = rt.EntityRef<AnyAttachment, null>",
      want: "R extends rt.EntityRef<AnyAttachment, null> | rt.CollectionRef<AnyAttachment, unknown> = rt.EntityRef<\n    AnyAttachment,\n    null\n  >",
    },
  ],
  [
    "a parameter's object type, a member a line",
    {
      given: `params: { "settlement"?: unknown | null; "maturity"?: unknown | null; "frequency"?: unknown | null; "basis"?: unknown | null } = {}`,
      want: `params: {\n    "settlement"?: unknown | null;\n    "maturity"?: unknown | null;\n    "frequency"?: unknown | null;\n    "basis"?: unknown | null;\n  } = {}`,
    },
  ],
  [
    "a parameter's union, a member a line after the name",
    {
      given: "target: rt.EntityRef<AnyAccessPackageQuestionAnyAccessPackageQuestionAnyAccessPackageQuestion, null> | rt.CollectionRef<AnyAccessPackageQuestion, unknown>",
      want: "target:\n    | rt.EntityRef<AnyAccessPackageQuestionAnyAccessPackageQuestionAnyAccessPackageQuestion, null>\n    | rt.CollectionRef<AnyAccessPackageQuestion, unknown>",
    },
  ],
])("brokenItem, a line of a list: %s", (_name, { given, want }) => {
  expect(brokenItem(given)).toBe(want);
});

test.each<[string, { given: string; want: string }]>([
  [
    "calls broken from the outside in, a last array argument hugged",
    {
      given: `rt.nullable(rt.at<WorkbookRange>(rt.functionCall(target.path, "microsoft.graph.boundingRect", [["anotherRange", "String", params["anotherRange"]], ["anotherRange", "String", params["anotherRange"]]])))`,
      want: `rt.nullable(\n    rt.at<WorkbookRange>(\n      rt.functionCall(target.path, "microsoft.graph.boundingRect", [\n        ["anotherRange", "String", params["anotherRange"]],\n        ["anotherRange", "String", params["anotherRange"]],\n      ]),\n    ),\n  )`,
    },
  ],
  [
    "an argument a line where a call's arguments do not fit",
    {
      given: `rt.collection<AnyAuthenticationMethodConfiguration, string>(parent, "authenticationMethodConfigurations", rt.key("id", rt.edmString), true)`,
      want: `rt.collection<AnyAuthenticationMethodConfiguration, string>(\n    parent,\n    "authenticationMethodConfigurations",\n    rt.key("id", rt.edmString),\n    true,\n  )`,
    },
  ],
  [
    "type arguments one a line where `send<…>(` does not fit, then the arguments on the `>(` line",
    {
      given: `rt.send<rt.Page<rt.Selected<DeviceCompliancePolicyAssignment, never, DeviceCompliancePolicyAssignmentNavigation, {}, "id", never>>>(client, "POST", \`\${target.path}/microsoft.graph.assign\`, params, options, true)`,
      want: `rt.send<\n    rt.Page<\n      rt.Selected<DeviceCompliancePolicyAssignment, never, DeviceCompliancePolicyAssignmentNavigation, {}, "id", never>\n    >\n  >(client, "POST", \`\${target.path}/microsoft.graph.assign\`, params, options, true)`,
    },
  ],
])("brokenExpression after `  return `: %s", (_name, { given, want }) => {
  expect(brokenExpression(given, "  return ".length, 1, "  ")).toBe(want);
});

test("brokenType, a member of a union alias: a named type and an object type, around the object type's members", () => {
  const member = '(ActivateProcessingResultScopeCreateInput & { "@odata.type": "#microsoft.graph.identityGovernance.activateProcessingResultScope" })';
  expect(`  | ${brokenType(member, 4, 0, "    ")}`).toBe(
    '  | (ActivateProcessingResultScopeCreateInput & {\n      "@odata.type": "#microsoft.graph.identityGovernance.activateProcessingResultScope";\n    })',
  );
});

test("brokenProperty, a root's binding: the call's arguments one a line", () => {
  const binding = '"backupRestore/exchangeProtectionPolicies/mailboxInclusionRules": rt.within(solutions, "backupRestore/mailboxInclusionRules")';
  expect(brokenProperty(binding, "      ")).toBe(
    '"backupRestore/exchangeProtectionPolicies/mailboxInclusionRules": rt.within(\n        solutions,\n        "backupRestore/mailboxInclusionRules",\n      )',
  );
});

test.each<[string, { name: string; members: string[]; want: string }]>([
  ["the union on the alias's line where it fits (a line of 101 to 120 characters too)", { name: "E", members: ["CallRecordCreateInput", "OrganizerCreateInput", "ParticipantCreateInput", "SegmentCreateInput", "Session"], want: " CallRecordCreateInput | OrganizerCreateInput | ParticipantCreateInput | SegmentCreateInput | Session" }],
  [
    "the union on the next line where it fits there",
    { name: "EntityCreateInput", members: ["CallRecordCreateInput", "Organizer", "Participant", "SegmentCreateInput", "SessionCreateInput"], want: "\n  CallRecordCreateInput | Organizer | Participant | SegmentCreateInput | SessionCreateInput" },
  ],
  [
    "a member a line where it does not fit there either",
    {
      name: "EducationOutcomeCreateInput",
      members: ["EducationFeedbackOutcome", "EducationFeedbackResourceOutcomeInput", "EducationPointsOutcome", "EducationRubricOutcomeInput1"],
      want: "\n  | EducationFeedbackOutcome\n  | EducationFeedbackResourceOutcomeInput\n  | EducationPointsOutcome\n  | EducationRubricOutcomeInput1",
    },
  ],
])("unionAlias, a write type's union as Prettier writes it: %s", (_name, { name, members, want }) => {
  expect(unionAlias(`export type ${name} =`, members)).toBe(want);
});

// Prettier's form: rt.Written's type arguments one a line (its nested values' object type spans
// lines), each line indented as the member it belongs to.
test("unionAlias: a member of several lines (an rt.Written with nested values) has its type arguments one a line", () => {
  const members = [
    '(rt.Written<AccessPackageApprovalStage, never, {\n  escalationApprovers: (SubjectSetCreateInput | null)[];\n}> & { "@odata.type"?: "#microsoft.graph.accessPackageApprovalStage" })',
    '(AccessPackageDynamicApprovalStageCreateInput & { "@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage" })',
  ];
  const want = [
    "",
    "  | (rt.Written<",
    "      AccessPackageApprovalStage,",
    "      never,",
    "      {",
    "        escalationApprovers: (SubjectSetCreateInput | null)[];",
    "      }",
    "    > & {",
    '      "@odata.type"?: "#microsoft.graph.accessPackageApprovalStage";',
    "    })",
    "  | (AccessPackageDynamicApprovalStageCreateInput & {",
    '      "@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage";',
    "    })",
  ].join("\n");
  expect(unionAlias("export type AccessPackageApprovalStageCreateInput =", members)).toBe(want);
});

// Prettier writes an array of two or more arrays of two or more elements (a composite key, a
// function's parameters) an element a line wherever it stands, and breaks the calls around it.
test.each<[string, { given: string; want: string }]>([
  [
    "a composite key in a broken call, hugged by its own call's parentheses",
    {
      given: `rt.collection<OrderLine, { "orderId": number; "sku": string }>(parent, "lines", rt.compositeKey([["orderId", rt.edmInt32], ["sku", rt.edmString]]), true)`,
      want: `rt.collection<OrderLine, { "orderId": number; "sku": string }>(\n    parent,\n    "lines",\n    rt.compositeKey([\n      ["orderId", rt.edmInt32],\n      ["sku", rt.edmString],\n    ]),\n    true,\n  )`,
    },
  ],
  [
    "a function's parameters on a line that fits",
    {
      given: `rt.functionCall("", "GetNearestAirport", [["lat", "Double", params["lat"]], ["lon", "Double", params["lon"]]])`,
      want: `rt.functionCall("", "GetNearestAirport", [\n    ["lat", "Double", params["lat"]],\n    ["lon", "Double", params["lon"]],\n  ])`,
    },
  ],
  ["one parameter is no matrix", { given: `rt.functionCall(target.path, "x", [["a", "String", params["a"]]])`, want: `rt.functionCall(target.path, "x", [["a", "String", params["a"]]])` }],
  ["brackets in a string are no matrix", { given: `rt.f("[[a, b], [c, d]]", '[["e", 1], ["f", 2]]')`, want: `rt.f("[[a, b], [c, d]]", '[["e", 1], ["f", 2]]')` }],
  // With the object literals the validators modules break (an enum's members): a matrix breaks the
  // literal that holds it, member and all, and keeps a last object from being hugged.
  ["in a hugged object literal's member", { given: `f({ keys: [["a", 1], ["b", 2]] })`, want: `f({\n    keys: [\n      ["a", 1],\n      ["b", 2],\n    ],\n  })` }],
  ["before a last object literal", { given: `f([["a", 1], ["b", 2]], { x: 1 })`, want: `f(\n    [\n      ["a", 1],\n      ["b", 2],\n    ],\n    { x: 1 },\n  )` }],
])("brokenExpression, a matrix: %s", (_name, { given, want }) => {
  expect(brokenExpression(given, "  return ".length, 1, "  ")).toBe(want);
});

// Prettier hugs a signature's only parameter of an object type by the parentheses (its
// shouldHugTheOnlyFunctionParameter): a function's address builder, `nearRef(params: {` … `}): T {`.
test("parameters: the only parameter, of an object type, is hugged by the parentheses, its members one a line", () => {
  const params = 'params: { "at": edm.GeoPoint; "footprint": edm.GeoPolygon | null; "mapped": edm.GeoJson; "anywhere": edm.GeoJson; "region": Region }';
  expect(parameters("export function nearRef", [params], ": rt.CollectionRef<Place, string> {")).toBe(
    'params: {\n  "at": edm.GeoPoint;\n  "footprint": edm.GeoPolygon | null;\n  "mapped": edm.GeoJson;\n  "anywhere": edm.GeoJson;\n  "region": Region;\n}',
  );
  // Not with another parameter, nor with a default value: a parameter a line.
  expect(parameters("export function near", ["client: rt.Client", params], ": Promise<void> {").startsWith("\n  client: rt.Client,\n  params: {\n")).toBe(true);
  expect(parameters("export function near", [`${params} = {}`], ": Promise<void> {").startsWith("\n  params: {")).toBe(true);
});

// A types module's union alias (an enum's members, an Any… union) as Prettier 3 writes it: on the
// alias's line, else on the next line where it fits there, else a member a line; one member
// (A & { … }) without parentheses, on the next line where `A & {` does not fit on the alias's. A
// member's union (`"@odata.type"?:`) likewise on the next line where it fits there, else a member a line.
test.each<[string, { head: string; members: string[]; indent?: string; want: string }]>([
  ["an enum's union on the next line where it fits there", { head: "export type CallRecordsProductFamily =", members: ["unknown", "teams", "skypeForBusiness", "lync", "unknownFutureValue", "azureCommunicationServices"].map((m) => `"${m}"`), want: '\n  "unknown" | "teams" | "skypeForBusiness" | "lync" | "unknownFutureValue" | "azureCommunicationServices"' }],
  ["one member, an intersection, without its parentheses", { head: "export type AnyPolygon =", members: ['(Triangle & { "@odata.type": "#Test.Validation.Triangle" })'], want: ' Triangle & { "@odata.type": "#Test.Validation.Triangle" }' }],
  [
    "one member that does not fit: A & { on the alias's line, the object type a member a line",
    {
      head: "export type AnyUrlToItemResolverBase =",
      members: ['(ItemIdResolver & { "@odata.type": "#microsoft.graph.externalConnectors.itemIdResolver" })'],
      want: ' ItemIdResolver & {\n  "@odata.type": "#microsoft.graph.externalConnectors.itemIdResolver";\n}',
    },
  ],
  [
    "one member whose `A & {` does not fit on the alias's line: on the next line, the object type a member a line",
    {
      head: "export type AnyOnAuthenticationMethodLoadStartHandler =",
      members: ['(OnAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp & { "@odata.type": "#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp" })'],
      want: '\n  OnAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp & {\n    "@odata.type": "#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp";\n  }',
    },
  ],
  [
    "a member's union on the next line where it fits there",
    {
      head: '  "@odata.type"?:',
      indent: "  ",
      members: ["aiInteractionEntity", "aiAgentInfo", "aiInteractionPlugin"].map((m) => `"#microsoft.graph.${m}"`),
      want: '\n    "#microsoft.graph.aiInteractionEntity" | "#microsoft.graph.aiAgentInfo" | "#microsoft.graph.aiInteractionPlugin"',
    },
  ],
  ["a member's union a member a line", { head: '  "@odata.type"?:', indent: "  ", members: ["a".repeat(40), "b".repeat(40), "c".repeat(30)].map((m) => `"#${m}"`), want: ["", `"#${"a".repeat(40)}"`, `"#${"b".repeat(40)}"`, `"#${"c".repeat(30)}"`].join("\n    | ") }],
])("unionType: %s", (_name, { head, members, indent, want }) => {
  expect(unionType(head, members, indent)).toBe(want);
});

// An interface's heritage as Prettier 3.10 writes it (`heritage`); each `want` is Prettier's output.
test.each<[string, { head: string; bases: string[]; rest: string; args?: (string | string[])[]; want: string }]>([
  ["what fits stays on the name's line", { head: "export interface PersonInput", bases: ["Person"], rest: " {}", want: " extends Person {}" }],
  [
    "one base stays on the name's line however long",
    {
      head: "export interface AccessReviewInstanceDecisionItemAccessPackageAssignmentPolicyResource",
      bases: ["AccessReviewInstanceDecisionItemResource"],
      rest: " {",
      want: " extends AccessReviewInstanceDecisionItemResource {",
    },
  ],
  [
    "one qualified base goes to the next line",
    {
      head: "export interface AccessReviewInstanceDecisionItemAccessPackageAssignmentPolicyResource",
      bases: ["ns.AccessReviewInstanceDecisionItem"],
      rest: " {}",
      want: "\n  extends ns.AccessReviewInstanceDecisionItem {}",
    },
  ],
  [
    "several bases: `extends` on the next line, the bases on it where they fit",
    {
      head: "export interface AgreementFilePropertiesWriteNav",
      bases: ["AgreementFilePropertiesNavigation", "AgreementFileNavigation", "AgreementFileLocalizationNavigation"],
      rest: " {}",
      want: "\n  extends AgreementFilePropertiesNavigation, AgreementFileNavigation, AgreementFileLocalizationNavigation {}",
    },
  ],
  [
    "several bases that do not fit there: a base a line after `extends`",
    {
      head: "export interface AuthenticationMethodWriteNav",
      bases: ["AuthenticationMethodNavigation", "MicrosoftAuthenticatorAuthenticationMethodNavigation", "PlatformCredentialAuthenticationMethodNavigation"],
      rest: " {}",
      want: "\n  extends\n    AuthenticationMethodNavigation,\n    MicrosoftAuthenticatorAuthenticationMethodNavigation,\n    PlatformCredentialAuthenticationMethodNavigation {}",
    },
  ],
  [
    "rt.Written with an object type of several lines: its type arguments one a line, on the name's line",
    {
      head: "export interface PersonInput",
      bases: ['rt.Written<Person, "Photo", {\n  Friends: PersonInput[];\n}>'],
      args: ["Person", '"Photo"', "{\n  Friends: PersonInput[];\n}"],
      rest: " {}",
      want: ' extends rt.Written<\n  Person,\n  "Photo",\n  {\n    Friends: PersonInput[];\n  }\n> {}',
    },
  ],
  [
    "rt.Written that does not fit: its type arguments one a line",
    {
      head: "export interface AccessPackageAssignmentRequestorSettingsCreateInput",
      bases: ["rt.Written<AccessPackageAssignmentRequestorSettings, never, {}>"],
      args: ["AccessPackageAssignmentRequestorSettings", "never", "{}"],
      rest: " {}",
      want: " extends rt.Written<\n  AccessPackageAssignmentRequestorSettings,\n  never,\n  {}\n> {}",
    },
  ],
])("heritage: %s", (_name, { head, bases, rest, args, want }) => {
  expect(heritage(head, bases, rest, args)).toBe(want);
});

// `brokenCall` is `brokenExpression` given the call's callee and arguments rather than the joined
// text: the same text where it fits, with its type arguments broken, a last literal hugged, an
// argument a line, a matrix or an arrow inside.
const R = `rt.Selected<${A}, S, ${A}Navigation, {}, "id", E>`;
test.each<[string, { callee: string; args: string[] }]>([
  ["on its line", { callee: "rt.readPage", args: ["client", "target", "options"] }],
  ["no argument", { callee: "rt.now", args: [] }],
  ["an argument a line", { callee: "rt.update", args: ["client", "target", "body", `rt.preferLater(options, body, ${A}LaterMembersTable)`] }],
  ["type arguments broken, then the arguments", { callee: `rt.send<${R} | null>`, args: ["client", '"POST"', "`/a/${rt.key(id)}`", "body", "options"] }],
  ["type arguments on the line, the arguments broken", { callee: "rt.send<A>", args: ["client", '"GET"', `\`/${"segment".repeat(12)}\``, "undefined", "options"] }],
  ["a last object literal hugged", { callee: "rt.readPage", args: ["client", "target", `{ ${"a".repeat(60)}: 1, ${"b".repeat(60)}: 2 }`] }],
  ["a matrix in an argument", { callee: "rt.readPage", args: ["client", '[["a", x], ["b", y]]'] }],
  ["an arrow in an argument", { callee: "rt.readPage", args: ["client", `(v) => ${"f".repeat(120)}(v)`] }],
  ["an arrow in a type argument", { callee: `rt.send<(v: string) => ${"T".repeat(100)}>`, args: ["client"] }],
  ["a matrix type in a type argument", { callee: "rt.send<[[A, B], [C, D]]>", args: ["client"] }],
])("brokenCall after `  return `: %s", (_name, { callee, args }) => {
  expect(brokenCall(callee, args, "  return ".length, 1, "  ")).toBe(brokenExpression(`${callee}(${args.join(", ")})`, "  return ".length, 1, "  "));
});
