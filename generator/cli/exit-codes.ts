/** Documented exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
/** Problems in the input, warnings under --fail-on-warnings, stale output under --check. */
export const EXIT_INPUT = 1;
/** Bad usage or config. */
export const EXIT_USAGE = 2;
/** `diff --fail-on-breaking`: the versions were read, and a change between them is breaking. */
export const EXIT_BREAKING = 3;
/** `fetch`: a download failed (a network error, the time limit, an HTTP error status, an answer that is not CSDL). */
export const EXIT_FETCH = 4;
// 130, 143 and 129 (signals.ts: SIGINT, SIGTERM, SIGHUP) as shells report a signal. bin/odatagen.js sets the two it meets before or
// around the CLI: 70 (sysexits' EX_SOFTWARE), an internal error, a bug in odatagen; 78 (EX_CONFIG), an
// odatagen that was never built (no dist/: a git install whose `prepare` npm skipped), which a
// reinstall mends, not a bug report.
