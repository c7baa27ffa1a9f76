import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config';

const local = { apiUrl: 'http://127.0.0.1:8080', auth: { endpoint: 'http://127.0.0.1:8080/auth', clientId: 'sdc-local', region: 'local' } };

function fakeFetch(routes: Record<string, () => Response>): typeof fetch {
  return (async (url: string) => {
    const answer = routes[url];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as unknown as typeof fetch;
}

describe('runtime config', () => {
  it('reads the local host\'s config.json', () => {
    expect(parseConfig(local)).toEqual(local);
  });

  it('drops a trailing slash from the API URL and keeps the sign-in endpoint as given', () => {
    const config = parseConfig({ apiUrl: 'https://api.example.org/prod/', auth: { endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/', clientId: 'abc' } });
    expect(config.apiUrl).toBe('https://api.example.org/prod');
    expect(config.auth?.endpoint).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('says what is wrong', () => {
    expect(() => parseConfig(null)).toThrow('not a JSON object');
    expect(() => parseConfig({})).toThrow('apiUrl is missing');
    expect(() => parseConfig({ apiUrl: 'ftp://x' })).toThrow('not an http(s) URL');
    expect(() => parseConfig({ apiUrl: 'http://x', auth: { endpoint: 'http://x/auth' } })).toThrow('auth.clientId is missing');
  });

  it('asks the API where to sign in when config.json does not say', async () => {
    const config = await loadConfig(fakeFetch({
      'config.json': () => Response.json({ apiUrl: 'http://api' }),
      'http://api/public/v1/config': () => Response.json({ auth: { endpoint: 'http://api/auth', clientId: 'c' } }),
    }));
    expect(config.auth).toEqual({ endpoint: 'http://api/auth', clientId: 'c', region: undefined });
  });

  it('stays public-only when nobody says where to sign in', async () => {
    const config = await loadConfig(fakeFetch({ 'config.json': () => Response.json({ apiUrl: 'http://api' }) }));
    expect(config.auth).toBeNull();
  });

  it('explains a missing config.json', async () => {
    await expect(loadConfig(fakeFetch({ 'config.json': () => new Response('nope', { status: 404 }) }))).rejects.toThrow('HTTP 404');
    await expect(loadConfig(fakeFetch({}))).rejects.toThrow('Could not fetch config.json');
    await expect(loadConfig(fakeFetch({ 'config.json': () => new Response('<html>') }))).rejects.toThrow('not JSON');
  });
});
