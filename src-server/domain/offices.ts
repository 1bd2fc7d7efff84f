import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DESK_CODE, parseRegNumber } from '../../src-shared/domain/numbering';
import type { EnrollResponse } from '../../src-shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';
import { badRequest, forbidden, HttpError, unauthorized } from './errors';
import { hashToken, newEnrollmentCode, newToken, normalizeCode } from './tokens';
import type { PackageKeys } from './package-keys';
import type { Writer } from './write-lock';

const OFFICE_CODE = /^[A-Z0-9]{2,10}$/;
/** An enrollment code lives 1–30 days: a forgotten code must not stay usable for years. */
export const MAX_CODE_DAYS = 30;

/** Offices, devices, enrollment codes and administrators: what the CLI and /v1/enroll do. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createOffices(
  db: Kysely<ServerDatabase>,
  write: Writer,
  now = () => new Date(),
  packageKeys: Pick<PackageKeys, 'publicKey'> | null = null,
) {
  const iso = () => now().toISOString();

  async function officeByCode(code: string) {
    // Anything but letters and digits is no office code (and a NUL byte would fail PostgreSQL).
    if (!/^[A-Za-z0-9]{1,20}$/.test(code))
      throw badRequest(`Нет органа с кодом ${code.slice(0, 20)}.`);
    const office = await db
      .selectFrom('offices')
      .selectAll()
      .where('code', '=', code.toUpperCase())
      .executeTakeFirst();
    if (!office) throw badRequest(`Нет органа с кодом ${code}.`);
    return office;
  }

  return {
    officeByCode,
    async createOffice(code: string, name: string) {
      const upper = code.trim().toUpperCase();
      if (!OFFICE_CODE.test(upper)) throw badRequest('Код органа: 2–10 латинских букв и цифр.');
      if (!name.trim()) throw badRequest('Укажите название органа.');
      const id = randomUUID();
      await write((tx) =>
        tx
          .insertInto('offices')
          .values({ id, code: upper, name: name.trim(), created_at: iso() })
          .execute(),
      );
      return { id, code: upper, name: name.trim() };
    },
    /** The office's id in ССТУ.РФ (a UUID the region gives), for the monthly report. */
    async setSstuDepartment(code: string, departmentId: string | null) {
      const office = await officeByCode(code);
      if (departmentId !== null && !UUID.test(departmentId)) {
        throw badRequest(
          'Идентификатор органа в ССТУ.РФ — UUID вида 0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11.',
        );
      }
      await write((tx) =>
        tx
          .updateTable('offices')
          .set({ sstu_department_id: departmentId?.toLowerCase() ?? null })
          .where('id', '=', office.id)
          .execute(),
      );
      return { code: office.code, departmentId };
    },
    async listOffices() {
      return db.selectFrom('offices').selectAll().orderBy('code').execute();
    },
    /**
     * A one-time code for one desk of an office; valid for `days` days (1–30). A desk code
     * already held by a device can only be handed out as an explicit replacement (`replace`):
     * enrolling with it revokes that device and passes its numbering on to the new one.
     */
    async createEnrollmentCode(
      officeCode: string,
      deskCode: string | null,
      days = 7,
      replace = false,
    ) {
      const office = await officeByCode(officeCode);
      if (deskCode !== null && !DESK_CODE.test(deskCode)) {
        throw badRequest('Код рабочего места: 2–10 латинских букв и цифр.');
      }
      if (!Number.isInteger(days) || days < 1 || days > MAX_CODE_DAYS) {
        throw badRequest(`Срок действия кода: от 1 до ${MAX_CODE_DAYS} дней.`);
      }
      if (replace && deskCode === null) {
        throw badRequest('Для замены укажите код рабочего места (--desk).');
      }
      if (deskCode !== null) {
        const { bound, holder } = await deskCodeBinding(db, deskCode);
        if (bound && bound.office_id !== office.id) {
          throw badRequest(`Код рабочего места ${deskCode} принадлежит другому органу.`);
        }
        // A revoked holder frees the code; an active one is replaced only when asked.
        if (holder && !replace) {
          throw badRequest(
            `Код рабочего места ${deskCode} уже закреплён за устройством ${holder.id}. ` +
              'Чтобы заменить компьютер, выдайте код замены (--replace).',
          );
        }
      }
      const code = newEnrollmentCode();
      const expires = new Date(now().getTime() + days * 86_400_000).toISOString();
      await write((tx) =>
        tx
          .insertInto('enrollment_codes')
          .values({
            code_hash: hashToken(normalizeCode(code)),
            office_id: office.id,
            desk_code: deskCode,
            expires_at: expires,
            used_at: null,
            created_at: iso(),
            replaces: replace ? 1 : 0,
          })
          .execute(),
      );
      return { code, expiresAt: expires, office: office.code };
    },
    /**
     * Trades a valid, unused code for device credentials, once, and binds a desk code to the
     * new device alone: the code's own (a replacement revokes its holder), or else the desk's
     * current code when no other device holds it. A machine whose node id an active device
     * already has is a copy of that desk's disk and is refused.
     */
    async enroll(
      code: string,
      deviceName: string,
      node: string,
      deskCode: string,
      signingKey: string,
    ): Promise<EnrollResponse> {
      if (!packageKeys) throw new Error('createOffices: package keys are needed to enroll');
      const token = newToken();
      const deviceId = randomUUID();
      return write(async (tx) => {
        const entry = await tx
          .selectFrom('enrollment_codes')
          .selectAll()
          .where('code_hash', '=', hashToken(normalizeCode(code)))
          .executeTakeFirst();
        if (!entry || entry.used_at !== null || entry.expires_at < iso()) {
          throw forbidden('Код подключения неверен, уже использован или истёк.');
        }
        const office = await tx
          .selectFrom('offices')
          .selectAll()
          .where('id', '=', entry.office_id)
          .executeTakeFirstOrThrow();
        const desk = entry.desk_code ?? deskCode;
        const { bound, holder: replacing } = await deskCodeBinding(tx, desk);
        if (bound && bound.office_id !== office.id) {
          throw forbidden(`Код рабочего места ${desk} принадлежит другому органу.`);
        }
        if (replacing && !(entry.desk_code !== null && entry.replaces === 1)) {
          throw forbidden(
            `Код рабочего места ${desk} уже закреплён за другим устройством. Если этот компьютер ` +
              'заменяет прежний, администратор центра выдаёт код замены.',
          );
        }
        const twin = await tx
          .selectFrom('devices')
          .select(['id'])
          .where('node', '=', node)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (twin && twin.id !== replacing?.id) {
          await tx
            .updateTable('devices')
            .set({ clone_suspected_at: iso() })
            .where('id', '=', twin.id)
            .execute();
          throw forbidden(
            'Этот компьютер — копия диска другого подключённого рабочего места (тот же ' +
              'идентификатор узла). Подключение отклонено; см. docs/security.md.',
          );
        }
        await tx
          .updateTable('enrollment_codes')
          .set({ used_at: iso() })
          .where('code_hash', '=', entry.code_hash)
          .execute();
        if (replacing) {
          await tx
            .updateTable('devices')
            .set({ revoked_at: iso() })
            .where('id', '=', replacing.id)
            .execute();
        }
        await tx
          .insertInto('devices')
          .values({
            id: deviceId,
            office_id: office.id,
            name: deviceName,
            node,
            token_hash: hashToken(token),
            desk_code: desk,
            enrolled_at: iso(),
            revoked_at: null,
            last_seen_at: null,
            signing_key: signingKey,
            clone_suspected_at: null,
          })
          .execute();
        if (bound) {
          await tx
            .updateTable('desk_codes')
            .set({ device_id: deviceId, bound_at: iso() })
            .where('code', '=', desk)
            .execute();
        } else {
          await tx
            .insertInto('desk_codes')
            .values({ code: desk, office_id: office.id, device_id: deviceId, bound_at: iso() })
            .execute();
        }
        return {
          deviceId,
          token,
          officeCode: office.code,
          officeName: office.name,
          deskCode: desk,
          lastNumbers: await lastNumbers(tx, desk),
          packageKey: packageKeys.publicKey,
        };
      });
    },
    /** The device a bearer token belongs to; refused when unknown or revoked. */
    async authenticate(token: string | undefined) {
      if (!token) throw unauthorized('Устройство не подключено к серверу (нет ключа доступа).');
      const device = await db
        .selectFrom('devices')
        .innerJoin('offices', 'offices.id', 'devices.office_id')
        .select([
          'devices.id',
          'devices.office_id',
          'devices.revoked_at',
          'devices.token_hash',
          'devices.node',
          'offices.code',
        ])
        .where('devices.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!device)
        throw unauthorized('Ключ доступа неизвестен серверу: подключите рабочее место заново.');
      if (device.revoked_at)
        throw forbidden('Доступ этого рабочего места отозван администратором.');
      return {
        id: device.id,
        officeId: device.office_id,
        officeCode: device.code,
        tokenHash: device.token_hash,
        node: device.node,
      };
    },
    async device(id: string) {
      return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listDevices() {
      return db
        .selectFrom('devices')
        .innerJoin('offices', 'offices.id', 'devices.office_id')
        .select([
          'devices.id',
          'devices.name',
          'devices.desk_code',
          'devices.enrolled_at',
          'devices.revoked_at',
          'devices.clone_suspected_at',
          'offices.code as office',
        ])
        .orderBy('devices.enrolled_at')
        .execute();
    },
    async revoke(deviceId: string) {
      const done = await write((tx) =>
        tx
          .updateTable('devices')
          .set({ revoked_at: iso() })
          .where('id', '=', deviceId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      if (Number(done.numUpdatedRows) === 0) {
        throw new HttpError(404, 'not_found', `Нет действующего устройства ${deviceId}.`);
      }
    },
    async createAdmin(name: string) {
      const token = newToken();
      const id = randomUUID();
      await write((tx) =>
        tx
          .insertInto('admins')
          .values({ id, name, token_hash: hashToken(token), created_at: iso(), revoked_at: null })
          .execute(),
      );
      return { id, token };
    },
    /** The signing key of a device enrolled before keys existed; set once, never replaced. */
    async registerSigningKey(deviceId: string, signingKey: string) {
      if (!packageKeys) throw new Error('createOffices: package keys are needed');
      const done = await write((tx) =>
        tx
          .updateTable('devices')
          .set({ signing_key: signingKey })
          .where('id', '=', deviceId)
          .where('signing_key', 'is', null)
          .executeTakeFirst(),
      );
      if (Number(done.numUpdatedRows) === 0) {
        const device = await db
          .selectFrom('devices')
          .select('signing_key')
          .where('id', '=', deviceId)
          .executeTakeFirst();
        // The same key again (a retried request) is fine; another one is not.
        if (device?.signing_key !== signingKey) {
          throw new HttpError(
            409,
            'conflict',
            'Ключ подписи этого рабочего места уже зарегистрирован: сменить его можно только подключением по коду замены.',
          );
        }
      }
      return { packageKey: packageKeys.publicKey };
    },
    /** Revokes an administrator's key (a key that leaked, a person who left). */
    async revokeAdmin(id: string) {
      const done = await write((tx) =>
        tx
          .updateTable('admins')
          .set({ revoked_at: iso() })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      if (Number(done.numUpdatedRows) === 0) {
        throw new HttpError(404, 'not_found', `Нет действующего ключа администратора ${id}.`);
      }
    },
    async listAdmins() {
      return db
        .selectFrom('admins')
        .select(['id', 'name', 'created_at', 'revoked_at'])
        .orderBy('created_at')
        .execute();
    },
    async authenticateAdmin(token: string | undefined) {
      if (!token) throw unauthorized('Нужен ключ администратора.');
      const admin = await db
        .selectFrom('admins')
        .selectAll()
        .where('token_hash', '=', hashToken(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!admin) throw unauthorized('Ключ администратора неизвестен или отозван.');
      return admin;
    },
  };
}

/**
 * A desk code's binding and the active device that holds it (a revoked holder frees the code):
 * what enrollment codes and enrollment both decide on.
 */
async function deskCodeBinding(db: Kysely<ServerDatabase>, code: string) {
  const bound = await db
    .selectFrom('desk_codes')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  const device = bound?.device_id
    ? await db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', bound.device_id)
        .executeTakeFirst()
    : undefined;
  return { bound, holder: device && !device.revoked_at ? device : undefined };
}

/** The highest registration sequence per year of a desk code among the central's cards. */
async function lastNumbers(
  tx: Parameters<Parameters<Writer>[0]>[0],
  deskCode: string,
): Promise<{ year: number; seq: number }[]> {
  const rows = await tx
    .selectFrom('appeals')
    .select('reg_number')
    .where('desk_code', '=', deskCode)
    .execute();
  const top = new Map<number, number>();
  for (const r of rows) {
    const n = parseRegNumber(r.reg_number ?? '');
    if (n && n.deskCode === deskCode) top.set(n.year, Math.max(top.get(n.year) ?? 0, n.seq));
  }
  return [...top].sort(([a], [b]) => a - b).map(([year, seq]) => ({ year, seq }));
}

export type Offices = ReturnType<typeof createOffices>;
