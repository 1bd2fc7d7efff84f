import { ENUM_LABELS_RU as L } from '../domain/labels-ru';
import type { AppealMetrics } from '../reports/appeal-metrics';
import type { SurveyResults } from '../reports/survey-results';
import { neutralizeFormula } from '../security/spreadsheet';

export type Cell = string | number | null;

/** A table of a report as every format writes it: a title, column headers, rows. */
export interface ReportTable {
  sheet: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const modeLabel = (m: string) =>
  m === 'none' ? 'Не определена' : L.answerMode[m as keyof typeof L.answerMode];

/** The appeal metrics as tables, worded as in the orders (docs/metrics.md). */
export function appealTables(m: AppealMetrics): ReportTable[] {
  const a = m.answerTime;
  return [
    {
      sheet: '1. Каналы',
      title: '1. Количество обращений и жалоб по каналам поступления, доля в процентах',
      columns: ['Канал поступления', 'Обращений', 'Доля, %', 'Жалоб', 'Доля, %'],
      rows: m.byChannel.map((c) => [
        L.channel[c.channel],
        c.appeals,
        c.appealsShare,
        c.complaints,
        c.complaintsShare,
      ]),
    },
    {
      sheet: '2. Причины',
      title: '2. Основные причины обращений (разделы и тематики классификатора)',
      columns: ['Уровень', 'Код', 'Наименование', 'Обращений', 'Доля от всех обращений, %'],
      rows: [
        ...m.topSections.map((r) => ['Раздел', r.code, r.title, r.appeals, r.share]),
        ...m.topThemes.map((r) => ['Тематика', r.code, r.title, r.appeals, r.share]),
      ],
    },
    {
      sheet: '4. Срок ответа',
      title: '4. Срок ожидания ответа (от регистрации до ответа)',
      columns: ['Показатель', 'Значение'],
      rows: [
        ['Дан письменный ответ в периоде', a.answered],
        ['Средний срок, дней', a.meanDays],
        ['Медиана, дней', a.medianDays],
        ['90-й процентиль, дней', a.p90Days],
        ['Ответов в срок', a.inTime],
        ['Доля ответов в срок, %', a.inTimeShare],
        ['Ответов с нарушением срока', a.late],
        ['Доля ответов с нарушением срока, %', a.lateShare],
        ['Не завершено (из обращений периода)', a.open],
        [`Из них просрочено на ${m.asOf}`, a.overdue],
      ],
    },
    {
      sheet: '5-7. Жалобы',
      title: '5–7. Удовлетворенные и неудовлетворенные жалобы, перенаправленные обращения',
      columns: ['Показатель', 'Количество', 'Доля, %'],
      rows: [
        ['Всего обращений', m.appeals, null],
        ['Всего жалоб', m.complaints, null],
        [
          'Удовлетворенные жалобы (положительный результат)',
          m.satisfiedComplaints,
          m.satisfiedShare,
        ],
        ['Неудовлетворенные жалобы (отказ)', m.unsatisfiedComplaints, m.unsatisfiedShare],
        ['Перенаправлено по компетенции', m.redirected, m.redirectedShare],
        ['Повторные обращения', m.repeat, m.repeatShare],
        ['Коллективные обращения', m.collective, m.collectiveShare],
      ],
    },
    {
      sheet: 'Виды и формы',
      title: 'Обращения по видам, формам и формам ответа',
      columns: ['Разрез', 'Значение', 'Обращений', 'Доля, %'],
      rows: [
        ...m.byKind.map((k) => ['Вид', L.kind[k.kind], k.appeals, k.share]),
        ...m.byForm.map((k) => ['Форма обращения', L.form[k.form], k.appeals, k.share]),
        ...m.byAnswerMode.map((k) => ['Форма ответа', modeLabel(k.mode), k.appeals, k.share]),
      ],
    },
  ];
}

/** Raw columns holding a code of a closed vocabulary, and the labels of that vocabulary. */
const LABELLED: Record<string, Record<string, string>> = {
  kind: L.kind,
  form: L.form,
  channel: L.channel,
  social_category: L.socialCategory,
  answer_mode: L.answerMode,
  status: L.status,
  result: L.result,
};

/** Raw codes to the words the screen uses. */
export function rawLabel(column: string, value: Cell): Cell {
  if (value === null) return null;
  if (column === 'is_repeat' || column === 'is_collective') return value === 1 ? 'да' : 'нет';
  const labels = LABELLED[column];
  return labels ? (labels[String(value)] ?? String(value)) : value;
}

const CHANNEL_ROWS: Record<SurveyResults['byChannel'][number]['channel'], string> = {
  kiosk: 'Из них на киоске',
  paper: 'Из них бумажных',
  online: 'Из них онлайн',
};

/**
 * Survey results as a table, every count as the screen shows it: «<5» where fewer than five
 * responses make up a cell (docs/anonymity.md), so no export carries what the screen hides.
 */
export function surveyTable(r: SurveyResults, sheet: string): ReportTable {
  const rows: Cell[][] = [
    ['Анкет за период', null, r.responses, null],
    ...r.byChannel.map((c): Cell[] => [CHANNEL_ROWS[c.channel], null, c.responses, null]),
  ];
  if (!r.suppressed) {
    for (const q of r.questions) {
      const head = `${q.number ? `${q.number}. ` : ''}${q.title}`;
      rows.push([head, 'Ответили', q.answered, null]);
      if (q.mean !== null) rows.push([head, 'Средний балл', q.mean, null]);
      if (q.satisfiedShare !== null) {
        rows.push([
          head,
          q.recommend ? 'Готовы рекомендовать (4–5)' : 'Удовлетворены (4–5)',
          null,
          q.satisfiedShare,
        ]);
      }
      for (const o of q.options) rows.push([head, o.label, o.count, o.share]);
      for (const row of q.rows) {
        rows.push([head, `${row.label}: средний балл`, row.answered, row.mean]);
      }
      for (const text of q.openAnswers) rows.push([head, text, null, null]);
    }
  }
  return {
    sheet,
    title: `Результаты анкетирования: ${r.title}${r.suppressed ? ' (анкет меньше 5: распределения не приводятся)' : ''}`,
    columns: ['Вопрос', 'Ответ / показатель', 'Количество', 'Доля, % / балл'],
    rows,
  };
}

/** A CSV cell: formulas neutralised, quoted where needed; with ";" a decimal comma. */
export function csvCell(v: Cell, sep: string): string {
  if (v === null) return '';
  const s =
    typeof v === 'number'
      ? sep === ';'
        ? String(v).replace('.', ',')
        : String(v)
      : neutralizeFormula(String(v));
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}
