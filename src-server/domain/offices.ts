import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DESK_CODE } from '../../src-shared/domain/numbering';
import type { EnrollResponse } from '../../src-shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';
import { badRequest, forbidden, HttpError, unauthorized } from './errors';
import { hashToken, newEnrollmentCode, newToken, normalizeCode } from './tokens';
import type { Writer } from './write-lock';

const OFFICE_CODE = /^[A-Z0-9]{2,10}$/;

/** Offices, devices, enrollment codes and administrators: what the CLI and /v1/enroll do. */
export function createOffices(db: Kysely<ServerDatabase>, write: Writer, now = () => new Date()) {
  const iso = () => now().toISOString();

  async function officeByCode(code: string) {
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
    async listOffices() {
      return db.selectFrom('offices').selectAll().orderBy('code').execute();
    },
    /** A one-time code for one desk of an office; valid for `days` days. */
    async createEnrollmentCode(officeCode: string, deskCode: string | null, days = 7) {
      const office = await officeByCode(officeCode);
      if (deskCode !== null && !DESK_CODE.test(deskCode)) {
        throw badRequest('Код рабочего места: 2–10 латинских букв и цифр.');
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
          })
          .execute(),
      );
      return { code, expiresAt: expires, office: office.code };
    },
    /** Trades a valid, unused code for device credentials, once. */
    async enroll(code: string, deviceName: string, node: string): Promise<EnrollResponse> {
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
        await tx
          .updateTable('enrollment_codes')
          .set({ used_at: iso() })
          .where('code_hash', '=', entry.code_hash)
          .execute();
        await tx
          .insertInto('devices')
          .values({
            id: deviceId,
            office_id: office.id,
            name: deviceName,
            node,
            token_hash: hashToken(token),
            desk_code: entry.desk_code,
            enrolled_at: iso(),
            revoked_at: null,
            last_seen_at: null,
          })
          .execute();
        return {
          deviceId,
          token,
          officeCode: office.code,
          officeName: office.name,
          deskCode: entry.desk_code,
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

export type Offices = ReturnType<typeof createOffices>;
