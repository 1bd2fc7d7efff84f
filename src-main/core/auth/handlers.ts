import type { Handlers } from '../handlers';
import type { CoreServices } from '../services';
import { OtklikError } from '../../../src-shared/contract/errors';

type AuthMethods =
  | 'auth.status'
  | 'auth.setup'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.save'
  | 'users.setLockMinutes'
  | 'audit.forAppeal';

/** Sign-in, users and the audit trail (docs/users.md). */
export function authHandlers(s: CoreServices): Pick<Handlers, AuthMethods> {
  const { sessions, users } = s;
  return {
    'auth.status': (_, c) => sessions.status(c.session),
    'auth.setup': (input) => {
      const user = users.setup(input);
      // The window that created the administrator is signed in as them.
      const session = sessions.open(user);
      return { ...sessions.status(session), session };
    },
    'auth.login': ({ login, password }, c) => {
      const user = users.authenticate(login, password);
      sessions.close(c.session);
      const session = sessions.open(user);
      return { ...sessions.status(session), session };
    },
    'auth.logout': (_, c) => {
      sessions.close(c.session);
      return sessions.status(null);
    },
    'auth.lock': (_, c) => {
      sessions.lock(c.session);
      return sessions.status(c.session);
    },
    'auth.unlock': ({ password }, c) => {
      sessions.unlock(c.session, password);
      return sessions.status(c.session);
    },
    'auth.changePassword': ({ current, next }, c) => {
      if (!c.user) throw new OtklikError('unauthenticated');
      if (!users.checkPassword(c.user.id, current)) {
        throw new OtklikError('validation', 'wrong password', [
          { path: 'current', message: 'wrong_password' },
        ]);
      }
      users.setPassword(c.user.id, next);
      return {};
    },
    'users.list': () => users.list(),
    'users.save': (input, c) => {
      const user = users.save(input);
      // A deactivated user or a new password ends that user's other sessions on this desk.
      if (!user.active || input.password) sessions.closeUser(user.id, c.session);
      return user;
    },
    'users.setLockMinutes': ({ minutes }) => {
      sessions.setLockMinutes(minutes);
      return { minutes };
    },
    'audit.forAppeal': ({ id }) => {
      s.appeals.get(id);
      return s.appeals.audit(id);
    },
  };
}
