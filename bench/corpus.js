// Inputs for the benchmark, built in a temporary folder (never inside the project).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CORPUS = path.resolve(__dirname, "..", "..", "shared", "corpus");
const GRAPH = path.join(CORPUS, "graph-v1.0-clean.xml");

/**
 * The Graph document twice as large: its schemas plus a copy of each under a renamed namespace
 * (`microsoft.graph…` → `microsoft2.graph…`) and renamed aliases, so every reference in the copy
 * resolves inside the copy.
 */
function doubledGraph(text) {
  const open = text.indexOf("<edmx:DataServices>") + "<edmx:DataServices>".length;
  const close = text.lastIndexOf("</edmx:DataServices>");
  const schemas = text.slice(open, close);
  const aliases = [...schemas.matchAll(/<Schema [^>]*Alias="([^"]+)"/g)].map((m) => m[1]);
  let copy = schemas.replace(/\bmicrosoft\.graph\b/g, "microsoft2.graph");
  for (const a of aliases) {
    copy = copy.replace(new RegExp(`Alias="${a}"`, "g"), `Alias="${a}2"`);
    copy = copy.replace(new RegExp(`(["(\\s/,])${a}\\.`, "g"), `$1${a}2.`);
  }
  return text.slice(0, close) + copy + text.slice(close);
}

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `odatagen-bench-${name}-`));
}

module.exports = { CORPUS, GRAPH, doubledGraph, tempDir };
