import { useState } from 'preact/hooks';
import { formatBytes, plural } from '../format';
import type { Release, ReleaseFile } from '../types';
import { Show, Time } from './common';
import { useApp } from './context';
import { useRequest, useTitle } from './hooks';
import { saveBlob } from './save';

function Manifest({ release }: { release: Release }) {
  const { config } = useApp();
  if (!release.manifest) {
    return <span class="muted">none</span>;
  }
  return config.publicDataUrl
    ? <a href={`${config.publicDataUrl}/${release.manifest}`} data-testid="release-manifest" rel="noopener">{release.manifest}</a>
    : <code data-testid="release-manifest" title="In the public bucket">{release.manifest}</code>;
}

export function ReleasesPage() {
  useTitle('Releases');
  const { api } = useApp();
  const state = useRequest((signal) => api.json<{ releases: Release[] }>(api.scoped('/releases'), { signal }), []);
  return (
    <section class="releases">
      <h1 tabIndex={-1}>Public releases</h1>
      <p class="lead">Each release makes the latest version of every product and quicklook whose data start before its cutoff public, with a manifest of checksums.</p>
      <Show state={state} label="Loading releases…" testid="releases-problem">
        {(data) => data.releases.length === 0 ? <p class="empty" data-testid="releases-empty">No release yet.</p> : (
          <ol class="cards" data-testid="releases-list" reversed>
            {[...data.releases].sort((a, b) => b.number - a.number).map((r) => (
              <li key={r.number} class="card" data-testid="release-row" data-number={r.number}>
                <h2><a href={`#/releases/${r.number}`} data-testid="release-link">Release {r.number}</a> <span class="muted">{r.name}</span></h2>
                <dl class="meta">
                  <dt>Cutoff</dt><dd><Time iso={r.cutoff} /></dd>
                  <dt>Published</dt><dd><Time iso={r.createdAt} /></dd>
                  <dt>Files</dt><dd>{r.fileCount.toLocaleString('en')}</dd>
                  <dt>Manifest</dt><dd><Manifest release={r} /></dd>
                </dl>
                {r.notes && <p class="notes" data-testid="release-notes">{r.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </Show>
    </section>
  );
}

export function ReleasePage({ number }: { number: string }) {
  useTitle(`Release ${number}`);
  const { api } = useApp();
  const state = useRequest(
    (signal) => api.json<{ release: Release; files: ReleaseFile[] }>(api.scoped(`/releases/${encodeURIComponent(number)}`), { signal }),
    [number],
  );
  const [filter, setFilter] = useState('');
  return (
    <section class="release">
      <p class="crumbs"><a href="#/releases">← Releases</a></p>
      <h1 tabIndex={-1}>Release {number}</h1>
      <Show state={state} label="Loading the release…" testid="release-problem">
        {({ release, files }) => {
          const needle = filter.trim().toLowerCase();
          const shown = needle ? files.filter((f) => f.name.toLowerCase().includes(needle)) : files;
          const bytes = files.reduce((n, f) => n + f.sizeBytes, 0);
          const saveList = () => saveBlob(
            new Blob([JSON.stringify({ release, files }, null, 2)], { type: 'application/json' }),
            `release-${release.number}-files.json`,
          );
          return (
            <>
              <dl class="meta" data-testid="release-detail">
                <dt>Name</dt><dd>{release.name}</dd>
                <dt>Cutoff</dt><dd><Time iso={release.cutoff} /></dd>
                <dt>Published</dt><dd><Time iso={release.createdAt} /></dd>
                <dt>Files</dt><dd>{plural(release.fileCount, 'file')} ({formatBytes(bytes)})</dd>
                <dt>Manifest</dt><dd><Manifest release={release} /></dd>
              </dl>
              {release.notes && <p class="notes" data-testid="release-notes">{release.notes}</p>}
              <div class="inline-form">
                <div class="field">
                  <label for="release-filter">Filter files by name</label>
                  <input id="release-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} data-testid="release-filter" />
                </div>
                <div class="actions">
                  <button type="button" class="secondary" onClick={saveList} data-testid="release-save-list">Save the file list (JSON)</button>
                </div>
              </div>
              <p class="muted" aria-live="polite">{shown.length === files.length ? plural(files.length, 'file') : `${shown.length} of ${files.length} files`}</p>
              <div class="table-scroll">
                <table class="data" data-testid="release-files">
                  <thead><tr><th scope="col">Name</th><th scope="col">Size</th><th scope="col" class="wide-only">SHA-256</th></tr></thead>
                  <tbody>
                    {shown.map((f) => (
                      <tr key={f.id} data-testid="release-file-row" data-id={f.id}>
                        <td class="name"><a href={`#/products/${f.id}`}>{f.name}</a></td>
                        <td class="num">{formatBytes(f.sizeBytes)}</td>
                        <td class="wide-only"><code class="hash" title={f.sha256}>{f.sha256.slice(0, 16)}…</code></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
