/** A `rwsec` subcommand. `run` returns the process exit code; it never calls process.exit itself. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Environment, for passwords given as variables (never logged). */
  env: NodeJS.ProcessEnv;
  /** Present when stdin is a terminal: prompts without echo. */
  promptSecret?: (question: string) => Promise<string>;
}

export interface Command {
  name: string;
  /** Full help for `rwsec help NAME` / `rwsec NAME --help`. */
  help(): string;
  /** Commands with subcommands answer `rwsec CMD SUB --help` themselves, with that sub's help. */
  handlesSubcommandHelp?: boolean;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;
