// A TypeScript server (tsserver.js, TypeScript 5.9) driven over stdio with its JSON protocol, as an
// editor drives it: requests are one JSON line each, and the server answers with `Content-Length`
// framed JSON messages (responses matched by `request_seq`, events ignored).
"use strict";
const { spawn } = require("node:child_process");
const { awaitedAnswer } = require("./awaited-answer");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/**
 * Starts tsserver in its own Node process. `memoryFile`: where the preloaded hook
 * (bench/editor-heap.js) writes the server's heap after a full garbage collection on SIGUSR2.
 */
function startTsserver({ cwd, memoryFile, logFile }) {
  const server = path.join(ROOT, "node_modules", "typescript", "lib", "tsserver.js");
  const args = ["--expose-gc", "--require", path.join(__dirname, "editor-heap.js"), server, "--disableAutomaticTypingAcquisition"];
  if (logFile) args.push("--logVerbosity", "verbose", "--logFile", logFile);
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ODATAGEN_BENCH_HEAP_FILE: memoryFile },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let seq = 0;
  const pending = new Map();
  let buffer = Buffer.alloc(0);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const headerEnd = buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: ([0-9]+)/.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8"));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.type === "response" && pending.has(message.request_seq)) {
        const { resolve, reject } = pending.get(message.request_seq);
        pending.delete(message.request_seq);
        if (message.success === false) reject(new Error(`tsserver ${message.command}: ${message.message}`));
        else resolve(message.body);
      }
    }
  });
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  child.on("exit", () => {
    for (const { reject } of pending.values()) reject(new Error(`tsserver exited\n${stderr}`));
    pending.clear();
  });

  /** Sends a request; resolves with the response's body, or at once when none is expected. */
  function request(command, args, { expectResponse = true } = {}) {
    const message = { seq: ++seq, type: "request", command, arguments: args };
    child.stdin.write(JSON.stringify(message) + "\n");
    if (!expectResponse) return Promise.resolve(undefined);
    return awaitedAnswer(pending, message.seq, command, child);
  }

  async function stop() {
    await request("exit", {}, { expectResponse: false });
    const timer = setTimeout(() => child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
  return { pid: child.pid, request, stop };
}

module.exports = { startTsserver };
