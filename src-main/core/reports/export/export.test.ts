import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../../src-shared/contract/api';
import { quarterPeriod } from '../../../../src-shared/reports/period';
import { seedCards } from '../../../../bench/synthetic/cards';
import { appealInput } from '../../../../test/helpers/appeal-input';
import { tempCore } from '../../../../test/helpers/temp-core';

const core = tempCore(() => new Date('2026-04-20T09:00:00'));
const Q1 = quarterPeriod(2026, 1);

function call<T>(method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

async function exported(format: 'xlsx' | 'csv' | 'docx', separator?: ',' | ';') {
  const { jobId } = call<{ jobId: string }>('reports.export', { period: Q1, format, separator });
  for (;;) {
    const s = call<Output<'reports.exportStatus'>>('reports.exportStatus', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(() => {
  const o = call<{ id: string }>('officials.save', {
    fullName: 'Орлова Ольга Олеговна',
    position: 'Министр',
    active: true,
  }).id;
  const add = (overrides: object) =>
    call('appeals.create', { data: appealInput(o, overrides as never) });
  add({
    registeredAt: '2026-01-10T10:00',
    kind: 'complaint',
    status: 'answered_written',
    answerDate: '2026-01-20',
    result: 'supported',
  });
  add({ registeredAt: '2026-02-01T11:00', kind: 'complaint', channel: 'post', form: 'written' });
  add({ registeredAt: '2026-03-25T09:00', kind: 'statement', content: 'Текст; с "кавычками"' });
  const templateId = call<{ id: string; builtinKey: string | null }[]>(
    'surveys.templates',
    {},
  ).find((t) => t.builtinKey === 'service-recipient-000')!.id;
  const campaignId = call<{ id: string }>('surveys.saveCampaign', {
    templateId,
    title: 'Опрос',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    serviceIds: [],
    channels: ['paper'],
    active: true,
  }).id;
  // Six paper forms in Q1: five satisfied, one not — that one must not be visible as a count.
  for (const [i, q1] of [
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
    'not_satisfied',
  ].entries()) {
    call('surveys.submit', {
      campaignId,
      serviceId: null,
      channel: 'paper',
      date: `2026-02-0${i + 1}`,
      answers: { q1 },
    });
  }
});
afterAll(() => core.cleanup());

describe('report exports, read back', () => {
  it('XLSX: a sheet per metric and the raw rows, without personal data', async () => {
    const s = await exported('xlsx');
    expect(s).toMatchObject({ state: 'done', progress: 1 });
    expect(s.path!.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s.path!);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '1. Каналы',
      '2. Причины',
      '4. Срок ответа',
      '5-7. Жалобы',
      'Виды и формы',
      'Анкеты 1',
      'Обращения (данные)',
    ]);
    const survey = wb.getWorksheet('Анкеты 1')!.getSheetValues().filter(Boolean) as unknown[][];
    const q1 = survey.filter((r) => String(r[1]).startsWith('1. '));
    expect(q1.find((r) => r[2] === 'Скорее удовлетворен')?.slice(3)).toEqual([5, 83.3]);
    // One answer: shown as «<5» with no share, as on the screen.
    expect(q1.find((r) => r[2] === 'Скорее не удовлетворен')?.slice(3)).toEqual(['<5']);
    const channels = wb.getWorksheet('1. Каналы')!;
    const rows = channels.getSheetValues().filter(Boolean) as unknown[][];
    const reception = rows.find((r) => r[1] === 'Личный прием')!;
    // 2 of 3 appeals (66.7 %) and 1 of 2 complaints (50 %) came in person.
    expect(reception.slice(1)).toEqual(['Личный прием', 2, 66.7, 1, 50]);
    const raw = wb.getWorksheet('Обращения (данные)')!;
    expect(raw.rowCount).toBe(4); // header + 3
    expect(raw.getRow(2).getCell(4).value).toBe('Жалоба');
    const everything = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(everything).not.toMatch(/Иванова|anna@example|Ленина|343 000/);
  });

  it('CSV: UTF-8 with BOM, ";" and quoted where needed', async () => {
    const s = await exported('csv', ';');
    const text = readFileSync(s.path!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(';').slice(0, 4)).toEqual([
      'Рег. номер',
      'Рабочее место',
      'Дата регистрации',
      'Вид',
    ]);
    expect(lines[2]!).toContain(';Почта;');
    const comma = await exported('csv', ',');
    expect(readFileSync(comma.path!, 'utf8').split('\r\n')[0]).toContain(
      'Рег. номер,Рабочее место',
    );
  });

  it('DOCX: the information note with the period, key figures and tables', async () => {
    const s = await exported('docx');
    const xml = strFromU8(unzipSync(readFileSync(s.path!))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('ИНФОРМАЦИОННАЯ СПРАВКА');
    expect(text).toContain('с 01.01.2026 по 31.03.2026');
    expect(text).toContain('поступило 3 обращений, из них жалоб — 2');
    expect(text).toContain('Доля удовлетворенных жалоб — 50 % (1)');
    expect(text).toContain('Результаты анкетирования: АНКЕТА ПОЛУЧАТЕЛЯ');
    expect(text).toContain('Получено анкет: 6.');
    expect(text).toContain('Выводы');
  });

  it('a long export shows progress and can be cancelled, leaving no file', async () => {
    seedCards(core, 20_000, { seed: 3, today: '2026-03-31' });
    const { jobId } = call<{ jobId: string }>('reports.export', { period: Q1, format: 'xlsx' });
    let seen = 0;
    // Polled at every turn of the event loop: the job yields at each page it writes.
    for (let i = 0; i < 10_000 && seen === 0; i++) {
      await new Promise((r) => setImmediate(r));
      seen = call<Output<'reports.exportStatus'>>('reports.exportStatus', { jobId }).progress;
    }
    expect(seen).toBeGreaterThan(0);
    call('reports.exportCancel', { jobId });
    let state = 'running';
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      state = call<Output<'reports.exportStatus'>>('reports.exportStatus', { jobId }).state;
    }
    expect(state).toBe('cancelled');
    const files = readdirSync(join(core.dir, 'exports'));
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(
      existsSync(
        join(
          core.dir,
          'exports',
          `otklik-${core.services.settings.deskCode()}-2026-01-01-2026-03-31.xlsx`,
        ),
      ),
    ).toBe(true); // the earlier, finished one
  }, 60_000);
});
