import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCheckpoints } from './db/checkpoint';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createCoreServices, type CoreServices } from './services';

export const DB_FILE = 'otklik.sqlite';

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
}

export interface Core {
  db: Db;
  services: CoreServices;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the desk's database and wires every service behind the contract's dispatcher. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DB_FILE), {
    nativeBinding: options.nativeBinding,
  });
  const ctx = { db, now: options.now ?? (() => new Date()) };
  const services = createCoreServices(ctx, {
    version: options.version,
    dataDir: options.dataDir,
  });
  services.templates.ensureBuiltins(join(options.resourcesDir, 'surveys'));
  services.classifier.ensureLoaded(
    join(options.resourcesDir, 'classifier', 'thematic-classifier.csv'),
  );
  const stopCheckpoints = startCheckpoints(db, options.checkpointIntervalMs ?? 5000);
  return {
    db,
    services,
    dispatch: createDispatch(createHandlers(services)),
    close: () => {
      stopCheckpoints();
      db.close();
    },
  };
}
