// Removes dist/ before a build: the generator's fingerprint (recorded in each output's manifest)
// hashes dist/, so files left from an older build must not linger there.
require("node:fs").rmSync(require("node:path").join(__dirname, "..", "dist"), { recursive: true, force: true });
