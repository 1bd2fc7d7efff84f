import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * A consistent copy of the central's SQLite file while the server runs: SQLite's online
 * backup (better-sqlite3's `backup`) copies a snapshot page by page, readers and the writer go
 * on. Written beside the target and renamed, so a copy on disk is always whole. PostgreSQL:
 * pg_dump (docs/security.md).
 */
export async function backupSqlite(sourceFile: string, target: string): Promise<void> {
  if (!existsSync(sourceFile)) throw new Error(`no database file ${sourceFile}`);
  const db = new Database(sourceFile, { readonly: true, fileMustExist: true });
  const part = `${target}.part`;
  try {
    await db.backup(part);
    const check = new Database(part, { readonly: true });
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`the copy does not pass quick_check: ${String(result)}`);
    } finally {
      check.close();
    }
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  } finally {
    db.close();
  }
}
