import { useState } from 'preact/hooks';
import { addSeconds, formatBytes } from '../format';
import { instrumentName } from '../mission';
import { ApiError } from '../problem';
import type { HeaderCard, Link, Product, ProductDetail, ProductPage as Page } from '../types';
import { Loading, ProblemView, Show, StatusBadge, Time } from './common';
import { useApp } from './context';
import { useAction, useObjectUrl, useRequest, useTitle } from './hooks';
import { saveBlob } from './save';

export function ProductPage({ id }: { id: string }) {
  const { api, tokens } = useApp();
  const valid = /^\d+$/.test(id);
  const state = useRequest(
    (signal) => (valid ? api.json<ProductDetail>(api.scoped(`/products/${id}`), { signal })
      : Promise.reject(new ApiError({ title: 'Not found', status: 404, detail: `"${id}" is not a product id.` }, 404))),
    [id],
  );
  useTitle(state.status === 'ok' ? state.data.product.name : `Product ${id}`);
  return (
    <article class="product" data-testid="product-page">
      <p class="crumbs"><a href="#/search" onClick={(e) => { if (history.length > 1) { e.preventDefault(); history.back(); } }}>← Back to results</a></p>
      <h1 tabIndex={-1} data-testid="product-name">{state.status === 'ok' ? state.data.product.name : `Product ${id}`}</h1>
      <Show state={state} label="Loading the product…" testid="product-problem">
        {(detail) => <Detail detail={detail} />}
      </Show>
      {state.status === 'error' && !tokens && state.error instanceof ApiError && state.error.status === 404 && (
        <p class="notice" data-testid="product-public-hint">Public mode shows released products only: <a href={`#/signin?next=${encodeURIComponent(`#/products/${id}`)}`}>sign in</a> to see this one if it is not released yet.</p>
      )}
    </article>
  );
}

function Detail({ detail }: { detail: ProductDetail }) {
  const { tokens } = useApp();
  const p = detail.product;
  return (
    <div class="product-layout">
      <div class="product-main">
        <section aria-labelledby="meta-title" data-testid="product-meta">
          <h2 id="meta-title">Metadata</h2>
          <dl class="meta">
            <dt>Instrument</dt><dd>{instrumentName(p.instrument)}</dd>
            <dt>Level</dt><dd>{p.level ?? '—'}</dd>
            <dt>Kind</dt><dd>{p.kind}</dd>
            <dt>Descriptor</dt><dd>{p.descriptor ?? '—'}</dd>
            <dt>Start (UTC)</dt><dd><Time iso={p.startTime} /></dd>
            <dt>End (UTC)</dt><dd><Time iso={p.endTime} /></dd>
            <dt>Orbit</dt><dd>{p.orbit ?? '—'}</dd>
            <dt>Version</dt><dd>{p.version} {p.isLatest ? <span class="tag ok">latest</span> : <span class="tag">older version</span>}</dd>
            <dt>Size</dt><dd>{formatBytes(p.sizeBytes)} ({p.sizeBytes.toLocaleString('en')} bytes)</dd>
            <dt>SHA-256</dt><dd><code class="hash">{p.sha256}</code></dd>
            <dt>MD5</dt><dd><code class="hash">{p.md5}</code></dd>
            <dt>Ingested</dt><dd><Time iso={p.ingestedAt} /></dd>
            <dt>Release</dt><dd>{p.release ? <a href={`#/releases/${p.release}`}>Release {p.release}</a> : 'not released yet'}</dd>
            <dt>Key</dt><dd><code>{p.key}</code></dd>
          </dl>
          <DownloadButton product={p} />
        </section>
        <HeaderSection product={p} />
        <section aria-labelledby="lineage-title" data-testid="product-lineage">
          <h2 id="lineage-title">Lineage</h2>
          <div class="two">
            <LinkList title="Made from" links={detail.lineage.inputs} testid="product-lineage-inputs" empty="No inputs recorded (delivered data)." />
            <LinkList title="Used to make" links={detail.lineage.derived} testid="product-lineage-derived" empty="Nothing made from it yet." />
          </div>
        </section>
        <section aria-labelledby="versions-title" data-testid="product-versions">
          <h2 id="versions-title">Versions</h2>
          <ul class="plain">
            {detail.versions.map((v) => (
              <li key={v.id} data-testid="product-version">
                {v.id === p.id ? <strong aria-current="page">{v.version} (this one)</strong> : <a href={`#/products/${v.id}`}>{v.version}</a>}
                {v.isLatest && <span class="tag ok">latest</span>}
                {v.release ? <span class="tag">release {v.release}</span> : null}
              </li>
            ))}
          </ul>
        </section>
        {tokens && (
          <section aria-labelledby="job-title" data-testid="product-job">
            <h2 id="job-title">Made by</h2>
            {detail.job ? (
              <p>
                <a href={`#/jobs/${detail.job.id}`}>Job {detail.job.id}</a> (stage {detail.job.stage}, {detail.job.queue} queue) of{' '}
                <a href={`#/runs/${detail.job.runId}`}>run {detail.job.runId}</a>: <StatusBadge status={detail.job.status} testid="product-job-status" />
                {detail.job.statusReason && <span class="muted"> {detail.job.statusReason}</span>}
              </p>
            ) : <p class="muted">Not made by a pipeline job (delivered or uploaded).</p>}
          </section>
        )}
      </div>
      <aside class="product-side">
        <Quicklook product={p} />
      </aside>
    </div>
  );
}

function LinkList({ title, links, testid, empty }: { title: string; links: Link[]; testid: string; empty: string }) {
  return (
    <div data-testid={testid}>
      <h3>{title}</h3>
      {links.length === 0 ? <p class="muted">{empty}</p> : (
        <ul class="plain">
          {links.map((l) => (
            <li key={`${l.id}-${l.role}`}><a href={`#/products/${l.id}`} data-testid="lineage-link">{l.name}</a>{l.role && <span class="tag">{l.role}</span>}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DownloadButton({ product }: { product: Product }) {
  const { api, tokens } = useApp();
  const download = useAction(async () => {
    const answer = await api.blob(api.scoped(`/products/${product.id}/download`));
    saveBlob(answer.blob, product.name);
    return answer.blob.size;
  });
  if (!tokens) {
    // Public files need no token: a plain link lets the browser stream them to disk.
    return (
      <p class="actions">
        <a class="button" href={api.url(`/public/v1/products/${product.id}/download`)} download={product.name} data-testid="download-button">
          Download ({formatBytes(product.sizeBytes)})
        </a>
      </p>
    );
  }
  return (
    <div class="actions">
      <button type="button" onClick={() => download.run()} disabled={download.state.status === 'running'} data-testid="download-button">
        {download.state.status === 'running' ? 'Downloading…' : `Download (${formatBytes(product.sizeBytes)})`}
      </button>
      {download.state.status === 'ok' && <span class="ok-note" role="status">Saved as {product.name}.</span>}
      {download.state.status === 'error' && <ProblemView error={download.state.error} testid="download-problem" />}
    </div>
  );
}

/** The product's quicklook: itself when it is one, else the quicklook of the same instrument and orbit starting at the same time. */
function Quicklook({ product }: { product: Product }) {
  const { api } = useApp();
  const state = useRequest(async (signal): Promise<Product | null> => {
    if (product.kind === 'quicklook') {
      return product;
    }
    if (!product.instrument || !product.startTime || product.orbit === null) {
      return null;
    }
    const page = await api.json<Page>(api.scoped('/products'), {
      params: { instrument: product.instrument, level: 'ql', orbit: product.orbit, from: product.startTime, to: addSeconds(product.startTime, 1) },
      signal,
    });
    return page.products.find((q) => q.descriptor === product.descriptor) ?? page.products[0] ?? null;
  }, [product.id]);
  return (
    <section aria-labelledby="ql-title" data-testid="product-quicklook">
      <h2 id="ql-title">Quicklook</h2>
      <Show state={state} label="Looking for a quicklook…" testid="quicklook-problem">
        {(ql) => (ql ? <QuicklookImage ql={ql} self={ql.id === product.id} /> : <p class="muted" data-testid="quicklook-none">No quicklook for this product.</p>)}
      </Show>
    </section>
  );
}

function QuicklookImage({ ql, self }: { ql: Product; self: boolean }) {
  const { api, tokens } = useApp();
  // Signed in, the image needs the token: fetched as a blob. Public images load directly.
  const state = useRequest(
    (signal) => (tokens ? api.blob(api.scoped(`/products/${ql.id}/download`), { signal }).then((a) => a.blob) : Promise.resolve(null)),
    [ql.id],
  );
  const objectUrl = useObjectUrl(state.status === 'ok' ? state.data : null);
  const [broken, setBroken] = useState(false);
  const src = tokens ? objectUrl : api.url(`/public/v1/products/${ql.id}/download`);
  return (
    <figure class="quicklook">
      {state.status === 'loading' && <Loading label="Loading the image…" />}
      {state.status === 'error' && <ProblemView error={state.error} testid="quicklook-problem" />}
      {src && !broken && (
        <img src={src} alt={`Quicklook ${ql.name}`} data-testid="quicklook-image" onError={() => setBroken(true)} />
      )}
      {broken && <p class="problem" role="alert" data-testid="quicklook-problem">The quicklook image could not be shown.</p>}
      <figcaption>{self ? 'This quicklook' : <a href={`#/products/${ql.id}`} data-testid="quicklook-link">{ql.name}</a>}</figcaption>
    </figure>
  );
}

/**
 * Set once the API has answered that it has no header route at all (an older API): asked once
 * per page load rather than on every product page.
 */
let headerRouteMissing = false;

export function isFits(name: string): boolean {
  return /\.(fits?|fts)(\.gz)?$/i.test(name);
}

/** The FITS header, where the API offers it (the section is left out when the route answers 404). */
function HeaderSection({ product }: { product: Product }) {
  const { api } = useApp();
  const wanted = isFits(product.name) && !headerRouteMissing;
  const state = useRequest(
    (signal) => (wanted ? api.json<{ cards: HeaderCard[] }>(api.scoped(`/products/${product.id}/header`), { signal }) : Promise.resolve(null)).catch((e: unknown) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        // The API's answer for a path it does not route, as opposed to a product without a header.
        if (e.status === 405 || /no such resource/i.test(e.problem.detail ?? '')) headerRouteMissing = true;
        return null;
      }
      throw e;
    }),
    [product.id],
  );
  const [filter, setFilter] = useState('');
  if (!wanted || state.status === 'loading' || (state.status === 'ok' && state.data === null)) {
    return null;
  }
  if (state.status === 'error') {
    return (
      <section data-testid="product-header">
        <h2>FITS header</h2>
        <ProblemView error={state.error} testid="header-problem" />
      </section>
    );
  }
  const cards = state.data!.cards;
  const needle = filter.trim().toLowerCase();
  const shown = needle ? cards.filter((c) => `${c.keyword} ${String(c.value ?? '')} ${c.comment ?? ''}`.toLowerCase().includes(needle)) : cards;
  return (
    <details class="fits-header" data-testid="product-header">
      <summary><h2>FITS header <span class="muted">({cards.length} cards)</span></h2></summary>
      <div class="field inline">
        <label for="header-filter">Filter cards</label>
        <input id="header-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} data-testid="header-filter" />
      </div>
      <div class="table-scroll">
        <table class="data compact" data-testid="header-table">
          <thead><tr><th scope="col">Keyword</th><th scope="col">Value</th><th scope="col">Comment</th></tr></thead>
          <tbody>
            {shown.map((c, i) => (
              <tr key={`${c.keyword}-${i}`} data-testid="header-card">
                <td><code>{c.keyword}</code></td>
                <td><code>{c.value === null || c.value === undefined ? '' : String(c.value)}</code></td>
                <td class="muted">{c.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
