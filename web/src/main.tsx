import { render } from 'preact';
import { Api } from './api';
import { Auth } from './auth';
import { loadConfig } from './config';
import './styles.css';
import { App } from './ui/App';

function browserAuthDeps() {
  return {
    fetch: window.fetch.bind(window),
    now: () => Date.now(),
    session: window.sessionStorage,
    persistent: window.localStorage,
    setTimer: (run: () => void, ms: number) => window.setTimeout(run, Math.min(ms, 2_147_000_000)),
    clearTimer: (handle: unknown) => window.clearTimeout(handle as number),
  };
}

async function start(root: HTMLElement) {
  try {
    const config = await loadConfig(window.fetch.bind(window));
    const auth = config.auth ? new Auth(config.auth, browserAuthDeps()) : null;
    // A token that expired while the tab slept: refresh it now rather than on the first request.
    if (auth?.needsRefresh()) {
      await auth.refresh();
    }
    const api = new Api(config.apiUrl, auth, window.fetch.bind(window));
    root.textContent = '';
    render(<App config={config} api={api} auth={auth} />, root);
  } catch (e) {
    root.innerHTML = '';
    const box = document.createElement('div');
    box.className = 'problem boot-problem';
    box.setAttribute('role', 'alert');
    box.dataset.testid = 'config-problem';
    const title = document.createElement('p');
    title.className = 'problem-title';
    title.textContent = 'The portal could not start';
    const detail = document.createElement('p');
    detail.textContent = e instanceof Error ? e.message : String(e);
    const hint = document.createElement('p');
    hint.textContent = 'The portal reads config.json beside index.html: {"apiUrl": "…", "auth": {"endpoint": "…", "clientId": "…"}}.';
    box.append(title, detail, hint);
    root.append(box);
  }
}

start(document.getElementById('app')!);
