import { describe, expect, it } from 'vitest';
import {
  apiParams, dayQuery, DefaultQuery, normalizeTime, parseFields, queryFromParams, queryToParams, sortProducts, type SearchQuery,
} from './query';

const everything: SearchQuery = {
  instrument: 'exi',
  level: 'l2',
  kind: 'product',
  descriptor: 'f546',
  orbit: 3,
  from: '2021-02-24',
  to: '2021-02-25T06:00:00Z',
  versions: 'all',
  limit: 50,
  sort: 'startTime',
  order: 'desc',
};

describe('search query and the URL', () => {
  it('round-trips every filter', () => {
    const params = queryToParams(everything);
    expect(params.toString()).toBe(
      'instrument=exi&level=l2&kind=product&descriptor=f546&orbit=3&from=2021-02-24&to=2021-02-25T06%3A00%3A00Z&version=all&limit=50&sort=startTime&order=desc',
    );
    const back = queryFromParams(new URLSearchParams(params.toString()));
    expect(back.problems).toEqual([]);
    expect(back.query).toEqual(everything);
  });

  it('round-trips each filter on its own', () => {
    const single: Partial<SearchQuery>[] = [
      { instrument: 'emu' }, { level: 'ql' }, { kind: 'quicklook' }, { descriptor: 'spe' }, { orbit: 0 },
      { from: '2021-02-24T06:00Z' }, { to: '2021-02-24T06:00:00.5Z' }, { versions: 'all' }, { limit: 1000 }, { sort: 'name' },
    ];
    for (const part of single) {
      const query = { ...DefaultQuery, ...part };
      const params = queryToParams(query);
      expect([...params.keys()]).toHaveLength(1);
      expect(queryFromParams(params)).toEqual({ query, problems: [] });
    }
  });

  it('omits defaults', () => {
    expect(queryToParams(DefaultQuery).toString()).toBe('');
    expect(queryToParams({ ...DefaultQuery, versions: 'latest', limit: 100, order: 'asc' }).toString()).toBe('');
    // The order means nothing without a sort key.
    expect(queryToParams({ ...DefaultQuery, order: 'desc' }).toString()).toBe('');
    expect(queryFromParams(new URLSearchParams('')).query).toEqual(DefaultQuery);
  });

  it('drops bad values with a problem for each, keeping the good ones', () => {
    const { query, problems } = queryFromParams(new URLSearchParams(
      'instrument=EXI&level=l2&orbit=-1&from=yesterday&to=2021-02-30&version=some&limit=5000&sort=colour&order=up&kind=x&descriptor=a%20b',
    ));
    expect(query).toEqual({ ...DefaultQuery, level: 'l2' });
    expect(problems.map((p) => p.parameter)).toEqual(['instrument', 'kind', 'descriptor', 'orbit', 'from', 'to', 'version', 'limit', 'sort', 'order']);
    expect(problems.find((p) => p.parameter === 'from')).toMatchObject({ value: 'yesterday', expected: expect.stringContaining('2021-02-24') });
    expect(problems.find((p) => p.parameter === 'limit')?.expected).toBe('an integer from 1 to 1000');
  });

  it('refuses a time range that ends before it starts', () => {
    const { query, problems } = queryFromParams(new URLSearchParams('from=2021-02-25&to=2021-02-24'));
    expect(query.from).toBe('2021-02-25');
    expect(query.to).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ parameter: 'to', expected: 'a time after from' })]);
  });

  it('ignores unknown parameters and blank values', () => {
    const { query, problems } = queryFromParams(new URLSearchParams('foo=bar&instrument=&orbit=%20'));
    expect(query).toEqual(DefaultQuery);
    expect(problems).toEqual([]);
  });

  it('normalizes typed times to the API form', () => {
    expect(normalizeTime('2021-02-24')).toBe('2021-02-24');
    expect(normalizeTime(' 2021-02-24 06:00 ')).toBe('2021-02-24T06:00Z');
    expect(normalizeTime('2021-02-24t06:00:00z')).toBe('2021-02-24T06:00:00Z');
    expect(normalizeTime('2021-02-24T06:00:00.123+04:00')).toBe('2021-02-24T06:00:00.123+04:00');
    expect(normalizeTime('2021-02-29')).toBeNull();
    expect(normalizeTime('2021-02-24T24:00')).toBeNull();
    expect(normalizeTime('24/02/2021')).toBeNull();
    expect(normalizeTime('')).toBeNull();
  });

  it('reads the form fields the same way', () => {
    const { query, problems } = parseFields({ instrument: ' exi ', from: '2021-02-24 06:00', orbit: '12' });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ instrument: 'exi', from: '2021-02-24T06:00Z', orbit: 12 });
  });

  it('sends the API its parameters only, with the cursor', () => {
    expect(apiParams(everything, 'abc')).toEqual({
      instrument: 'exi', level: 'l2', kind: 'product', descriptor: 'f546', orbit: '3',
      from: '2021-02-24', to: '2021-02-25T06:00:00Z', version: 'all', limit: '50', cursor: 'abc',
    });
    expect(apiParams(DefaultQuery)).toEqual({});
  });

  it('makes a one-day search for the timeline', () => {
    expect(queryToParams(dayQuery('2021-02-28', 'exi')).toString()).toBe('instrument=exi&from=2021-02-28&to=2021-03-01');
    expect(queryToParams(dayQuery('2021-12-31')).toString()).toBe('from=2021-12-31&to=2022-01-01');
  });

  it('sorts a page by a column, missing values last', () => {
    const rows = [
      { name: 'b', instrument: 'exi', level: 'l2', descriptor: null, startTime: '2021-02-24T02:00:00Z', orbit: 10, version: '01-00', sizeBytes: 5 },
      { name: 'a', instrument: 'emu', level: 'l1', descriptor: 'spe', startTime: '2021-02-24T01:00:00Z', orbit: 9, version: '01-01', sizeBytes: 50 },
      { name: 'c', instrument: 'emr', level: 'l2', descriptor: 'sci', startTime: null, orbit: null, version: '01-00', sizeBytes: 7 },
    ];
    expect(sortProducts(rows, { sort: 'orbit', order: 'asc' }).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(sortProducts(rows, { sort: 'orbit', order: 'desc' }).map((r) => r.name)).toEqual(['b', 'a', 'c']);
    expect(sortProducts(rows, { sort: 'sizeBytes', order: 'desc' }).map((r) => r.name)).toEqual(['a', 'c', 'b']);
    expect(sortProducts(rows, { sort: 'name', order: 'asc' }).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(sortProducts(rows, { order: 'asc' }).map((r) => r.name)).toEqual(['b', 'a', 'c']);
  });
});
