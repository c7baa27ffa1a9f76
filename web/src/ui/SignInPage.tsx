import { useState } from 'preact/hooks';
import { SignInError } from '../auth';
import { navigate } from '../router';
import { useApp } from './context';
import { useTitle } from './hooks';

/** Only portal links (#/…) are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('#/') && !next.startsWith('#/signin') ? next : '#/search';
}

export function SignInPage({ next }: { next: string | null }) {
  useTitle('Sign in');
  const { auth, tokens } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!auth) {
    return (
      <section class="narrow">
        <h1 tabIndex={-1}>Sign in</h1>
        <p data-testid="signin-unavailable">This SDC offers public access only: there is nowhere to sign in.</p>
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError('Enter your user name and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await auth.signIn(username.trim(), password, remember);
      navigate(safeNext(next));
    } catch (err) {
      setBusy(false);
      if (err instanceof SignInError && (err.code === 'NotAuthorizedException' || err.code === 'UserNotFoundException')) {
        setError(`${err.message} Check the user name and password.`);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    }
  };

  return (
    <section class="narrow">
      <h1 tabIndex={-1}>Sign in</h1>
      {tokens && <p class="notice" data-testid="signin-already">You are signed in as <strong>{tokens.username}</strong>. Signing in again replaces that session.</p>}
      <form class="stack" onSubmit={submit} data-testid="signin-form" aria-describedby={error ? 'signin-error' : undefined} noValidate>
        <div class="field">
          <label for="signin-username">User name</label>
          <input id="signin-username" name="username" autocomplete="username" autoCapitalize="none" spellcheck={false} required
            value={username} onInput={(e) => setUsername(e.currentTarget.value)} data-testid="signin-username" />
        </div>
        <div class="field">
          <label for="signin-password">Password</label>
          <input id="signin-password" name="password" type="password" autocomplete="current-password" required
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} data-testid="signin-password" />
        </div>
        <div class="check">
          <input id="signin-remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} data-testid="signin-remember" />
          <label for="signin-remember">Keep me signed in on this browser</label>
        </div>
        {error && <p id="signin-error" class="problem" role="alert" data-testid="signin-error">{error}</p>}
        <div class="actions">
          <button type="submit" disabled={busy} data-testid="signin-submit">{busy ? 'Signing in…' : 'Sign in'}</button>
          <a href="#/search" data-testid="signin-public">Continue without signing in (released data only)</a>
        </div>
      </form>
      <p class="muted">Without the box ticked the sign-in lasts for this tab only. The session renews itself while the page is open.</p>
    </section>
  );
}
