/** One thing wrong with one app, said so that a person can fix it: which file, which field, what. */
export interface Problem {
  file: string;
  field?: string;
  message: string;
}

export function formatProblem({ file, field, message }: Problem): string {
  return field ? `${file}: "${field}" ${message}` : `${file}: ${message}`;
}

/** A refusal with a message for the person at the terminal (bad argument, missing file). */
export class CliError extends Error {}

export class AppStoreProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The app store has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written.\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "AppStoreProblems";
  }
}
