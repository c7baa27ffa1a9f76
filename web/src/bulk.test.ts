import { describe, expect, it } from 'vitest';
import { curlScript, sdcScript, shellQuote, urlList, zipName } from './bulk';

const api = 'http://127.0.0.1:8080';
const files = [
  { id: 126, name: 'emm_exi_l2_20210224T040000_0001_f220_v01-00.fits', sha256: '71cc6aab' },
  { id: 127, name: 'emm_exi_ql_20210224T040000_0001_f220_v01-00.png', sha256: 'ab12' },
];

describe('bulk download scripts', () => {
  it('quotes for the shell only when needed', () => {
    expect(shellQuote('emm_exi_l2_v01-00.fits')).toBe('emm_exi_l2_v01-00.fits');
    expect(shellQuote('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(shellQuote("it's here $HOME")).toBe(`'it'\\''s here $HOME'`);
    expect(shellQuote('')).toBe("''");
  });

  it('writes an sdc script that signs in and downloads the ids', () => {
    expect(sdcScript(api, [126, 127, 126], { username: 'demo' })).toBe([
      '#!/bin/sh',
      '# Downloads 2 products from http://127.0.0.1:8080 with the sdc command line:',
      '# in parallel, resuming interrupted files, each checked against its SHA-256.',
      'set -e',
      '# Sign in once (it asks for the password); leave this line out when already signed in.',
      'sdc login --endpoint http://127.0.0.1:8080/ --username demo',
      'sdc download --endpoint http://127.0.0.1:8080/ --to data \\',
      '  126 127',
      '',
    ].join('\n'));
  });

  it('wraps long id lists and honours the folder', () => {
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const script = sdcScript(`${api}/`, ids, { dir: 'my data' });
    expect(script).toContain("--to 'my data' \\\n  1 2 3 4 5 6 7 8 9 10 11 12 \\\n  13 14");
    expect(script).toContain('--username YOUR_NAME');
    expect(script).toContain('--endpoint http://127.0.0.1:8080/ ');
    expect(script.trimEnd().endsWith('25')).toBe(true);
  });

  it('refuses ids that are not product ids', () => {
    expect(() => sdcScript(api, [0])).toThrow('0 is not a product id.');
    expect(() => curlScript(api, [{ id: 1.5, name: 'x' }], { publicMode: true })).toThrow();
  });

  it('writes a curl script with the token and a checksum check per file', () => {
    const script = curlScript(api, files, { publicMode: false });
    expect(script).toContain("api=http://127.0.0.1:8080/v1\n");
    expect(script).toContain(': "${SDC_TOKEN:?');
    expect(script).toContain('curl -fsSL --retry 3 -H "Authorization: Bearer $SDC_TOKEN" -o "$2" "$api/products/$1/download"');
    expect(script).toContain('echo "$3  $2" | $check');
    expect(script).toContain('get 126 emm_exi_l2_20210224T040000_0001_f220_v01-00.fits 71cc6aab\n');
    expect(script).toContain('get 127 emm_exi_ql_20210224T040000_0001_f220_v01-00.png ab12\n');
    expect(script.startsWith('#!/bin/sh\n# Downloads 2 products from http://127.0.0.1:8080 with curl')).toBe(true);
  });

  it('needs no token in public mode and skips a missing checksum', () => {
    const script = curlScript(api, [{ id: 5, name: 'a.fits', sha256: null }], { publicMode: true, dir: 'out' });
    expect(script).toContain('api=http://127.0.0.1:8080/public/v1\n');
    expect(script).not.toContain('SDC_TOKEN');
    expect(script).toContain('mkdir -p out\ncd out\n');
    expect(script).toContain("get 5 a.fits ''\n");
    expect(script).toContain('# Downloads 1 product from');
  });

  it('lists signed URLs one a line and names the zip', () => {
    expect(urlList([{ id: 1, name: 'a', url: 'http://x/a?s=1&e=2' }, { id: 2, name: 'b', url: 'http://x/b' }])).toBe('http://x/a?s=1&e=2\nhttp://x/b\n');
    expect(urlList([])).toBe('');
    expect(zipName(3, new Date('2021-02-24T06:15:00.500Z'))).toBe('sdc-3-products-20210224-061500.zip');
    expect(zipName(1, new Date('2021-02-24T06:15:00Z'))).toBe('sdc-1-product-20210224-061500.zip');
  });
});
