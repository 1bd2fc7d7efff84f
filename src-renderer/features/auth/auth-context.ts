import { createContext, useContext } from 'react';
import type { AuthStatus, Capability } from '../../../src-shared/auth/roles';

export interface AuthState {
  status: AuthStatus;
  can(capability: Capability): boolean;
  signOut(): void;
  lock(): void;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user and what their role may do (inside the AuthGate only). */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthGate');
  return state;
}
