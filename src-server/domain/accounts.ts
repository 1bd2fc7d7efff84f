import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import {
  CONSOLE_ROLES,
  LOCKOUT_FAILURES,
  LOCKOUT_MINUTES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ConsoleRole,
} from '../../src-shared/console/roles';
import type { ServerDatabase } from '../db/schema';
import { badRequest, HttpError, unauthorized } from './errors';
import { hashToken, newToken } from './tokens';
import type { Writer } from './write-lock';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt with N = 2^15, r = 8, p = 1 (32 MiB, about 50–100 ms here): OWASP's minimum. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string, params = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, {
    ...params,
    maxmem: 128 * params.N * params.r * 2,
  });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const N = Number(n);
  const R = Number(r);
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: 128 * N * R * 2,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Compared against when the login is unknown, so an unknown login costs as long as a known one. */
const DUMMY = hashPassword(randomBytes(16).toString('hex'));

/** A strong password for a new account or a reset, shown once to the administrator. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

export interface ConsoleAccount {
  id: string;
  login: string;
  name: string;
  role: ConsoleRole;
  officeId: string | null;
  officeCode: string | null;
}

export interface AccountsOptions {
  /** Minutes without a request after which a session ends; 30 by default. */
  idleMinutes?: number;
  /** Hours after which a session ends however busy; 12 by default. */
  maxHours?: number;
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

function checkPassword(password: string) {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw badRequest(`Пароль: от ${PASSWORD_MIN_LENGTH} до ${PASSWORD_MAX_LENGTH} символов.`);
  }
}

const refused = () => unauthorized('Неверное имя пользователя или пароль.');

/**
 * Console accounts, their sessions and the audit log (docs/console.md). Sessions live in the
 * database (only the SHA-256 of the cookie), so a restart keeps them and several server
 * processes share them.
 */
export function createAccounts(
  db: Kysely<ServerDatabase>,
  write: Writer,
  now: () => Date,
  options: AccountsOptions = {},
) {
  const idleMs = (options.idleMinutes ?? 30) * 60_000;
  const maxMs = (options.maxHours ?? 12) * 3_600_000;
  const iso = () => now().toISOString();

  const selectAccount = () =>
    db
      .selectFrom('accounts')
      .leftJoin('offices', 'offices.id', 'accounts.office_id')
      .select([
        'accounts.id',
        'accounts.login',
        'accounts.name',
        'accounts.role',
        'accounts.office_id',
        'accounts.password_hash',
        'accounts.failed_count',
        'accounts.locked_until',
        'accounts.disabled_at',
        'accounts.created_at',
        'offices.code as office_code',
      ]);
  type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectAccount>['executeTakeFirst']>>>;
  const view = (a: Row): ConsoleAccount => ({
    id: a.id,
    login: a.login,
    name: a.name,
    role: a.role,
    officeId: a.office_id,
    officeCode: a.office_code,
  });

  async function audit(actor: string, action: string, target: string | null, detail?: unknown) {
    await write((tx) =>
      tx
        .insertInto('audit_log')
        .values({
          at: iso(),
          actor,
          action,
          target,
          detail: detail === undefined ? null : JSON.stringify(detail),
        })
        .execute(),
    );
  }

  async function officeIdFor(role: ConsoleRole, officeCode: string | null) {
    if (role !== 'office_viewer') return null;
    if (!officeCode) throw badRequest('Наблюдателю органа укажите его орган.');
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('code', '=', officeCode.toUpperCase())
      .executeTakeFirst();
    if (!office) throw badRequest(`Нет органа с кодом ${officeCode}.`);
    return office.id;
  }

  return {
    audit,
    async create(input: {
      login: string;
      name: string;
      role: ConsoleRole;
      officeCode: string | null;
      password: string;
    }): Promise<ConsoleAccount> {
      const login = input.login.trim().toLowerCase();
      if (!LOGIN.test(login)) {
        throw badRequest('Имя пользователя: 2–40 латинских букв, цифр, точек, дефисов.');
      }
      if (!CONSOLE_ROLES.includes(input.role)) throw badRequest('Неизвестная роль.');
      const name = input.name.trim();
      if (!name || name.length > 200) throw badRequest('Укажите имя сотрудника (до 200 символов).');
      checkPassword(input.password);
      const officeId = await officeIdFor(input.role, input.officeCode);
      const exists = await db
        .selectFrom('accounts')
        .select('id')
        .where('login', '=', login)
        .executeTakeFirst();
      if (exists) throw new HttpError(409, 'conflict', `Пользователь ${login} уже есть.`);
      const id = randomUUID();
      const password_hash = await hashPassword(input.password);
      await write((tx) =>
        tx
          .insertInto('accounts')
          .values({
            id,
            login,
            name,
            role: input.role,
            office_id: officeId,
            password_hash,
            locked_until: null,
            created_at: iso(),
            disabled_at: null,
          })
          .execute(),
      );
      const row = await selectAccount().where('accounts.id', '=', id).executeTakeFirstOrThrow();
      return view(row);
    },
    async list() {
      const rows = await selectAccount().orderBy('accounts.login').execute();
      const t = iso();
      return rows.map((a) => ({
        ...view(a),
        createdAt: a.created_at,
        disabled: a.disabled_at !== null,
        locked: a.locked_until !== null && a.locked_until > t,
      }));
    },
    async byLogin(login: string) {
      const row = await selectAccount()
        .where('accounts.login', '=', login.trim().toLowerCase())
        .executeTakeFirst();
      if (!row) throw new HttpError(404, 'not_found', `Нет пользователя ${login}.`);
      return view(row);
    },
    /**
     * Signs in: a session token for the cookie and its CSRF token. Five failures in a row lock
     * the account for 15 minutes; a locked account says so only to the right password (a wrong
     * one gets the same answer as an unknown login, so logins cannot be probed).
     */
    async login(loginInput: string, password: string) {
      const login = loginInput.trim().toLowerCase();
      const row = LOGIN.test(login)
        ? await selectAccount().where('accounts.login', '=', login).executeTakeFirst()
        : undefined;
      if (!row || row.disabled_at !== null) {
        await verifyPassword(password, await DUMMY);
        await audit(login.slice(0, 40) || '—', 'login_failed', null);
        throw refused();
      }
      const good = await verifyPassword(password, row.password_hash);
      const t = now();
      const locked = row.locked_until !== null && row.locked_until > t.toISOString();
      if (locked) {
        await audit(row.login, 'login_failed', null, { locked: true });
        if (!good) throw refused();
        throw new HttpError(
          403,
          'locked',
          `Вход заблокирован после ${LOCKOUT_FAILURES} неудачных попыток на ${LOCKOUT_MINUTES} минут. Повторите позже или попросите администратора сбросить пароль.`,
        );
      }
      if (!good) {
        const failures = row.failed_count + 1;
        const lock = failures >= LOCKOUT_FAILURES;
        await write((tx) =>
          tx
            .updateTable('accounts')
            .set({
              failed_count: lock ? 0 : failures,
              locked_until: lock
                ? new Date(t.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
                : row.locked_until,
            })
            .where('id', '=', row.id)
            .execute(),
        );
        await audit(row.login, lock ? 'account_locked' : 'login_failed', null);
        throw refused();
      }
      const token = newToken();
      const csrf = randomBytes(24).toString('base64url');
      await write(async (tx) => {
        await tx
          .updateTable('accounts')
          .set({ failed_count: 0, locked_until: null })
          .where('id', '=', row.id)
          .execute();
        await tx
          .insertInto('sessions')
          .values({
            token_hash: hashToken(token),
            account_id: row.id,
            csrf,
            created_at: t.toISOString(),
            last_seen_at: t.toISOString(),
          })
          .execute();
        // Sessions that ended long ago are of no use to anyone.
        await tx
          .deleteFrom('sessions')
          .where('created_at', '<', new Date(t.getTime() - maxMs).toISOString())
          .execute();
      });
      await audit(row.login, 'login', null);
      return { token, csrf, account: view(row) };
    },
    /** The account of a session cookie; ends it after the idle time-out or the maximum age. */
    async session(token: string | undefined) {
      if (!token) throw unauthorized('Войдите в консоль.');
      const hash = hashToken(token);
      const s = await db
        .selectFrom('sessions')
        .select(['account_id', 'csrf', 'created_at', 'last_seen_at'])
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      if (!s) throw unauthorized('Сеанс завершён; войдите снова.');
      const t = now().getTime();
      if (Date.parse(s.last_seen_at) + idleMs < t || Date.parse(s.created_at) + maxMs < t) {
        await write((tx) => tx.deleteFrom('sessions').where('token_hash', '=', hash).execute());
        throw unauthorized('Сеанс завершён после бездействия; войдите снова.');
      }
      const row = await selectAccount().where('accounts.id', '=', s.account_id).executeTakeFirst();
      if (!row || row.disabled_at !== null) throw unauthorized('Учётная запись отключена.');
      // Touched at most once a minute: a page of requests is not a page of writes.
      if (Date.parse(s.last_seen_at) + 60_000 < t) {
        await write((tx) =>
          tx
            .updateTable('sessions')
            .set({ last_seen_at: new Date(t).toISOString() })
            .where('token_hash', '=', hash)
            .execute(),
        );
      }
      return { account: view(row), csrf: s.csrf, tokenHash: hash };
    },
    async logout(tokenHash: string) {
      await write((tx) => tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute());
    },
    /** The account's own new password; its other sessions end. */
    async changePassword(accountId: string, current: string, next: string, keepHash: string) {
      const row = await selectAccount().where('accounts.id', '=', accountId).executeTakeFirst();
      if (!row || !(await verifyPassword(current, row.password_hash))) {
        throw badRequest('Текущий пароль неверен.');
      }
      checkPassword(next);
      const password_hash = await hashPassword(next);
      await write(async (tx) => {
        await tx
          .updateTable('accounts')
          .set({ password_hash })
          .where('id', '=', accountId)
          .execute();
        await tx
          .deleteFrom('sessions')
          .where('account_id', '=', accountId)
          .where('token_hash', '<>', keepHash)
          .execute();
      });
    },
    /** A new password set by the administrator: unlocks the account and ends its sessions. */
    async resetPassword(login: string, password: string) {
      checkPassword(password);
      const password_hash = await hashPassword(password);
      const account = await this.byLogin(login);
      await write(async (tx) => {
        await tx
          .updateTable('accounts')
          .set({ password_hash, failed_count: 0, locked_until: null })
          .where('id', '=', account.id)
          .execute();
        await tx.deleteFrom('sessions').where('account_id', '=', account.id).execute();
      });
      return account;
    },
    async setDisabled(login: string, disabled: boolean) {
      const account = await this.byLogin(login);
      await write(async (tx) => {
        await tx
          .updateTable('accounts')
          .set({ disabled_at: disabled ? iso() : null })
          .where('id', '=', account.id)
          .execute();
        if (disabled)
          await tx.deleteFrom('sessions').where('account_id', '=', account.id).execute();
      });
      return account;
    },
    async auditLog(before: number | null, limit: number) {
      let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
      if (before !== null) q = q.where('seq', '<', before);
      return (await q.execute()).map((r) => ({
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        target: r.target,
        detail: r.detail,
      }));
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;

/** New sessions' cookie name. `__Host-` binds it to this host and path / with Secure. */
export const SESSION_COOKIE = '__Host-otklik-session';
