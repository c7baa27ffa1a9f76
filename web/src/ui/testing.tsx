// Helpers for the component tests (happy-dom): the app's context around a page, a fake API.
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { Api } from '../api';
import { Auth, type AuthDeps } from '../auth';
import type { PortalConfig } from '../config';
import { AppContext } from './context';

export const config: PortalConfig = { apiUrl: 'http://api', auth: { endpoint: 'http://api/auth', clientId: 'sdc-local' } };

export interface Seen { url: string; method: string; headers: Record<string, string>; body?: string }

/** A fake fetch answering by "METHOD path?query" prefix; records every call. */
export function fakeApi(routes: Record<string, (seen: Seen) => Response>) {
  const seen: Seen[] = [];
  const fetchFn = (async (url: string, init: RequestInit = {}) => {
    const s: Seen = { url, method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body: init.body as string | undefined };
    seen.push(s);
    const path = url.replace('http://api', '');
    const key = Object.keys(routes)
      .filter((k) => `${s.method} ${path}` === k || `${s.method} ${path}`.startsWith(k.endsWith('*') ? k.slice(0, -1) : `${k}\u0000`))
      .sort((a, b) => b.length - a.length)[0];
    if (!key) {
      return new Response(JSON.stringify({ title: 'Not found', status: 404, detail: `No such resource: ${path}.` }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return routes[key]!(s);
  }) as unknown as typeof fetch;
  return { seen, fetchFn };
}

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

export function signedInAuth(fetchFn: typeof fetch): Auth {
  const deps: AuthDeps = { fetch: fetchFn, now: () => 0, session: memory(), persistent: memory(), setTimer: () => 0, clearTimer: () => {} };
  deps.session.setItem('sdc.tokens', JSON.stringify({ idToken: 'id-1', accessToken: 'a', refreshToken: 'r', expiresAt: 3_600_000, lifetimeMs: 3_600_000, username: 'demo', groups: ['admin'] }));
  return new Auth(config.auth!, deps);
}

export function mount(children: ComponentChildren, fetchFn: typeof fetch, signedIn: boolean): HTMLElement {
  const auth = signedIn ? signedInAuth(fetchFn) : null;
  const api = new Api(config.apiUrl, auth, fetchFn);
  const root = document.createElement('div');
  document.body.append(root);
  render(<AppContext.Provider value={{ config, api, auth, tokens: auth?.tokens ?? null }}>{children}</AppContext.Provider>, root);
  return root;
}

export function unmount(root: HTMLElement): void {
  render(null, root);
  root.remove();
}

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 2000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const byTestId = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
export const allByTestId = (root: ParentNode, id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
