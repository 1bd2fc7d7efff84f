import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, SECRETS_FILE, type Core } from '../../src-main/core/index';
import { toKeep } from '../../src-main/core/backup/backups';
import { backupSqlite } from '../../src-server/db/backup';
import { openCentralDb } from '../../src-server/db/database';
import { appealInput } from '../helpers/appeal-input';
import { ok, officialOf } from '../helpers/core-calls';
import { RESOURCES, tempDir } from '../helpers/temp-core';

/** Point 5: what was shown or acknowledged survives, and a damaged database is not the end. */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function deskIn(dir: string): Core {
  const core = createCore({ dataDir: dir, resourcesDir: RESOURCES, version: 't' });
  cleanups.push(() => core.close());
  return core;
}

function withCards(n: number) {
  const t = tempDir();
  cleanups.push(() => t.cleanup());
  const core = deskIn(t.dir);
  const official = officialOf(core);
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    numbers.push(
      ok<{ regNumber: string }>(
        core.dispatch('appeals.create', {
          data: appealInput(official, { content: `Жалоба ${i}` }),
        }),
      ).regNumber,
    );
  }
  return { dir: t.dir, core, numbers };
}

/** Overwrites the middle of the file with random bytes, as a failing disk or a power cut might. */
function damage(file: string) {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(size / 2), 0, size / 2, Math.floor(size / 4));
  closeSync(fd);
}

describe('durability and backups (point 5)', () => {
  it('commits with synchronous = FULL on the desk and at the central', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const core = deskIn(t.dir);
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    const central = await openCentralDb({ sqliteFile: join(t.dir, 'central.sqlite') });
    cleanups.push(() => central.close());
    const raw = new Database(join(t.dir, 'central.sqlite'));
    raw.close();
    // Kysely's connection is the one that matters: ask through it.
    const { sql } = await import('kysely');
    const r = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(central.db);
    expect(r.rows[0]!.synchronous).toBe(2);
  });

  it('backs up online, encrypted, checked, into the folder an administrator sets', async () => {
    const { core, dir } = withCards(3);
    const folder = join(dir, 'на флешке');
    ok(core.dispatch('backup.setFolder', { folder }));
    const info = ok<{ name: string; bytes: number }>(await core.call('backup.run', {}));
    expect(info.name).toMatch(/^otklik-\d{4}-\d{2}-\d{2}-\d{6}\.otkb$/);
    const bytes = readFileSync(join(folder, info.name));
    expect(bytes.subarray(0, 6).toString()).toBe('OTKB1\n');
    for (const secret of ['SQLite format 3', 'Иванова', 'Жалоба']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
    // Once a day unless asked.
    expect(await core.backups.runIfDue()).toBeNull();
    expect(
      ok<{ lastAt: string; backups: unknown[] }>(core.dispatch('backup.status', {})),
    ).toMatchObject({
      lastAt: expect.any(String),
      backups: [expect.objectContaining({ name: info.name })],
    });
  });

  it('keeps 7 daily and 4 weekly backups', () => {
    const names: string[] = [];
    for (let d = 0; d < 60; d++) {
      const day = new Date(Date.UTC(2026, 9, 1) + d * 86_400_000).toISOString().slice(0, 10);
      names.push(`otklik-${day}-120000.otkb`, `otklik-${day}-180000.otkb`);
    }
    const keep = [...toKeep(names)].sort();
    expect(keep).toHaveLength(11);
    // The newest of each of the last 7 days…
    expect(keep.slice(-7)).toEqual(
      ['11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29'].map(
        (d) => `otklik-2026-${d}-180000.otkb`,
      ),
    );
    // …then the newest of each of the 4 ISO weeks before (weeks end on Sundays).
    expect(keep.slice(0, 4)).toEqual([
      'otklik-2026-11-01-180000.otkb',
      'otklik-2026-11-08-180000.otkb',
      'otklik-2026-11-15-180000.otkb',
      'otklik-2026-11-22-180000.otkb',
    ]);
  });

  it('on a damaged database it starts in recovery and restores the latest good backup', async () => {
    const { core, dir, numbers } = withCards(5);
    const { name } = ok<{ name: string }>(await core.call('backup.run', {}));
    core.close();
    damage(join(dir, 'otklik.sqlite'));

    const desk = deskIn(dir);
    expect(desk.recovery).not.toBeNull();
    expect(desk.dispatch('appeals.list', { filter: {}, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', detail: 'recovery_needed' },
    });
    const status = ok<{ needed: boolean; backups: { name: string }[] }>(
      await desk.call('recovery.status', {}, { session: null }),
    );
    expect(status).toMatchObject({ needed: true, backups: [{ name }] });
    expect(ok(await desk.call('recovery.restore', { name }, { session: null }))).toEqual({
      restored: true,
    });
    // The same object now serves the restored database.
    expect(desk.recovery).toBeNull();
    const list = ok<{ items: { regNumber: string }[] }>(
      desk.dispatch('appeals.list', { filter: {}, offset: 0, limit: 10 }),
    );
    expect(list.items.map((i) => i.regNumber).sort()).toEqual([...numbers].sort());
    expect(readdirSync(dir).some((f) => f.startsWith('otklik.sqlite.damaged-'))).toBe(true);
    // Out of recovery, restoring again is refused.
    expect(await desk.call('recovery.restore', { name }, { session: null })).toMatchObject({
      ok: false,
    });
  });

  it('on a new PC the backup opens only with the recovery key', async () => {
    const { core, dir } = withCards(2);
    const { name } = ok<{ name: string }>(await core.call('backup.run', {}));
    const { recoveryKey } = ok<{ recoveryKey: string }>(core.dispatch('backup.recoveryKey', {}));
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    core.close();
    // A new machine: the database is not there, nor the desk's secret store.
    rmSync(join(dir, SECRETS_FILE));
    writeGarbage(join(dir, 'otklik.sqlite'));
    for (const suffix of ['-wal', '-shm'])
      rmSync(join(dir, `otklik.sqlite${suffix}`), { force: true });
    const desk = deskIn(dir);
    expect(ok<{ keyAvailable: boolean }>(await desk.call('recovery.status', {}))).toMatchObject({
      keyAvailable: false,
    });
    expect(await desk.call('recovery.restore', { name })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'recoveryKey', message: 'required' }] },
    });
    const wrong = randomBytes(32).toString('hex');
    expect(await desk.call('recovery.restore', { name, recoveryKey: wrong })).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'backup_wrong_key' }] },
    });
    expect(ok(await desk.call('recovery.restore', { name, recoveryKey }))).toEqual({
      restored: true,
    });
    expect(desk.db.prepare('SELECT count(*) FROM appeals').pluck().get()).toBe(2);
  });

  it('with no backup at all it starts empty, the damaged file kept aside', async () => {
    const { core, dir } = withCards(1);
    core.close();
    writeGarbage(join(dir, 'otklik.sqlite'));
    const desk = deskIn(dir);
    expect(desk.recovery).toMatch(/not a database|malformed|file is not/i);
    expect(ok(await desk.call('recovery.startEmpty', {}))).toEqual({ started: true });
    expect(desk.db.prepare('SELECT count(*) FROM appeals').pluck().get()).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('otklik.sqlite.damaged-'))).toHaveLength(1);
  });

  it('the central makes a consistent copy of its SQLite file while open', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const file = join(t.dir, 'central.sqlite');
    const central = await openCentralDb({ sqliteFile: file });
    cleanups.push(() => central.close());
    await central.db
      .insertInto('offices')
      .values({ id: 'o1', code: 'MIN01', name: 'Министерство', created_at: 'now' })
      .execute();
    const target = join(t.dir, 'copy.sqlite');
    await backupSqlite(file, target);
    expect(existsSync(`${target}.part`)).toBe(false);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT code FROM offices').pluck().all()).toEqual(['MIN01']);
    copy.close();
  });
});

function writeGarbage(file: string) {
  const fd = openSync(file, 'w');
  writeSync(fd, randomBytes(64 * 1024));
  closeSync(fd);
}
