// The HTTPS API as the portal calls it: the base URL from config.json, the signed-in user's
// token (refreshed first when near expiry), /public/v1 when nobody is signed in, and every
// failure as an ApiError carrying the RFC 7807 problem.

import type { Auth } from './auth';
import { ApiError, networkProblem, toProblem } from './problem';

export type Params = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  params?: Params;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

export interface BlobAnswer {
  blob: Blob;
  /** The file name from Content-Disposition, when the server gave one. */
  filename: string | null;
}

export function queryString(params: Params | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The file name in a Content-Disposition header (filename* first, then filename). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) {
    return null;
  }
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1] ?? '').trim() : '';
  return name === '' ? null : name;
}

export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly auth: Auth | null,
    private readonly fetchFn: typeof fetch,
  ) {}

  get signedIn(): boolean {
    return this.auth?.signedIn ?? false;
  }

  /** '/v1' for a signed-in user, '/public/v1' (released data only) otherwise. */
  get prefix(): string {
    return this.signedIn ? '/v1' : '/public/v1';
  }

  /** A path under the current prefix: scoped('/products') is /v1/products or /public/v1/products. */
  scoped(path: string): string {
    return `${this.prefix}${path}`;
  }

  url(path: string, params?: Params): string {
    return `${this.baseUrl}${path}${queryString(params)}`;
  }

  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options, 'application/json');
    return (await response.json()) as T;
  }

  async text(path: string, options: RequestOptions = {}): Promise<string> {
    const response = await this.send(path, options, 'text/plain, */*');
    return response.text();
  }

  /** A download: the redirect to the signed URL is followed by fetch (which drops the token on a cross-origin hop). */
  async blob(path: string, options: RequestOptions = {}): Promise<BlobAnswer> {
    const response = await this.send(path, options, '*/*');
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
  }

  private async send(path: string, options: RequestOptions, accept: string): Promise<Response> {
    const url = this.url(path, options.params);
    let response = await this.once(url, options, accept, await this.auth?.token() ?? null);
    if (response.status === 401 && this.auth?.signedIn) {
      // The token may have been revoked or expired early: one refresh, one retry.
      const refreshed = await this.auth.refresh();
      if (refreshed) {
        response = await this.once(url, options, accept, refreshed.idToken);
      }
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      const problem = toProblem(response.status, response.statusText, body, response.headers.get('Content-Type'));
      throw new ApiError(problem, response.status);
    }
    return response;
  }

  private async once(url: string, options: RequestOptions, accept: string, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return await this.fetchFn(url, { method: options.method ?? 'GET', headers, body, signal: options.signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError(networkProblem(url, e), 0);
    }
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
