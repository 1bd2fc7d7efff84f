import { ruDate } from '../../src-shared/domain/dates';
import ExcelJS from 'exceljs';
import type { AppealMetrics } from '../../src-shared/reports/appeal-metrics';
import {
  appealTables,
  csvCell,
  surveyTable,
  type Cell,
  type ReportTable,
} from '../../src-shared/reports/report-tables';
import type { SurveyResults } from '../../src-shared/reports/survey-results';
import { safeCell } from '../../src-shared/security/spreadsheet';
import { noteDocx } from '../../src-shared/node/note-docx';
import type { RegionExportFormat } from '../../src-shared/console/api';

export interface RegionReport {
  /** The region's (or the chosen offices') figures. */
  region: AppealMetrics;
  offices: readonly { code: string; name: string; metrics: AppealMetrics }[];
  surveys: readonly SurveyResults[];
  /** «Свердловская область» or an office's name: the note's subtitle. */
  scope: string;
}

/** The offices table: office × metric, with the region's total as its last row. */
export function officesTable(r: RegionReport): ReportTable {
  const row = (code: string, name: string, m: AppealMetrics): Cell[] => [
    code,
    name,
    m.appeals,
    m.complaints,
    m.satisfiedShare,
    m.unsatisfiedShare,
    m.redirectedShare,
    m.answerTime.meanDays,
    m.answerTime.inTimeShare,
    m.answerTime.overdue,
  ];
  return {
    sheet: 'Органы',
    title: 'Показатели по органам',
    columns: [
      'Код',
      'Орган',
      'Обращений',
      'Жалоб',
      'Удовлетворено жалоб, %',
      'Не удовлетворено жалоб, %',
      'Перенаправлено, %',
      'Средний срок ответа, дн.',
      'Ответов в срок, %',
      'Просрочено (не закрыто)',
    ],
    rows: [...r.offices.map((o) => row(o.code, o.name, o.metrics)), row('', 'Итого', r.region)],
  };
}

const ru = ruDate;

/** A consolidated report as a file: XLSX (offices table, a sheet per metric, survey results),
 * the region's information note as DOCX, or the offices table as CSV (BOM, «;», decimal comma). */
export async function regionFile(
  r: RegionReport,
  format: RegionExportFormat,
): Promise<{ fileName: string; type: string; data: Buffer }> {
  const p = r.region.period;
  const stem = `otklik-region-${p.from}-${p.to}`;
  if (format === 'docx') {
    return {
      fileName: `${stem}.docx`,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: await noteDocx(
        r.region,
        r.surveys,
        r.scope,
        r.offices.map((o) => ({ name: o.name, metrics: o.metrics })),
      ),
    };
  }
  const table = officesTable(r);
  if (format === 'csv') {
    const lines = [table.columns, ...table.rows].map((row) =>
      row.map((v) => csvCell(v, ';')).join(';'),
    );
    return {
      fileName: `${stem}.csv`,
      type: 'text/csv; charset=utf-8',
      data: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Отклик';
  const tables = [
    table,
    ...appealTables(r.region),
    ...r.surveys.map((s, i) => surveyTable(s, `Анкеты ${i + 1}`)),
  ];
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow([`Период: с ${ru(p.from)} по ${ru(p.to)} (${r.scope})`]);
    ws.addRow([]);
    ws.addRow(t.columns).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map(safeCell));
    ws.columns.forEach((c, i) => (c.width = i === 1 || (t !== table && i === 0) ? 44 : 16));
  }
  return {
    fileName: `${stem}.xlsx`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
