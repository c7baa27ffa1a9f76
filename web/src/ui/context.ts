import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api';
import type { Auth, Tokens } from '../auth';
import type { PortalConfig } from '../config';

export interface AppState {
  config: PortalConfig;
  api: Api;
  /** Null when the SDC offers no sign-in (public access only). */
  auth: Auth | null;
  /** The signed-in user's tokens; null in public mode. */
  tokens: Tokens | null;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) {
    throw new Error('useApp outside the app');
  }
  return state;
}
