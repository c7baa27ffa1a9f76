// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../types';
import { SearchPage } from './SearchPage';
import { allByTestId, byTestId, fakeApi, mount, unmount, waitFor } from './testing';

const rows = (from: number, n: number): Product[] => Array.from({ length: n }, (_, i) => ({
  id: from + i, name: `emm_exi_l2_p${from + i}.fits`, key: 'k', kind: 'product', instrument: 'exi', level: 'l2', descriptor: 'f220',
  startTime: `2021-02-24T0${i}:00:00Z`, endTime: null, orbit: from + i, version: '01-00', isLatest: true, sizeBytes: 1000 * (i + 1),
  md5: 'm', sha256: 'sha', ingestedAt: 'x', release: null,
}));

let root: HTMLElement | null = null;
afterEach(() => { if (root) unmount(root); root = null; });

describe('search page', () => {
  it('runs the search in the URL and pages with the cursor stack', async () => {
    const { seen, fetchFn } = fakeApi({
      'GET /v1/products?instrument=exi&level=l2&limit=3': () => Response.json({ products: rows(1, 3), nextCursor: 'c2' }),
      'GET /v1/products?instrument=exi&level=l2&limit=3&cursor=c2': () => Response.json({ products: rows(4, 2), nextCursor: null }),
    });
    root = mount(<SearchPage params={new URLSearchParams('instrument=exi&level=l2&limit=3&sort=orbit&order=desc')} />, fetchFn, true);
    await waitFor(() => allByTestId(root!, 'result-row').length === 3);
    // Sorted on the page, by orbit, descending.
    expect(allByTestId(root, 'result-row').map((r) => r.dataset.id)).toEqual(['3', '2', '1']);
    expect((byTestId(root, 'search-instrument') as HTMLSelectElement).value).toBe('exi');
    expect((byTestId(root, 'page-previous') as HTMLButtonElement).disabled).toBe(true);

    byTestId(root, 'page-next')!.click();
    await waitFor(() => byTestId(root!, 'page-number')?.textContent === 'Page 2' && allByTestId(root!, 'result-row').length === 2);
    expect((byTestId(root, 'page-next') as HTMLButtonElement).disabled).toBe(true);

    byTestId(root, 'page-previous')!.click();
    await waitFor(() => byTestId(root!, 'page-number')?.textContent === 'Page 1' && allByTestId(root!, 'result-row').length === 3);
    expect(seen.map((s) => new URL(s.url).searchParams.get('cursor'))).toEqual([null, 'c2', null]);
  });

  it('selects all on the page and offers the bulk downloads', async () => {
    const { fetchFn } = fakeApi({ 'GET /v1/products*': () => Response.json({ products: rows(1, 2), nextCursor: null }) });
    root = mount(<SearchPage params={new URLSearchParams('')} />, fetchFn, true);
    await waitFor(() => allByTestId(root!, 'result-row').length === 2);
    byTestId(root, 'select-all')!.click();
    await waitFor(() => byTestId(root!, 'bulk-panel'));
    expect(byTestId(root, 'selected-count')!.textContent).toBe('2 products selected (2.9 KiB)');
    expect(byTestId(root, 'bulk-script-sdc')!.textContent).toContain('--to data \\\n  1 2');
    expect(byTestId(root, 'bulk-script-curl')!.textContent).toContain('get 2 emm_exi_l2_p2.fits sha');
    byTestId(root, 'selection-clear')!.click();
    await waitFor(() => byTestId(root!, 'bulk-panel') === null);
  });

  it('shows bad URL values next to the form and the API\'s problem', async () => {
    const { fetchFn } = fakeApi({
      'GET /public/v1/products?*': () => new Response(JSON.stringify({
        type: 'urn:sdc:problem:bad-parameter', title: 'Bad parameter', status: 400, detail: 'descriptor=zz is not known.', parameter: 'descriptor', expected: 'a descriptor such as xos1',
      }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    });
    root = mount(<SearchPage params={new URLSearchParams('orbit=-3&descriptor=zz')} />, fetchFn, false);
    const problem = await waitFor(() => byTestId(root!, 'search-problem'));
    expect(byTestId(problem, 'search-problem-parameter')!.textContent).toBe('descriptor');
    expect(byTestId(problem, 'search-problem-expected')!.textContent).toBe('a descriptor such as xos1');
    expect(byTestId(root, 'search-problems')!.textContent).toContain('orbit "-3" is not a whole number');
    expect(byTestId(root, 'search-descriptor')!.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId(root, 'search-orbit')!.getAttribute('aria-invalid')).toBe('true');
  });
});
