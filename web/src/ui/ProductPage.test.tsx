// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../types';
import { ProductPage } from './ProductPage';
import { allByTestId, byTestId, fakeApi, mount, unmount, waitFor } from './testing';

function product(over: Partial<Product>): Product {
  return {
    id: 126, name: 'emm_exi_l2_20210224T040000_0001_f220_v01-00.fits', key: 'k', kind: 'product', instrument: 'exi', level: 'l2',
    descriptor: 'f220', startTime: '2021-02-24T04:00:00Z', endTime: '2021-02-24T04:00:00.8Z', orbit: 1, version: '01-00', isLatest: true,
    sizeBytes: 342720, md5: 'm', sha256: 's', ingestedAt: '2021-02-25T00:00:00Z', release: 1, ...over,
  };
}

const detail = (p: Product) => Response.json({
  product: p,
  lineage: { inputs: [{ id: 50, name: 'emm_exi_l1_20210224T040000_0001_f220_v01-00.fits', role: 'input' }], derived: [] },
  versions: [{ id: p.id, version: '01-00', isLatest: true, release: 1 }],
  job: { id: 21, runId: 1, instrument: 'exi', level: 'l2', stage: 1, queue: 'production', status: 'WARNING', statusReason: null, exitCode: 0, attempts: 1, createdAt: 'x', startedAt: null, finishedAt: null, hasLog: true },
});

let root: HTMLElement | null = null;
afterEach(() => { if (root) unmount(root); root = null; });

describe('product page', () => {
  it('shows metadata, lineage, the job, the quicklook fetched with the token, and the FITS header when the API has it', async () => {
    const ql = product({ id: 127, name: 'emm_exi_ql_20210224T040000_0001_f220_v01-00.png', kind: 'quicklook', level: 'ql' });
    const { seen, fetchFn } = fakeApi({
      'GET /v1/products/126': () => detail(product({})),
      'GET /v1/products?*': () => Response.json({ products: [product({ id: 200, descriptor: 'f260', kind: 'quicklook' }), ql], nextCursor: null }),
      'GET /v1/products/127/download': () => new Response(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })),
      'GET /v1/products/126/header': () => Response.json({ cards: [{ keyword: 'SIMPLE', value: true, comment: 'conforms to FITS' }, { keyword: 'NAXIS', value: 2, comment: null }] }),
    });
    root = mount(<ProductPage id="126" />, fetchFn, true);
    const image = await waitFor(() => byTestId(root!, 'quicklook-image') as HTMLImageElement | null);
    expect(image.alt).toBe('Quicklook emm_exi_ql_20210224T040000_0001_f220_v01-00.png');
    expect(image.getAttribute('src')).toMatch(/^blob:/);
    const search = seen.find((s) => s.url.startsWith('http://api/v1/products?'))!;
    expect(Object.fromEntries(new URL(search.url).searchParams)).toEqual({
      instrument: 'exi', level: 'ql', orbit: '1', from: '2021-02-24T04:00:00Z', to: '2021-02-24T04:00:01Z',
    });
    expect(seen.find((s) => s.url.endsWith('/v1/products/127/download'))!.headers.Authorization).toBe('Bearer id-1');
    expect(byTestId(root, 'product-name')!.textContent).toBe('emm_exi_l2_20210224T040000_0001_f220_v01-00.fits');
    expect(allByTestId(root, 'lineage-link').map((a) => a.getAttribute('href'))).toEqual(['#/products/50']);
    expect(byTestId(root, 'product-job-status')!.textContent).toContain('WARNING');
    await waitFor(() => byTestId(root!, 'product-header'));
    expect(allByTestId(root, 'header-card').map((r) => r.textContent)).toEqual(['SIMPLEtrueconforms to FITS', 'NAXIS2']);
    expect(byTestId(root, 'download-button')!.tagName).toBe('BUTTON');
  });

  it('leaves the FITS header out when the API has no such route, and uses public links without a token', async () => {
    const { seen, fetchFn } = fakeApi({
      'GET /public/v1/products/126': () => detail(product({})),
      'GET /public/v1/products?*': () => Response.json({ products: [], nextCursor: null }),
    });
    root = mount(<ProductPage id="126" />, fetchFn, false);
    await waitFor(() => byTestId(root!, 'quicklook-none'));
    await waitFor(() => seen.some((s) => s.url.endsWith('/header')));
    await new Promise((r) => setTimeout(r, 20));
    expect(byTestId(root, 'product-header')).toBeNull();
    expect(byTestId(root, 'product-job')).toBeNull();
    const download = byTestId(root, 'download-button') as HTMLAnchorElement;
    expect(download.tagName).toBe('A');
    expect(download.getAttribute('href')).toBe('http://api/public/v1/products/126/download');
    expect(seen.every((s) => !s.headers.Authorization)).toBe(true);
  });

  it('shows the problem when the product is not there', async () => {
    const { fetchFn } = fakeApi({});
    root = mount(<ProductPage id="999" />, fetchFn, true);
    const problem = await waitFor(() => byTestId(root!, 'product-problem'));
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('Not found (404)');
    expect(problem.textContent).toContain('No such resource: /v1/products/999.');
  });
});
