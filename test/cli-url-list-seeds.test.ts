/**
 * `odatagen url --from` on the two Microsoft Graph API reference pages the project started from
 * (../shared/seeds, skipped visibly when absent), with the project's own config: the request each
 * page's "HTTP request" section writes and its example's are both made by the generated functions.
 */
import * as path from "node:path";
import { ROOT, runCliAsync } from "./helpers/cli";
import { describeWithSeeds, SEEDS_DIR } from "./helpers/seeds";

const PAGES = ["000_d62b62a72e170c75.txt", "003_83e9e3cd3e605487.txt"];

describeWithSeeds(...PAGES)("url --from on Graph's reference pages", () => {
  test.each(PAGES)("%s: its section's request and its example's are made", async (page) => {
    const r = await runCliAsync(["url", "--from", path.join(SEEDS_DIR, page)], ROOT);
    expect(r.stderr).toBe(`odatagen: ${path.join(SEEDS_DIR, page)}: 2 requests: 2 made by the generated functions, 0 refused\n`);
    expect(r.code).toBe(0);
  });
});
