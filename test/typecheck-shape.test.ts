/**
 * The generated code as the TypeScript compiler sees it: shapes that keep `tsc` over a large
 * service (Graph v1.0's 15 MB) from building types no program asked for. The types a program sees
 * are tested elsewhere (requests-types*, usage/); the figures are in docs/performance-notes.md.
 */
import * as path from "node:path";
import ts from "typescript";

const dir = path.join(__dirname, "..", "generated", "graph-callrecords");
const requests = path.join(dir, "microsoft.graph.callRecords.requests.ts");
const validators = path.join(dir, "microsoft.graph.callRecords.validators.ts");
const index = path.join(dir, "index.ts");
// The libraries generated code is written for (ES2022 and DOM, no @types: BASE_OPTIONS in
// helpers/typecheck.ts), not the default ES2022 "full" library and every package of
// node_modules/@types (~320 declaration files), which the program read and bound for nothing.
const program = ts.createProgram([requests, validators, index], {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
});
const checker = program.getTypeChecker();

function topLevel<T extends ts.Node>(file: string, name: string, is: (n: ts.Node) => n is T): T {
  const source = program.getSourceFile(file)!;
  for (const s of source.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && is(d)) return d;
    } else if (is(s) && ts.isFunctionDeclaration(s) && s.name?.text === name) return s;
  }
  throw new Error(`${name} is not declared at the top of ${path.basename(file)}`);
}

test("a read's result type stays one deferred type while its select is the function's own type parameter", () => {
  const getSession = topLevel(requests, "getSession", ts.isFunctionDeclaration);
  const signature = checker.getSignatureFromDeclaration(getSession)!;
  const promised = checker.getTypeArguments(checker.getReturnTypeOfSignature(signature) as ts.TypeReference)[0];
  const members = promised.isUnion() ? promised.types : [promised];
  const selected = members.find((t) => t.aliasSymbol?.name === "Selected");
  expect(selected).toBeDefined();
  // Not an intersection of the chosen properties, the expansions and the control information,
  // built for every read function of every entity: a conditional type, resolved when a call picks S.
  expect(selected!.flags & ts.TypeFlags.Conditional).toBeTruthy();
  expect(selected!.flags & ts.TypeFlags.Intersection).toBeFalsy();
});

test("validateX, isX, assertX, exactX (and checkX of a type without subtypes) are constants of declared types, made by functions of the module", () => {
  for (const [name, type] of [
    ["validateSession", "Validate"],
    ["isSession", "Guard<Session>"],
    ["assertSession", "Assert<Session>"],
    ["checkSession", "Checker"],
    ["exactSession", "Exact"],
  ]) {
    const d = topLevel(validators, name, ts.isVariableDeclaration);
    expect(d.type?.getText()).toBe(type);
    // The maker is a function declaration of the module: an imported name (`vr.guard`) read at the
    // top level would make the compiler look it up through every constant declared before it.
    const call = d.initializer as ts.CallExpression;
    expect(ts.isCallExpression(call) && ts.isIdentifier(call.expression)).toBe(true);
    const maker = checker.getSymbolAtLocation(call.expression)!;
    expect(maker.valueDeclaration && ts.isFunctionDeclaration(maker.valueDeclaration)).toBe(true);
    expect(maker.valueDeclaration!.getSourceFile().fileName).toBe(validators);
  }
});

test("the guards still narrow as functions did, and the program has no errors", () => {
  expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  const isSession = topLevel(validators, "isSession", ts.isVariableDeclaration);
  const [signature] = checker.getTypeAtLocation(isSession).getCallSignatures();
  expect(checker.getTypePredicateOfSignature(signature)?.kind).toBe(ts.TypePredicateKind.Identifier);
  const assertSession = topLevel(validators, "assertSession", ts.isVariableDeclaration);
  const [asserts] = checker.getTypeAtLocation(assertSession).getCallSignatures();
  expect(checker.getTypePredicateOfSignature(asserts)?.kind).toBe(ts.TypePredicateKind.AssertsIdentifier);
  // Their types are there for a program's own declarations too.
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(index)!)!).map((e) => e.name);
  expect(exported).toEqual(expect.arrayContaining(["Validate", "Guard", "Assert", "Checked"]));
});
