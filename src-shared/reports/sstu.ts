import { z } from 'zod';
import { datePart } from '../domain/dates';
import { ENUM_LABELS_RU } from '../domain/labels-ru';
import {
  ANSWERED_QUESTION_STATUSES,
  DATED_QUESTION_STATUSES,
  QUESTION_STATUSES,
  questionsOf,
  statusAsOf,
  statusDate,
  type Question,
  type QuestionSource,
  type QuestionStatus,
} from '../domain/questions';
import { monthEnd } from './period';

/*
 * The monthly report to ССТУ.РФ, the Presidential Administration's monitoring system of
 * appeals (Указ Президента РФ от 17.04.2017 № 171). There is no public specification: the
 * structure below follows public integrations — the DTOs and enumerations of the repository
 * tupichkindenis/sstu-adapter (export/dto: SstuRequest, SstuQuestion, SstuTransfer,
 * SstuAttachment; domain/enumeration: QuestionStatusEnum, RequestFormatEnum) and the checks
 * such integrations apply before sending. This module is the one place that knows the format:
 * when a region hands us the official specification, it changes here (docs/sstu.md).
 */

/** Our question statuses → ССТУ's. */
export const SSTU_STATUS: Record<QuestionStatus, string> = {
  not_received: 'NotReceived',
  not_registered: 'NotRegistered',
  in_work: 'InWork',
  // Some integrations have an extended-term state; here it is InWork with isExtend: true.
  in_work_extended: 'InWork',
  explained: 'Explained',
  supported: 'Supported',
  not_supported: 'NotSupported',
  transferred: 'Transferred',
  answered: 'Answered',
  left_without_answer: 'LeftWithoutAnswer',
};

/** An answer document larger than this is refused by integrations («около 10 МБ»). */
export const SSTU_MAX_ATTACHMENT = 10 * 1000 * 1000;

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH, 'invalid_month');

/** What the report needs of a card, on the desk and at the central alike. */
export interface SstuCard extends QuestionSource {
  id: string;
  regNumber: string;
  applicantType: 'person' | 'organisation';
  visitorName: string | null;
  organisationName: string | null;
  visitorAddress: string | null;
  visitorEmail: string | null;
  forwardedFrom?: string | null;
  forwardedNumber?: string | null;
  forwardedDate?: string | null;
  viaMedo?: boolean;
  receivedDate?: string | null;
}

/** A card's attachment as far as the checks need it (the bytes come later, for the file). */
export interface SstuAttachmentInfo {
  id: string;
  fileName: string;
  size: number;
}

export interface MonthBounds {
  from: string;
  to: string;
}

export function monthBounds(month: string): MonthBounds {
  const from = `${month}-01`;
  return { from, to: monthEnd(from) };
}

/**
 * Whether a card belongs to a month's report: registered in the month, or registered before it
 * with a question that reached its status in the month (an answer given next month is reported
 * next month, with the card's original dates).
 */
export function inMonth(card: SstuCard, month: string): boolean {
  const { from, to } = monthBounds(month);
  const registered = datePart(card.registeredAt);
  if (registered > to) return false;
  if (registered >= from) return true;
  return questionsOf(card).some((q) => {
    const at = statusDate(q);
    return at !== null && at >= from && at <= to;
  });
}

/** A question that would fail the checks, in Russian, with its card. */
export const preflightProblemSchema = z.object({
  appealId: z.string(),
  regNumber: z.string(),
  /** The question's classifier code, or null for a problem of the card. */
  code: z.string().nullable(),
  message: z.string(),
});
export type PreflightProblem = z.output<typeof preflightProblemSchema>;

/** The dates every question of a card carries. */
function cardDates(card: SstuCard) {
  const registrationDate = datePart(card.registeredAt);
  const direct = !card.forwardedFrom;
  return {
    direct,
    registrationDate,
    incomingDate: card.receivedDate ?? registrationDate,
    createDate: direct ? registrationDate : (card.forwardedDate ?? null),
  };
}

/**
 * The checks integrations apply before sending, for one card of a month's report: dates in
 * order (registration ≥ incoming; incoming ≥ the cover letter unless received directly;
 * response ≥ registration), a date for every status reached, the transfer's recipient and date,
 * and the answer document of every question considered (present here, under about 10 MB).
 */
export function preflight(
  card: SstuCard,
  month: string,
  attachments: ReadonlyMap<string, SstuAttachmentInfo>,
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const say = (code: string | null, message: string) =>
    problems.push({ appealId: card.id, regNumber: card.regNumber, code, message });
  const d = cardDates(card);
  const name = applicantName(card);
  if (!name) say(null, 'Не указан заявитель (ФИО или организация).');
  if (!d.direct) {
    if (!card.forwardedNumber || !card.forwardedDate) {
      say(null, 'Обращение переадресовано: нужны номер и дата сопроводительного письма.');
    } else if (d.incomingDate < card.forwardedDate) {
      say(null, 'Дата поступления раньше даты сопроводительного письма.');
    }
  }
  if (d.registrationDate < d.incomingDate) {
    say(null, 'Дата регистрации раньше даты поступления.');
  }
  const asOf = monthBounds(month).to;
  for (const q of questionsOf(card)) {
    const status = statusAsOf(q, asOf);
    if (!DATED_QUESTION_STATUSES.includes(status)) continue;
    const label = ENUM_LABELS_RU.questionStatus[status];
    const at = statusDate(q);
    if (at === null) say(q.code, `«${label}»: не указана дата ответа.`);
    else if (at < d.registrationDate) say(q.code, 'Дата ответа раньше даты регистрации.');
    if (status === 'transferred' && !q.transferRecipient) {
      say(q.code, 'Направлено по компетенции: не указано, куда.');
    }
    if (status === 'transferred' && !q.transferDepartmentId) {
      say(q.code, 'Направлено по компетенции: нет идентификатора органа-получателя в ССТУ.РФ.');
    }
    if (ANSWERED_QUESTION_STATUSES.includes(status)) {
      const doc = q.answerAttachmentId ? attachments.get(q.answerAttachmentId) : undefined;
      if (!q.answerAttachmentId) say(q.code, `«${label}»: не приложен документ с ответом.`);
      else if (!doc) say(q.code, 'Документ с ответом не найден среди файлов карточки.');
      else if (doc.size > SSTU_MAX_ATTACHMENT) {
        say(q.code, `Документ с ответом «${doc.fileName}» больше 10 МБ.`);
      }
    }
  }
  return problems;
}

/** What a month's cards say before the file: how many, the table by status, the problems. */
export function sstuCheck(
  cards: readonly SstuCard[],
  month: string,
  attachments: ReadonlyMap<string, SstuAttachmentInfo>,
) {
  return {
    cards: cards.length,
    questions: cards.reduce((n, c) => n + c.topicCodes.length, 0),
    table: sstuStatusTable(cards, month),
    problems: cards.flatMap((c) => preflight(c, month, attachments)),
  };
}

export function applicantName(card: SstuCard): string | null {
  return card.applicantType === 'organisation' ? card.organisationName : card.visitorName;
}

/* The file: one record per appeal, as the integrations send it (null fields left out). */

export const sstuAttachmentSchema = z.object({ name: z.string(), content: z.string() });
export const sstuTransferSchema = z.object({
  departmentId: z.string().optional(),
  transferDate: z.string().optional(),
  transferNumber: z.string().optional(),
});
export const sstuQuestionSchema = z.object({
  code: z.string(),
  status: z.string(),
  isExtend: z.boolean().optional(),
  incomingDate: z.string(),
  registrationDate: z.string(),
  responseDate: z.string().optional(),
  actionsTaken: z.boolean().optional(),
  transfer: sstuTransferSchema.optional(),
  attachment: sstuAttachmentSchema.optional(),
});
export const sstuRequestSchema = z.object({
  departmentId: z.string(),
  isDirect: z.boolean(),
  format: z.enum(['Electronic', 'Other']),
  number: z.string(),
  createDate: z.string(),
  name: z.string().optional(),
  address: z.string().optional(),
  email: z.string().optional(),
  questions: z.array(sstuQuestionSchema).min(1),
});
export type SstuRequest = z.output<typeof sstuRequestSchema>;

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/**
 * A card's record for the month. `attachment` gives the answer document's name and base64
 * content by id (null: left out; the pre-flight list has said so).
 */
export function sstuRequest(
  card: SstuCard,
  departmentId: string,
  month: string,
  attachment: (id: string) => { name: string; content: string } | null,
): SstuRequest {
  const d = cardDates(card);
  const asOf = monthBounds(month).to;
  const questions = questionsOf(card).map((q) => sstuQuestion(q, d, asOf, attachment));
  return defined({
    departmentId,
    isDirect: d.direct,
    // «Electronic»: received through МЭДО from another body; any other way is «Other».
    format: card.viaMedo && !d.direct ? ('Electronic' as const) : ('Other' as const),
    number: d.direct ? card.regNumber : (card.forwardedNumber ?? ''),
    createDate: d.createDate ?? '',
    name: applicantName(card) ?? undefined,
    address: card.visitorAddress ?? undefined,
    email: card.visitorEmail ?? undefined,
    questions,
  });
}

function sstuQuestion(
  q: Question,
  d: ReturnType<typeof cardDates>,
  asOf: string,
  attachment: (id: string) => { name: string; content: string } | null,
): SstuRequest['questions'][number] {
  const status = statusAsOf(q, asOf);
  const reached = DATED_QUESTION_STATUSES.includes(status);
  const transfer =
    status === 'transferred'
      ? defined({
          departmentId: q.transferDepartmentId ?? undefined,
          transferDate: q.transferDate ?? undefined,
          transferNumber: q.transferNumber ?? undefined,
        })
      : undefined;
  const doc =
    ANSWERED_QUESTION_STATUSES.includes(status) && q.answerAttachmentId
      ? attachment(q.answerAttachmentId)
      : null;
  return defined({
    code: q.code,
    status: SSTU_STATUS[status],
    isExtend: status === 'in_work_extended' ? true : undefined,
    incomingDate: d.incomingDate,
    registrationDate: d.registrationDate,
    responseDate: reached ? (statusDate(q) ?? undefined) : undefined,
    actionsTaken: status === 'supported' ? q.measuresTaken : undefined,
    transfer,
    attachment: doc ?? undefined,
  });
}

export const sstuTableRowSchema = z.object({
  status: z.enum(QUESTION_STATUSES),
  sstu: z.string(),
  label: z.string(),
  count: z.number().int(),
  measures: z.number().int(),
});
export type SstuTableRow = z.output<typeof sstuTableRowSchema>;

/** The month's table: questions by ССТУ status (status at the month's end), for people. */
export function sstuStatusTable(cards: readonly SstuCard[], month: string): SstuTableRow[] {
  const asOf = monthBounds(month).to;
  const counts = new Map<QuestionStatus, { count: number; measures: number }>();
  for (const card of cards) {
    for (const q of questionsOf(card)) {
      const status = statusAsOf(q, asOf);
      const c = counts.get(status) ?? { count: 0, measures: 0 };
      c.count += 1;
      if (status === 'supported' && q.measuresTaken) c.measures += 1;
      counts.set(status, c);
    }
  }
  return (Object.keys(SSTU_STATUS) as QuestionStatus[])
    .filter((s) => counts.has(s))
    .map((s) => ({
      status: s,
      sstu: SSTU_STATUS[s],
      label: ENUM_LABELS_RU.questionStatus[s],
      count: counts.get(s)!.count,
      measures: counts.get(s)!.measures,
    }));
}

/** One row per question, for the XLSX copy of the file that people read. */
export function sstuSheetRows(
  cards: readonly SstuCard[],
  month: string,
  attachments: ReadonlyMap<string, SstuAttachmentInfo>,
): (string | number)[][] {
  const asOf = monthBounds(month).to;
  const header = [
    'Рег. номер',
    'Дата регистрации',
    'Дата поступления',
    'Поступило',
    'Сопроводительное письмо',
    'Заявитель',
    'Адрес',
    'Эл. почта',
    'Код вопроса',
    'Статус',
    'Статус ССТУ',
    'Дата ответа',
    'Меры приняты',
    'Куда направлено',
    'Документ с ответом',
  ];
  const rows: (string | number)[][] = [header];
  for (const card of cards) {
    const d = cardDates(card);
    for (const q of questionsOf(card)) {
      const status = statusAsOf(q, asOf);
      const reached = DATED_QUESTION_STATUSES.includes(status);
      rows.push([
        card.regNumber,
        d.registrationDate,
        d.incomingDate,
        d.direct ? 'непосредственно от автора' : `из органа: ${card.forwardedFrom}`,
        d.direct ? '' : `№ ${card.forwardedNumber ?? '—'} от ${card.forwardedDate ?? '—'}`,
        applicantName(card) ?? '',
        card.visitorAddress ?? '',
        card.visitorEmail ?? '',
        q.code,
        ENUM_LABELS_RU.questionStatus[status],
        SSTU_STATUS[status],
        reached ? (statusDate(q) ?? '') : '',
        status === 'supported' ? (q.measuresTaken ? 'да' : 'нет') : '',
        status === 'transferred' ? (q.transferRecipient ?? '') : '',
        q.answerAttachmentId ? (attachments.get(q.answerAttachmentId)?.fileName ?? '?') : '',
      ]);
    }
  }
  return rows;
}
