/** Documented exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
/** Problems in the input, warnings under --fail-on-warnings, stale output under --check. */
export const EXIT_INPUT = 1;
/** Bad usage or config. */
export const EXIT_USAGE = 2;
