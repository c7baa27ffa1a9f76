// The product search as a value, and its round trip through the address bar: every filter is a
// query parameter named as the API names it, defaults are left out, and bad values from a
// hand-edited or stale URL are dropped with a message rather than sent to the API.

export type Versions = 'latest' | 'all';
export type Kind = 'product' | 'quicklook';
export type Order = 'asc' | 'desc';
export const SortKeys = ['name', 'instrument', 'level', 'descriptor', 'startTime', 'orbit', 'version', 'sizeBytes'] as const;
export type SortKey = (typeof SortKeys)[number];

export interface SearchQuery {
  instrument?: string;
  level?: string;
  kind?: Kind;
  descriptor?: string;
  orbit?: number;
  /** ISO 8601 UTC as the API takes it: 2021-02-24 or 2021-02-24T06:00:00Z. */
  from?: string;
  to?: string;
  versions: Versions;
  limit: number;
  sort?: SortKey;
  order: Order;
}

export interface FieldProblem {
  parameter: string;
  value: string;
  message: string;
  expected: string;
}

export const DefaultLimit = 100;
export const MaxLimit = 1000;
export const DefaultQuery: SearchQuery = { versions: 'latest', limit: DefaultLimit, order: 'asc' };

/** The query parameters of the portal's search URL, in this order. */
export const UrlKeys = ['instrument', 'level', 'kind', 'descriptor', 'orbit', 'from', 'to', 'version', 'limit', 'sort', 'order'] as const;

const NamePattern = /^[a-z0-9_-]{1,64}$/;
const NameExpected = 'lower-case letters, digits, - and _ (e.g. exi, l2, f546)';
export const TimeExpected = 'a UTC date (2021-02-24) or time (2021-02-24T06:00:00Z)';

const TimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * A typed time in the API's form, or null when it is not a time. Accepts what the API accepts
 * (a date, or a time with seconds, fraction and Z or an offset), and also a space for the T and a
 * missing zone (taken as UTC, as everything here is UTC).
 */
export function normalizeTime(input: string): string | null {
  const value = input.trim();
  const m = TimePattern.exec(value);
  if (!m) {
    return null;
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)
    || (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59))) {
    return null;
  }
  if (h === undefined) {
    return `${y}-${mo}-${d}`;
  }
  const seconds = s === undefined ? '' : `:${s}${fraction ?? ''}`;
  const z = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone;
  return `${y}-${mo}-${d}T${h}:${mi}${seconds}${z}`;
}

/** Milliseconds since the epoch of a normalized time (for comparing from and to). */
export function timeValue(time: string): number {
  return Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
}

function checkName(parameter: string, raw: string, problems: FieldProblem[]): string | undefined {
  const value = raw.trim();
  if (value === '') {
    return undefined;
  }
  if (!NamePattern.test(value)) {
    problems.push({ parameter, value: raw, message: `${parameter} "${raw}" is not a valid name.`, expected: NameExpected });
    return undefined;
  }
  return value;
}

function checkInteger(parameter: string, raw: string, min: number, max: number, problems: FieldProblem[]): number | undefined {
  const value = raw.trim();
  if (value === '') {
    return undefined;
  }
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push({ parameter, value: raw, message: `${parameter} "${raw}" is not a whole number from ${min} to ${max}.`, expected: `an integer from ${min} to ${max}` });
    return undefined;
  }
  return n;
}

function checkTime(parameter: string, raw: string, problems: FieldProblem[]): string | undefined {
  if (raw.trim() === '') {
    return undefined;
  }
  const time = normalizeTime(raw);
  if (time === null) {
    problems.push({ parameter, value: raw, message: `${parameter} "${raw}" is not a time.`, expected: TimeExpected });
    return undefined;
  }
  return time;
}

function checkChoice<T extends string>(parameter: string, raw: string, choices: readonly T[], problems: FieldProblem[]): T | undefined {
  const value = raw.trim();
  if (value === '') {
    return undefined;
  }
  if (!(choices as readonly string[]).includes(value)) {
    problems.push({ parameter, value: raw, message: `${parameter} "${raw}" is not accepted.`, expected: `one of: ${choices.join(', ')}` });
    return undefined;
  }
  return value as T;
}

/** The fields of a search form (or URL) as strings, before checking. */
export type QueryFields = Partial<Record<(typeof UrlKeys)[number], string>>;

/** Checks raw fields: the query of the valid ones, and a problem for each bad one. */
export function parseFields(fields: QueryFields): { query: SearchQuery; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const query: SearchQuery = { ...DefaultQuery };
  const set = <K extends keyof SearchQuery>(key: K, value: SearchQuery[K] | undefined) => {
    if (value !== undefined) {
      query[key] = value;
    }
  };
  set('instrument', checkName('instrument', fields.instrument ?? '', problems));
  set('level', checkName('level', fields.level ?? '', problems));
  set('kind', checkChoice('kind', fields.kind ?? '', ['product', 'quicklook'] as const, problems));
  set('descriptor', checkName('descriptor', fields.descriptor ?? '', problems));
  set('orbit', checkInteger('orbit', fields.orbit ?? '', 0, 2147483647, problems));
  set('from', checkTime('from', fields.from ?? '', problems));
  set('to', checkTime('to', fields.to ?? '', problems));
  set('versions', checkChoice('version', fields.version ?? '', ['latest', 'all'] as const, problems));
  set('limit', checkInteger('limit', fields.limit ?? '', 1, MaxLimit, problems));
  set('sort', checkChoice('sort', fields.sort ?? '', SortKeys, problems));
  set('order', checkChoice('order', fields.order ?? '', ['asc', 'desc'] as const, problems));
  if (query.from !== undefined && query.to !== undefined && timeValue(query.to) <= timeValue(query.from)) {
    problems.push({ parameter: 'to', value: fields.to ?? '', message: `to (${query.to}) is not after from (${query.from}).`, expected: 'a time after from' });
    delete query.to;
  }
  return { query, problems };
}

/** The search in the address bar's query string. Unknown parameters are ignored; repeated ones use the first. */
export function queryFromParams(params: URLSearchParams): { query: SearchQuery; problems: FieldProblem[] } {
  const fields: QueryFields = {};
  for (const key of UrlKeys) {
    const value = params.get(key);
    if (value !== null) {
      fields[key] = value;
    }
  }
  return parseFields(fields);
}

/** The query's own fields as strings, defaults omitted (what the form shows and the URL carries). */
export function queryToFields(query: SearchQuery): QueryFields {
  const fields: QueryFields = {};
  if (query.instrument) fields.instrument = query.instrument;
  if (query.level) fields.level = query.level;
  if (query.kind) fields.kind = query.kind;
  if (query.descriptor) fields.descriptor = query.descriptor;
  if (query.orbit !== undefined) fields.orbit = String(query.orbit);
  if (query.from) fields.from = query.from;
  if (query.to) fields.to = query.to;
  if (query.versions !== DefaultQuery.versions) fields.version = query.versions;
  if (query.limit !== DefaultQuery.limit) fields.limit = String(query.limit);
  if (query.sort) fields.sort = query.sort;
  if (query.sort && query.order !== DefaultQuery.order) fields.order = query.order;
  return fields;
}

export function queryToParams(query: SearchQuery): URLSearchParams {
  const fields = queryToFields(query);
  const params = new URLSearchParams();
  for (const key of UrlKeys) {
    const value = fields[key];
    if (value !== undefined) {
      params.set(key, value);
    }
  }
  return params;
}

/** The API's query parameters for one page of this search (sorting is the portal's, on the page). */
export function apiParams(query: SearchQuery, cursor?: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  const fields = queryToFields(query);
  for (const key of ['instrument', 'level', 'kind', 'descriptor', 'orbit', 'from', 'to', 'version', 'limit'] as const) {
    const value = fields[key];
    if (value !== undefined) {
      params[key] = value;
    }
  }
  if (cursor) {
    params.cursor = cursor;
  }
  return params;
}

/** True when the query filters on nothing (the portal still searches: the newest products). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return Object.keys(apiParams(query)).length === 0;
}

/** The search for one UTC day (the coverage timeline's links). */
export function dayQuery(day: string, instrument?: string): SearchQuery {
  const start = Date.parse(`${day}T00:00:00Z`);
  const next = new Date(start + 86_400_000).toISOString().slice(0, 10);
  return { ...DefaultQuery, instrument, from: day, to: next };
}

export function compareProducts<T extends Record<SortKey, unknown>>(a: T, b: T, key: SortKey, order: Order): number {
  const x = a[key];
  const y = b[key];
  // Missing values go last whichever the order.
  if (x === y) return 0;
  if (x === null || x === undefined) return 1;
  if (y === null || y === undefined) return -1;
  const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
  return order === 'desc' ? -c : c;
}

/** The page's products sorted by the query's key (a stable sort; unsorted keeps the API's order). */
export function sortProducts<T extends Record<SortKey, unknown>>(items: readonly T[], query: Pick<SearchQuery, 'sort' | 'order'>): T[] {
  const copy = [...items];
  if (query.sort) {
    const key = query.sort;
    copy.sort((a, b) => compareProducts(a, b, key, query.order));
  }
  return copy;
}
