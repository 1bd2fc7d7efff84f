import Database from 'better-sqlite3';
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  timingSafeEqual,
  createHash,
} from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { localToday } from '../../../src-shared/domain/dates';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { Db } from '../db/open';
import { plain, type SecretCodec } from '../sync/credentials';

/**
 * Daily online backups of the desk's database (issue 13, point 5): SQLite's backup API takes a
 * consistent snapshot while the desk works, the copy must pass `quick_check`, and it is stored
 * encrypted (AES-256-GCM) in the folder the administrator chose, so a copied or stolen backup
 * folder reveals nothing. Kept: the last 7 days, and the newest copy of each of the 4 weeks
 * before. The key is made once per desk and kept in the desk's secret store (the OS keychain
 * through safeStorage in the app); its "recovery key" form lets an administrator restore on a
 * new PC (docs/security.md).
 *
 *   file: "OTKB1\n" · key id (8 bytes) · nonce (12) · ciphertext · tag (16)
 */
const MAGIC = Buffer.from('OTKB1\n');
const EXTENSION = '.otkb';
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
const NAME = /^otklik-(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?\.otkb$/;

export interface BackupInfo {
  name: string;
  date: string;
  bytes: number;
}

const secretsSchema = z.object({ backupKey: z.string().regex(/^[0-9a-f]{64}$/) });

/** The desk's backup key, made on first need, in its own secret file (survives "leave"). */
export function createBackupKeyStore(path: string, codec: SecretCodec = plain) {
  return {
    get(): Buffer {
      if (existsSync(path)) {
        const parsed = secretsSchema.safeParse(JSON.parse(codec.decode(readFileSync(path))));
        if (parsed.success) return Buffer.from(parsed.data.backupKey, 'hex');
      }
      const key = randomBytes(32);
      writeFileSync(path, codec.encode(JSON.stringify({ backupKey: key.toString('hex') })), {
        mode: 0o600,
      });
      chmodSync(path, 0o600);
      return key;
    },
    /** Whether the key exists already (a desk restored elsewhere needs the recovery key). */
    exists: () => existsSync(path),
  };
}
export type BackupKeyStore = ReturnType<typeof createBackupKeyStore>;

const refuse = (message: 'backup_damaged' | 'backup_wrong_key', detail?: string) =>
  new OtklikError('validation', detail ?? message, [{ path: 'backup', message }]);

const keyId = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, 8);

/** The key as an administrator writes it down: 64 hex digits in groups of 4. */
export function recoveryKeyOf(key: Buffer): string {
  return key.toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
}

export function keyFromRecovery(text: string): Buffer {
  const hex = text.replace(/[^0-9a-fA-F]/g, '');
  if (hex.length !== 64) {
    throw new OtklikError('validation', 'recovery key', [
      { path: 'recoveryKey', message: 'recovery_key' },
    ]);
  }
  return Buffer.from(hex, 'hex');
}

/** Encrypts a file into a backup, streaming (a desk's database can be large). */
async function encryptFile(source: string, target: string, key: Buffer) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const out = createWriteStream(target, { mode: 0o600 });
  out.write(Buffer.concat([MAGIC, keyId(key), nonce]));
  await pipeline(createReadStream(source), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) =>
    out.end(cipher.getAuthTag(), () => resolve()).once('error', reject),
  );
}

/** Decrypts a backup into a file; refuses a wrong key or an altered file before using it. */
async function decryptFile(source: string, target: string, key: Buffer) {
  const fd = openSync(source, 'r');
  let size: number;
  const head = Buffer.alloc(MAGIC.length + 8 + 12);
  const tag = Buffer.alloc(16);
  try {
    size = fstatSync(fd).size;
    if (size < head.length + 16) throw refuse('backup_damaged');
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tag, 0, 16, size - 16);
  } finally {
    closeSync(fd);
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw refuse('backup_damaged');
  }
  if (!timingSafeEqual(head.subarray(MAGIC.length, MAGIC.length + 8), keyId(key))) {
    throw refuse('backup_wrong_key');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length + 8));
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: head.length, end: size - 17 }),
      decipher,
      createWriteStream(target, { mode: 0o600 }),
    );
  } catch {
    rmSync(target, { force: true });
    throw refuse('backup_damaged');
  }
}

/** `ok`, or what SQLite found wrong; a file that is no database at all says so too. */
export function quickCheck(file: string, nativeBinding?: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, {
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    const issues = rows.map((r) => r.quick_check);
    return issues.length === 1 && issues[0] === 'ok' ? 'ok' : issues.join('; ');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

/** Which backups to keep: the newest per day for 7 days, then the newest per week for 4 weeks. */
export function toKeep(names: readonly string[]): Set<string> {
  const dated = names
    .map((n) => ({ n, m: NAME.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (b.n > a.n ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const { n, m } of dated) {
    const day = m[1]!;
    if (days.size < KEEP_DAILY || days.has(day)) {
      if (!days.has(day)) {
        days.add(day);
        keep.add(n);
      }
      continue;
    }
    const week = isoWeek(day);
    if (weeks.size < KEEP_WEEKLY && !weeks.has(week)) {
      weeks.add(week);
      keep.add(n);
    }
  }
  return keep;
}

function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${d.getUTCFullYear()}-W${week}`;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x) => x.m !== null)
    .map(({ name, m }) => ({ name, date: m![1]!, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => (b.name > a.name ? 1 : -1));
}

/** Restores a backup over the database file (which is closed); the old file is kept aside. */
export async function restoreBackup(
  dbFile: string,
  backupFile: string,
  key: Buffer,
  now: Date,
  nativeBinding?: string,
) {
  const restored = `${dbFile}.restore`;
  rmSync(restored, { force: true });
  await decryptFile(backupFile, restored, key);
  const check = quickCheck(restored, nativeBinding);
  if (check !== 'ok') {
    rmSync(restored, { force: true });
    throw refuse('backup_damaged', check);
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (existsSync(dbFile)) renameSync(dbFile, `${dbFile}.damaged-${stamp}`);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbFile + suffix))
      renameSync(dbFile + suffix, `${dbFile}${suffix}.damaged-${stamp}`);
  }
  renameSync(restored, dbFile);
}

const configSchema = z.object({
  folder: z.string().nullable().default(null),
  lastAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
type BackupConfig = z.output<typeof configSchema>;

/**
 * Where backups go and how the last one went, in a small file beside the database rather than
 * in it: a desk whose database is damaged must still find its backups.
 */
export function createBackupConfig(dataDir: string) {
  const path = join(dataDir, 'backup.json');
  const read = (): BackupConfig => {
    try {
      return configSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return configSchema.parse({});
    }
  };
  return {
    read,
    folder: () => read().folder ?? join(dataDir, 'backups'),
    update(patch: Partial<BackupConfig>) {
      const next = { ...read(), ...patch };
      writeFileSync(`${path}.part`, JSON.stringify(next));
      renameSync(`${path}.part`, path);
    },
  };
}
export type BackupConfigStore = ReturnType<typeof createBackupConfig>;

/** The daily backup of a running desk. */
export function createBackups(
  db: Db,
  opts: { dataDir: string; keys: BackupKeyStore; config: BackupConfigStore; now: () => Date },
) {
  let running: Promise<BackupInfo> | null = null;
  const folder = () => opts.config.folder();

  async function run(): Promise<BackupInfo> {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    const now = opts.now();
    const time = now.toTimeString().slice(0, 8).replace(/:/g, '');
    const name = `otklik-${localToday(now)}-${time}${EXTENSION}`;
    const snapshot = join(opts.dataDir, 'backup-snapshot.sqlite.part');
    const part = join(dir, `${name}.part`);
    try {
      await db.backup(snapshot);
      const check = quickCheck(snapshot);
      if (check !== 'ok') throw new Error(`the snapshot fails quick_check: ${check}`);
      await encryptFile(snapshot, part, opts.keys.get());
      renameSync(part, join(dir, name));
    } finally {
      rmSync(snapshot, { force: true });
      rmSync(part, { force: true });
    }
    const keep = toKeep(listBackups(dir).map((b) => b.name));
    for (const b of listBackups(dir)) if (!keep.has(b.name)) rmSync(join(dir, b.name));
    opts.config.update({ lastAt: now.toISOString(), lastError: null });
    return listBackups(dir).find((b) => b.name === name)!;
  }

  return {
    folder,
    /** One backup now (or the one running). */
    run(): Promise<BackupInfo> {
      running ??= run()
        .catch((e: unknown) => {
          opts.config.update({ lastError: e instanceof Error ? e.message : String(e) });
          throw e;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    /** Runs the day's backup if today has none yet. */
    async runIfDue(): Promise<BackupInfo | null> {
      const last = opts.config.read().lastAt;
      if (last && localToday(new Date(last)) === localToday(opts.now())) return null;
      return this.run();
    },
    list: () => listBackups(folder()),
    setFolder(dir: string) {
      mkdirSync(dir, { recursive: true });
      // The folder must take a file: better now than at tonight's backup.
      const probe = join(dir, '.otklik-write-test');
      writeFileSync(probe, '');
      rmSync(probe);
      opts.config.update({ folder: dir });
    },
    recoveryKey: () => recoveryKeyOf(opts.keys.get()),
    status() {
      const c = opts.config.read();
      return {
        folder: folder(),
        lastAt: c.lastAt,
        lastError: c.lastError,
        backups: listBackups(folder()),
      };
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
