import { uuidv7 } from '../../../src-shared/domain/ids';
import type { Official, OfficialInput } from '../../../src-shared/domain/reference';
import { OtklikError } from '../../../src-shared/contract/errors';
import { isoNow, type CoreContext } from '../context';

interface OfficialRow {
  id: string;
  full_name: string;
  position: string;
  active: number;
  created_at: string;
  updated_at: string;
}

const toOfficial = (r: OfficialRow): Official => ({
  id: r.id,
  fullName: r.full_name,
  position: r.position,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Officials who conduct receptions. They are deactivated, never deleted: old cards name them. */
export function createOfficials(ctx: CoreContext) {
  const all = ctx.db.prepare('SELECT * FROM officials ORDER BY active DESC, full_name');
  const byId = ctx.db.prepare('SELECT * FROM officials WHERE id = ?');
  const insert = ctx.db.prepare(
    `INSERT INTO officials (id, full_name, position, active, created_at, updated_at)
     VALUES (@id, @fullName, @position, @active, @now, @now)`,
  );
  const update = ctx.db.prepare(
    `UPDATE officials SET full_name = @fullName, position = @position, active = @active,
       updated_at = @now WHERE id = @id`,
  );
  return {
    list(): Official[] {
      return (all.all() as OfficialRow[]).map(toOfficial);
    },
    save(
      input: Required<Pick<OfficialInput, 'fullName' | 'position' | 'active'>> & {
        id?: string | undefined;
      },
    ): Official {
      const params = { ...input, active: input.active ? 1 : 0, now: isoNow(ctx) };
      if (input.id) {
        if (update.run({ ...params, id: input.id }).changes === 0) {
          throw new OtklikError('not_found', `official ${input.id}`);
        }
        return toOfficial(byId.get(input.id) as OfficialRow);
      }
      const id = uuidv7(ctx.now().getTime());
      insert.run({ ...params, id });
      return toOfficial(byId.get(id) as OfficialRow);
    },
  };
}
