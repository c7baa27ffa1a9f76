import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../api';
import { parseHash, type Route } from '../router';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Runs a request when its inputs change; a newer request (or leaving the page) aborts the older
 * one, so a slow answer never overwrites a newer one and nothing updates after unmount.
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** A one-off action (download, copy, zip): its state, and a runner that ignores double clicks. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [state, setState] = useState<{ status: 'idle' } | { status: 'running' } | { status: 'ok'; data: T } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const run = async (...args: A) => {
    if (state.status === 'running') return;
    setState({ status: 'running' });
    try {
      const data = await action(...args);
      setState({ status: 'ok', data });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  return { state, run, reset: () => setState({ status: 'idle' }) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · SDC`;
  }, [title]);
}

/** An object URL for a blob, revoked when the blob changes or the component goes. */
export function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url;
}
