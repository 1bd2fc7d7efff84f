import { afterAll, beforeAll } from 'vitest';
import { postgresBin, startPostgres, type Postgres } from './pg-server';

export { postgresBin, startPostgres, type Postgres };

/**
 * For a test file that runs on both databases: starts PostgreSQL before its tests (when the
 * binaries are there) and stops it after. `backends` lists what this machine can run.
 */
export function postgresForTests() {
  const available = postgresBin() !== null;
  if (!available) console.warn('PostgreSQL binaries not installed here: running on SQLite only');
  let pg: Postgres | null = null;
  beforeAll(async () => {
    if (available) pg = await startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());
  return {
    backends: available ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const),
    /** A fresh database URL for the PostgreSQL run; nothing (SQLite) for the other. */
    databaseUrl(backend: 'sqlite' | 'postgres'): string | undefined {
      return backend === 'postgres' ? pg!.newDatabase() : undefined;
    },
  };
}
