import { useEffect, useState } from 'preact/hooks';
import { CodeBlock, CopyButton, Time } from './common';
import { useApp } from './context';
import { useTitle } from './hooks';

export function curlExample(apiUrl: string, publicMode: boolean): string {
  if (publicMode) {
    return [
      `curl -s '${apiUrl}/public/v1/products?level=l2&limit=10'`,
      `curl -fL -o product.fits '${apiUrl}/public/v1/products/<id>/download'`,
      '',
    ].join('\n');
  }
  return [
    'export SDC_TOKEN=...   # the token above',
    `curl -s -H "Authorization: Bearer $SDC_TOKEN" '${apiUrl}/v1/products?instrument=exi&level=l2&limit=10'`,
    `curl -fL -H "Authorization: Bearer $SDC_TOKEN" -o product.fits '${apiUrl}/v1/products/<id>/download'`,
    '',
  ].join('\n');
}

export function sdcExample(apiUrl: string, username: string | null): string {
  return [
    `sdc login --endpoint ${apiUrl}/ --username ${username ?? 'YOUR_NAME'}`,
    'sdc search --instrument exi --level l2 --from 2021-02-24 --to 2021-02-25',
    'sdc download --instrument exi --level l2 --orbit 1 --to data   # or: sdc download <ids...> --to data',
    '',
  ].join('\n');
}

export function pythonExample(apiUrl: string, username: string | null, publicMode: boolean): string {
  const api = `${apiUrl}/`;
  if (publicMode) {
    return [
      'import requests',
      '',
      `api = "${api}"`,
      'page = requests.get(api + "public/v1/products", params={"level": "l2", "limit": 10}).json()',
      'for product in page["products"]:',
      '    data = requests.get(api + f"public/v1/products/{product[\'id\']}/download").content   # follows the redirect',
      '    open(product["name"], "wb").write(data)',
      '',
    ].join('\n');
  }
  return [
    'import getpass',
    'import requests',
    '',
    `api = "${api}"`,
    'auth = requests.get(api + "public/v1/config").json()["auth"]',
    'tokens = requests.post(auth["endpoint"], json={',
    '    "AuthFlow": "USER_PASSWORD_AUTH", "ClientId": auth["clientId"],',
    `    "AuthParameters": {"USERNAME": "${username ?? 'YOUR_NAME'}", "PASSWORD": getpass.getpass()}},`,
    '    headers={"X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",',
    '             "Content-Type": "application/x-amz-json-1.1"}).json()["AuthenticationResult"]',
    'session = requests.Session()',
    'session.headers["Authorization"] = "Bearer " + tokens["IdToken"]',
    '',
    'page = session.get(api + "v1/products", params={"instrument": "exi", "level": "l2", "limit": 10}).json()',
    'for product in page["products"]:',
    '    data = session.get(api + f"v1/products/{product[\'id\']}/download").content   # follows the redirect',
    '    open(product["name"], "wb").write(data)',
    '# more pages: params={..., "cursor": page["nextCursor"]} while page["nextCursor"]',
    '',
  ].join('\n');
}

export function ApiAccessPage() {
  useTitle('API access');
  const { config, tokens } = useApp();
  const [show, setShow] = useState(false);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(t);
  }, []);
  const publicMode = tokens === null;
  const api = config.apiUrl;
  return (
    <section class="api-access">
      <h1 tabIndex={-1}>API access</h1>
      <p class="lead">
        Everything here comes from the HTTPS API at <code>{api}</code>: JSON, RFC 7807 problems, <code>Authorization: Bearer &lt;ID token&gt;</code>.
        {publicMode && ' Released products need no token (/public/v1).'}
      </p>
      {tokens ? (
        <section aria-labelledby="token-title" data-testid="api-token-section">
          <h2 id="token-title">Your token</h2>
          <p>
            Signed in as <strong>{tokens.username}</strong>. This ID token expires at <Time iso={new Date(tokens.expiresAt).toISOString()} /> UTC
            ({Math.max(0, Math.round((tokens.expiresAt - now) / 60_000))} min); the portal renews its own, so copy it again when a script gets 401.
          </p>
          <div class="field">
            <label for="api-token">ID token</label>
            <textarea id="api-token" class="token" readOnly rows={show ? 6 : 2} value={show ? tokens.idToken : `${tokens.idToken.slice(0, 24)}… (hidden)`} data-testid="api-token" />
          </div>
          <div class="actions">
            <CopyButton text={tokens.idToken} label="Copy token" testid="api-token-copy" />
            <button type="button" class="secondary small" onClick={() => setShow(!show)} aria-pressed={show} data-testid="api-token-show">{show ? 'Hide token' : 'Show token'}</button>
          </div>
        </section>
      ) : (
        <p class="notice" data-testid="api-public-note">You are not signed in: the examples below use the public routes. <a href="#/signin?next=%23%2Fapi">Sign in</a> for a token and the full API.</p>
      )}
      <h2>Examples</h2>
      <CodeBlock code={curlExample(api, publicMode)} label="curl" testid="api-example-curl" />
      <CodeBlock code={sdcExample(api, tokens?.username ?? null)} label="sdc command line" testid="api-example-sdc" />
      <CodeBlock code={pythonExample(api, tokens?.username ?? null, publicMode)} label="Python (requests)" testid="api-example-python" />
      <p class="muted">The contract (routes, fields, groups, problems) is in the API's README: <code>functions/Sdc.Api/README.md</code>.</p>
    </section>
  );
}
