import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { Auth, Tokens } from '../auth';
import type { PortalConfig } from '../config';
import { ApiAccessPage } from './ApiAccessPage';
import { AppContext, type AppState } from './context';
import { CoveragePage } from './CoveragePage';
import { useRoute } from './hooks';
import { JobPage, RunPage, StatusPage } from './StatusPages';
import { ProductPage } from './ProductPage';
import { ReleasePage, ReleasesPage } from './ReleasesPages';
import { SearchPage } from './SearchPage';
import { SignInPage } from './SignInPage';

const Nav: { path: string; label: string; testid: string; signedIn?: boolean }[] = [
  { path: 'search', label: 'Search', testid: 'nav-search' },
  { path: 'coverage', label: 'Coverage', testid: 'nav-coverage', signedIn: true },
  { path: 'status', label: 'Pipeline', testid: 'nav-status', signedIn: true },
  { path: 'releases', label: 'Releases', testid: 'nav-releases' },
  { path: 'api', label: 'API access', testid: 'nav-api' },
];

const Expired = 'Your session has ended (the sign-in could not be renewed). You are in public mode; sign in again to see everything.';

export function App({ config, api, auth }: { config: PortalConfig; api: Api; auth: Auth | null }) {
  const [tokens, setTokens] = useState<Tokens | null>(auth?.tokens ?? null);
  const [notice, setNotice] = useState<string | null>(auth?.lastSignOut === 'expired' ? Expired : null);
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => auth?.subscribe((t, reason) => {
    setTokens(t);
    if (t) {
      setNotice(null);
    } else if (reason === 'expired') {
      setNotice(Expired);
    }
  }), [auth]);

  const page = route.segments[0] ?? 'search';
  const pathKey = route.segments.join('/');
  // After a move to another page (not on first load, not on a change of query), focus its heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    heading?.focus();
    window.scrollTo(0, 0);
  }, [pathKey]);

  const state: AppState = useMemo(() => ({ config, api, auth, tokens }), [config, api, auth, tokens]);
  const signedIn = tokens !== null;

  const signOut = () => {
    auth?.signOut();
    setNotice('You are signed out.');
  };

  return (
    <AppContext.Provider value={state}>
      <button type="button" class="skip" onClick={() => mainRef.current?.focus()}>Skip to content</button>
      <header class="top">
        <a class="brand" href="#/search" data-testid="brand">SDC <span>Science Data Center</span></a>
        <nav aria-label="Main">
          <ul>
            {Nav.filter((n) => !n.signedIn || signedIn).map((n) => (
              <li key={n.path}>
                <a href={`#/${n.path}`} data-testid={n.testid} aria-current={page === n.path || (n.path === 'search' && page === 'products') ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="user">
          {signedIn ? (
            <>
              <span class="user-name" data-testid="user-name" title={tokens.groups.length ? `Groups: ${tokens.groups.join(', ')}` : undefined}>
                {tokens.username}
                {tokens.groups.length > 0 && <small> ({tokens.groups.join(', ')})</small>}
              </span>
              <button type="button" class="secondary small" onClick={signOut} data-testid="signout-button">Sign out</button>
            </>
          ) : auth ? (
            page !== 'signin' && <a class="button small" href={`#/signin?next=${encodeURIComponent(location.hash || '#/search')}`} data-testid="signin-link">Sign in</a>
          ) : null}
        </div>
      </header>
      {!signedIn && (
        <div class="banner" role="note" data-testid="public-banner">
          <strong>Public mode</strong>: you see <strong>released data only</strong>
          {auth ? <>. <a href={`#/signin?next=${encodeURIComponent(location.hash || '#/search')}`}>Sign in</a> to see all products, coverage and pipeline status.</> : ' (this SDC offers no sign-in here).'}
        </div>
      )}
      {notice && (
        <div class="banner info" role="status" data-testid="session-notice">
          {notice}
          <button type="button" class="link" onClick={() => setNotice(null)} aria-label="Dismiss">×</button>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} key={signedIn ? 'in' : 'out'}>
        <Page segments={route.segments} params={route.params} />
      </main>
      <footer class="bottom">
        <span>API: <code data-testid="api-url">{config.apiUrl}</code></span>
        <span>Times are UTC.</span>
      </footer>
    </AppContext.Provider>
  );
}

function Page({ segments, params }: { segments: string[]; params: URLSearchParams }) {
  const [first = 'search', second] = segments;
  switch (first) {
    case 'search':
      return <SearchPage params={params} />;
    case 'coverage':
      return <CoveragePage params={params} />;
    case 'products':
      return second ? <ProductPage id={second} key={second} /> : <SearchPage params={params} />;
    case 'status':
      return <StatusPage params={params} />;
    case 'runs':
      return second ? <RunPage id={second} key={second} /> : <StatusPage params={params} />;
    case 'jobs':
      return second ? <JobPage id={second} key={second} /> : <StatusPage params={params} />;
    case 'releases':
      return second ? <ReleasePage number={second} key={second} /> : <ReleasesPage />;
    case 'api':
      return <ApiAccessPage />;
    case 'signin':
      return <SignInPage next={params.get('next')} />;
    default:
      return (
        <section data-testid="not-found">
          <h1 tabIndex={-1}>No such page</h1>
          <p>There is no page at <code>#/{segments.join('/')}</code>. <a href="#/search">Search products</a>.</p>
        </section>
      );
  }
}
