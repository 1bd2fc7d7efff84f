import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Core } from '../../src-main/core/index';
import { responseColumns } from '../../src-shared/sync/records';
import { appealAgreement, responseAgreement } from '../../src-server/domain/agreement';
import { emit } from '../report';
import { seedCards } from './cards';
import { seedResponses } from './responses';

/**
 * An office's history for the agreement and bootstrap benches: `size` cards and `size`
 * responses typed on `desk` (enrolled, never synced), and the same written straight into the
 * central's SQLite file as pushes would have left them — each card with its record and
 * agreement words, each of the desk's outbox changes in the change log, each response in the
 * feed. Pushing a million records is the sync bench's job; this gives the other benches an
 * office of that size in minutes. Returns nothing: the central then holds what the desk holds.
 */
export function seedOffice(desk: Core, centralDir: string, officeCode: string, size: number) {
  process.stderr.write(`seeding ${size} cards and ${size} responses\n`);
  let start = performance.now();
  seedCards(desk, size, {
    seed: 11,
    onProgress: (n) => n % 100_000 === 0 && process.stderr.write(`  ${n} cards\n`),
  });
  seedResponses(desk, size);
  emit('office', 'seed_desk_s', (performance.now() - start) / 1000, 's');

  start = performance.now();
  const central = new Database(join(centralDir, 'central.sqlite'));
  central.pragma('busy_timeout = 10000');
  const office = central.prepare('SELECT id FROM offices WHERE code = ?').pluck().get(officeCode);
  const device = central
    .prepare('SELECT id FROM devices WHERE office_id = ? ORDER BY rowid LIMIT 1')
    .pluck()
    .get(office);
  const putCard = central.prepare(
    `INSERT INTO appeals (id, office_id, desk_code, registered_at, reg_number, data, clocks,
       agree_0, agree_1, agree_2, agree_3) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
  );
  const putChange = central.prepare(
    `INSERT INTO change_log (change_id, office_id, device_id, type, entity, entity_id, payload)
     VALUES (?, ?, ?, 'change', 'appeal', ?, ?)`,
  );
  const putResponse = central.prepare(
    `INSERT INTO responses (id, office_id, feed_seq, template_id, campaign_id, service_id,
       channel, office, response_date, complete, answers, agree_0, agree_1, agree_2, agree_3)
     VALUES (@id, @office_id, @feed_seq, @template_id, @campaign_id, @service_id, @channel,
       @office, @response_date, @complete, @answers, @agree_0, @agree_1, @agree_2, @agree_3)`,
  );
  const ids = desk.db.prepare('SELECT id FROM appeals ORDER BY id').pluck().all() as string[];
  for (let i = 0; i < ids.length; i += 10_000) {
    central.transaction(() => {
      for (const id of ids.slice(i, i + 10_000)) {
        const r = desk.services.appeals.record(id)!;
        const w = appealAgreement(id, r);
        putCard.run(
          id,
          office,
          r.deskCode,
          r.registeredAt,
          r.regNumber,
          JSON.stringify(r),
          w.agree_0,
          w.agree_1,
          w.agree_2,
          w.agree_3,
        );
      }
    })();
  }
  for (let after = 0; ;) {
    const batch = desk.services.syncStore.batch(after, 10_000);
    if (batch.changes.length === 0) break;
    central.transaction(() => {
      for (const c of batch.changes) {
        putChange.run(c.id, office, device, c.entityId, JSON.stringify(c));
      }
    })();
    after = batch.lastSeq;
  }
  let seq = 0;
  central.transaction(() => {
    for (const r of desk.services.syncStore.responsesInPeriod('0000-01-01', '9999-12-31')) {
      putResponse.run({
        ...responseColumns(r),
        office_id: office,
        feed_seq: ++seq,
        ...responseAgreement(r),
      });
    }
  })();
  central.close();
  // What the central now holds counts as pushed on the desk.
  desk.db.exec('DELETE FROM sync_outbox; UPDATE survey_responses SET pushed = 1');
  emit('office', 'seed_central_s', (performance.now() - start) / 1000, 's');
}
