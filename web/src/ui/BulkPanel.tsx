import { useMemo } from 'preact/hooks';
import { curlScript, sdcScript, urlList, zipName } from '../bulk';
import { formatBytes, plural } from '../format';
import { MaxLimit } from '../query';
import type { DownloadLink, Product } from '../types';
import { CodeBlock, CopyButton, ProblemView, Time } from './common';
import { useApp } from './context';
import { useAction } from './hooks';
import { saveBlob } from './save';

/** The selection's downloads: a zip (local host), signed links, and scripts for sdc and curl. */
export function BulkPanel({ products }: { products: Product[] }) {
  const { api, tokens } = useApp();
  const publicMode = tokens === null;
  const ids = products.map((p) => p.id);
  const tooMany = ids.length > MaxLimit;
  const bytes = products.reduce((n, p) => n + p.sizeBytes, 0);

  const zip = useAction(async () => {
    const answer = await api.blob('/v1/downloads/zip', { method: 'POST', body: { ids } });
    saveBlob(answer.blob, zipName(ids.length, new Date()));
    return answer.blob.size;
  });
  const links = useAction(async () => (await api.json<{ files: DownloadLink[] }>('/v1/downloads', { method: 'POST', body: { ids } })).files);

  const sdc = useMemo(() => sdcScript(api.baseUrl, ids, { username: tokens?.username }), [api.baseUrl, ids.join(','), tokens?.username]);
  const curl = useMemo(() => curlScript(api.baseUrl, products, { publicMode }), [api.baseUrl, ids.join(','), publicMode]);
  const publicUrls = useMemo(() => ids.map((id) => api.url(`/public/v1/products/${id}/download`)).join('\n') + '\n', [ids.join(',')]);

  return (
    <section class="bulk panel" aria-labelledby="bulk-title" data-testid="bulk-panel">
      <h2 id="bulk-title">Download {plural(ids.length, 'selected product')} ({formatBytes(bytes)})</h2>
      {tooMany && <p class="problem" role="alert">At most {MaxLimit} products at once: clear some of the selection.</p>}
      {publicMode ? (
        <>
          <p>Released products need no token. Each link below downloads one file; the curl script downloads them all and checks their SHA-256.</p>
          <CodeBlock code={publicUrls} label="Download links (public)" testid="bulk-url-list" />
        </>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => zip.run()} disabled={tooMany || zip.state.status === 'running'} data-testid="bulk-zip">
            {zip.state.status === 'running' ? 'Preparing zip…' : 'Download as zip'}
          </button>
          <button type="button" class="secondary" onClick={() => links.run()} disabled={tooMany || links.state.status === 'running'} data-testid="bulk-links">
            {links.state.status === 'running' ? 'Asking for links…' : 'Get download links'}
          </button>
        </div>
      )}
      {zip.state.status === 'ok' && <p class="ok-note" role="status" data-testid="bulk-zip-done">Zip saved ({formatBytes(zip.state.data)}).</p>}
      {zip.state.status === 'error' && (
        <ProblemView error={zip.state.error} testid="bulk-zip-problem">
          <p class="muted">Zip downloads are offered by the local SDC (<code>sdc local up</code>); elsewhere use the links or a script.</p>
        </ProblemView>
      )}
      {links.state.status === 'error' && <ProblemView error={links.state.error} testid="bulk-links-problem" />}
      {links.state.status === 'ok' && (
        <div class="links" data-testid="bulk-links-result">
          <p>
            Signed links, valid until <Time iso={links.state.data[0]?.expiresAt} /> UTC (fetch them with any tool, no token needed).{' '}
            <CopyButton text={urlList(links.state.data)} label="Copy all links" testid="bulk-copy-urls" />
          </p>
          <ul class="link-list" data-testid="bulk-url-list">
            {links.state.data.map((f) => (
              <li key={f.id}><a href={f.url} download={f.name} rel="noopener">{f.name}</a> <span class="muted">{formatBytes(f.sizeBytes)}</span></li>
            ))}
          </ul>
        </div>
      )}
      <h3>Scripts</h3>
      {publicMode
        ? <p class="muted">The <code>sdc download</code> command needs a sign-in; sign in to get its script. The curl script works as is.</p>
        : <CodeBlock code={sdc} label="With the sdc command line (resumes, checks SHA-256)" testid="bulk-script-sdc" />}
      <CodeBlock code={curl} label={publicMode ? 'With curl' : 'With curl (export SDC_TOKEN first: see API access)'} testid="bulk-script-curl" />
    </section>
  );
}
