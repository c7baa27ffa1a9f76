// Sign-in with Cognito's InitiateAuth (the local host speaks it too), tokens kept in the
// browser's storage and refreshed before they expire (REFRESH_TOKEN_AUTH).

import type { AuthConfig } from './config';

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** When the ID token expires, ms since the epoch. */
  expiresAt: number;
  /** Its lifetime when issued, ms (a short-lived token gets a proportionally smaller margin). */
  lifetimeMs: number;
  username: string;
  groups: string[];
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AuthDeps {
  fetch: typeof fetch;
  now: () => number;
  /** This tab only (sessionStorage): the default. */
  session: KeyValueStore;
  /** Kept across browser restarts (localStorage), when the user asks to stay signed in. */
  persistent: KeyValueStore;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** Why the session ended: the user's choice, or a refresh that failed. */
export type SignOutReason = 'signed-out' | 'expired';

export type AuthListener = (tokens: Tokens | null, reason?: SignOutReason) => void;

/** A refused sign-in or refresh: Cognito's error type (NotAuthorizedException, …) and message. */
export class SignInError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SignInError';
    this.code = code;
  }
}

export const StorageKey = 'sdc.tokens';
/** Refresh this long before expiry (at most half the token's lifetime). */
export const DefaultMarginMs = 2 * 60_000;
/** After a refresh that got no answer while the token is still valid, try again this soon. */
export const RetryMs = 30_000;

interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
}

/** POSTs one InitiateAuth call; the AuthenticationResult, or a SignInError. */
export async function initiateAuth(
  fetchFn: typeof fetch,
  config: AuthConfig,
  flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH',
  parameters: Record<string, string>,
): Promise<AuthenticationResult> {
  let response: Response;
  try {
    response = await fetchFn(config.endpoint, {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'Content-Type': 'application/x-amz-json-1.1',
      },
      body: JSON.stringify({ AuthFlow: flow, ClientId: config.clientId, AuthParameters: parameters }),
    });
  } catch (e) {
    throw new SignInError('NetworkError', `The sign-in service at ${config.endpoint} did not answer${e instanceof Error && e.message ? ` (${e.message})` : ''}.`);
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Handled below: a body that is not JSON is an error either way.
  }
  if (!response.ok) {
    // Cognito's __type may carry a namespace prefix: "…#NotAuthorizedException".
    const type = typeof body.__type === 'string' ? body.__type.split('#').pop()! : `HTTP${response.status}`;
    const message = typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : `Sign-in failed (HTTP ${response.status}).`;
    throw new SignInError(type, message);
  }
  if (typeof body.ChallengeName === 'string') {
    throw new SignInError('ChallengeRequired', `This account must complete ${body.ChallengeName} first, which the portal cannot do; ask an administrator.`);
  }
  const result = body.AuthenticationResult as AuthenticationResult | undefined;
  if (!result || typeof result.IdToken !== 'string') {
    throw new SignInError('BadResponse', 'The sign-in service answered without tokens.');
  }
  return result;
}

/** The claims of a JWT (unverified: the API verifies; the portal only reads the name and groups). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) {
    return {};
  }
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function isTokens(value: unknown): value is Tokens {
  const t = value as Tokens;
  return !!t && typeof t.idToken === 'string' && typeof t.refreshToken === 'string' && typeof t.expiresAt === 'number'
    && typeof t.lifetimeMs === 'number' && typeof t.username === 'string' && Array.isArray(t.groups);
}

export class Auth {
  private current: Tokens | null = null;
  private remember = false;
  private inflight: Promise<Tokens | null> | null = null;
  private timer: unknown = null;
  /** Bumped by every sign-in and sign-out, so a refresh that finishes late changes nothing. */
  private generation = 0;
  private readonly listeners = new Set<AuthListener>();
  /** Why the last session ended, for a page that starts after it did. */
  lastSignOut: SignOutReason | null = null;

  constructor(
    private readonly config: AuthConfig,
    private readonly deps: AuthDeps,
    private readonly marginMs = DefaultMarginMs,
  ) {
    for (const [store, remember] of [[deps.session, false], [deps.persistent, true]] as const) {
      const saved = read(store);
      if (saved) {
        this.current = saved;
        this.remember = remember;
        break;
      }
    }
    this.schedule();
  }

  get tokens(): Tokens | null {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current !== null;
  }

  subscribe(listener: AuthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How long before expiry this session refreshes. */
  marginFor(tokens: Tokens): number {
    return Math.min(this.marginMs, tokens.lifetimeMs / 2);
  }

  needsRefresh(now = this.deps.now()): boolean {
    return this.current !== null && now >= this.current.expiresAt - this.marginFor(this.current);
  }

  async signIn(username: string, password: string, remember = false): Promise<Tokens> {
    const result = await initiateAuth(this.deps.fetch, this.config, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password });
    if (!result.RefreshToken) {
      throw new SignInError('BadResponse', 'The sign-in service answered without a refresh token.');
    }
    this.generation++;
    this.inflight = null;
    this.lastSignOut = null;
    this.remember = remember;
    this.store(this.tokensFrom(result, result.RefreshToken, username));
    this.emit();
    return this.current!;
  }

  /** The ID token to send as Bearer, refreshed first when it is near expiry; null when signed out. */
  async token(): Promise<string | null> {
    if (this.current === null) {
      return null;
    }
    if (this.needsRefresh()) {
      await this.refresh();
    }
    return this.current?.idToken ?? null;
  }

  /**
   * Exchanges the refresh token for new tokens (one call at a time). A refusal signs out; a
   * refresh that got no answer keeps a still-valid token and tries again soon, and signs out
   * once the token has expired.
   */
  refresh(): Promise<Tokens | null> {
    if (this.current === null) {
      return Promise.resolve(null);
    }
    if (this.inflight) {
      return this.inflight;
    }
    const generation = this.generation;
    const old = this.current;
    const attempt = (async (): Promise<Tokens | null> => {
      try {
        const result = await initiateAuth(this.deps.fetch, this.config, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: old.refreshToken });
        if (generation !== this.generation) {
          return this.current;
        }
        // Cognito does not rotate the refresh token unless configured to: keep the old one.
        this.store(this.tokensFrom(result, result.RefreshToken ?? old.refreshToken, old.username));
        this.emit();
        return this.current;
      } catch (e) {
        if (generation !== this.generation) {
          return this.current;
        }
        const unanswered = e instanceof SignInError && e.code === 'NetworkError';
        if (unanswered && this.deps.now() < old.expiresAt) {
          this.schedule(RetryMs);
          return this.current;
        }
        this.signOut('expired');
        return null;
      } finally {
        if (generation === this.generation) {
          this.inflight = null;
        }
      }
    })();
    this.inflight = attempt;
    return attempt;
  }

  signOut(reason: SignOutReason = 'signed-out'): void {
    this.generation++;
    this.inflight = null;
    this.current = null;
    this.lastSignOut = reason;
    this.deps.session.removeItem(StorageKey);
    this.deps.persistent.removeItem(StorageKey);
    this.schedule();
    this.emit(reason);
  }

  private tokensFrom(result: AuthenticationResult, refreshToken: string, typedName: string): Tokens {
    const now = this.deps.now();
    const claims = jwtClaims(result.IdToken!);
    const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
    const lifetimeMs = typeof result.ExpiresIn === 'number' && result.ExpiresIn > 0
      ? result.ExpiresIn * 1000
      : exp !== null ? Math.max(0, exp - now) : 3600_000;
    const name = claims['cognito:username'] ?? claims.username ?? claims.sub;
    const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string') : [];
    return {
      idToken: result.IdToken!,
      accessToken: result.AccessToken ?? '',
      refreshToken,
      expiresAt: now + lifetimeMs,
      lifetimeMs,
      username: typeof name === 'string' && name !== '' ? name : typedName,
      groups,
    };
  }

  private store(tokens: Tokens): void {
    this.current = tokens;
    const [keep, drop] = this.remember ? [this.deps.persistent, this.deps.session] : [this.deps.session, this.deps.persistent];
    try {
      keep.setItem(StorageKey, JSON.stringify(tokens));
      drop.removeItem(StorageKey);
    } catch {
      // Storage full or refused (private mode): the session lives in memory only.
    }
    this.schedule();
  }

  private schedule(delayMs?: number): void {
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.current === null) {
      return;
    }
    const delay = delayMs ?? Math.max(0, this.current.expiresAt - this.marginFor(this.current) - this.deps.now());
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private emit(reason?: SignOutReason): void {
    for (const listener of [...this.listeners]) {
      listener(this.current, reason);
    }
  }
}

function read(store: KeyValueStore): Tokens | null {
  try {
    const raw = store.getItem(StorageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isTokens(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
