import type { Db } from '../db/open';
import type { Reference } from '../../../src-shared/sync/protocol';
import { stemText } from '../../../src-shared/text/stem';

/**
 * Writes reference data received from the central server, which owns it: the server's version
 * replaces the desk's (docs/sync.md, "Who owns what").
 */
export function createReferenceWriter(db: Db) {
  const now = () => new Date().toISOString();
  const official = db.prepare(
    `INSERT INTO officials (id, full_name, position, active, created_at, updated_at)
     VALUES (@id, @fullName, @position, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, position = excluded.position,
       active = excluded.active, updated_at = excluded.updated_at`,
  );
  const service = db.prepare(
    `INSERT INTO services (id, title, kind, active, created_at, updated_at)
     VALUES (@id, @title, @kind, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
       active = excluded.active, updated_at = excluded.updated_at`,
  );
  const template = db.prepare(
    `INSERT INTO survey_templates (id, family_id, version, builtin_key, title, definition, status,
       created_at, updated_at)
     VALUES (@id, @familyId, @version, @builtinKey, @title, @definition, @status, @now, @now)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, definition = excluded.definition,
       status = excluded.status, updated_at = excluded.updated_at`,
  );
  const campaign = db.prepare(
    `INSERT INTO survey_campaigns (id, template_id, title, starts_on, ends_on, service_ids,
       desk_codes, channels, active, created_at, updated_at)
     VALUES (@id, @templateId, @title, @startsOn, @endsOn, @serviceIds, @deskCodes, @channels,
       @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET template_id = excluded.template_id, title = excluded.title,
       starts_on = excluded.starts_on, ends_on = excluded.ends_on,
       service_ids = excluded.service_ids, desk_codes = excluded.desk_codes,
       channels = excluded.channels, active = excluded.active, updated_at = excluded.updated_at`,
  );
  const node = db.prepare(
    `INSERT INTO classifier_nodes (code, title, parent_code, level, search_text, retired)
     VALUES (@code, @title, @parentCode, @level, @searchText, @retired)
     ON CONFLICT (code) DO UPDATE SET title = excluded.title, parent_code = excluded.parent_code,
       level = excluded.level, search_text = excluded.search_text, retired = excluded.retired`,
  );

  const online = db.prepare(
    `INSERT INTO online_surveys (id, campaign_id, office_code, url, open)
     VALUES (@id, @campaignId, @officeCode, @url, @open)
     ON CONFLICT (id) DO UPDATE SET campaign_id = excluded.campaign_id,
       office_code = excluded.office_code, url = excluded.url, open = excluded.open`,
  );

  return {
    write(ref: Reference): void {
      const stamp = now();
      switch (ref.entity) {
        case 'official':
          official.run({ ...ref.data, active: ref.data.active ? 1 : 0, now: stamp });
          break;
        case 'service':
          service.run({ ...ref.data, active: ref.data.active ? 1 : 0, now: stamp });
          break;
        case 'template':
          template.run({
            ...ref.data,
            definition: JSON.stringify(ref.data.definition),
            now: stamp,
          });
          break;
        case 'campaign':
          campaign.run({
            ...ref.data,
            serviceIds: JSON.stringify(ref.data.serviceIds),
            deskCodes: JSON.stringify(ref.data.deskCodes),
            channels: JSON.stringify(ref.data.channels),
            active: ref.data.active ? 1 : 0,
            now: stamp,
          });
          break;
        case 'classifier':
          node.run({
            ...ref.data,
            searchText: ` ${stemText(ref.data.title)} `,
            retired: ref.data.retired ? 1 : 0,
          });
          break;
        case 'online':
          online.run({ ...ref.data, open: ref.data.open ? 1 : 0 });
          break;
      }
    },
  };
}
