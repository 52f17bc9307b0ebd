// A language server spoken to over stdio with the Language Server Protocol (JSON-RPC 2.0 with
// `Content-Length` framing both ways), as an editor does: TypeScript 7's `tsc --lsp --stdio`.
// Requests the server sends (workspace/configuration, client/registerCapability…) get an empty answer.
"use strict";
const { spawn } = require("node:child_process");
const { awaitedAnswer } = require("./awaited-answer");


function startLsp(command, args, { cwd }) {
  const child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
  let id = 0;
  const pending = new Map();
  let buffer = Buffer.alloc(0);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const send = (message) => {
    const text = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    child.stdin.write(`Content-Length: ${text.length}\r\n\r\n`);
    child.stdin.write(text);
  };
  child.stdout.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const headerEnd = buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: ([0-9]+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8"));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.method !== undefined && message.id !== undefined) {
        // A request from the server: answer each item of workspace/configuration with null, the rest with null.
        const items = message.method === "workspace/configuration" ? message.params.items.map(() => null) : null;
        send({ id: message.id, result: items });
      } else if (message.id !== undefined && pending.has(message.id)) {
        const { resolve, reject } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`LSP: ${message.error.message}`));
        else resolve(message.result);
      }
    }
  });
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  child.on("exit", () => {
    for (const { reject } of pending.values()) reject(new Error(`language server exited\n${stderr}`));
    pending.clear();
  });

  function request(method, params) {
    const message = { id: ++id, method, params };
    send(message);
    return awaitedAnswer(pending, message.id, method, child);
  }
  const notify = (method, params) => send({ method, params });

  async function stop() {
    await request("shutdown", null).catch(() => undefined);
    notify("exit", null);
    const timer = setTimeout(() => child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
  return { pid: child.pid, request, notify, stop };
}

module.exports = { startLsp };
