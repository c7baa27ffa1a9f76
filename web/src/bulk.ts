// Bulk download helpers: the shell scripts the portal offers for a selection of products (the
// sdc command line, or plain curl with checksum checks) and the list of signed URLs.

export interface BulkFile {
  id: number;
  name: string;
  sha256?: string | null;
}

export interface SignedLink {
  id: number;
  name: string;
  url: string;
}

/** A word safe for a POSIX shell: as is when it has no special characters, else in single quotes. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) {
    return value;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function wrapWords(words: string[], perLine: number, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += perLine) {
    lines.push(indent + words.slice(i, i + perLine).join(' '));
  }
  return lines.join(' \\\n');
}

function apiRoot(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '');
}

function validIds(ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new Error(`${id} is not a product id.`);
    }
  }
  return unique;
}

/** `sdc download <ids> --to <dir>`: parallel, resumable, checked against the catalog's SHA-256. */
export function sdcScript(apiUrl: string, ids: readonly number[], options: { username?: string | null; dir?: string } = {}): string {
  const unique = validIds(ids);
  const endpoint = shellQuote(`${apiRoot(apiUrl)}/`);
  const dir = shellQuote(options.dir ?? 'data');
  const user = shellQuote(options.username || 'YOUR_NAME');
  return [
    '#!/bin/sh',
    `# Downloads ${unique.length} product${unique.length === 1 ? '' : 's'} from ${apiRoot(apiUrl)} with the sdc command line:`,
    '# in parallel, resuming interrupted files, each checked against its SHA-256.',
    'set -e',
    '# Sign in once (it asks for the password); leave this line out when already signed in.',
    `sdc login --endpoint ${endpoint} --username ${user}`,
    `sdc download --endpoint ${endpoint} --to ${dir} \\`,
    wrapWords(unique.map(String), 12, '  '),
    '',
  ].join('\n');
}

/**
 * Plain curl, one file after another, each checked with sha256sum (or shasum on macOS). Signed in,
 * it calls the API's download route with $SDC_TOKEN (a token lasts an hour; the portal's API
 * access page shows it); in public mode it uses the public route and needs no token.
 */
export function curlScript(apiUrl: string, files: readonly BulkFile[], options: { publicMode: boolean; dir?: string }): string {
  validIds(files.map((f) => f.id));
  const seen = new Set<number>();
  const unique = files.filter((f) => !seen.has(f.id) && seen.add(f.id));
  const prefix = options.publicMode ? '/public/v1' : '/v1';
  const lines = [
    '#!/bin/sh',
    `# Downloads ${unique.length} product${unique.length === 1 ? '' : 's'} from ${apiRoot(apiUrl)} with curl, each checked against its SHA-256.`,
  ];
  if (!options.publicMode) {
    lines.push('# Needs your token: export SDC_TOKEN=... (the portal\'s "API access" page has it).');
  }
  lines.push(
    'set -eu',
    `api=${shellQuote(apiRoot(apiUrl) + prefix)}`,
  );
  if (!options.publicMode) {
    lines.push(': "${SDC_TOKEN:?export SDC_TOKEN first (the portal\'s API access page shows it)}"');
  }
  lines.push(
    'if command -v sha256sum >/dev/null 2>&1; then check="sha256sum -c -"; else check="shasum -a 256 -c -"; fi',
    `mkdir -p ${shellQuote(options.dir ?? 'data')}`,
    `cd ${shellQuote(options.dir ?? 'data')}`,
    'get() {',
    options.publicMode
      ? '  curl -fsSL --retry 3 -o "$2" "$api/products/$1/download"'
      : '  curl -fsSL --retry 3 -H "Authorization: Bearer $SDC_TOKEN" -o "$2" "$api/products/$1/download"',
    '  if [ -n "$3" ]; then echo "$3  $2" | $check; fi',
    '}',
  );
  for (const file of unique) {
    lines.push(`get ${file.id} ${shellQuote(file.name)} ${shellQuote(file.sha256 ?? '')}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The signed URLs, one a line (each valid for the time the API says). */
export function urlList(links: readonly SignedLink[]): string {
  return links.map((l) => l.url).join('\n') + (links.length ? '\n' : '');
}

/** The name of a zip of the selection, e.g. sdc-12-products-20210224-061500.zip. */
export function zipName(count: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `sdc-${count}-product${count === 1 ? '' : 's'}-${stamp}.zip`;
}
