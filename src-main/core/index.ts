import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { api, isMethod } from '../../src-shared/contract/api';
import { OtklikError, issuesFromZod, type CallResult } from '../../src-shared/contract/errors';
import {
  createBackupConfig,
  createBackupKeyStore,
  createBackups,
  keyFromRecovery,
  listBackups,
  quickCheck,
  restoreBackup,
  type BackupKeyStore,
  type Backups,
} from './backup/backups';
import { startCheckpoints } from './db/checkpoint';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type AsyncDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createCoreServices, type CoreServices } from './services';
import {
  createFileCredentialStore,
  type CredentialStore,
  type SecretCodec,
} from './sync/credentials';
import type { SyncEngineOptions } from './sync/engine';
import type { UpdatePort } from './updates/service';

export const DB_FILE = 'otklik.sqlite';
export const CREDENTIALS_FILE = 'sync-credentials.json';
export const SECRETS_FILE = 'desk-secrets.json';
/** How often the daily backup is looked at (it runs once a day). */
const BACKUP_CHECK_MS = 60 * 60_000;

export interface CoreOptions {
  /** Folder of the desk's data: the database file and, later, attachments and packages. */
  dataDir: string;
  /** Folder of shipped resources (the classifier CSV, built-in questionnaires). */
  resourcesDir: string;
  version: string;
  nativeBinding?: string;
  now?: () => Date;
  /** How often the WAL is checkpointed between saves; 5 s by default. */
  checkpointIntervalMs?: number;
  /**
   * Where enrollment credentials live: the shell passes a safeStorage-encrypted store; by
   * default a 0600 file in the data folder (the Node harness and tests).
   */
  credentials?: CredentialStore;
  /** How the desk's secrets (backup key) are kept on disk: safeStorage in the app. */
  secretCodec?: SecretCodec;
  /** Run the daily backup on a timer (the app does; tests run it by hand). */
  backgroundBackup?: boolean;
  /** Sync engine tuning (tests pass short delays or a fetch through a fault proxy). */
  sync?: Omit<SyncEngineOptions, 'credentials'>;
  /** Start background sync (the app does; tests drive sync by hand). */
  backgroundSync?: boolean;
  /** How updates are fetched and installed: electron-updater in the app (src-main/shell/updater.ts). */
  updatePort?: UpdatePort;
  /** Look for updates at the central on a timer (the app does: a minute after start, then every 4 h). */
  backgroundUpdates?: boolean;
}

export interface Core {
  db: Db;
  services: CoreServices;
  backups: Backups;
  dispatch: Dispatch;
  call: AsyncDispatch;
  /** Why the desk started in recovery (a damaged database), or null. */
  recovery: string | null;
  close(): void;
}

/**
 * Opens the desk's database and wires every service behind the contract's dispatcher. A
 * database that does not open or fails `quick_check` does not stop the desk: it starts in
 * recovery, where only `recovery.*` answers, and the administrator restores a backup (or
 * starts empty, the damaged file kept aside); the full core then takes over in place.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DB_FILE);
  const keys = createBackupKeyStore(join(options.dataDir, SECRETS_FILE), options.secretCodec);
  const config = createBackupConfig(options.dataDir);
  let inner: Core;
  const open = () => {
    inner = openFull(options, file, keys, config);
  };
  const problem = existsSync(file) ? quickCheck(file, options.nativeBinding) : 'ok';
  if (problem === 'ok') {
    try {
      open();
    } catch (e) {
      inner = recoveryCore(options, file, keys, config, String(e), open);
    }
  } else {
    inner = recoveryCore(options, file, keys, config, problem, open);
  }
  return {
    get db() {
      return inner.db;
    },
    get services() {
      return inner.services;
    },
    get backups() {
      return inner.backups;
    },
    get recovery() {
      return inner.recovery;
    },
    dispatch: (method, input, caller) => inner.dispatch(method, input, caller),
    call: (method, input, caller) => inner.call(method, input, caller),
    close: () => inner.close(),
  };
}

function openFull(
  options: CoreOptions,
  file: string,
  keys: BackupKeyStore,
  config: ReturnType<typeof createBackupConfig>,
): Core {
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  const ctx = { db, now: options.now ?? (() => new Date()) };
  const credentials =
    options.credentials ??
    createFileCredentialStore(join(options.dataDir, CREDENTIALS_FILE), options.secretCodec);
  const services = createCoreServices(
    ctx,
    { version: options.version, dataDir: options.dataDir, updatePort: options.updatePort },
    { ...options.sync, credentials },
  );
  const backups = createBackups(db, { dataDir: options.dataDir, keys, config, now: ctx.now });
  services.templates.ensureBuiltins(join(options.resourcesDir, 'surveys'));
  services.campaigns.ensureDefault();
  services.classifier.ensureLoaded(
    join(options.resourcesDir, 'classifier', 'thematic-classifier.csv'),
  );
  services.syncStore.backfill();
  const stopCheckpoints = startCheckpoints(db, options.checkpointIntervalMs ?? 5000);
  if (options.backgroundSync) services.sync.start();
  const updateTimers: ReturnType<typeof setTimeout>[] = [];
  if (options.backgroundUpdates) {
    const look = () => void services.updates.check();
    updateTimers.push(setTimeout(look, 60_000), setInterval(look, 4 * 60 * 60_000));
    updateTimers.forEach((t) => t.unref?.());
  }
  let backupTimer: ReturnType<typeof setInterval> | null = null;
  if (options.backgroundBackup) {
    const daily = () => void backups.runIfDue().catch(() => undefined); // error kept in status
    setTimeout(daily, 60_000).unref();
    backupTimer = setInterval(daily, BACKUP_CHECK_MS);
    backupTimer.unref();
  }
  const { dispatch, call } = createDispatch(createHandlers(services, backups), services.sessions);
  return {
    db,
    services,
    backups,
    dispatch,
    call,
    recovery: null,
    close: () => {
      if (backupTimer) clearInterval(backupTimer);
      updateTimers.forEach((t) => clearTimeout(t));
      services.sync.stop();
      stopCheckpoints();
      db.close();
    },
  };
}

/** A desk whose database is damaged: it answers recovery.* and nothing else. */
function recoveryCore(
  options: CoreOptions,
  file: string,
  keys: BackupKeyStore,
  config: ReturnType<typeof createBackupConfig>,
  reason: string,
  reopen: () => void,
): Core {
  const now = options.now ?? (() => new Date());
  let recovered = false;
  const status = () => ({
    needed: true,
    reason,
    folder: config.folder(),
    backups: listBackups(config.folder()),
    keyAvailable: keys.exists(),
  });
  async function handle(method: string, input: unknown): Promise<unknown> {
    if (method === 'recovery.status') return status();
    if (recovered) throw new OtklikError('conflict', 'already recovered');
    if (method === 'recovery.restore') {
      const { name, recoveryKey } = input as { name: string; recoveryKey?: string };
      if (!recoveryKey && !keys.exists()) {
        throw new OtklikError('validation', 'recovery key needed', [
          { path: 'recoveryKey', message: 'required' },
        ]);
      }
      const key = recoveryKey ? keyFromRecovery(recoveryKey) : keys.get();
      await restoreBackup(file, join(config.folder(), name), key, now(), options.nativeBinding);
    } else if (method === 'recovery.startEmpty') {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix))
          renameSync(file + suffix, `${file}${suffix}.damaged-${stamp}`);
      }
    } else {
      throw new OtklikError('unavailable', 'recovery_needed');
    }
    recovered = true;
    reopen();
    return method === 'recovery.restore' ? { restored: true } : { started: true };
  }
  const call: AsyncDispatch = async (method, input) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'unknown_method', detail: method } };
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', issues: issuesFromZod(parsed.error) } };
    }
    try {
      return { ok: true, result: await handle(method, parsed.data) } as CallResult<unknown>;
    } catch (e) {
      if (e instanceof OtklikError) return { ok: false, error: e.toApiError() };
      return { ok: false, error: { code: 'internal', detail: String(e) } };
    }
  };
  const unavailable = (): never => {
    throw new OtklikError('unavailable', 'recovery_needed');
  };
  return {
    get db(): Db {
      return unavailable();
    },
    get services(): CoreServices {
      return unavailable();
    },
    get backups(): Backups {
      return unavailable();
    },
    recovery: reason,
    dispatch: (method) =>
      method === 'recovery.status'
        ? { ok: true, result: status() }
        : { ok: false, error: { code: 'unavailable', detail: 'recovery_needed' } },
    call,
    close: () => undefined,
  };
}
