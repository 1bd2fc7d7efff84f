import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCheckpoints } from './db/checkpoint';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type AsyncDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createCoreServices, type CoreServices } from './services';
import { createFileCredentialStore, type CredentialStore } from './sync/credentials';
import type { SyncEngineOptions } from './sync/engine';

export const DB_FILE = 'otklik.sqlite';
export const CREDENTIALS_FILE = 'sync-credentials.json';

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
  /** Sync engine tuning (tests pass short delays or a fetch through a fault proxy). */
  sync?: Omit<SyncEngineOptions, 'credentials'>;
  /** Start background sync (the app does; tests drive sync by hand). */
  backgroundSync?: boolean;
}

export interface Core {
  db: Db;
  services: CoreServices;
  dispatch: Dispatch;
  call: AsyncDispatch;
  close(): void;
}

/** Opens the desk's database and wires every service behind the contract's dispatcher. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE), {
    nativeBinding: options.nativeBinding,
  });
  const ctx = { db, now: options.now ?? (() => new Date()) };
  const credentials =
    options.credentials ?? createFileCredentialStore(join(options.dataDir, CREDENTIALS_FILE));
  const services = createCoreServices(
    ctx,
    { version: options.version, dataDir: options.dataDir },
    { ...options.sync, credentials },
  );
  services.templates.ensureBuiltins(join(options.resourcesDir, 'surveys'));
  services.classifier.ensureLoaded(
    join(options.resourcesDir, 'classifier', 'thematic-classifier.csv'),
  );
  services.syncStore.backfill();
  const stopCheckpoints = startCheckpoints(db, options.checkpointIntervalMs ?? 5000);
  if (options.backgroundSync) services.sync.start();
  const { dispatch, call } = createDispatch(createHandlers(services), services.sessions);
  return {
    db,
    services,
    dispatch,
    call,
    close: () => {
      services.sync.stop();
      stopCheckpoints();
      db.close();
    },
  };
}
