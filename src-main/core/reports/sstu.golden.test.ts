import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src-shared/contract/api';
import { appealInputSchema, type AppealInput } from '../../../src-shared/domain/appeal';
import { appealInput } from '../../../test/helpers/appeal-input';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import { tempCore } from '../../../test/helpers/temp-core';
import { ownOutcome } from '../../../test/helpers/questions';

/*
 * Golden test of the monthly report to ССТУ.РФ (issue 14): October 2026 on one desk, built by
 * hand, the report made on 10 November. Codes: A = 0005.0005.0056.1160, B =
 * 0002.0007.0071.0282.0025, C = 0003.0009.0102.0768, D = 0001.0001.0001.0001.
 *
 *   card  registered  questions   what happened                                    in October
 *   C1    05.10       A           oral answer at the reception, explained;         A Explained
 *                                 answer document attached
 *   C2    07.10       A, B        forwarded by the Governor's administration       A Supported, меры приняты
 *                                 (МЭДО, letter АГ-01/123 of 02.10, received       B NotSupported (set apart)
 *                                 06.10); written answer 20.10: supported with
 *                                 measures taken for all, B set apart not
 *                                 supported; one answer document
 *   C3    12.10       A, B, C     in progress; B set apart, transferred 14.10      A InWork
 *                                 to the Ministry of Health (letter 17-01/5);      B Transferred
 *                                 C set apart, answered 25.10 with a document      C Answered
 *   C4    15.10       C           written, term extended by 20 days, in progress   C InWork + isExtend
 *   C5    28.10       D           answered in writing on 05.11, supported          D InWork (answer is November's)
 *   C6    30.10       B           left without an answer on 31.10                  B LeftWithoutAnswer
 *   C7    20.09       A           answered 10.10, refused; no document attached    A NotSupported (reached in October)
 *   C8    25.09       A           still in progress                                — (nothing happened in October)
 *   C9    02.11       A           registered in November                           —
 *
 * Expected table (status at 31.10), 7 cards, 10 questions:
 *   InWork 2 (C3-A, C5-D) · InWork extended 1 (C4-C) · Explained 1 (C1-A) · Supported 1 (C2-A),
 *   of which measures taken 1 · NotSupported 2 (C2-B, C7-A) · Answered 1 (C3-C) ·
 *   Transferred 1 (C3-B) · LeftWithoutAnswer 1 (C6-B).
 * Pre-flight: one problem — C7's question A is considered (not supported) without an answer
 * document. In November, C5 is reported again: D Supported, responseDate 05.11.
 */

const A = '0005.0005.0056.1160';
const B = '0002.0007.0071.0282.0025';
const C = '0003.0009.0102.0768';
const D = '0001.0001.0001.0001';
const DEPARTMENT = '11111111-2222-4333-8444-555555555555';
const HEALTH = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

type Appeal = Output<'appeals.get'>;
let core: ReturnType<typeof tempCore>;
let official: string;
const cards: Record<string, Appeal> = {};
const docs: Record<string, string> = {};

const own = ownOutcome;

function register(name: string, input: Partial<AppealInput>): Appeal {
  cards[name] = ok<Appeal>(core.dispatch('appeals.create', { data: appealInput(official, input) }));
  return cards[name];
}

function attach(name: string, fileName: string): string {
  const a = ok<{ id: string }>(
    core.dispatch('attachments.add', {
      appealId: cards[name]!.id,
      fileName,
      data: PDF(fileName),
    }),
  );
  docs[name] = a.id;
  return a.id;
}

function edit(name: string, change: (docId: string | undefined) => Partial<AppealInput>) {
  const card = cards[name]!;
  const { id, updatedAt } = card;
  const data = appealInputSchema.strip().parse(card);
  cards[name] = ok<Appeal>(
    core.dispatch('appeals.update', {
      id,
      expectedUpdatedAt: updatedAt,
      data: { ...data, ...change(docs[name]) },
      draftId: null,
    }),
  );
}

beforeAll(() => {
  core = tempCore(() => new Date('2026-11-10T09:00:00Z'));
  core.dispatch('settings.setDeskCode', { deskCode: 'MIN01' });
  official = officialOf(core);
  ok(core.dispatch('sstu.saveSettings', { departmentId: DEPARTMENT }));
  register('C1', {
    registeredAt: '2026-10-05T10:00',
    topicCodes: [A],
    answerMode: 'oral',
    oralConsent: true,
    consentOnPaper: true,
    oralAnswer: 'Разъяснен порядок',
    status: 'answered_oral',
    result: 'explained',
  });
  attach('C1', 'kartochka-1.pdf');
  edit('C1', (doc) => ({ answerAttachmentId: doc }));
  register('C2', {
    registeredAt: '2026-10-07T11:00',
    form: 'written',
    channel: 'post',
    topicCodes: [A, B],
    forwardedFrom: 'Администрация Губернатора Свердловской области',
    forwardedNumber: 'АГ-01/123',
    forwardedDate: '2026-10-02',
    viaMedo: true,
    receivedDate: '2026-10-06',
  });
  attach('C2', 'otvet-2.pdf');
  edit('C2', (doc) => ({
    status: 'answered_written',
    answerDate: '2026-10-20',
    result: 'supported',
    measuresTaken: true,
    answerAttachmentId: doc,
    questions: {
      [B]: own({ status: 'not_supported', responseDate: '2026-10-20', answerAttachmentId: doc }),
    },
  }));
  register('C3', {
    registeredAt: '2026-10-12T09:30',
    topicCodes: [A, B, C],
    status: 'in_progress',
  });
  attach('C3', 'otvet-3c.pdf');
  edit('C3', (doc) => ({
    questions: {
      [B]: own({
        status: 'transferred',
        transferRecipient: 'Министерство здравоохранения Свердловской области',
        transferDepartmentId: HEALTH,
        transferDate: '2026-10-14',
        transferNumber: '17-01/5',
      }),
      [C]: own({ status: 'answered', responseDate: '2026-10-25', answerAttachmentId: doc }),
    },
  }));
  register('C4', {
    registeredAt: '2026-10-15T12:00',
    topicCodes: [C],
    status: 'in_progress',
    extensionDays: 20,
    extensionReason: 'Запрошены документы',
  });
  register('C5', { registeredAt: '2026-10-28T15:00', topicCodes: [D] });
  attach('C5', 'otvet-5.pdf');
  edit('C5', (doc) => ({
    status: 'answered_written',
    answerDate: '2026-11-05',
    result: 'supported',
    answerAttachmentId: doc,
  }));
  register('C6', {
    registeredAt: '2026-10-30T16:00',
    topicCodes: [B],
    status: 'left_without_answer',
    answerDate: '2026-10-31',
    resultNote: 'Нецензурные выражения (ст. 11 59-ФЗ)',
  });
  register('C7', {
    registeredAt: '2026-09-20T10:00',
    topicCodes: [A],
    status: 'answered_written',
    answerDate: '2026-10-10',
    result: 'refused',
  });
  register('C8', { registeredAt: '2026-09-25T10:00', topicCodes: [A], status: 'in_progress' });
  register('C9', { registeredAt: '2026-11-02T10:00', topicCodes: [A] });
});
afterAll(() => core.cleanup());

type Check = Output<'sstu.check'>;

describe('the monthly report to ССТУ.РФ (golden month)', () => {
  it('counts October’s questions by status as they stood on 31 October', () => {
    const check = ok<Check>(core.dispatch('sstu.check', { month: '2026-10' }));
    expect([check.cards, check.questions, check.departmentId]).toEqual([7, 10, DEPARTMENT]);
    expect(
      Object.fromEntries(check.table.map((r) => [r.status, [r.sstu, r.count, r.measures]])),
    ).toEqual({
      in_work: ['InWork', 2, 0],
      in_work_extended: ['InWork', 1, 0],
      explained: ['Explained', 1, 0],
      supported: ['Supported', 1, 1],
      not_supported: ['NotSupported', 2, 0],
      answered: ['Answered', 1, 0],
      transferred: ['Transferred', 1, 0],
      left_without_answer: ['LeftWithoutAnswer', 1, 0],
    });
  });

  it('lists the one question that would fail the checks, with its card', () => {
    const check = ok<Check>(core.dispatch('sstu.check', { month: '2026-10' }));
    expect(check.problems).toEqual([
      {
        appealId: cards.C7!.id,
        regNumber: cards.C7!.regNumber,
        code: A,
        message: '«Рассмотрено. Не поддержано»: не приложен документ с ответом.',
      },
    ]);
  });

  it('writes the records of a forwarded and a direct card as expected', async () => {
    const file = ok<Output<'sstu.file'>>(
      await core.call('sstu.file', { month: '2026-10', format: 'json' }),
    );
    expect(file.cards).toBe(7);
    const records = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as {
      number: string;
    }[];
    const doc = (fileName: string) => ({ name: fileName, content: PDF(fileName) });
    expect(records.find((r) => r.number === 'АГ-01/123')).toEqual({
      departmentId: DEPARTMENT,
      isDirect: false,
      format: 'Electronic',
      number: 'АГ-01/123',
      createDate: '2026-10-02',
      name: 'Иванова Анна Сергеевна',
      address: 'г. Екатеринбург, ул. Ленина, 1',
      email: 'anna@example.ru',
      questions: [
        {
          code: A,
          status: 'Supported',
          incomingDate: '2026-10-06',
          registrationDate: '2026-10-07',
          responseDate: '2026-10-20',
          actionsTaken: true,
          attachment: doc('otvet-2.pdf'),
        },
        {
          code: B,
          status: 'NotSupported',
          incomingDate: '2026-10-06',
          registrationDate: '2026-10-07',
          responseDate: '2026-10-20',
          attachment: doc('otvet-2.pdf'),
        },
      ],
    });
    expect(records.find((r) => r.number === cards.C3!.regNumber)).toEqual({
      departmentId: DEPARTMENT,
      isDirect: true,
      format: 'Other',
      number: cards.C3!.regNumber,
      createDate: '2026-10-12',
      name: 'Иванова Анна Сергеевна',
      address: 'г. Екатеринбург, ул. Ленина, 1',
      email: 'anna@example.ru',
      questions: [
        { code: A, status: 'InWork', incomingDate: '2026-10-12', registrationDate: '2026-10-12' },
        {
          code: B,
          status: 'Transferred',
          incomingDate: '2026-10-12',
          registrationDate: '2026-10-12',
          responseDate: '2026-10-14',
          transfer: { departmentId: HEALTH, transferDate: '2026-10-14', transferNumber: '17-01/5' },
        },
        {
          code: C,
          status: 'Answered',
          incomingDate: '2026-10-12',
          registrationDate: '2026-10-12',
          responseDate: '2026-10-25',
          attachment: doc('otvet-3c.pdf'),
        },
      ],
    });
    const extended = records.find((r) => r.number === cards.C4!.regNumber) as unknown as {
      questions: { status: string; isExtend?: boolean }[];
    };
    expect(extended.questions[0]).toMatchObject({ status: 'InWork', isExtend: true });
  });

  it('reports a card answered next month in that month, with its own dates', async () => {
    const check = ok<Check>(core.dispatch('sstu.check', { month: '2026-11' }));
    // November: C5 (answered 05.11) and C9 (registered 02.11).
    expect(check.cards).toBe(2);
    const file = ok<Output<'sstu.file'>>(
      await core.call('sstu.file', { month: '2026-11', format: 'json' }),
    );
    const records = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as {
      number: string;
      questions: unknown[];
    }[];
    expect(records.find((r) => r.number === cards.C5!.regNumber)!.questions).toEqual([
      {
        code: D,
        status: 'Supported',
        incomingDate: '2026-10-28',
        registrationDate: '2026-10-28',
        responseDate: '2026-11-05',
        actionsTaken: false,
        attachment: { name: 'otvet-5.pdf', content: PDF('otvet-5.pdf') },
      },
    ]);
  });

  it('records every export in each card’s audit trail', () => {
    const trail = ok<Output<'audit.forAppeal'>>(
      core.dispatch('audit.forAppeal', { id: cards.C2!.id }),
    );
    expect(trail.filter((e) => e.action === 'export').map((e) => e.newValue)).toEqual([
      'ССТУ.РФ, 2026-10 (JSON)',
    ]);
    const none = ok<Output<'audit.forAppeal'>>(
      core.dispatch('audit.forAppeal', { id: cards.C8!.id }),
    );
    expect(none.some((e) => e.action === 'export')).toBe(false);
  });

  it('writes the XLSX for people with the same table', async () => {
    const file = ok<Output<'sstu.file'>>(
      await core.call('sstu.file', { month: '2026-10', format: 'xlsx' }),
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Вопросы')!.getSheetValues().filter(Boolean);
    expect(rows).toHaveLength(11); // header + 10 questions
    const summary = wb.getWorksheet('Вопросы по статусам')!;
    const supported = summary
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[2] === 'Supported') as unknown[];
    expect(supported.slice(1)).toEqual(['Рассмотрено. Поддержано', 'Supported', 1, 1]);
  });

  it('counts October’s questions by status for the Reports page, each figure opening its cards', () => {
    const period = { from: '2026-10-01', to: '2026-10-31' };
    const report = ok<Output<'reports.questions'>>(core.dispatch('reports.questions', { period }));
    // Cards registered in October only (C1–C6: 9 questions); C7 is September's.
    expect(report.asOf).toBe('2026-10-31');
    expect(report.all.total).toBe(9);
    expect(report.all.byStatus).toMatchObject({
      in_work: 2,
      in_work_extended: 1,
      explained: 1,
      supported: 1,
      not_supported: 1,
      answered: 1,
      transferred: 1,
      left_without_answer: 1,
    });
    expect(report.all.measuresTaken).toBe(1);
    const section = report.sections.find((r) => r.group === '0005.0000.0000.0000')!;
    expect([section.total, section.byStatus.in_work, section.byStatus.explained]).toEqual([
      3, 1, 1,
    ]);
    const cardsOf = (status: string | null, group = '*') =>
      ok<Output<'appeals.list'>>(
        core.dispatch('appeals.list', {
          filter: { ...period, questionStatus: status as never, questionGroup: group },
          offset: 0,
          limit: 50,
        }),
      ).items.map((i) => i.regNumber);
    expect(cardsOf('in_work').sort()).toEqual([cards.C3!.regNumber, cards.C5!.regNumber].sort());
    expect(cardsOf('measures')).toEqual([cards.C2!.regNumber]);
    expect(cardsOf('in_work', '0005.0000.0000.0000')).toEqual([cards.C3!.regNumber]);
  });

  it('counts the questions in work on the deadlines board', () => {
    // Open cards C3, C4, C8, C9: C3-A, C4-C, C8-A, C9-A in work (C3-B and C3-C have outcomes of
    // their own); C8 (registered 25.09) is past its due date of 25.10 on 10.11.
    expect(ok(core.dispatch('deadlines.questions', {}))).toEqual({ inWork: 4, overdue: 1 });
  });

  it('refuses a malformed month or office id with the field named', () => {
    for (const month of ['2026-13', '2026-1', '', '2026-10; DROP']) {
      const r = core.dispatch('sstu.check', { month });
      expect(r.ok ? null : r.error.code).toBe('validation');
    }
    const bad = core.dispatch('sstu.saveSettings', { departmentId: 'не uuid' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.message).toBe('invalid_uuid');
    expect(ok(core.dispatch('sstu.settings', {}))).toEqual({ departmentId: DEPARTMENT });
  });

  it('refuses the file without the office’s id in ССТУ.РФ', async () => {
    ok(core.dispatch('sstu.saveSettings', { departmentId: null }));
    const r = await core.call('sstu.file', { month: '2026-10', format: 'json' });
    expect(r.ok ? null : r.error.code).toBe('validation');
    ok(core.dispatch('sstu.saveSettings', { departmentId: DEPARTMENT }));
  });
});
