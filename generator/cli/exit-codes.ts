/** Documented exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
/** Problems in the input, warnings under --fail-on-warnings, stale output under --check. */
export const EXIT_INPUT = 1;
/** Bad usage or config. */
export const EXIT_USAGE = 2;
// 130 and 143 (signals.ts) as shells report a signal; 70, an internal error, is set by bin/odatagen.js.
