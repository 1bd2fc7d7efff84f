import type { Db } from './db/open';

/** What every core service gets: the database and a clock (tests pass a fixed one). */
export interface CoreContext {
  db: Db;
  now: () => Date;
}

export function isoNow(ctx: CoreContext): string {
  return ctx.now().toISOString();
}
