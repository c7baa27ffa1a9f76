// The portal's runtime configuration: fetched at startup from config.json beside index.html, so
// one build serves any SDC (the local host answers /config.json itself; a deployment writes it).

export interface AuthConfig {
  /** Where InitiateAuth is POSTed (Cognito's regional endpoint, or the local host's /auth). */
  endpoint: string;
  clientId: string;
  region?: string;
}

export interface PortalConfig {
  /** The API's base URL, without a trailing slash. */
  apiUrl: string;
  /** Where to sign in; null when the SDC offers public access only. */
  auth: AuthConfig | null;
  /** Optional: where the public bucket is served, to link release manifests. */
  publicDataUrl?: string;
}

function httpUrl(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`config.json: ${name} is missing.`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`config.json: ${name} "${value}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`config.json: ${name} "${value}" is not an http(s) URL.`);
  }
  return url.href.replace(/\/+$/, '');
}

function parseAuth(value: unknown): AuthConfig | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'object') {
    throw new Error('config.json: auth must be an object {endpoint, clientId}.');
  }
  const o = value as Record<string, unknown>;
  if (typeof o.clientId !== 'string' || o.clientId === '') {
    throw new Error('config.json: auth.clientId is missing.');
  }
  httpUrl(o.endpoint, 'auth.endpoint');
  return {
    // Kept as given: InitiateAuth is POSTed to exactly this URL (Cognito's ends in a slash).
    endpoint: String(o.endpoint).trim(),
    clientId: o.clientId,
    region: typeof o.region === 'string' ? o.region : undefined,
  };
}

export function parseConfig(json: unknown): PortalConfig {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error('config.json is not a JSON object.');
  }
  const o = json as Record<string, unknown>;
  const config: PortalConfig = { apiUrl: httpUrl(o.apiUrl, 'apiUrl'), auth: parseAuth(o.auth) };
  if (o.publicDataUrl !== undefined && o.publicDataUrl !== null && o.publicDataUrl !== '') {
    config.publicDataUrl = httpUrl(o.publicDataUrl, 'publicDataUrl');
  }
  return config;
}

/**
 * Reads config.json (relative to the page). When it names the API but not where to sign in,
 * the API's own GET /public/v1/config says.
 */
export async function loadConfig(fetchFn: typeof fetch, url = 'config.json'): Promise<PortalConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch (e) {
    throw new Error(`Could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) {
    throw new Error(`Could not fetch ${url}: HTTP ${response.status}.`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} is not JSON.`);
  }
  const config = parseConfig(json);
  if (config.auth === null) {
    try {
      const answer = await fetchFn(`${config.apiUrl}/public/v1/config`);
      if (answer.ok) {
        const body = (await answer.json()) as { auth?: unknown };
        config.auth = parseAuth(body.auth);
      }
    } catch {
      // Public access only.
    }
  }
  return config;
}
