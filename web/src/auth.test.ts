import { describe, expect, it } from 'vitest';
import { Auth, initiateAuth, jwtClaims, RetryMs, SignInError, StorageKey, type AuthDeps, type KeyValueStore, type Tokens } from './auth';

const config = { endpoint: 'http://127.0.0.1:8080/auth', clientId: 'sdc-local' };

function jwt(claims: Record<string, unknown>): string {
  const encode = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.sig`;
}

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

interface Call { flow: string; params: Record<string, string>; headers: Record<string, string> }

/** A fake InitiateAuth endpoint: answers each call with the next scripted answer. */
function world(answers: (Response | Error | ((call: Call) => Response))[]) {
  const calls: Call[] = [];
  let clock = 1_000_000;
  const timers: { run: () => void; at: number; id: number }[] = [];
  let nextId = 1;
  const fetchFn = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { AuthFlow: string; AuthParameters: Record<string, string> };
    const call = { flow: body.AuthFlow, params: body.AuthParameters, headers: init.headers as Record<string, string> };
    calls.push(call);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected call');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(call) : answer;
  }) as unknown as typeof fetch;
  const deps: AuthDeps = {
    fetch: fetchFn,
    now: () => clock,
    session: new MemoryStore(),
    persistent: new MemoryStore(),
    setTimer: (run, ms) => { const id = nextId++; timers.push({ run, at: clock + ms, id }); return id; },
    clearTimer: (id) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1); },
  };
  return {
    calls,
    deps,
    timers,
    advance(ms: number) { clock += ms; },
    /** Runs the timers that are due. */
    tick() { for (const t of timers.filter((x) => x.at <= clock)) { timers.splice(timers.indexOf(t), 1); t.run(); } },
  };
}

function ok(idName: string, expiresIn = 3600, refresh: string | null = 'refresh-1'): Response {
  const result: Record<string, unknown> = {
    IdToken: jwt({ 'cognito:username': 'demo', 'cognito:groups': ['admin'], token: idName }),
    AccessToken: 'access',
    ExpiresIn: expiresIn,
  };
  if (refresh) result.RefreshToken = refresh;
  return new Response(JSON.stringify({ AuthenticationResult: result }), { status: 200 });
}

function refused(message = 'Refresh Token has expired'): Response {
  return new Response(JSON.stringify({ __type: 'NotAuthorizedException', message }), { status: 400 });
}

const idOf = (token: string | null) => (token ? jwtClaims(token).token : null);

describe('sign-in', () => {
  it('POSTs InitiateAuth with the password flow and keeps the tokens in this tab', async () => {
    const w = world([ok('first')]);
    const auth = new Auth(config, w.deps);
    const tokens = await auth.signIn('demo', 'secret');
    expect(w.calls[0]).toEqual({
      flow: 'USER_PASSWORD_AUTH',
      params: { USERNAME: 'demo', PASSWORD: 'secret' },
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'Content-Type': 'application/x-amz-json-1.1' },
    });
    expect(tokens).toMatchObject({ username: 'demo', groups: ['admin'], refreshToken: 'refresh-1', expiresAt: 1_000_000 + 3_600_000 });
    expect(JSON.parse((w.deps.session as MemoryStore).items.get(StorageKey)!)).toEqual(tokens);
    expect((w.deps.persistent as MemoryStore).items.size).toBe(0);
    // A new page load finds the session.
    expect(new Auth(config, w.deps).tokens).toEqual(tokens);
  });

  it('keeps the tokens across browser restarts only when asked', async () => {
    const w = world([ok('first')]);
    await new Auth(config, w.deps).signIn('demo', 'secret', true);
    expect((w.deps.persistent as MemoryStore).items.has(StorageKey)).toBe(true);
    expect((w.deps.session as MemoryStore).items.has(StorageKey)).toBe(false);
  });

  it('reports a refused password with Cognito\'s type and message', async () => {
    const w = world([refused('Incorrect username or password.')]);
    const auth = new Auth(config, w.deps);
    await expect(auth.signIn('demo', 'wrong')).rejects.toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(auth.signedIn).toBe(false);
  });

  it('strips the namespace from an error type and explains a missing endpoint', async () => {
    const w = world([new Response('{"__type":"com.amazonaws#UserNotFoundException","message":"User does not exist."}', { status: 400 }), new TypeError('Failed to fetch')]);
    await expect(initiateAuth(w.deps.fetch, config, 'USER_PASSWORD_AUTH', {})).rejects.toMatchObject({ code: 'UserNotFoundException' });
    await expect(initiateAuth(w.deps.fetch, config, 'USER_PASSWORD_AUTH', {})).rejects.toMatchObject({ code: 'NetworkError', message: expect.stringContaining(config.endpoint) });
  });

  it('refuses a challenge it cannot answer', async () => {
    const w = world([new Response('{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"x"}', { status: 200 })]);
    await expect(new Auth(config, w.deps).signIn('demo', 'secret')).rejects.toBeInstanceOf(SignInError);
  });
});

describe('token refresh', () => {
  it('uses the token as it is while far from expiry', async () => {
    const w = world([ok('first')]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    w.advance(3_600_000 - 121_000);
    expect(auth.needsRefresh()).toBe(false);
    expect(idOf(await auth.token())).toBe('first');
    expect(w.calls).toHaveLength(1);
  });

  it('refreshes within the margin before expiry, keeping the refresh token', async () => {
    const w = world([ok('first'), ok('second', 3600, null)]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    w.advance(3_600_000 - 119_000);
    expect(auth.needsRefresh()).toBe(true);
    expect(idOf(await auth.token())).toBe('second');
    expect(w.calls[1]).toMatchObject({ flow: 'REFRESH_TOKEN_AUTH', params: { REFRESH_TOKEN: 'refresh-1' } });
    expect(auth.tokens).toMatchObject({ refreshToken: 'refresh-1', expiresAt: w.deps.now() + 3_600_000 });
  });

  it('refreshes on its own timer, before anyone asks', async () => {
    const w = world([ok('first'), ok('second')]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    expect(w.timers.map((t) => t.at)).toEqual([1_000_000 + 3_600_000 - 120_000]);
    w.advance(3_600_000 - 120_000);
    w.tick();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(w.calls.map((c) => c.flow)).toEqual(['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH']);
    expect(idOf(auth.tokens!.idToken)).toBe('second');
  });

  it('uses a smaller margin for a short-lived token', async () => {
    const w = world([ok('first', 60)]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    expect(auth.marginFor(auth.tokens!)).toBe(30_000);
    w.advance(29_000);
    expect(auth.needsRefresh()).toBe(false);
    w.advance(1_000);
    expect(auth.needsRefresh()).toBe(true);
  });

  it('makes one refresh call for many callers at once', async () => {
    const w = world([ok('first'), ok('second')]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    w.advance(3_599_000);
    const tokens = await Promise.all([auth.token(), auth.token(), auth.token()]);
    expect(tokens.map(idOf)).toEqual(['second', 'second', 'second']);
    expect(w.calls).toHaveLength(2);
  });

  it('signs out when the refresh is refused, and says why', async () => {
    const w = world([ok('first'), refused()]);
    const auth = new Auth(config, w.deps);
    const events: (string | undefined)[] = [];
    auth.subscribe((t, reason) => events.push(t ? 'tokens' : reason));
    await auth.signIn('demo', 'secret');
    w.advance(3_599_000);
    expect(await auth.token()).toBeNull();
    expect(auth.signedIn).toBe(false);
    expect(events).toEqual(['tokens', 'expired']);
    expect(auth.lastSignOut).toBe('expired');
    expect((w.deps.session as MemoryStore).items.size).toBe(0);
    expect(w.timers).toEqual([]);
  });

  it('keeps a still-valid token when the refresh gets no answer, retries, and signs out once it has expired', async () => {
    const w = world([ok('first'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch')]);
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    w.advance(3_500_000);
    expect(idOf(await auth.token())).toBe('first');
    expect(w.timers.map((t) => t.at)).toEqual([w.deps.now() + RetryMs]);
    w.advance(200_000);
    expect(await auth.token()).toBeNull();
    expect(auth.signedIn).toBe(false);
  });

  it('lets a late refresh change nothing after sign-out', async () => {
    let release: (r: Response) => void = () => {};
    const w = world([]);
    w.deps.fetch = (async (_url: string, init: RequestInit) => {
      if (JSON.parse(String(init.body)).AuthFlow === 'REFRESH_TOKEN_AUTH') {
        return new Promise<Response>((r) => { release = r; });
      }
      return ok('first');
    }) as unknown as typeof fetch;
    const auth = new Auth(config, w.deps);
    await auth.signIn('demo', 'secret');
    w.advance(3_599_000);
    const pending = auth.refresh();
    auth.signOut();
    release(ok('late'));
    expect(await pending).toBeNull();
    expect(auth.signedIn).toBe(false);
    expect((w.deps.session as MemoryStore).items.size).toBe(0);
  });

  it('ignores stored garbage', () => {
    const w = world([]);
    (w.deps.session as MemoryStore).setItem(StorageKey, '{"idToken":1}');
    (w.deps.persistent as MemoryStore).setItem(StorageKey, 'not json');
    expect(new Auth(config, w.deps).tokens).toBeNull();
  });

  it('reads a stored session from either store', () => {
    const w = world([]);
    const tokens: Tokens = { idToken: 'a.b.c', accessToken: '', refreshToken: 'r', expiresAt: 2_000_000, lifetimeMs: 3_600_000, username: 'demo', groups: [] };
    (w.deps.persistent as MemoryStore).setItem(StorageKey, JSON.stringify(tokens));
    const auth = new Auth(config, w.deps);
    expect(auth.tokens).toEqual(tokens);
    expect(w.timers.map((t) => t.at)).toEqual([2_000_000 - 120_000]);
  });
});
