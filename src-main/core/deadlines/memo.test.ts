import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import { DEFAULT_MEMO_TEMPLATE } from '../../../src-shared/domain/memo';

let core: ReturnType<typeof tempCore>;
let officialId: string;
const clock = new Date('2026-03-10T09:00:00Z');

const card = (o: Record<string, unknown>) =>
  ok<{ id: string; regNumber: string }>(
    core.dispatch('appeals.create', { data: appealInput(officialId, o) }),
  );

beforeEach(() => {
  core = tempCore(() => clock);
  officialId = officialOf(core);
});
afterEach(() => core.cleanup());

describe('escalation memo', () => {
  it('lists the overdue cards with their days late, in the office’s wording', async () => {
    const late = card({ registeredAt: '2026-01-15T10:00', executor: 'Отдел ЖКХ' }); // due 14.02
    await core.call('deadlines.saveMemoTemplate', {
      ...DEFAULT_MEMO_TEMPLATE,
      addressee: 'Министру энергетики и ЖКХ',
      intro: 'На {{date}} просрочено обращений: {{count}}.',
    });
    const memo = await core.call('deadlines.memo', { appealIds: [late.id] });
    if (!memo.ok) throw new Error(JSON.stringify(memo.error));
    const { fileName, data } = memo.result as { fileName: string; data: string };
    expect(fileName).toBe('Служебная записка о нарушении сроков 10.03.2026.docx');
    const xml = strFromU8(unzipSync(Buffer.from(data, 'base64'))['word/document.xml']!);
    expect(xml).toContain('Министру энергетики и ЖКХ');
    expect(xml).toContain('На 10.03.2026 просрочено обращений: 1.');
    expect(xml).toContain(late.regNumber);
    expect(xml).toContain('Отдел ЖКХ');
    expect(xml).toContain('14.02.2026');
    expect(xml).toMatch(/>24</); // 14 February → 10 March
  });

  it('refuses a card that is not overdue, naming it', async () => {
    const fresh = card({ registeredAt: '2026-03-05T10:00' });
    expect(await core.call('deadlines.memo', { appealIds: [fresh.id] })).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'memo_not_overdue', params: { number: fresh.regNumber } }] },
    });
  });

  it('keeps the default wording until the administrator changes it', async () => {
    expect(await core.call('deadlines.memoTemplate', {})).toMatchObject({
      ok: true,
      result: DEFAULT_MEMO_TEMPLATE,
    });
    expect(
      await core.call('deadlines.saveMemoTemplate', { ...DEFAULT_MEMO_TEMPLATE, title: '' }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'title', message: 'required' }] } });
  });
});
