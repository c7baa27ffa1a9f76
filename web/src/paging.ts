// Cursor paging over the API's opaque nextCursor: a stack of the cursors that fetched the pages
// visited so far, so "previous" goes back without the API knowing about pages.

export interface Paging {
  /** The cursor that fetched each visited page; the first page has none. */
  readonly cursors: readonly (string | null)[];
}

export const firstPage: Paging = { cursors: [null] };

/** The cursor that fetches the current page. */
export function currentCursor(paging: Paging): string | null {
  return paging.cursors[paging.cursors.length - 1] ?? null;
}

/** 1 for the first page. */
export function pageNumber(paging: Paging): number {
  return paging.cursors.length;
}

export function hasPrevious(paging: Paging): boolean {
  return paging.cursors.length > 1;
}

/** The page after the current one, fetched with the current page's nextCursor. */
export function nextPage(paging: Paging, nextCursor: string | null | undefined): Paging {
  if (!nextCursor) {
    return paging;
  }
  return { cursors: [...paging.cursors, nextCursor] };
}

export function previousPage(paging: Paging): Paging {
  return hasPrevious(paging) ? { cursors: paging.cursors.slice(0, -1) } : paging;
}
