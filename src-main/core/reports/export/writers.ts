import { ruDate } from '../../../../src-shared/domain/dates';
import ExcelJS from 'exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { AppealMetrics } from '../../../../src-shared/reports/appeal-metrics';
import type { Db } from '../../db/open';
import type { JobContext } from './jobs';
import { countRaw, RAW_COLUMNS, rawPages } from './raw-appeals';
import {
  appealTables,
  csvCell,
  rawLabel,
  surveyTable,
} from '../../../../src-shared/reports/report-tables';
import { noteDocx } from '../../../../src-shared/node/note-docx';
import type { SurveyResults } from '../../../../src-shared/reports/survey-results';
import { safeCell } from '../../../../src-shared/security/spreadsheet';

const periodTitle = (m: AppealMetrics) => `с ${ru(m.period.from)} по ${ru(m.period.to)}`;
const ru = ruDate;

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

/** DOCX: the information note for the minister — period, key figures, tables, conclusions. */
export async function writeDocx(
  path: string,
  m: AppealMetrics,
  surveys: readonly SurveyResults[],
  office: string,
) {
  await writeFile(path, await noteDocx(m, surveys, office));
}
