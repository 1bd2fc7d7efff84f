import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-core';
import { openCentralDb } from './database';
import { migrations } from './migrations';

describe('central migrations', () => {
  it('are numbered and ordered like the desk’s', () => {
    const names = Object.keys(migrations('sqlite'));
    expect(names).toEqual([...names].sort());
    expect(names.every((n) => /^\d{4}-[a-z-]+$/.test(n))).toBe(true);
    expect(Object.keys(migrations('postgres'))).toEqual(names);
  });

  it('0010-central creates the tables on SQLite, and opening again changes nothing', async () => {
    const t = tempDir();
    const file = join(t.dir, 'central.sqlite');
    const tables = () => {
      const db = new Database(file, { readonly: true });
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      db.close();
      return names;
    };
    await (await openCentralDb({ sqliteFile: file })).close();
    const first = tables();
    expect(first).toEqual(
      expect.arrayContaining([
        'admins',
        'appeals',
        'change_log',
        'devices',
        'enrollment_codes',
        'offices',
        'reference_records',
        'responses',
      ]),
    );
    await (await openCentralDb({ sqliteFile: file })).close();
    expect(tables()).toEqual(first);
    // Responses have no column that could hold a time of receipt.
    const db = new Database(file, { readonly: true });
    const cols = db.prepare("SELECT name FROM pragma_table_info('responses')").pluck().all();
    db.close();
    expect(cols.filter((c) => /_at$|time/.test(String(c)))).toEqual([]);
    t.cleanup();
  });
});
