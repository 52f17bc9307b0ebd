// The validators, types and checkers modules' long statements and declarations, broken as Prettier 3
// (printWidth 120) breaks them: each `want` below is Prettier's output for the one-line form (checked
// when written; SERVICE's with `--quote-props preserve`, as the generated keys are JSON strings).
// `propsX`'s sum is Prettier's too (`return (`, a term a line, each ending in ` +`, `)`:
// render-prettier-layout.test.ts), and a call among its terms breaks as Prettier breaks a call.
import { assigned, assignedCall, parameters, unionType } from "../generator/emit/wrap";
import { brokenExpression } from "../generator/emit/wrap-code";
import { ifStatement, statementHead } from "../generator/emit/wrap-statement";

const CHECK = ["v: unknown", "ctx: vr.Context", "key: vr.Key"];

test.each<[string, { test: string; statement: string; want: string }]>([
  [
    "the statement on the next line where the whole does not fit",
    {
      test: `vr.isType(v, ctx, key, "microsoft.graph.callRecords.administrativeUnitInfo", SERVICE, false)`,
      statement: "exactAdministrativeUnitInfo(v, ctx, key)",
      want: `  if (vr.isType(v, ctx, key, "microsoft.graph.callRecords.administrativeUnitInfo", SERVICE, false))\n    exactAdministrativeUnitInfo(v, ctx, key);`,
    },
  ],
  [
    "the test on a line of its own where `if (…)` does not fit",
    {
      test: `vr.isType(v, ctx, key, "microsoft.graph.aadUserConversationMemberResultLongerNameHe.xxxxxxxxxxxx", SERVICE, false)`,
      statement: "exactA(v, ctx, key)",
      want: `  if (\n    vr.isType(v, ctx, key, "microsoft.graph.aadUserConversationMemberResultLongerNameHe.xxxxxxxxxxxx", SERVICE, false)\n  )\n    exactA(v, ctx, key);`,
    },
  ],
  [
    "the test's arguments one a line where its own line does not fit",
    {
      test: `vr.isType(v, ctx, key, "microsoft.graph.aadUserConversationMemberResultLongerNameHereToo.andEvenLongerNamespaceHere", SERVICE, false)`,
      statement: "exactAadUserConversationMemberResultLongerNameHereToo(v, ctx, key)",
      want: `  if (\n    vr.isType(\n      v,\n      ctx,\n      key,\n      "microsoft.graph.aadUserConversationMemberResultLongerNameHereToo.andEvenLongerNamespaceHere",\n      SERVICE,\n      false,\n    )\n  )\n    exactAadUserConversationMemberResultLongerNameHereToo(v, ctx, key);`,
    },
  ],
])("ifStatement: %s", (_name, { test, statement, want }) => {
  expect(`  ${ifStatement(test, statement, "  ")}`).toBe(want);
});

test("statementHead, a switch's test: on a line of its own, broken where it does not fit there", () => {
  const test = `vr.typeOf(v, ctx, key, "microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextDataBasexxxxxx", SERVICE)`;
  expect(`  ${statementHead("switch", test, 2, "  ")} {`).toBe(
    `  switch (\n    vr.typeOf(\n      v,\n      ctx,\n      key,\n      "microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextDataBasexxxxxx",\n      SERVICE,\n    )\n  ) {`,
  );
});

test.each<[string, { head: string; value: string; want: string }]>([
  [
    "a call of a long name stays after `=`, its argument on a line of its own",
    {
      head: "export const validateActivateProcessingResultScope: vr.Validate =",
      value: "/* @__PURE__ */ validator(checkActivateProcessingResultScope)",
      want: "export const validateActivateProcessingResultScope: vr.Validate = /* @__PURE__ */ validator(\n  checkActivateProcessingResultScope,\n);",
    },
  ],
  [
    "a call of one short name moves whole to the next line",
    {
      head: "export const isAdministrativeUnitInfo: vr.Guard<AdministrativeUnitInfo> =",
      value: "/* @__PURE__ */ guard<AdministrativeUnitInfo>(checkAdministrativeUnitInfo)",
      want: "export const isAdministrativeUnitInfo: vr.Guard<AdministrativeUnitInfo> =\n  /* @__PURE__ */ guard<AdministrativeUnitInfo>(checkAdministrativeUnitInfo);",
    },
  ],
  [
    "after `=`, where `= f(` does not fit, and there its argument on a line of its own",
    {
      head: "export const assertWindowsHelloForBusinessAuthenticationMethod: vr.Assert<WindowsHelloForBusinessAuthenticationMethod> =",
      value: "/* @__PURE__ */ asserter<WindowsHelloForBusinessAuthenticationMethod>(checkWindowsHelloForBusinessAuthenticationMethod)",
      want: "export const assertWindowsHelloForBusinessAuthenticationMethod: vr.Assert<WindowsHelloForBusinessAuthenticationMethod> =\n  /* @__PURE__ */ asserter<WindowsHelloForBusinessAuthenticationMethod>(\n    checkWindowsHelloForBusinessAuthenticationMethod,\n  );",
    },
  ],
  [
    "an enum's members object hugged by the parentheses as the last argument",
    {
      head: "export const checkAccessReviewInstanceDecisionItemFilterByCurrentUserOptions: vr.Checker =",
      value: `/* @__PURE__ */ vr.enumChecker("microsoft.graph.accessReviewInstanceDecisionItemFilterByCurrentUserOptions", { reviewer: 0, unknownFutureValue: 1 })`,
      want: `export const checkAccessReviewInstanceDecisionItemFilterByCurrentUserOptions: vr.Checker =\n  /* @__PURE__ */ vr.enumChecker("microsoft.graph.accessReviewInstanceDecisionItemFilterByCurrentUserOptions", {\n    reviewer: 0,\n    unknownFutureValue: 1,\n  });`,
    },
  ],
  [
    "a flags enum's arguments one a line (its members object is not the last)",
    {
      head: "export const checkFinish: vr.Checker =",
      value: `/* @__PURE__ */ vr.enumChecker("microsoft.graph.security.exportOptionsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", { a: 1, b: 2 }, true)`,
      want: `export const checkFinish: vr.Checker = /* @__PURE__ */ vr.enumChecker(\n  "microsoft.graph.security.exportOptionsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",\n  { a: 1, b: 2 },\n  true,\n);`,
    },
  ],
  [
    "an enum's arguments one a line where the hugged object's first line does not fit",
    {
      head: "export const checkAcc: vr.Checker =",
      value: `/* @__PURE__ */ vr.enumChecker("microsoft.graph.accessReviewInstanceDecisionItemFilterByCurrentUserOptionsxxxxxxxxxxxxxxxxxxxxxxx", { reviewer: 0, unknownFutureValue: 1 })`,
      want: `export const checkAcc: vr.Checker = /* @__PURE__ */ vr.enumChecker(\n  "microsoft.graph.accessReviewInstanceDecisionItemFilterByCurrentUserOptionsxxxxxxxxxxxxxxxxxxxxxxx",\n  { reviewer: 0, unknownFutureValue: 1 },\n);`,
    },
  ],
  [
    "a `=>` inside a string (an enum member's name) is no arrow function: the members are broken as any",
    {
      head: "export const checkSp: vr.Checker =",
      value: `/* @__PURE__ */ vr.enumChecker("h.sp", { "a | b padpadpadpadpadpad": 0, "h => i (j) padpadpadpadpadpad": 1, "k => l": 2, plain: 3 })`,
      want: `export const checkSp: vr.Checker = /* @__PURE__ */ vr.enumChecker("h.sp", {\n  "a | b padpadpadpadpadpad": 0,\n  "h => i (j) padpadpadpadpadpad": 1,\n  "k => l": 2,\n  plain: 3,\n});`,
    },
  ],
  [
    "an object literal a member a line from the outside in (checkers.ts's SERVICE)",
    {
      head: "export const SERVICE: vr.Service =",
      value: `{ aliases: { "customDataProvidedResourcePayloads": "microsoft.graph.customDataProvidedResourcePayloads", "graph": "microsoft.graph" }, version: "4.0" }`,
      want: `export const SERVICE: vr.Service = {\n  aliases: {\n    "customDataProvidedResourcePayloads": "microsoft.graph.customDataProvidedResourcePayloads",\n    "graph": "microsoft.graph",\n  },\n  version: "4.0",\n};`,
    },
  ],
  [
    "an object literal's member kept on its line where it fits",
    {
      head: "export const SERVICE: vr.Service =",
      value: `{ aliases: { "customDataProvidedResourcePayloads": "microsoft.graph.customDataPro" }, version: "4.0" }`,
      want: `export const SERVICE: vr.Service = {\n  aliases: { "customDataProvidedResourcePayloads": "microsoft.graph.customDataPro" },\n  version: "4.0",\n};`,
    },
  ],
])("assigned: %s", (_name, { head, value, want }) => {
  expect(`${head}${assigned(head, value)};`).toBe(want);
});

// `assignedCall` is `assigned` given the call's callee and arguments rather than the joined text:
// the same text at each of the shortcuts it takes (the fit, `poorlyBreakable`, the matrix and arrow checks).
const X30 = "checkX".padEnd(30, "x");
test.each<[string, { head: string; callee: string; args: string[] }]>([
  ["on the line where it fits", { head: "export const validateA: vr.Validate =", callee: "validator", args: ["checkA"] }],
  ["no argument, moved after `=` whole", { head: `export const validate${"A".repeat(56)}: vr.Validate =`, callee: "validator", args: [] }],
  ["one name of a quarter of the line, moved whole", { head: `export const validate${"A".repeat(50)}: vr.Validate =`, callee: "validator", args: [X30] }],
  ["one name longer than a quarter of the line, broken on the line", { head: `export const validate${"A".repeat(50)}: vr.Validate =`, callee: "validator", args: [`${X30}y`] }],
  ["one argument that is no name, broken on the line", { head: `export const validate${"A".repeat(50)}: vr.Validate =`, callee: "vr.validator", args: ["vr.arrayOf(checkA)"] }],
  ["`= f(` past the line: on the next line", { head: `export const validate${"A".repeat(110)}: vr.Validate =`, callee: "vr.validator", args: ["checkA", '"a.b"'] }],
  ["a members object hugged as the last argument", { head: "export const checkAcc: vr.Checker =", callee: "vr.enumChecker", args: ['"microsoft.graph.accessReviewInstanceDecisionItemFilterByCurrentUserOptions"', "{ reviewer: 0, unknownFutureValue: 1 }"] }],
  ["a flags enum's arguments one a line", { head: "export const checkFinish: vr.Checker =", callee: "vr.enumChecker", args: ['"microsoft.graph.security.exportOptionsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "{ a: 1, b: 2 }", "true"] }],
  ["a matrix in an argument breaks a call that fits its next line", { head: `export const validate${"K".repeat(80)}: vr.Validate =`, callee: "vr.validator", args: ['[["a", x], ["b", y]]'] }],
  ["an arrow function keeps a call past the line as it is", { head: "export const validateK: vr.Validate =", callee: "vr.validator", args: [`(v, ctx, key) => ${"check".repeat(20)}(v, ctx, key)`] }],
  ["a `=>` inside a string is no arrow", { head: "export const checkSp: vr.Checker =", callee: "vr.enumChecker", args: ['"h.sp"', `{ "h => i (j) ${"pad".repeat(20)}": 1, "k => l": 2, plain: 3 }`] }],
])("assignedCall: %s", (_name, { head, callee, args }) => {
  expect(assignedCall(head, callee, args)).toBe(assigned(head, `/* @__PURE__ */ ${callee}(${args.join(", ")})`));
});

test.each<[string, { name: string; params: string[]; result: string; want: string }]>([
  [
    "a parameter a line where the signature does not fit",
    {
      name: "exactOnAttributeCollectionExternalUsersSelfServiceSignUp",
      params: ["o: vr.Json", "ctx: vr.Context", "key: vr.Key"],
      result: ": void {",
      want: "export function exactOnAttributeCollectionExternalUsersSelfServiceSignUp(\n  o: vr.Json,\n  ctx: vr.Context,\n  key: vr.Key,\n): void {",
    },
  ],
  [
    "one line where it fits with its ` {` (120 characters)",
    {
      name: "checkIntegratedAppsAppSettingsAdminActivityAuditRecord",
      params: CHECK,
      result: ": void {",
      want: "export function checkIntegratedAppsAppSettingsAdminActivityAuditRecord(v: unknown, ctx: vr.Context, key: vr.Key): void {",
    },
  ],
])("parameters of a validators module's function: %s", (_name, { name, params, result, want }) => {
  expect(`export function ${name}(${parameters(`export function ${name}`, params, result)})${result}`).toBe(want);
});

test("brokenExpression, a term of propsX's sum: an argument a line, then `) +`", () => {
  const call = `vr.p(o["productFamily"], ctx, "productFamily", checkProductFamily, vr.REQUIRED, "microsoft.graph.callRecords.productFamily")`;
  expect(`    ${brokenExpression(call, 4, 2, "    ")} +`).toBe(
    `    vr.p(\n      o["productFamily"],\n      ctx,\n      "productFamily",\n      checkProductFamily,\n      vr.REQUIRED,\n      "microsoft.graph.callRecords.productFamily",\n    ) +`,
  );
});

test("unionType, an `Any…` alias: a member whose line does not fit around its object type's members", () => {
  const members = [
    '(ComplianceDLMSharePointAuditRecord & { "@odata.type": "#microsoft.graph.security.complianceDLMSharePointAuditRecord" })',
    '(ComplianceDLPApplicationsClassificationAuditRecord & { "@odata.type": "#microsoft.graph.security.complianceDLPApplicationsClassificationAuditRecord" })',
    '(Short & { "@odata.type": "#microsoft.graph.security.short" })',
  ];
  expect(`export type AnyX =${unionType("export type AnyX =", members)};`).toBe(
    [
      "export type AnyX =",
      "  | (ComplianceDLMSharePointAuditRecord & {",
      '      "@odata.type": "#microsoft.graph.security.complianceDLMSharePointAuditRecord";',
      "    })",
      "  | (ComplianceDLPApplicationsClassificationAuditRecord & {",
      '      "@odata.type": "#microsoft.graph.security.complianceDLPApplicationsClassificationAuditRecord";',
      "    })",
      '  | (Short & { "@odata.type": "#microsoft.graph.security.short" });',
    ].join("\n"),
  );
});
