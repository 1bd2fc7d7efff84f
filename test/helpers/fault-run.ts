import { compareDigests, type Disagreement } from '../../src-shared/sync/agreement';
import { deskDigest, deskDigestFull } from '../../src-main/core/sync/agreement';
import { officeDigest, officeDigestFull } from '../../src-server/domain/agreement';
import { appealInput } from './appeal-input';
import { centralCounts, ok, officialOf, startCentral, startDesk, type Desk } from './central';
import { answerOnKiosk } from './core-calls';
import { editAppeal } from './edit-appeal';
import { prng, startFaultProxy, type Fault } from './fault-proxy';

export interface FaultRunResult {
  seed: number;
  faults: Record<Fault, number>;
  syncAttempts: number;
  syncFailures: number;
  cardsCreated: number;
  responsesCreated: number;
  central: { appeals: number; responses: number; changeLogDuplicates: number };
  desks: {
    appeals: number;
    responses: number;
    pending: { changes: number; responses: number; attachments: number };
  }[];
  disagreements: Disagreement[][];
  /** The central's, then each desk's kept digest against its recount (issue 16). */
  keptWordsDrift: Disagreement[][];
}

/**
 * One randomized run (issue 5): two desks of one office work and sync through the fault proxy
 * for `steps` random operations, then the network heals and each syncs until quiet. The caller
 * checks that nothing was lost or duplicated and that everyone agrees.
 */
export async function runFaultScenario(seed: number, steps = 24): Promise<FaultRunResult> {
  const random = prng(seed);
  const central = await startCentral();
  const proxy = await startFaultProxy({
    target: () => central.url,
    random,
    restart: async () => {
      await central.stop();
      await central.restart();
    },
  });
  const desks: Desk[] = [];
  try {
    await central.offices.createOffice('MIN01', 'Орган');
    for (let i = 0; i < 2; i++) {
      const d = startDesk({
        sync: { timeoutMs: 2_000, batchChanges: 3, batchResponses: 2, pullLimit: 4 },
      });
      desks.push(d);
      const { code } = await central.offices.createEnrollmentCode('MIN01', `MIN01D${i}`);
      await d.services.sync.enroll(proxy.url, code, `Окно ${i + 1}`);
    }
    const officials = desks.map((d) => officialOf(d));
    const template = desks[0]!.services.templates.list().find((t) => t.builtinKey)!;
    const campaign = desks[0]!.dispatch('surveys.saveCampaign', {
      templateId: template.id,
      title: 'Опрос',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
      serviceIds: [],
      channels: ['kiosk'],
      active: true,
    });
    const campaignId = ok<{ id: string }>(campaign).id;

    proxy.setFaults(true);
    let cards = 0;
    let responses = 0;
    let attempts = 0;
    let failures = 0;
    const pickDesk = () => (random() < 0.5 ? 0 : 1);
    for (let step = 0; step < steps; step++) {
      const x = random();
      const i = pickDesk();
      const d = desks[i]!;
      if (x < 0.3) {
        const r = d.dispatch('appeals.create', {
          data: appealInput(officials[i]!, { content: `Обращение ${seed}-${step}` }),
        });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        cards += 1;
      } else if (x < 0.5) {
        const ids = d.db.prepare('SELECT id FROM appeals ORDER BY id').pluck().all() as string[];
        if (ids.length === 0) continue;
        const id = ids[Math.floor(random() * ids.length)]!;
        editAppeal(
          d,
          id,
          random() < 0.5
            ? { executor: `Исполнитель ${seed}-${step}` }
            : { content: `Правка ${seed}-${step}` },
        );
      } else if (x < 0.6 && i === 0) {
        answerOnKiosk(d, campaignId);
        responses += 1;
      } else {
        attempts += 1;
        await d.services.sync.syncNow().catch(() => {
          failures += 1;
        });
      }
    }
    proxy.setFaults(false);
    await proxy.flush();
    for (let round = 0; round < 2; round++) {
      for (const d of desks) await d.services.sync.syncNow();
    }

    const office = await central.offices.officeByCode('MIN01');
    const centralDigest = await officeDigest(central.central.db, office.id);
    const db = central.central.db;
    const counts = await centralCounts(central);
    const logRows = await db.selectFrom('change_log').select('change_id').execute();
    return {
      seed,
      faults: { ...proxy.counts },
      syncAttempts: attempts,
      syncFailures: failures,
      cardsCreated: cards,
      responsesCreated: responses,
      central: {
        appeals: counts.appeals,
        responses: counts.responses,
        changeLogDuplicates: logRows.length - new Set(logRows.map((r) => r.change_id)).size,
      },
      desks: desks.map((d) => ({
        appeals: Number(d.db.prepare('SELECT count(*) FROM appeals').pluck().get()),
        responses: Number(d.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()),
        pending: d.services.sync.status().pending,
      })),
      disagreements: await Promise.all(
        desks.map(async (d) => compareDigests(await deskDigest(d.db), centralDigest)),
      ),
      // Each side's kept agreement words against its records recomputed (issue 16).
      keptWordsDrift: [
        compareDigests(centralDigest, await officeDigestFull(db, office.id)),
        ...(await Promise.all(
          desks.map(async (d) =>
            compareDigests(await deskDigest(d.db), await deskDigestFull(d.db)),
          ),
        )),
      ],
    };
  } finally {
    for (const d of desks) d.cleanup();
    await proxy.close();
    await central.close();
  }
}
