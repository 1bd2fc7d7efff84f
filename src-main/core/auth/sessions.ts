import { randomBytes } from 'node:crypto';
import { ROLE_CAPABILITIES, type AuthStatus, type User } from '../../../src-shared/auth/roles';
import type { Access } from '../../../src-shared/contract/access';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import type { Users } from './users';

export const DEFAULT_LOCK_MINUTES = 10;
const LOCK_SETTING = 'lock_minutes';

interface Session {
  userId: string;
  lastActivity: number;
  locked: boolean;
}

/** Who makes a call: a transport's window (with its session token, maybe none) or the core. */
export interface Caller {
  /** The session token the window holds; null when it has none yet. */
  session: string | null;
}

/**
 * Sign-in sessions of the desk's windows, in memory (a restart signs everybody out). Each
 * window holds its own token (sessionStorage), so the kiosk window never shares the officer's
 * session. A session untouched for the lock time is locked: only the same user's password
 * opens it again, or signing out.
 */
export function createSessions(ctx: CoreContext, settings: Settings, users: Users) {
  const sessions = new Map<string, Session>();

  function lockMinutes(): number {
    return Number(settings.value(LOCK_SETTING) ?? DEFAULT_LOCK_MINUTES);
  }

  function current(token: string | null): { session: Session; user: User } | null {
    if (!token) return null;
    const session = sessions.get(token);
    if (!session) return null;
    const user = users.get(session.userId);
    if (!user || !user.active) {
      sessions.delete(token);
      return null;
    }
    if (ctx.now().getTime() - session.lastActivity > lockMinutes() * 60_000) session.locked = true;
    return { session, user };
  }

  function status(token: string | null): AuthStatus {
    const found = current(token);
    return {
      needsSetup: users.needsSetup(),
      user: found?.user ?? null,
      locked: found?.session.locked ?? false,
      lockMinutes: lockMinutes(),
      capabilities: found ? [...ROLE_CAPABILITIES[found.user.role]] : [],
    };
  }

  function open(user: User): string {
    const token = randomBytes(32).toString('base64url');
    sessions.set(token, { userId: user.id, lastActivity: ctx.now().getTime(), locked: false });
    return token;
  }

  return {
    status,
    open,
    close(token: string | null) {
      if (token) sessions.delete(token);
    },
    /** Everybody signed in as this user is signed out (deactivated, password reset). */
    closeUser(userId: string, keep: string | null = null) {
      for (const [token, s] of sessions) {
        if (s.userId === userId && token !== keep) sessions.delete(token);
      }
    },
    lock(token: string | null) {
      const found = current(token);
      if (found) found.session.locked = true;
    },
    unlock(token: string | null, password: string) {
      const found = current(token);
      if (!found) throw new OtklikError('unauthenticated');
      users.unlock(found.user.id, password);
      found.session.locked = false;
      found.session.lastActivity = ctx.now().getTime();
    },
    lockMinutes,
    setLockMinutes(minutes: number) {
      settings.set(LOCK_SETTING, String(minutes));
    },

    /**
     * The gate of every call from a window: the method's access rule against the session.
     * Returns the signed-in user (null for a public method called without one).
     */
    authorize(access: Access, token: string | null): User | null {
      const found = current(token);
      if (access === 'public') return found && !found.session.locked ? found.user : null;
      if (!found) throw new OtklikError('unauthenticated');
      if (found.session.locked) throw new OtklikError('session_locked');
      found.session.lastActivity = ctx.now().getTime();
      if (access !== 'signed_in' && !ROLE_CAPABILITIES[found.user.role].includes(access)) {
        throw new OtklikError('forbidden', `${found.user.role} lacks ${access}`);
      }
      return found.user;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
