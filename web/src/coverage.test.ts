import { describe, expect, it } from 'vitest';
import { buildGrid, dayRange, levelColour } from './coverage';

describe('coverage grid', () => {
  it('spans the first to the last day, gaps included', () => {
    const grid = buildGrid([
      { instrument: 'exi', day: '2021-02-27', files: 4, highestLevel: 'l1' },
      { instrument: 'emu', day: '2021-02-28', files: 2, highestLevel: 'l2' },
      { instrument: 'exi', day: '2021-03-02', files: 9, highestLevel: 'l2' },
      { instrument: 'sc', day: '2021-03-01', files: 1, highestLevel: 'l0' },
    ], ['exi', 'emr', 'emu']);
    expect(grid.days).toEqual(['2021-02-27', '2021-02-28', '2021-03-01', '2021-03-02']);
    expect(grid.instruments).toEqual(['exi', 'emu', 'sc']);
    expect(grid.cell('exi', '2021-03-02')?.files).toBe(9);
    expect(grid.cell('exi', '2021-02-28')).toBeUndefined();
    expect(grid.levels).toEqual(['l0', 'l1', 'l2']);
  });

  it('is empty without data', () => {
    const grid = buildGrid([]);
    expect(grid.days).toEqual([]);
    expect(grid.instruments).toEqual([]);
  });

  it('counts days across month and year ends, and caps the range', () => {
    expect(dayRange('2020-12-30', '2021-01-02')).toEqual(['2020-12-30', '2020-12-31', '2021-01-01', '2021-01-02']);
    expect(dayRange('2021-01-02', '2021-01-01')).toEqual([]);
    expect(dayRange('2021-01-01', '2030-01-01', 10)).toHaveLength(10);
  });

  it('colours each level apart and unknown levels too', () => {
    const colours = ['l0', 'l1', 'l2', 'l3', 'ql', 'xx'].map(levelColour);
    expect(new Set(colours).size).toBe(6);
  });
});
