import type { Db } from './open';

/**
 * WAL checkpoints off the save path. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold, which made one card save in a hundred take 10+ ms. The core instead
 * checkpoints on a timer, between saves; the automatic one stays as a safety net at a high
 * threshold (see open.ts) in case the timer cannot run.
 */
export function startCheckpoints(db: Db, intervalMs: number): () => void {
  const timer = setInterval(() => {
    if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
