import { ruDate, ruNumber } from '../domain/dates';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AppealMetrics } from '../reports/appeal-metrics';
import { appealTables, type Cell } from '../reports/report-tables';
import type { SurveyResults } from '../reports/survey-results';

/**
 * The information note for the minister as DOCX (Node: Packer.toBuffer), one builder for the
 * desk's note of its office and the central's note of the region (a paragraph per office).
 */

const ru = ruDate;
const periodTitle = (m: AppealMetrics) => `с ${ru(m.period.from)} по ${ru(m.period.to)}`;

/** The key figures of a period in one sentence, numbers in Russian form (decimal comma). */
export function keyFigures(m: AppealMetrics): string {
  return (
    `поступило ${fmt(m.appeals)} обращений, из них жалоб — ${fmt(m.complaints)}. ` +
    `Доля удовлетворенных жалоб — ${fmt(m.satisfiedShare)} % (${fmt(m.satisfiedComplaints)}), ` +
    `неудовлетворенных — ${fmt(m.unsatisfiedShare)} % (${fmt(m.unsatisfiedComplaints)}). ` +
    `Перенаправлено по компетенции — ${fmt(m.redirectedShare)} % (${fmt(m.redirected)}). ` +
    `Средний срок подготовки письменного ответа — ${fmt(m.answerTime.meanDays)} дн., ` +
    `в срок дано ${fmt(m.answerTime.inTimeShare)} % ответов.`
  );
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 22 })] })],
  });

const fmt = (v: Cell) => (v === null ? '—' : typeof v === 'number' ? ruNumber(v) : v);

/** DOCX: the information note for the minister — period, key figures, tables, conclusions. */
export async function noteDocx(
  m: AppealMetrics,
  surveys: readonly SurveyResults[],
  office: string,
  /** The region's note: a paragraph per office after the region's figures. */
  offices: readonly { name: string; metrics: AppealMetrics }[] = [],
): Promise<Buffer> {
  const tables = appealTables(m).filter((t) => t.sheet !== 'Виды и формы');
  const p = (text: string, opts: { bold?: boolean; italic?: boolean } = {}) =>
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text, size: 26, ...opts })],
    });
  const doc = new Document({
    creator: 'Отклик',
    title: 'Информационная справка',
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'ИНФОРМАЦИОННАЯ СПРАВКА', bold: true, size: 30 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({
                text: `о работе с обращениями граждан ${periodTitle(m)} (${office})`,
                size: 26,
              }),
            ],
          }),
          p(`За период ${periodTitle(m)} ${keyFigures(m)}`),
          ...(offices.length
            ? [
                new Paragraph({
                  heading: HeadingLevel.HEADING_2,
                  spacing: { before: 240, after: 120 },
                  children: [new TextRun({ text: 'По органам', bold: true, size: 24 })],
                }),
                ...offices.map((o) => p(`${o.name}: ${keyFigures(o.metrics)}`)),
              ]
            : []),
          ...tables.flatMap((t) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              spacing: { before: 240, after: 120 },
              children: [new TextRun({ text: t.title, bold: true, size: 24 })],
            }),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
                ...t.rows.map(
                  (r) => new TableRow({ children: r.map((v) => cell(String(fmt(v)))) }),
                ),
              ],
            }),
          ]),
          ...surveys.flatMap((s) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              spacing: { before: 240, after: 120 },
              children: [
                new TextRun({ text: `Результаты анкетирования: ${s.title}`, bold: true, size: 24 }),
              ],
            }),
            p(surveySummary(s)),
          ]),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 240, after: 120 },
            children: [new TextRun({ text: 'Выводы', bold: true, size: 24 })],
          }),
          p('1. [Основные темы обращений и их динамика по сравнению с предыдущим кварталом.]', {
            italic: true,
          }),
          p('2. [Соблюдение сроков рассмотрения; причины нарушений.]', { italic: true }),
          p('3. [Предлагаемые меры по результатам анализа.]', { italic: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** One paragraph per questionnaire: the scores, never a count under 5 (docs/anonymity.md). */
function surveySummary(s: SurveyResults): string {
  if (s.suppressed) return `Получено анкет: ${s.responses}; меньше 5 — результаты не приводятся.`;
  const scores = s.questions
    .filter((q) => q.mean !== null)
    .map(
      (q) =>
        `вопрос ${q.number ?? q.name} — средний балл ${fmt(q.mean)}` +
        (q.satisfiedShare === null
          ? ''
          : `, ${q.recommend ? 'готовы рекомендовать' : 'удовлетворены'} ${fmt(q.satisfiedShare)} %`),
    );
  return `Получено анкет: ${s.responses}.${scores.length ? ` ${scores.join('; ')}.` : ''}`;
}
