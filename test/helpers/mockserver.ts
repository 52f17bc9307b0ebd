// Starts @sap-ux/fe-mockserver-core (an independent OData v4 server from npm) on 127.0.0.1 for one
// metadata file and a folder of mock data, behind Node's own http server.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import FEMockserver from "@sap-ux/fe-mockserver-core";

export interface RunningMockServer {
  /** The service root, e.g. `http://127.0.0.1:41234/trippin`. */
  serviceRoot: string;
  /** Every request the server received: method and URL as sent. */
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const quiet = { info() {}, warn() {}, error() {}, debug() {}, verbose() {}, silly() {}, perf() {}, isLevelEnabled: () => false };

export async function startMockServer(metadataPath: string, mockdataPath: string, options: { validateETag?: boolean } = {}): Promise<RunningMockServer> {
  const mock = new FEMockserver({
    services: [{ urlPath: "/trippin", metadataPath, mockdataPath, generateMockData: false, validateETag: options.validateETag ?? false }],
    logger: quiet as never,
  });
  await mock.isReady;
  const router = mock.getRouter();
  const requests: RunningMockServer["requests"] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    router(req as never, res as never, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceRoot: `http://127.0.0.1:${port}/trippin`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.dispose();
    },
  };
}
