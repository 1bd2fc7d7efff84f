import type { z } from 'zod';
import { uuidv7 } from '../../../src-shared/domain/ids';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { Role, User, setupInputSchema, userInputSchema } from '../../../src-shared/auth/roles';
import { isoNow, type CoreContext } from '../context';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

/** Failed sign-ins in a row that lock an account, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

interface UserRow {
  id: string;
  login: string;
  full_name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

const refuse = (path: string, message: string, params?: Record<string, string | number>) =>
  new OtklikError('validation', message, [{ path, message, params }]);

/** The desk's users: the first administrator, sign-in with lockout, management by admins. */
export function createUsers(ctx: CoreContext) {
  const { db } = ctx;
  const count = db.prepare('SELECT count(*) FROM users').pluck();
  const byLogin = db.prepare<[string], UserRow>('SELECT * FROM users WHERE login = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY full_name, login');
  const activeAdmins = db
    .prepare("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ?")
    .pluck();
  const insert = db.prepare(
    `INSERT INTO users (id, login, full_name, role, password_hash, active, created_at, updated_at)
     VALUES (@id, @login, @fullName, @role, @hash, @active, @now, @now)`,
  );
  const updateRow = db.prepare(
    `UPDATE users SET login = @login, full_name = @fullName, role = @role, active = @active,
       password_hash = coalesce(@hash, password_hash),
       failed_attempts = CASE WHEN @hash IS NULL THEN failed_attempts ELSE 0 END,
       locked_until = CASE WHEN @hash IS NULL THEN locked_until ELSE NULL END,
       updated_at = @now
     WHERE id = @id`,
  );
  const failed = db.prepare(
    'UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?',
  );
  const succeeded = db.prepare(
    'UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const setHash = db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?');

  function loginTaken(login: string, id: string | null) {
    const other = byLogin.get(login);
    if (other && other.id !== id) throw refuse('login', 'login_taken');
  }

  const setupTx = db.transaction((input: z.output<typeof setupInputSchema>): User => {
    if ((count.get() as number) > 0) throw new OtklikError('forbidden', 'setup done');
    const id = uuidv7(ctx.now().getTime());
    insert.run({
      id,
      login: input.login,
      fullName: input.fullName,
      role: 'admin',
      hash: hashPassword(input.password),
      active: 1,
      now: isoNow(ctx),
    });
    return toUser(byId.get(id)!);
  });

  const saveTx = db.transaction((input: z.output<typeof userInputSchema>): User => {
    loginTaken(input.login, input.id);
    const now = isoNow(ctx);
    const hash = input.password ? hashPassword(input.password) : null;
    if (input.id === null) {
      if (!hash) throw refuse('password', 'required');
      const id = uuidv7(ctx.now().getTime());
      insert.run({ ...input, id, hash, active: input.active ? 1 : 0, now });
      return toUser(byId.get(id)!);
    }
    const current = byId.get(input.id);
    if (!current) throw new OtklikError('not_found', `user ${input.id}`);
    // The desk must keep an administrator who can sign in.
    const staysAdmin = input.role === 'admin' && input.active;
    if (current.role === 'admin' && !staysAdmin && (activeAdmins.get(input.id) as number) === 0) {
      throw refuse('role', 'last_admin');
    }
    updateRow.run({ ...input, hash, active: input.active ? 1 : 0, now });
    return toUser(byId.get(input.id)!);
  });

  /** One password try against an account: locked accounts refuse, failures lock after 5. */
  function counted(row: UserRow, password: string, wrong: string): User {
    const now = ctx.now();
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw refuse('password', 'account_locked', { until: row.locked_until });
    }
    if (!verifyPassword(password, row.password_hash) || row.active !== 1) {
      const attempts = row.failed_attempts + 1;
      const lock = attempts >= MAX_FAILED_ATTEMPTS;
      const until = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
      failed.run(lock ? 0 : attempts, until, now.toISOString(), row.id);
      if (lock) throw refuse('password', 'account_locked', { until: until! });
      throw refuse('password', wrong);
    }
    succeeded.run(row.id);
    return toUser(row);
  }

  return {
    needsSetup: () => (count.get() as number) === 0,
    setup: (input: z.output<typeof setupInputSchema>) => setupTx(input),
    list: () => all.all().map(toUser),
    get: (id: string): User | null => {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    save: (input: z.output<typeof userInputSchema>) => saveTx(input),

    /**
     * Checks a sign-in. Unknown login, wrong password and inactive user all answer the same
     * "wrong_credentials"; after MAX_FAILED_ATTEMPTS the account is locked for LOCKOUT_MINUTES,
     * and during that time even the right password is refused.
     */
    authenticate(login: string, password: string): User {
      const row = byLogin.get(login);
      if (!row) {
        verifyPassword(password, dummyHash());
        throw refuse('password', 'wrong_credentials');
      }
      return counted(row, password, 'wrong_credentials');
    },

    /**
     * The password of a signed-in user whose screen is locked: failures count towards the same
     * lockout as at sign-in, so a locked, unattended PC cannot be guessed open.
     */
    unlock(id: string, password: string): User {
      const row = byId.get(id);
      if (!row) throw new OtklikError('unauthenticated');
      return counted(row, password, 'wrong_password');
    },

    /** The password check of a signed-in user (unlock, change of password); no lockout count. */
    checkPassword(id: string, password: string): boolean {
      const row = byId.get(id);
      return row !== undefined && row.active === 1 && verifyPassword(password, row.password_hash);
    },

    setPassword(id: string, password: string) {
      setHash.run(hashPassword(password), isoNow(ctx), id);
    },
  };
}

export type Users = ReturnType<typeof createUsers>;
