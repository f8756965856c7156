/** An error from the API, in the shape every route returns (code, message, issues). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Array<{ path: string; message: string }>;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

let csrfToken: string | undefined;

/** Remembers the CSRF token the server handed out with the session. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function readCookie(name: string): string | undefined {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
}

/** Calls the API with the session cookie and, for state-changing methods, the CSRF header. */
export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; file?: { text: string; type: string } } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.file) headers['content-type'] = init.file.type;
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie('checkpoint_csrf');
    if (token) headers['x-csrf-token'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.file ? { body: init.file.text } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const body = (data ?? {}) as { code?: string; message?: string; issues?: ApiError['issues'] };
    throw new ApiError(
      response.status,
      body.code ?? 'internal',
      body.message ?? 'Something went wrong. Please try again.',
      body.issues ?? [],
    );
  }
  return data as T;
}

/** Builds a query string from defined, non-empty values (filters only, never member data). */
export function toQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
