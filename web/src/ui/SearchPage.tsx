import { useMemo, useState } from 'preact/hooks';
import { formatBytes, plural } from '../format';
import { Descriptors, Instruments, Levels, instrumentName } from '../mission';
import { currentCursor, firstPage, hasPrevious, nextPage, pageNumber, previousPage, type Paging } from '../paging';
import { ApiError, type Problem } from '../problem';
import {
  apiParams, DefaultLimit, parseFields, queryFromParams, queryToFields, queryToParams, sortProducts,
  type FieldProblem, type QueryFields, type SearchQuery, type SortKey,
} from '../query';
import { href, navigate } from '../router';
import type { Product, ProductPage } from '../types';
import { BulkPanel } from './BulkPanel';
import { Loading, ProblemView, Time } from './common';
import { useApp } from './context';
import { useRequest, useTitle } from './hooks';

export function SearchPage({ params }: { params: URLSearchParams }) {
  useTitle('Search');
  const { api } = useApp();
  const paramsKey = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { query, problems: urlProblems } = useMemo(() => queryFromParams(params), [paramsKey]);
  const searchKey = JSON.stringify(apiParams(query));

  // Paging belongs to one search: a new search starts again at page one.
  const [pagingState, setPagingState] = useState<{ key: string; paging: Paging }>({ key: searchKey, paging: firstPage });
  const paging = pagingState.key === searchKey ? pagingState.paging : firstPage;
  const setPaging = (p: Paging) => setPagingState({ key: searchKey, paging: p });
  const cursor = currentCursor(paging);

  const result = useRequest(
    (signal) => api.json<ProductPage>(api.scoped('/products'), { params: apiParams(query, cursor), signal }),
    [searchKey, cursor],
  );

  const [selected, setSelected] = useState<ReadonlyMap<number, Product>>(new Map());
  const apiProblem = result.status === 'error' && result.error instanceof ApiError ? result.error.problem : null;

  const search = (next: SearchQuery) => {
    const target = href('/search', queryToParams(next));
    if (target === location.hash) {
      result.reload();
    } else {
      navigate(target);
    }
  };

  const sortBy = (key: SortKey) => {
    const order = query.sort === key && query.order === 'asc' ? 'desc' : 'asc';
    // Sorting is of the page in hand: the address changes (shareable), the request does not.
    navigate(href('/search', queryToParams({ ...query, sort: key, order })), true);
  };

  const products = result.status === 'ok' ? sortProducts(result.data.products, query) : [];

  const toggle = (product: Product, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(product.id, product);
    else next.delete(product.id);
    setSelected(next);
  };
  const toggleAll = (on: boolean) => {
    const next = new Map(selected);
    for (const p of products) {
      if (on) next.set(p.id, p);
      else next.delete(p.id);
    }
    setSelected(next);
  };

  return (
    <section class="search">
      <h1 tabIndex={-1}>Search products</h1>
      <SearchForm key={paramsKey} query={query} urlProblems={urlProblems} apiProblem={apiProblem} onSearch={search} />
      {result.status === 'error' && (
        <ProblemView error={result.error} testid="search-problem">
          <button type="button" class="secondary small" onClick={result.reload}>Try again</button>
        </ProblemView>
      )}
      {result.status === 'loading' && <Loading label="Searching…" testid="search-loading" />}
      {result.status === 'ok' && (
        <Results
          products={products}
          query={query}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onSort={sortBy}
          paging={paging}
          nextCursor={result.data.nextCursor}
          onPage={setPaging}
        />
      )}
      <SelectionBar selected={selected} onClear={() => setSelected(new Map())} />
      {selected.size > 0 && <BulkPanel key={[...selected.keys()].join(',')} products={[...selected.values()]} />}
    </section>
  );
}

const FieldNames: Record<string, string> = {
  instrument: 'Instrument', level: 'Level', kind: 'Kind', descriptor: 'Descriptor', orbit: 'Orbit', from: 'From', to: 'To',
  version: 'Versions', limit: 'Per page', sort: 'Sort', order: 'Order', cursor: 'Page',
};

function SearchForm({ query, urlProblems, apiProblem, onSearch }: {
  query: SearchQuery;
  urlProblems: FieldProblem[];
  apiProblem: Problem | null;
  onSearch: (q: SearchQuery) => void;
}) {
  const [fields, setFields] = useState<QueryFields>(() => queryToFields(query));
  const [formProblems, setFormProblems] = useState<FieldProblem[] | null>(null);
  const problems = formProblems ?? urlProblems;
  const set = (key: keyof QueryFields) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const bad = (key: string) => problems.some((p) => p.parameter === key) || apiProblem?.parameter === key;
  const invalid = (key: string) => (bad(key) ? { 'aria-invalid': true as const, 'aria-describedby': 'search-problems search-problem' } : {});

  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = parseFields({ ...fields, sort: query.sort, order: query.sort ? query.order : undefined });
    setFormProblems(parsed.problems);
    if (parsed.problems.length === 0) {
      onSearch(parsed.query);
    }
  };
  const clear = () => {
    setFields({});
    setFormProblems(null);
    onSearch({ versions: 'latest', limit: DefaultLimit, order: 'asc' });
  };

  const instrumentOptions = Instruments.some((i) => i.id === fields.instrument) || !fields.instrument
    ? Instruments : [...Instruments, { id: fields.instrument, name: fields.instrument }];
  const levelOptions = Levels.some((l) => l.id === fields.level) || !fields.level ? Levels : [...Levels, { id: fields.level, name: fields.level }];
  const dateOf = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : '');

  return (
    <form class="search-form" onSubmit={submit} data-testid="search-form" aria-label="Product search" noValidate>
      <div class="grid">
        <div class="field">
          <label for="search-instrument">Instrument</label>
          <select id="search-instrument" value={fields.instrument ?? ''} onChange={set('instrument')} data-testid="search-instrument" {...invalid('instrument')}>
            <option value="">Any</option>
            {instrumentOptions.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="search-level">Level</label>
          <select id="search-level" value={fields.level ?? ''} onChange={set('level')} data-testid="search-level" {...invalid('level')}>
            <option value="">Any</option>
            {levelOptions.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="search-kind">Kind</label>
          <select id="search-kind" value={fields.kind ?? ''} onChange={set('kind')} data-testid="search-kind" {...invalid('kind')}>
            <option value="">Products and quicklooks</option>
            <option value="product">Products only</option>
            <option value="quicklook">Quicklooks only</option>
          </select>
        </div>
        <div class="field">
          <label for="search-descriptor">Descriptor</label>
          <input id="search-descriptor" list="search-descriptors" value={fields.descriptor ?? ''} onInput={set('descriptor')}
            autoCapitalize="none" spellcheck={false} placeholder="e.g. f546" data-testid="search-descriptor" {...invalid('descriptor')} />
          <datalist id="search-descriptors">{Descriptors.map((d) => <option key={d} value={d} />)}</datalist>
        </div>
        <div class="field">
          <label for="search-orbit">Orbit</label>
          <input id="search-orbit" inputMode="numeric" value={fields.orbit ?? ''} onInput={set('orbit')} placeholder="e.g. 12"
            data-testid="search-orbit" {...invalid('orbit')} />
        </div>
        <div class="field time">
          <label for="search-from">From (UTC)</label>
          <div class="time-inputs">
            <input id="search-from" value={fields.from ?? ''} onInput={set('from')} placeholder="2021-02-24 or 2021-02-24T06:00:00Z"
              autoCapitalize="none" spellcheck={false} data-testid="search-from" {...invalid('from')} />
            <input type="date" aria-label="From date" value={dateOf(fields.from)} data-testid="search-from-date"
              onChange={(e) => setFields((f) => ({ ...f, from: e.currentTarget.value }))} />
          </div>
        </div>
        <div class="field time">
          <label for="search-to">To (UTC, exclusive)</label>
          <div class="time-inputs">
            <input id="search-to" value={fields.to ?? ''} onInput={set('to')} placeholder="2021-02-25" aria-describedby="search-to-hint"
              autoCapitalize="none" spellcheck={false} data-testid="search-to" {...invalid('to')} />
            <input type="date" aria-label="To date" value={dateOf(fields.to)} data-testid="search-to-date"
              onChange={(e) => setFields((f) => ({ ...f, to: e.currentTarget.value }))} />
          </div>
          <small id="search-to-hint" class="hint">A date means its midnight: to include 24 Feb, end at 2021-02-25.</small>
        </div>
        <fieldset class="field versions">
          <legend>Versions</legend>
          <label><input type="radio" name="version" value="latest" checked={(fields.version ?? 'latest') === 'latest'} onChange={set('version')} data-testid="search-versions-latest" /> Latest only</label>
          <label><input type="radio" name="version" value="all" checked={fields.version === 'all'} onChange={set('version')} data-testid="search-versions-all" /> All versions</label>
        </fieldset>
        <div class="field">
          <label for="search-limit">Per page</label>
          <select id="search-limit" value={fields.limit ?? String(DefaultLimit)} onChange={set('limit')} data-testid="search-limit" {...invalid('limit')}>
            {(['25', '50', '100', '250', '1000'].includes(fields.limit ?? '100') ? ['25', '50', '100', '250', '1000'] : ['25', '50', '100', '250', '1000', fields.limit!])
              .map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit" data-testid="search-submit">Search</button>
        <button type="button" class="secondary" onClick={clear} data-testid="search-reset">Clear filters</button>
      </div>
      {problems.length > 0 && (
        <div id="search-problems" class="problem" role="alert" data-testid="search-problems">
          <p class="problem-title">{formProblems ? 'Please correct the search:' : 'Part of this address was not understood and is left out:'}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.parameter} data-parameter={p.parameter}>
                <strong>{FieldNames[p.parameter] ?? p.parameter}</strong>: {p.message} <span class="muted">Expected: {p.expected}.</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

const Columns: { key: SortKey; label: string; className?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'instrument', label: 'Instrument', className: 'mid-only' },
  { key: 'level', label: 'Level', className: 'mid-only' },
  { key: 'descriptor', label: 'Descriptor', className: 'wide-only' },
  { key: 'startTime', label: 'Start (UTC)' },
  { key: 'orbit', label: 'Orbit', className: 'wide-only' },
  { key: 'version', label: 'Version', className: 'wide-only' },
  { key: 'sizeBytes', label: 'Size', className: 'wide-only' },
];

function Results({ products, query, selected, onToggle, onToggleAll, onSort, paging, nextCursor, onPage }: {
  products: Product[];
  query: SearchQuery;
  selected: ReadonlyMap<number, Product>;
  onToggle: (p: Product, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onSort: (key: SortKey) => void;
  paging: Paging;
  nextCursor: string | null;
  onPage: (p: Paging) => void;
}) {
  const { tokens } = useApp();
  const onPageSelected = products.filter((p) => selected.has(p.id)).length;
  const all = products.length > 0 && onPageSelected === products.length;
  const some = onPageSelected > 0 && !all;
  const number = pageNumber(paging);

  if (products.length === 0 && number === 1) {
    return <p class="empty" data-testid="results-empty">No {tokens ? '' : 'released '}products match this search.</p>;
  }
  return (
    <div class="results">
      <p class="results-head" data-testid="results-count" aria-live="polite">
        Page {number}: {plural(products.length, 'product')}{nextCursor ? ', more on the next page' : ''}.
      </p>
      <div class="table-scroll">
        <table class="data" data-testid="results-table">
          <caption class="visually-hidden">Products found, page {number}{query.sort ? `, sorted by ${query.sort} ${query.order === 'desc' ? 'descending' : 'ascending'}` : ''}</caption>
          <thead>
            <tr>
              <th scope="col" class="select">
                <input type="checkbox" checked={all} ref={(el) => { if (el) el.indeterminate = some; }}
                  onChange={(e) => onToggleAll(e.currentTarget.checked)} aria-label={`Select all ${products.length} products on this page`}
                  data-testid="select-all" />
              </th>
              {Columns.map((c) => {
                const active = query.sort === c.key;
                return (
                  <th scope="col" key={c.key} class={c.className} aria-sort={active ? (query.order === 'desc' ? 'descending' : 'ascending') : undefined}>
                    <button type="button" class="sort" onClick={() => onSort(c.key)} data-testid={`sort-${c.key}`}>
                      {c.label}
                      <span class="sort-mark" aria-hidden="true">{active ? (query.order === 'desc' ? '▼' : '▲') : '↕'}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" class="wide-only">Release</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} data-testid="result-row" data-id={p.id} class={selected.has(p.id) ? 'selected' : undefined}>
                <td class="select">
                  <input type="checkbox" checked={selected.has(p.id)} onChange={(e) => onToggle(p, e.currentTarget.checked)}
                    aria-label={`Select ${p.name}`} data-testid="result-select" />
                </td>
                <td class="name"><a href={`#/products/${p.id}`} data-testid="result-link">{p.name}</a>{!p.isLatest && <span class="tag">older version</span>}</td>
                <td class="mid-only">{instrumentName(p.instrument)}</td>
                <td class="mid-only">{p.kind === 'quicklook' ? 'ql' : p.level ?? '—'}</td>
                <td class="wide-only">{p.descriptor ?? '—'}</td>
                <td><Time iso={p.startTime} /></td>
                <td class="wide-only num">{p.orbit ?? '—'}</td>
                <td class="wide-only">{p.version}</td>
                <td class="wide-only num">{formatBytes(p.sizeBytes)}</td>
                <td class="wide-only">{p.release ? <a href={`#/releases/${p.release}`}>{p.release}</a> : <span class="muted">unreleased</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Result pages" data-testid="pager">
        <button type="button" class="secondary" disabled={!hasPrevious(paging)} onClick={() => onPage(previousPage(paging))} data-testid="page-previous">← Previous</button>
        <span data-testid="page-number">Page {number}</span>
        <button type="button" class="secondary" disabled={!nextCursor} onClick={() => onPage(nextPage(paging, nextCursor))} data-testid="page-next">Next →</button>
      </nav>
    </div>
  );
}

function SelectionBar({ selected, onClear }: { selected: ReadonlyMap<number, Product>; onClear: () => void }) {
  if (selected.size === 0) {
    return <p class="selection muted" data-testid="selected-count">No products selected. Tick products to download them together.</p>;
  }
  const bytes = [...selected.values()].reduce((n, p) => n + p.sizeBytes, 0);
  return (
    <div class="selection" role="status">
      <span data-testid="selected-count">{plural(selected.size, 'product')} selected ({formatBytes(bytes)})</span>
      <button type="button" class="secondary small" onClick={onClear} data-testid="selection-clear">Clear selection</button>
    </div>
  );
}
