import { z } from 'zod';

/**
 * The escalation memo (seed 004, 11.5.1): when an instruction's term is broken, the responsible
 * specialist drafts a memo to the Minister, signed by the head of the department, on measures
 * against late answers. The wording is the office's own: a template with {{date}} (today, as
 * ДД.ММ.ГГГГ) and {{count}} (how many appeals) in its texts.
 */
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

export const memoTemplateSchema = z.object({
  addressee: text(500),
  title: text(200),
  subject: text(500),
  intro: text(3000),
  closing: text(3000),
  signatory: text(500),
});
export type MemoTemplate = z.output<typeof memoTemplateSchema>;

export const DEFAULT_MEMO_TEMPLATE: MemoTemplate = {
  addressee: 'Министру',
  title: 'СЛУЖЕБНАЯ ЗАПИСКА',
  subject: 'О нарушении сроков рассмотрения обращений граждан',
  intro:
    'Сообщаю, что по состоянию на {{date}} нарушены сроки исполнения поручений по рассмотрению обращений граждан ({{count}}), установленные Федеральным законом от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»:',
  closing:
    'Прошу принять меры, направленные на недопущение нарушения сроков рассмотрения обращений граждан.',
  signatory: 'Начальник отдела государственной службы, кадров, правовой и организационной работы',
};

export function fillMemo(text: string, values: { date: string; count: number }): string {
  return text.replaceAll('{{date}}', values.date).replaceAll('{{count}}', String(values.count));
}
