// What every `rwsec` command gets to talk to the world, and the exit codes they share. Commands
// themselves are declared with cli-spec.ts; their `run` returns the exit code and never calls
// process.exit itself.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Environment, for passwords given as variables (never logged). */
  env: NodeJS.ProcessEnv;
  /** Present when stdin is a terminal: prompts without echo. */
  promptSecret?: (question: string) => Promise<string>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;
