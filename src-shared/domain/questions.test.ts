import { describe, expect, it } from 'vitest';
import { ownOutcome } from '../../test/helpers/questions';
import { preflight, type SstuCard } from '../reports/sstu';
import { appealOutcome, questionsOf, statusAsOf, type QuestionSource } from './questions';

const A = '0005.0005.0056.1160';
const B = '0002.0007.0071.0282.0025';

const card = (over: Partial<QuestionSource> = {}): QuestionSource => ({
  registeredAt: '2026-10-05T10:00',
  topicCodes: [A, B],
  status: 'answered_written',
  result: 'supported',
  answerDate: '2026-10-20',
  extensionDays: null,
  redirectRecipient: null,
  redirectDate: null,
  ...over,
});

const own = ownOutcome;

describe('questions of a card', () => {
  it('follow the card unless set apart, and a change to the card moves only those', () => {
    const apart = { [B]: own({ status: 'not_supported', responseDate: '2026-10-21' }) };
    const qs = questionsOf(card({ measuresTaken: true, questions: apart }));
    expect(qs.map((q) => [q.code, q.status, q.own, q.measuresTaken, q.responseDate])).toEqual([
      [A, 'supported', false, true, '2026-10-20'],
      [B, 'not_supported', true, false, '2026-10-21'],
    ]);
    const after = questionsOf(card({ result: 'explained', questions: apart }));
    expect(after.map((q) => q.status)).toEqual(['explained', 'not_supported']);
  });

  it('take an oral answer’s date from the reception day and a transfer from the card', () => {
    const oral = questionsOf(card({ status: 'answered_oral', answerDate: null, result: null }));
    expect(oral[0]).toMatchObject({ status: 'answered', responseDate: '2026-10-05' });
    const sent = questionsOf(
      card({
        status: 'redirected',
        result: null,
        redirectRecipient: 'Минздрав',
        redirectDate: '2026-10-07',
      }),
    );
    expect(sent[0]).toMatchObject({
      status: 'transferred',
      transferRecipient: 'Минздрав',
      transferDate: '2026-10-07',
      responseDate: '2026-10-07',
    });
  });

  it('stand in work at the end of a month before the answer came', () => {
    const [q] = questionsOf(card({ extensionDays: 10 }));
    expect(statusAsOf(q!, '2026-10-19')).toBe('in_work_extended');
    expect(statusAsOf(q!, '2026-10-20')).toBe('supported');
  });

  it('give the card its outcome for the metrics: any supported, else any refused, …', () => {
    const s = (...statuses: string[]) => statuses.map((status) => ({ status }) as never);
    expect(appealOutcome(s('not_supported', 'supported'))).toBe('supported');
    expect(appealOutcome(s('explained', 'not_supported'))).toBe('refused');
    expect(appealOutcome(s('explained', 'answered'))).toBe('explained');
    expect(appealOutcome(s('transferred', 'in_work'))).toBeNull();
  });
});

describe('the pre-flight checks of the monthly report', () => {
  const sstuCard = (over: Partial<SstuCard> = {}): SstuCard => ({
    ...card(),
    id: 'c',
    regNumber: 'MIN01-2026-000001',
    applicantType: 'person',
    visitorName: 'Иванова А. С.',
    organisationName: null,
    visitorAddress: null,
    visitorEmail: null,
    answerAttachmentId: 'doc',
    ...over,
  });
  const docs = new Map([['doc', { id: 'doc', fileName: 'otvet.pdf', size: 1000 }]]);
  const messages = (c: SstuCard, files = docs) =>
    preflight(c, '2026-10', files).map((p) => `${p.code ?? 'card'}: ${p.message}`);

  it('pass a whole card', () => {
    expect(messages(sstuCard())).toEqual([]);
  });

  it('name every worst value: dates out of order, no recipient id, a large or lost document', () => {
    expect(
      messages(
        sstuCard({
          forwardedFrom: 'Администрация',
          forwardedNumber: '1',
          forwardedDate: '2026-10-04',
          receivedDate: '2026-10-03',
          visitorName: null,
        }),
      ),
    ).toEqual([
      'card: Не указан заявитель (ФИО или организация).',
      'card: Дата поступления раньше даты сопроводительного письма.',
    ]);
    expect(messages(sstuCard({ forwardedFrom: 'Администрация' }))).toEqual([
      'card: Обращение переадресовано: нужны номер и дата сопроводительного письма.',
    ]);
    expect(messages(sstuCard({ answerDate: '2026-10-01' }))).toEqual([
      `${A}: Дата ответа раньше даты регистрации.`,
      `${B}: Дата ответа раньше даты регистрации.`,
    ]);
    expect(
      messages(
        sstuCard(),
        new Map([['doc', { id: 'doc', fileName: 'big.pdf', size: 10_000_001 }]]),
      ),
    ).toContain(`${A}: Документ с ответом «big.pdf» больше 10 МБ.`);
    expect(messages(sstuCard(), new Map())).toContain(
      `${A}: Документ с ответом не найден среди файлов карточки.`,
    );
    const sent = sstuCard({
      status: 'redirected',
      result: null,
      redirectRecipient: 'Минздрав',
      redirectDate: '2026-10-07',
    });
    expect(messages(sent)).toEqual([
      `${A}: Направлено по компетенции: нет идентификатора органа-получателя в ССТУ.РФ.`,
      `${B}: Направлено по компетенции: нет идентификатора органа-получателя в ССТУ.РФ.`,
    ]);
    expect(messages(sstuCard({ answerDate: null }))[0]).toBe(
      `${A}: «Рассмотрено. Поддержано»: не указана дата ответа.`,
    );
  });
});
