/**
 * A config that does not parse, with the line and column (1-based) of the problem, and the file it
 * is in when that is not the config (a module the config imports).
 */
export class ConfigSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number, readonly file?: string) {
    super(message);
  }
}
