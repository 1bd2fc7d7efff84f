import { appealInputSchema, type AppealInput } from '../../src-shared/domain/appeal';
import { addDays } from '../../src-shared/domain/dates';
import type { Channel } from '../../src-shared/domain/enums';
import type { Core } from '../../src-main/core/index';
import { appealContent } from './content';
import { address, personName, phone } from './people';
import { createRandom, type Random } from './random';

/** Rough proportions of a regional body's appeals by channel, kind and section. */
const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['personal_reception', 34],
  ['email', 15],
  ['site_reception', 12],
  ['post', 10],
  ['gosuslugi', 9],
  ['feedback_platform', 8],
  ['hotline', 7],
  ['social_media', 3],
  ['event', 2],
];
const KINDS = [
  ['statement', 60],
  ['complaint', 30],
  ['proposal', 10],
] as const;
const SECTIONS = [
  ['0005', 35],
  ['0003', 25],
  ['0002', 25],
  ['0001', 8],
  ['0004', 7],
] as const;

export interface SeedReference {
  officials: string[];
  services: string[];
  codesBySection: Map<string, string[]>;
}

/** Officials, services and the classifier's question codes that cards can point to. */
export function prepareReference(core: Core): SeedReference {
  const s = core.services;
  if (s.officials.list().length === 0) {
    for (const [fullName, position] of [
      ['Петрова Елена Викторовна', 'Министр'],
      ['Смирнов Алексей Николаевич', 'Заместитель министра'],
      ['Кузнецова Ольга Ивановна', 'Начальник отдела'],
    ]) {
      s.officials.save({ fullName: fullName!, position: position!, active: true });
    }
  }
  if (s.services.list().length === 0) {
    s.services.save({ title: 'Предоставление субсидий', kind: 'support_measure', active: true });
    s.services.save({ title: 'Выдача разрешений', kind: 'service', active: true });
  }
  const codes = core.db
    .prepare('SELECT code FROM classifier_nodes WHERE level = 4 AND retired = 0')
    .pluck()
    .all() as string[];
  const codesBySection = new Map<string, string[]>();
  for (const code of codes) {
    const section = code.slice(0, 4);
    codesBySection.set(section, [...(codesBySection.get(section) ?? []), code]);
  }
  return {
    officials: s.officials.list().map((o) => o.id),
    services: s.services.list().map((x) => x.id),
    codesBySection,
  };
}

/** One plausible card registered on `day` (YYYY-MM-DD), handled as far as `today` allows. */
export function syntheticCard(
  r: Random,
  ref: SeedReference,
  day: string,
  today: string,
): AppealInput {
  const section = r.weighted(SECTIONS);
  const codes = ref.codesBySection.get(section)!;
  const channel = r.weighted(CHANNELS);
  const kind = r.weighted(KINDS);
  const oral = channel === 'personal_reception' && r.chance(0.3);
  const redirected = !oral && r.chance(0.08);
  const age = (Date.parse(today) - Date.parse(day)) / 86_400_000;
  const done = oral || age > 35 || r.chance(age / 40);
  const answerDate =
    done && !oral ? addDays(day, Math.min(r.int(3, 34), Math.max(0, Math.floor(age)))) : null;
  const isOrg = r.chance(0.07);
  return {
    registeredAt: `${day}T${String(r.int(9, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
    officialId: r.pick(ref.officials),
    applicantType: isOrg ? 'organisation' : 'person',
    visitorName: isOrg ? null : personName(r),
    visitorAddress: r.chance(0.8) ? address(r) : null,
    visitorPhone: r.chance(0.7) ? phone(r) : null,
    visitorEmail: r.chance(0.3) ? `user${r.int(1, 999_999)}@mail.ru` : null,
    socialCategory: r.weighted([
      ['none', 60],
      ['pensioner', 20],
      ['disabled', 6],
      ['large_family', 5],
      ['svo_participant', 4],
      ['unemployed', 5],
    ] as const),
    organisationName: isOrg
      ? `ООО «${r.pick(['Уралстрой', 'Рассвет', 'Горизонт', 'Исеть'])}»`
      : null,
    representativeName: isOrg ? personName(r) : null,
    powerOfAttorney: isOrg ? `№ ${r.int(1, 300)}` : null,
    isCollective: r.chance(0.04),
    signatoryCount: null,
    isRepeat: r.chance(0.12),
    kind,
    form: channel === 'personal_reception' || channel === 'hotline' ? 'oral' : 'written',
    channel,
    content: appealContent(r, section),
    topicCodes: r.chance(0.85)
      ? [r.pick(codes)]
      : [r.pick(codes), r.pick(codes)].filter((c, i, a) => a.indexOf(c) === i),
    serviceId: r.chance(0.2) ? r.pick(ref.services) : null,
    avRecordingNotified: channel === 'personal_reception' && r.chance(0.5),
    answerMode: oral ? 'oral' : redirected ? 'redirected' : 'written',
    oralConsent: oral,
    oralAnswer: oral ? 'Даны разъяснения по существу вопроса.' : null,
    redirectRecipient: redirected ? 'Администрация муниципального образования' : null,
    redirectDate: redirected && done ? addDays(day, r.int(1, 7)) : null,
    executor: r.chance(0.6) ? personName(r) : null,
    status: oral
      ? 'answered_oral'
      : !done
        ? 'in_progress'
        : redirected
          ? 'redirected'
          : 'answered_written',
    result:
      done && kind === 'complaint'
        ? r.weighted([
            ['supported', 35],
            ['refused', 25],
            ['explained', 40],
          ] as const)
        : done
          ? 'explained'
          : null,
    resultNote: null,
    answerDate: oral ? day : answerDate,
  };
}

/**
 * Registers `count` synthetic cards through the core's appeal service (numbering, due dates,
 * FTS index), spread over the two years before `today`, in batches of one transaction each.
 */
export function seedCards(
  core: Core,
  count: number,
  options: { seed?: number; today?: string; onProgress?: (done: number) => void } = {},
) {
  const r = createRandom(options.seed ?? 42);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ref = prepareReference(core);
  const batch = core.db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const day = addDays(today, -r.int(0, 729));
      core.services.appeals.createUnread(
        appealInputSchema.parse(syntheticCard(r, ref, day, today)),
      );
    }
  });
  for (let done = 0; done < count;) {
    const n = Math.min(10_000, count - done);
    batch(n);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    done += n;
    options.onProgress?.(done);
  }
}
