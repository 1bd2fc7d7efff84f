import { sql, type Kysely, type Transaction } from 'kysely';
import type { CentralDb } from '../db/database';
import type { ServerDatabase } from '../db/schema';

/**
 * Every write runs alone, in one transaction. Pull cursors are change-log sequence numbers, and
 * a cursor must never pass a number whose transaction has not committed yet; serialising writes
 * (in process, and with an advisory lock on PostgreSQL for several processes) guarantees it.
 */
export function createWriter(central: CentralDb) {
  let tail: Promise<unknown> = Promise.resolve();
  return function write<T>(work: (tx: Transaction<ServerDatabase>) => Promise<T>): Promise<T> {
    const run = tail.then(() =>
      central.db.transaction().execute(async (tx) => {
        if (central.dialect === 'postgres') {
          await sql`SELECT pg_advisory_xact_lock(8120517)`.execute(tx);
        }
        return work(tx);
      }),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}

export type Writer = ReturnType<typeof createWriter>;
export type Db = Kysely<ServerDatabase>;
