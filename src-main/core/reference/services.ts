import { uuidv7 } from '../../../src-shared/domain/ids';
import type { ServiceKind } from '../../../src-shared/domain/enums';
import type { Service } from '../../../src-shared/domain/reference';
import { OtklikError } from '../../../src-shared/contract/errors';
import { isoNow, type CoreContext } from '../context';

interface ServiceRow {
  id: string;
  title: string;
  kind: string;
  active: number;
  created_at: string;
  updated_at: string;
}

const toService = (r: ServiceRow): Service => ({
  id: r.id,
  title: r.title,
  kind: r.kind as ServiceKind,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Services, support measures and state functions an appeal may concern. */
export function createServices(ctx: CoreContext) {
  const all = ctx.db.prepare('SELECT * FROM services ORDER BY active DESC, title');
  const byId = ctx.db.prepare('SELECT * FROM services WHERE id = ?');
  const insert = ctx.db.prepare(
    `INSERT INTO services (id, title, kind, active, created_at, updated_at)
     VALUES (@id, @title, @kind, @active, @now, @now)`,
  );
  const update = ctx.db.prepare(
    `UPDATE services SET title = @title, kind = @kind, active = @active, updated_at = @now
     WHERE id = @id`,
  );
  return {
    list(): Service[] {
      return (all.all() as ServiceRow[]).map(toService);
    },
    save(input: { id?: string | undefined; title: string; kind: ServiceKind; active: boolean }) {
      const params = { ...input, active: input.active ? 1 : 0, now: isoNow(ctx) };
      if (input.id) {
        if (update.run({ ...params, id: input.id }).changes === 0) {
          throw new OtklikError('not_found', `service ${input.id}`);
        }
        return toService(byId.get(input.id) as ServiceRow);
      }
      const id = uuidv7(ctx.now().getTime());
      insert.run({ ...params, id });
      return toService(byId.get(id) as ServiceRow);
    },
  };
}
