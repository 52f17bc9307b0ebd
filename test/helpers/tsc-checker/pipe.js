// A worker thread of the jest worker, between test/helpers/tsc-checker.ts (which waits for an answer
// with Atomics.wait, so cannot read a pipe itself) and the checker process (server.js), which it
// starts. It passes each request on, and each answer back with a wake-up; it says so when the
// checker exits. Plain JavaScript: jest's transform does not reach a worker thread.
"use strict";
const { spawn } = require("node:child_process");
const { workerData } = require("node:worker_threads");

const { port, signal, server, args } = workerData;
const wake = new Int32Array(signal);
const child = spawn(process.execPath, [server, ...args], { stdio: ["pipe", "ignore", "pipe", "pipe"] });
// The checker's pid, for the waiting side to kill it when a request takes too long.
Atomics.store(wake, 1, child.pid ?? -1);

function post(message) {
  port.postMessage(message);
  Atomics.add(wake, 0, 1);
  Atomics.notify(wake, 0);
}

let stderr = "";
child.stderr.setEncoding("utf8").on("data", (s) => {
  stderr = (stderr + s).slice(-4000);
});
let pending = "";
child.stdio[3].setEncoding("utf8").on("data", (s) => {
  pending += s;
  let end;
  while ((end = pending.indexOf("\n")) >= 0) {
    post(JSON.parse(pending.slice(0, end)));
    pending = pending.slice(end + 1);
  }
});
child.on("error", (e) => post({ exited: `the checker did not start: ${e.message}` }));
child.on("close", (code, signalName) => post({ exited: `the checker exited (${signalName ?? code})${stderr ? `:\n${stderr}` : ""}`, signal: signalName }));
port.on("message", (request) => child.stdin.write(`${JSON.stringify(request)}\n`));
