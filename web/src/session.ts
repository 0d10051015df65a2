// The signed-in user, shared by every page.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session, User } from './types';

export interface SessionState {
  user: User | null;
  setSession: (s: Session | null) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionState>({ user: null, setSession: () => {}, logout: async () => {} });

export function useSession(): SessionState {
  return useContext(SessionContext);
}
