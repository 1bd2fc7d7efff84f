import { randomUUID } from 'node:crypto';
import type { Core } from '../../src-main/core/index';
import { createRandom } from './random';

/** `size` anonymous responses to seed 003's questionnaire, written as the kiosk would. */
export function seedResponses(core: Core, size: number) {
  const template = core.services.templates.list().find((t) => t.builtinKey?.includes('003'))!;
  const campaign = core.services.campaigns.save({
    templateId: template.id,
    title: 'Опрос (бенчмарк)',
    startsOn: '2024-01-01',
    endsOn: '2099-12-31',
    serviceIds: [],
    deskCodes: [],
    channels: ['kiosk', 'paper'],
    active: true,
  });
  const r = createRandom(5);
  const insert = core.db.prepare(
    `INSERT INTO survey_responses (id, template_id, campaign_id, service_id, channel, office,
       response_date, complete, answers) VALUES (?, ?, ?, NULL, ?, ?, ?, 1, ?)`,
  );
  const office = core.services.settings.deskCode();
  core.db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const answers = {
        q1: r.int(1, 5),
        q2: r.int(1, 5),
        q3: r.int(1, 5),
        q4: ['mfc', 'institution', 'portal'][r.int(0, 2)],
        q6: { r1: r.int(1, 5), r2: r.int(1, 5), r3: r.int(1, 5), r4: r.int(1, 5) },
        q9: r.int(1, 5),
        q13: r.int(0, 1) ? 'female' : 'male',
        q14: ['18-29', '30-49', '50-64', '65+'][r.int(0, 3)],
      };
      const day = `2026-${String(r.int(1, 9)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      insert.run(
        randomUUID(),
        template.id,
        campaign.id,
        r.int(0, 3) ? 'kiosk' : 'paper',
        office,
        day,
        JSON.stringify(answers),
      );
    }
  })();
}
