// Hash routing (#/search?instrument=exi): works from any folder and any static host, and the
// whole query stays in the address bar, so a search URL can be shared and reloaded.

export interface Route {
  /** The path without the leading slash, split: ['products', '42']. */
  segments: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const search = q < 0 ? '' : raw.slice(q + 1);
  const segments = path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { segments, params: new URLSearchParams(search) };
}

/** A link inside the portal: href('/search', params) is '#/search?…'. */
export function href(path: string, params?: URLSearchParams | Record<string, string>): string {
  const search = params instanceof URLSearchParams ? params.toString() : new URLSearchParams(params ?? {}).toString();
  return `#${path.startsWith('/') ? path : `/${path}`}${search ? `?${search}` : ''}`;
}

export function navigate(target: string, replace = false): void {
  if (replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target.replace(/^#/, '');
  }
}
