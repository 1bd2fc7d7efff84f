import { randomInt } from 'node:crypto';
import type { Db } from './db/open';
import { DESK_CODE } from '../../src-shared/domain/numbering';
import { OtklikError } from '../../src-shared/contract/errors';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Desk-level settings kept in the database. The desk code prefixes every registration number;
 * a fresh desk gets a random one until an administrator (or, later, enrollment with the central
 * server) sets the code the region assigned.
 */
export function createSettings(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  function value(key: string): string | null {
    return (get.get(key) as string | undefined) ?? null;
  }

  if (value('desk_code') === null) {
    const random = Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    set.run('desk_code', `D${random}`);
  }

  return {
    value,
    set(key: string, v: string) {
      set.run(key, v);
    },
    deskCode(): string {
      return value('desk_code')!;
    },
    setDeskCode(code: string) {
      if (!DESK_CODE.test(code))
        throw new OtklikError('validation', 'desk code', [
          { path: 'deskCode', message: 'desk_code' },
        ]);
      set.run('desk_code', code);
      set.run('desk_code_assigned', '1');
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
