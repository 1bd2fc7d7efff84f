import { localToday } from '../../../src-shared/domain/dates';
import { builtinFamilyName } from '../../../src-shared/domain/name-uuid';
import type { CoreContext } from '../context';
import { nameUuid } from '../text/name-uuid';

/** The built-in general assessment: its QR code is the one the kiosk's thank-you screen shows. */
export const GENERAL_ASSESSMENT_FAMILY = nameUuid(builtinFamilyName('general-assessment'));

/**
 * The online surveys the central published (reference `online`, issue 18) that visitors of this
 * desk's office may answer today: open, their campaign running and offered online, for this
 * office or for the region (an office's own first). The desk only shows their addresses.
 */
export function createOnlineLinks(ctx: CoreContext, officeCode: () => string | null) {
  const open = ctx.db.prepare(
    `SELECT o.url, c.template_id AS templateId, t.family_id AS familyId, t.title
       FROM online_surveys o
       JOIN survey_campaigns c ON c.id = o.campaign_id
       JOIN survey_templates t ON t.id = c.template_id
      WHERE o.open = 1 AND c.active = 1 AND c.starts_on <= @day AND c.ends_on >= @day
        AND EXISTS (SELECT 1 FROM json_each(c.channels) WHERE value = 'online')
        AND (o.office_code IS NULL OR o.office_code = @office)
      ORDER BY o.office_code IS NULL, c.starts_on DESC, o.id`,
  );
  type Row = { url: string; templateId: string; familyId: string; title: string };
  const all = () => open.all({ day: localToday(ctx.now()), office: officeCode() ?? '' }) as Row[];
  return {
    /** The address where a questionnaire version can be answered online, or null. */
    forTemplate(templateId: string): string | null {
      return all().find((r) => r.templateId === templateId)?.url ?? null;
    },
    /** The general assessment's address, for the kiosk's thank-you screen, or null. */
    generalAssessment(): { url: string; title: string } | null {
      const r = all().find((x) => x.familyId === GENERAL_ASSESSMENT_FAMILY);
      return r ? { url: r.url, title: r.title } : null;
    },
  };
}
