import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AuthStatus, Capability } from '../../../src-shared/auth/roles';
import { call, onAuthRequired, session } from '../../api/client';
import { AuthContext, type AuthState } from './auth-context';
import { LockScreen, LoginForm, SetupForm } from './AuthForms';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Nothing of the officer's app shows until a user is signed in: the first start creates the
 * administrator, then everybody signs in. After the lock time without keyboard or mouse the
 * screen locks here at once (the core locks the session too, and refuses calls until unlock).
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const lastActivity = useRef(0);

  const refresh = useCallback(() => {
    call('auth.status', {}).then(setStatus, () => undefined);
  }, []);

  useEffect(() => {
    refresh();
    return onAuthRequired(refresh);
  }, [refresh]);

  const signedIn = status?.user != null && !status.locked;
  useEffect(() => {
    if (!signedIn || !status) return;
    const touch = () => (lastActivity.current = Date.now());
    touch();
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current > status.lockMinutes * 60_000) {
        call('auth.lock', {}).then(setStatus, () => undefined);
      }
    }, 15_000);
    return () => {
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, touch));
      clearInterval(timer);
    };
  }, [signedIn, status]);

  const signOut = useCallback(() => {
    call('auth.logout', {}).then(
      (next) => {
        session.set(null);
        setStatus(next);
      },
      () => undefined,
    );
  }, []);
  const lock = useCallback(() => {
    call('auth.lock', {}).then(setStatus, () => undefined);
  }, []);

  const state = useMemo<AuthState | null>(
    () =>
      status && {
        status,
        can: (capability: Capability) => status.capabilities.includes(capability),
        signOut,
        lock,
      },
    [status, signOut, lock],
  );

  if (!status || !state) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.needsSetup) return <SetupForm onDone={setStatus} />;
  if (!status.user) return <LoginForm onDone={setStatus} />;
  if (status.locked) return <LockScreen status={status} onDone={setStatus} onSwitch={signOut} />;
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}
