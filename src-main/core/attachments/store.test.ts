import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import { ATTACHMENT_LIMITS } from '../../../src-shared/domain/attachments';

let core: ReturnType<typeof tempCore>;
let appealId: string;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF`).toString('base64');
const attach = (fileName: string, data: string) =>
  core.dispatch('attachments.add', { appealId, fileName, data });
const files = () => {
  const root = join(core.dir, 'attachments');
  return existsSync(root)
    ? readdirSync(root, { recursive: true }).filter((f) => String(f).length > 2)
    : [];
};

beforeEach(() => {
  core = tempCore();
  const officialId = officialOf(core);
  appealId = ok<{ id: string }>(
    core.dispatch('appeals.create', { data: appealInput(officialId) }),
  ).id;
});
afterEach(() => core.cleanup());

describe('attachments', () => {
  it('stores a scan under its hash, lists it and gives back the same bytes', () => {
    const a = ok<{ id: string; sha256: string; mime: string; size: number; uploadedAt: null }>(
      attach('заявление.pdf', pdf('скан')),
    );
    expect(a).toMatchObject({ mime: 'application/pdf', uploadedAt: null });
    const back = ok<{ data: string }>(core.dispatch('attachments.get', { id: a.id }));
    expect(back.data).toBe(pdf('скан'));
    expect(existsSync(join(core.dir, 'attachments', a.sha256.slice(0, 2), a.sha256))).toBe(true);
    expect(ok<unknown[]>(core.dispatch('attachments.list', { appealId }))).toHaveLength(1);
    // Registered in the card's audit trail.
    const trail = core.services.appeals.audit(appealId);
    expect(trail.at(-1)).toMatchObject({ field: 'attachments', newValue: 'заявление.pdf' });
  });

  it('keeps one file for the same bytes attached twice, and deletes it with the last one', () => {
    const one = ok<{ id: string }>(attach('a.pdf', pdf('x')));
    const two = ok<{ id: string }>(attach('b.pdf', pdf('x')));
    expect(files()).toHaveLength(1);
    ok(core.dispatch('attachments.remove', { id: one.id }));
    expect(files()).toHaveLength(1);
    ok(core.dispatch('attachments.remove', { id: two.id }));
    expect(files()).toHaveLength(0);
  });

  it('refuses what is not a scan, an empty or oversized file and too many files', () => {
    expect(attach('notes.txt', Buffer.from('просто текст').toString('base64'))).toMatchObject({
      error: { issues: [{ message: 'attachment_type' }] },
    });
    expect(attach('empty.pdf', '')).toMatchObject({
      error: { issues: [{ message: 'attachment_empty' }] },
    });
    const big = Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 0x20);
    big.write('%PDF');
    expect(attach('big.pdf', big.toString('base64'))).toMatchObject({
      error: { code: 'validation' },
    });
    for (let i = 0; i < ATTACHMENT_LIMITS.perCard; i++) ok(attach(`${i}.pdf`, pdf(String(i))));
    expect(attach('one-more.pdf', pdf('more'))).toMatchObject({
      error: { issues: [{ message: 'attachment_count' }] },
    });
    expect(files()).toHaveLength(ATTACHMENT_LIMITS.perCard);
  });

  it('a file already at the central server is not removed', () => {
    const a = ok<{ id: string }>(attach('a.pdf', pdf('x')));
    core.services.attachments.markUploaded(a.id);
    expect(core.dispatch('attachments.remove', { id: a.id })).toMatchObject({
      error: { issues: [{ message: 'attachment_uploaded' }] },
    });
  });
});
