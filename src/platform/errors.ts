/** The closed set of error codes; each maps to one HTTP status and one CLI exit code. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_many_requests: 429,
  unprocessable: 422,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface Issue {
  path: string;
  message: string;
}

/** The one error type the application throws on purpose: a code, a plain message, and issues. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues: Issue[];
}

/** Turns zod issues (or anything shaped like them) into our issue list. */
export function issuesFromZod(
  zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): Issue[] {
  return zodIssues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Any thrown value as an error body; unknown errors leak nothing. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: 'internal', message: 'Something went wrong on our side. The error was logged.', issues: [] };
}
