import ExcelJS from 'exceljs';
import { safeCell } from '../security/spreadsheet';
import {
  sstuRequest,
  sstuSheetRows,
  sstuStatusTable,
  type SstuAttachmentInfo,
  type SstuCard,
  type SstuRequest,
} from '../reports/sstu';

/*
 * Node only (src-shared/node is outside the renderer's build). The files of the monthly report, written the same way by the desk and the central server
 * (Node only: the renderer never imports this). JSON: one record per appeal, in the structure
 * of src-shared/reports/sstu.ts. XLSX: the same for people — a sheet of questions by status and
 * a sheet with a row per question; every text cell is neutralised against formula injection.
 */

export interface SstuFileInput {
  month: string;
  departmentId: string;
  cards: readonly SstuCard[];
  attachments: ReadonlyMap<string, SstuAttachmentInfo>;
  /** The answer document's bytes by attachment id (null where this side does not hold it). */
  bytes: (id: string) => Buffer | null;
}

/** The records of the file, one per appeal. */
export function sstuRecords(input: SstuFileInput): SstuRequest[] {
  return input.cards.map((card) =>
    sstuRequest(card, input.departmentId, input.month, (id) => {
      const info = input.attachments.get(id);
      const bytes = info ? input.bytes(id) : null;
      return info && bytes ? { name: info.fileName, content: bytes.toString('base64') } : null;
    }),
  );
}

export function sstuJson(records: readonly SstuRequest[]): Buffer {
  return Buffer.from(JSON.stringify(records, null, 2), 'utf8');
}

export async function sstuXlsx(input: SstuFileInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Вопросы по статусам');
  summary.addRow([`Результаты рассмотрения за ${input.month}`]);
  summary.addRow([`Идентификатор органа в ССТУ.РФ: ${input.departmentId}`]);
  summary.addRow([]);
  summary.addRow(['Статус', 'Статус ССТУ', 'Вопросов', 'в т.ч. меры приняты']);
  for (const r of sstuStatusTable(input.cards, input.month)) {
    summary.addRow([r.label, r.sstu, r.count, r.status === 'supported' ? r.measures : '']);
  }
  summary.getColumn(1).width = 40;
  const sheet = wb.addWorksheet('Вопросы');
  for (const row of sstuSheetRows(input.cards, input.month, input.attachments)) {
    sheet.addRow(row.map(safeCell));
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
