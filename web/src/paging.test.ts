import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, hasPrevious, nextPage, pageNumber, previousPage } from './paging';

describe('cursor paging', () => {
  it('starts on page one without a cursor', () => {
    expect(currentCursor(firstPage)).toBeNull();
    expect(pageNumber(firstPage)).toBe(1);
    expect(hasPrevious(firstPage)).toBe(false);
  });

  it('pushes each next cursor and pops back to the earlier pages', () => {
    const two = nextPage(firstPage, 'c2');
    const three = nextPage(two, 'c3');
    expect(currentCursor(three)).toBe('c3');
    expect(pageNumber(three)).toBe(3);
    const back = previousPage(three);
    expect(currentCursor(back)).toBe('c2');
    expect(currentCursor(previousPage(back))).toBeNull();
    expect(hasPrevious(previousPage(back))).toBe(false);
  });

  it('stays put at either end', () => {
    expect(previousPage(firstPage)).toBe(firstPage);
    const two = nextPage(firstPage, 'c2');
    expect(nextPage(two, null)).toBe(two);
    expect(nextPage(two, '')).toBe(two);
  });

  it('never changes the stack it was given', () => {
    const two = nextPage(firstPage, 'c2');
    nextPage(two, 'c3');
    previousPage(two);
    expect(two.cursors).toEqual([null, 'c2']);
    expect(firstPage.cursors).toEqual([null]);
  });
});
