import { describe, expect, it } from 'vitest';
import { Api, filenameFromDisposition, queryString } from './api';
import { Auth, type AuthDeps } from './auth';
import { ApiError } from './problem';

interface Seen { url: string; method: string; headers: Record<string, string>; body?: string }

function fakeFetch(answers: ((seen: Seen) => Response)[], seen: Seen[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    const s = { url, method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body: init.body as string | undefined };
    seen.push(s);
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next(s);
  }) as unknown as typeof fetch;
}

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

function signedIn(fetchFn: typeof fetch, now = 0): Auth {
  const deps: AuthDeps = { fetch: fetchFn, now: () => now, session: memory(), persistent: memory(), setTimer: () => 0, clearTimer: () => {} };
  deps.session.setItem('sdc.tokens', JSON.stringify({ idToken: 'id-1', accessToken: 'a', refreshToken: 'r', expiresAt: 3_600_000, lifetimeMs: 3_600_000, username: 'demo', groups: ['admin'] }));
  return new Auth({ endpoint: 'http://api/auth', clientId: 'c' }, deps);
}

const authOk = (id: string) => () => Response.json({ AuthenticationResult: { IdToken: id, AccessToken: 'a', ExpiresIn: 3600 } });

describe('API client', () => {
  it('uses /public/v1 without a token when nobody is signed in', async () => {
    const seen: Seen[] = [];
    const api = new Api('http://api', null, fakeFetch([() => Response.json({ products: [] })], seen));
    expect(api.scoped('/products')).toBe('/public/v1/products');
    await api.json(api.scoped('/products'), { params: { level: 'l2', orbit: undefined, cursor: '' } });
    expect(seen[0]!.url).toBe('http://api/public/v1/products?level=l2');
    expect(seen[0]!.headers.Authorization).toBeUndefined();
  });

  it('sends the ID token and /v1 when signed in', async () => {
    const seen: Seen[] = [];
    const fetchFn = fakeFetch([() => Response.json({ ok: true })], seen);
    const api = new Api('http://api', signedIn(fetchFn), fetchFn);
    expect(api.prefix).toBe('/v1');
    await api.json('/v1/downloads', { method: 'POST', body: { ids: [1, 2] } });
    expect(seen[0]).toMatchObject({ url: 'http://api/v1/downloads', method: 'POST', body: '{"ids":[1,2]}' });
    expect(seen[0]!.headers).toMatchObject({ Authorization: 'Bearer id-1', 'Content-Type': 'application/json' });
  });

  it('refreshes once and retries after a 401', async () => {
    const seen: Seen[] = [];
    const fetchFn = fakeFetch([
      () => new Response('', { status: 401 }),
      authOk('id-2'),
      (s) => Response.json({ token: s.headers.Authorization }),
    ], seen);
    const api = new Api('http://api', signedIn(fetchFn), fetchFn);
    expect(await api.json('/v1/me')).toEqual({ token: 'Bearer id-2' });
  });

  it('throws the problem the API sent', async () => {
    const seen: Seen[] = [];
    const api = new Api('http://api', null, fakeFetch([() => new Response(
      '{"title":"Bad parameter","status":400,"detail":"orbit=x is not a whole number.","parameter":"orbit","expected":"an integer","type":"t","instance":"/public/v1/products"}',
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    )], seen));
    const error = await api.json('/public/v1/products').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ parameter: 'orbit', expected: 'an integer', status: 400 });
  });

  it('turns a request with no answer into a problem', async () => {
    const api = new Api('http://api', null, fakeFetch([], []));
    const error = (await api.json('/public/v1/releases').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.problem.title).toBe('The API did not answer');
  });

  it('reads a download\'s file name', () => {
    expect(filenameFromDisposition('attachment; filename="sdc-download.zip"')).toBe('sdc-download.zip');
    expect(filenameFromDisposition("attachment; filename=a.fits; filename*=UTF-8''b%20c.fits")).toBe('b c.fits');
    expect(filenameFromDisposition('attachment; filename=plain.png')).toBe('plain.png');
    expect(filenameFromDisposition('inline')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
    expect(queryString({ a: 1, b: undefined, c: null, d: '' })).toBe('?a=1');
    expect(queryString({})).toBe('');
  });
});
