// Where `odatagen fetch` saves a referenced document, and which references it will not save: table-driven.
import * as path from "node:path";
import { downloadable, referencedName } from "../generator/fetch/fetch-documents";
import { mappedFileProblem, referenceMapFile } from "../generator/write/reference-map";

const SAVED = path.resolve("/p/specs/main.xml");
const URL_OF = "https://host/svc/$metadata";

test.each([
  ["parts/types.xml", { url: "https://host/svc/parts/types.xml", file: path.resolve("/p/specs/parts/types.xml") }],
  ["types%20a.xml", { url: "https://host/svc/types%20a.xml", file: path.resolve("/p/specs/types a.xml") }],
  ["./x.xml", { url: "https://host/svc/x.xml", file: path.resolve("/p/specs/x.xml") }],
  ["https://other/x.xml", { url: "https://other/x.xml", file: undefined }],
])("the relative or absolute Uri %s is downloaded from %j", (written, want) => {
  const got = downloadable(written, URL_OF, SAVED);
  expect(typeof got === "string" ? got : { url: got.url, file: got.file }).toEqual(want);
});

test.each(["../x.xml", "a/../../x.xml", "/sap/x.xml", "%2e%2e/x.xml", "%5C..%5Cx.xml", "a%00.xml", "x.xml?v=1", "x.xml#f", "file:///etc/passwd", "ftp://h/x", "%zz"])(
  "the Uri %s is not saved",
  (written) => {
    expect(typeof downloadable(written, URL_OF, SAVED)).toBe("string");
  },
);

test("a referenced document is named after the main one and the Uri's last segment, -2 where taken, .json for JSON", () => {
  const taken = new Set(["main.xml", "main.references.json"]);
  expect(referencedName(SAVED, "https://x/vocabularies/Common.xml", "<x/>", taken)).toBe("main.Common.xml");
  expect(referencedName(SAVED, "https://y/vocabularies/Common.xml", "<x/>", taken)).toBe("main.Common-2.xml");
  expect(referencedName(SAVED, "https://x/svc/$metadata", "{}", taken)).toBe("main.metadata.json");
  expect(referencedName(SAVED, "https://x/references.json", "<x/>", taken)).toBe("main.references.xml");
  expect(referencedName(SAVED, "https://x/", "<x/>", taken)).toBe("main.reference.xml");
  expect(referencedName(SAVED, "https://x/..%2F..%2Fevil.xml", "<x/>", taken)).toBe("main.evil.xml");
});

test("the reference map of a document, and the files a map may name", () => {
  expect(referenceMapFile("/p/specs/sap.edmx")).toBe("/p/specs/sap.references.json");
  expect(referenceMapFile("/p/specs/metadata")).toBe("/p/specs/metadata.references.json");
  expect(mappedFileProblem("sap.Common.xml")).toBeUndefined();
  expect(mappedFileProblem("sub/types.xml")).toBeUndefined();
  for (const bad of ["../x.xml", "a/../x.xml", "/etc/passwd", "C:\\x.xml", "a\\..\\x.xml", "", "a//b.xml"]) expect(mappedFileProblem(bad)).toBeDefined();
});
