import ExcelJS from 'exceljs';
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
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { AppealMetrics } from '../../../../src-shared/reports/appeal-metrics';
import type { Db } from '../../db/open';
import type { JobContext } from './jobs';
import { countRaw, RAW_COLUMNS, rawPages } from './raw-appeals';
import { appealTables, rawLabel, surveyTable, type Cell } from './report-tables';
import type { SurveyResults } from '../../../../src-shared/reports/survey-results';
import { neutralizeFormula, safeCell } from '../../../../src-shared/security/spreadsheet';

const periodTitle = (m: AppealMetrics) => `с ${ru(m.period.from)} по ${ru(m.period.to)}`;
const ru = (iso: string) => iso.split('-').reverse().join('.');

/**
 * XLSX: a sheet per metric and the raw rows behind them, streamed to the file a page at a time
 * (a year of a big office is hundreds of thousands of rows).
 */
export async function writeXlsx(
  path: string,
  m: AppealMetrics,
  surveys: readonly SurveyResults[],
  db: Db,
  job: JobContext,
) {
  // Our own stream, so a cancelled export can close it before its file is removed: a stream
  // left open could still create the file after the removal.
  const out = createWriteStream(path);
  try {
    await writeXlsxTo(out, m, surveys, db, job);
  } catch (e) {
    if (!out.closed) {
      // Writes still queued by the workbook fail on the destroyed stream: nothing to report.
      out.on('error', () => undefined);
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      out.destroy();
      await closed;
    }
    throw e;
  }
}

async function writeXlsxTo(
  out: WriteStream,
  m: AppealMetrics,
  surveys: readonly SurveyResults[],
  db: Db,
  job: JobContext,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'Отклик';
  const surveyTables = surveys.map((s, i) => surveyTable(s, `Анкеты ${i + 1}`));
  for (const table of [...appealTables(m), ...surveyTables]) {
    const ws = wb.addWorksheet(table.sheet);
    ws.addRow([table.title]).font = { bold: true };
    ws.addRow([`Период: ${periodTitle(m)}`]);
    ws.addRow([]);
    const header = ws.addRow(table.columns);
    header.font = { bold: true };
    for (const row of table.rows) ws.addRow(row.map(safeCell));
    ws.columns.forEach((c, i) => (c.width = i === 0 || i === 2 ? 48 : 16));
    ws.commit();
  }
  const raw = wb.addWorksheet('Обращения (данные)');
  raw.addRow(RAW_COLUMNS.map(([, label]) => label)).font = { bold: true };
  const total = countRaw(db, m.period);
  let done = 0;
  for (const page of rawPages(db, m.period)) {
    for (const r of page) {
      raw.addRow(RAW_COLUMNS.map(([key]) => safeCell(rawLabel(key, r[key])))).commit();
    }
    done += page.length;
    await job.step(done / Math.max(1, total));
  }
  raw.commit();
  await wb.commit();
}

function csvCell(v: Cell, sep: string): string {
  if (v === null) return '';
  const s =
    typeof v === 'number'
      ? sep === ';'
        ? String(v).replace('.', ',')
        : String(v)
      : neutralizeFormula(String(v));
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV: the raw rows of the period, UTF-8 with a byte-order mark so Excel reads the Cyrillic;
 * with ";" (Russian Excel's list separator) numbers also get a decimal comma.
 */
export async function writeCsv(
  path: string,
  m: AppealMetrics,
  db: Db,
  job: JobContext,
  sep: ',' | ';',
) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('\uFEFF' + RAW_COLUMNS.map(([, label]) => csvCell(label, sep)).join(sep) + '\r\n');
  const total = countRaw(db, m.period);
  let done = 0;
  try {
    for (const page of rawPages(db, m.period)) {
      await write(
        page
          .map((r) => RAW_COLUMNS.map(([key]) => csvCell(rawLabel(key, r[key]), sep)).join(sep))
          .join('\r\n') + '\r\n',
      );
      done += page.length;
      await job.step(done / Math.max(1, total));
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 22 })] })],
  });

const fmt = (v: Cell) => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString('ru-RU') : v);

/** DOCX: the information note for the minister — period, key figures, tables, conclusions. */
export async function writeDocx(
  path: string,
  m: AppealMetrics,
  surveys: readonly SurveyResults[],
  office: string,
) {
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
          p(
            `За период ${periodTitle(m)} поступило ${m.appeals} обращений, из них жалоб — ${m.complaints}. ` +
              `Доля удовлетворенных жалоб — ${m.satisfiedShare} % (${m.satisfiedComplaints}), ` +
              `неудовлетворенных — ${m.unsatisfiedShare} % (${m.unsatisfiedComplaints}). ` +
              `Перенаправлено по компетенции — ${m.redirectedShare} % (${m.redirected}). ` +
              `Средний срок подготовки письменного ответа — ${m.answerTime.meanDays ?? '—'} дн., ` +
              `в срок дано ${m.answerTime.inTimeShare} % ответов.`,
          ),
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
  await writeFile(path, await Packer.toBuffer(doc));
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
