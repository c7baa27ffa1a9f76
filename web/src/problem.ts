// RFC 7807 problems as the API sends them, and how the portal shows them.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** The offending query parameter or body field. */
  parameter?: string;
  /** The accepted form of that parameter. */
  expected?: string;
}

/** A failed request: the HTTP status (0 when the API did not answer) and the problem it sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem, status = problem.status ?? 0) {
    super(problemText(problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const StatusTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The problem in a failed response's body. A problem+json (or any JSON object with a title or
 * detail) is read field by field; anything else becomes a problem from the status and a short
 * excerpt of the body, so every failure has something to show.
 */
export function toProblem(status: number, statusText: string, body: string, contentType: string | null): Problem {
  const fallback: Problem = { status, title: StatusTitles[status] ?? (text(statusText) ?? `HTTP ${status}`) };
  const looksJson = (contentType ?? '').includes('json') || body.trimStart().startsWith('{');
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const o = parsed as Record<string, unknown>;
        const problem: Problem = {
          type: text(o.type),
          title: text(o.title) ?? fallback.title,
          status: typeof o.status === 'number' ? o.status : status,
          detail: text(o.detail) ?? text(o.message),
          instance: text(o.instance),
          parameter: text(o.parameter),
          expected: text(o.expected),
        };
        return strip(problem);
      }
    } catch {
      // Not JSON after all: shown as text below.
    }
  }
  const excerpt = body.trim().slice(0, 300);
  return strip({ ...fallback, detail: excerpt === '' ? undefined : excerpt });
}

/** The problem for a request that got no answer at all (network down, CORS refused, API stopped). */
export function networkProblem(url: string, cause: unknown): Problem {
  const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return {
    status: 0,
    title: 'The API did not answer',
    detail: `No response from ${url}${reason}. Check that the SDC is running and reachable.`,
  };
}

function strip(problem: Problem): Problem {
  const out: Problem = {};
  for (const [key, value] of Object.entries(problem) as [keyof Problem, unknown][]) {
    if (value !== undefined) {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** The lines a person reads: what went wrong, then which parameter and what it accepts. */
export function problemLines(problem: Problem): string[] {
  const lines: string[] = [];
  const head = problem.title ?? (problem.status ? `HTTP ${problem.status}` : 'Request failed');
  lines.push(problem.status ? `${head} (${problem.status})` : head);
  if (problem.detail && problem.detail !== problem.title) {
    lines.push(problem.detail);
  }
  if (problem.parameter) {
    lines.push(`Parameter: ${problem.parameter}`);
  }
  if (problem.expected) {
    lines.push(`Expected: ${problem.expected}`);
  }
  return lines;
}

export function problemText(problem: Problem): string {
  return problemLines(problem).join(' — ');
}

/** Any thrown value as a problem (an ApiError's own, or the error's message). */
export function asProblem(error: unknown): Problem {
  if (error instanceof ApiError) {
    return error.problem;
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong', detail: error.message };
  }
  return { title: 'Something went wrong', detail: String(error) };
}
