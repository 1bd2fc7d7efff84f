import { randomUUID } from 'node:crypto';
import { appealInputSchema } from '../../src-shared/domain/appeal';
import { sectionOf } from '../../src-shared/domain/classifier';
import { addDays } from '../../src-shared/domain/dates';
import { dueDateFor } from '../../src-shared/domain/deadlines';
import { uuidv7 } from '../../src-shared/domain/ids';
import { dataToParams } from '../../src-main/core/appeals/rows';
import type { Core } from '../../src-main/core/index';
import { prepareReference, syntheticCard } from './cards';
import { createRandom } from './random';

/**
 * Bulk data for the report bench: cards written straight into the tables the reports read
 * (appeals, appeal_topics), without the search index and the sync journal, which reports never
 * touch — a million cards in about a minute instead of several.
 */
export function bulkCards(core: Core, count: number, today: string, seed = 21) {
  const r = createRandom(seed);
  const ref = prepareReference(core);
  const columns = Object.keys(
    dataToParams(appealInputSchema.parse(syntheticCard(r, ref, today, today))),
  );
  const insert = core.db.prepare(
    `INSERT INTO appeals (id, reg_number, desk_code, ${columns.join(', ')}, due_date, created_at, updated_at)
     VALUES (@id, @reg, 'BENCH', ${columns.map((c) => '@' + c).join(', ')}, @due, @now, @now)`,
  );
  const topic = core.db.prepare(
    `INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const batch = core.db.transaction((from: number, n: number) => {
    for (let i = from; i < from + n; i++) {
      const day = addDays(today, -r.int(0, 729));
      const card = appealInputSchema.parse(syntheticCard(r, ref, day, today));
      const id = uuidv7(Date.parse(day) + i);
      insert.run({
        ...dataToParams(card),
        id,
        reg: `BENCH-${i}`,
        due: dueDateFor(card.registeredAt, card.answerMode),
        now,
      });
      card.topicCodes.forEach((code, p) =>
        topic.run(id, p, code, sectionOf(code), card.registeredAt),
      );
    }
  });
  for (let done = 0; done < count; done += 20_000) batch(done, Math.min(20_000, count - done));
}

/** Anonymous responses to seed 003's questionnaire, spread over the same two years. */
export function bulkResponses(core: Core, count: number, today: string, seed = 22) {
  const r = createRandom(seed);
  const template = core.services.templates.list().find((t) => t.builtinKey?.includes('003'))!;
  const insert = core.db.prepare(
    `INSERT INTO survey_responses (id, template_id, campaign_id, service_id, channel, office,
       response_date, complete, answers) VALUES (?, ?, NULL, NULL, ?, 'BENCH', ?, 1, ?)`,
  );
  const rows = ['application', 'status_info', 'documents', 'speed', 'electronic'];
  const batch = core.db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const score = () =>
        r.weighted([
          [5, 40],
          [4, 30],
          [3, 15],
          [2, 10],
          [1, 5],
        ] as const);
      const answers: Record<string, unknown> = {
        q2: ['gosuslugi', 'mfc', 'in_person'].filter(() => r.chance(0.5)),
        q3: score(),
        q4: r.weighted([
          ['portal', 40],
          ['institution', 35],
          ['mfc', 25],
        ] as const),
        q5: score(),
        q7: r.chance(0.9) ? 'provided' : 'not_provided',
        q9: Object.fromEntries(rows.filter(() => r.chance(0.8)).map((k) => [k, score()])),
        q13: r.chance(0.55) ? 'female' : 'male',
        q14: r.weighted([
          ['18_29', 20],
          ['30_44', 35],
          ['45_60', 30],
          ['61_plus', 15],
        ] as const),
      };
      insert.run(
        randomUUID(),
        template.id,
        r.chance(0.7) ? 'kiosk' : 'paper',
        addDays(today, -r.int(0, 729)),
        JSON.stringify(answers),
      );
    }
  });
  for (let done = 0; done < count; done += 50_000) {
    const n = Math.min(50_000, count - done);
    batch(n);
  }
  return template.id;
}
