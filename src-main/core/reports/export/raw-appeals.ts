import type { Period } from '../../../../src-shared/reports/period';
import type { Db } from '../../db/open';
import { periodParams } from '../appeal-metrics';

/**
 * The raw rows behind a report, for consolidation: what each appeal was, never who brought it.
 * Names, addresses, phones, e-mails and the text of the appeal stay out of every export
 * (152-FZ: the report's readers need the figures, not the personal data).
 */
export const RAW_COLUMNS = [
  ['reg_number', 'Рег. номер'],
  ['desk_code', 'Рабочее место'],
  ['registered', 'Дата регистрации'],
  ['kind', 'Вид'],
  ['form', 'Форма'],
  ['channel', 'Канал'],
  ['social_category', 'Категория заявителя'],
  ['is_repeat', 'Повторное'],
  ['is_collective', 'Коллективное'],
  ['signatory_count', 'Подписавших'],
  ['topics', 'Коды классификатора'],
  ['answer_mode', 'Форма ответа'],
  ['status', 'Статус'],
  ['result', 'Результат (по вопросам)'],
  ['due_date', 'Срок ответа'],
  ['answer_date', 'Дата ответа'],
  ['redirect_date', 'Дата перенаправления'],
] as const;

export type RawRow = Record<(typeof RAW_COLUMNS)[number][0], string | number | null>;

export function countRaw(db: Db, period: Period): number {
  return db
    .prepare(
      'SELECT count(*) FROM appeals a WHERE a.registered_at >= @from AND a.registered_at < @toEnd',
    )
    .pluck()
    .get(periodParams(period)) as number;
}

/** Pages of raw rows in registration order (keyset on registered_at, id). */
export function* rawPages(db: Db, period: Period, pageSize = 2000): Generator<RawRow[]> {
  const page = db.prepare(
    `SELECT a.reg_number, a.desk_code, substr(a.registered_at, 1, 10) AS registered, a.kind, a.form,
       a.channel, a.social_category, a.is_repeat, a.is_collective, a.signatory_count,
       (SELECT group_concat(code, ' ') FROM
          (SELECT code FROM appeal_topics t WHERE t.appeal_id = a.id ORDER BY position)) AS topics,
       a.answer_mode, a.status, a.outcome AS result, a.due_date, a.answer_date, a.redirect_date,
       a.registered_at AS _at, a.id AS _id
     FROM appeals a
     WHERE a.registered_at >= @from AND a.registered_at < @toEnd
       AND (a.registered_at > @at OR (a.registered_at = @at AND a.id > @id))
     ORDER BY a.registered_at, a.id LIMIT ${pageSize}`,
  );
  let at = '';
  let id = '';
  for (;;) {
    const rows = page.all({ ...periodParams(period), at, id }) as (RawRow & {
      _at: string;
      _id: string;
    })[];
    if (rows.length === 0) return;
    yield rows.map(({ _at: _a, _id: _i, ...r }) => r as RawRow);
    at = rows[rows.length - 1]!._at;
    id = rows[rows.length - 1]!._id;
    if (rows.length < pageSize) return;
  }
}
