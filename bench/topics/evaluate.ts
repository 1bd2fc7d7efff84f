import type { Core } from '../../src-main/core/index';
import { appealInputSchema } from '../../src-shared/domain/appeal';
import { appealInput } from '../../test/helpers/appeal-input';
import { CODED_APPEALS } from './coded-appeals';

const OPENINGS = ['Заявитель', 'Гражданка', 'Гражданин', 'Посетитель сообщил:', 'Обратилась:'];
const TAILS = [
  '',
  'Ранее обращался, ответа не получил.',
  'Просит дать ответ письменно.',
  'Проблема сохраняется более месяца.',
  'Прилагает фотографии.',
];

/** The held-out texts (sentences 5 and 6 of each question) with the code each should get. */
export function heldOut(): { text: string; code: string }[] {
  return Object.entries(CODED_APPEALS).flatMap(([code, texts]) =>
    texts.slice(4).map((text) => ({ text, code })),
  );
}

/**
 * The office's coded history: sentences 1–4 of each question, each registered `copies` times
 * with another opening and tail, as officers write the same thing down differently.
 */
export function registerHistory(core: Core, officialId: string, copies: number): number {
  let n = 0;
  for (const [code, texts] of Object.entries(CODED_APPEALS)) {
    texts.slice(0, 4).forEach((text, i) => {
      for (let c = 0; c < copies; c++) {
        const content = `${OPENINGS[(i + c) % OPENINGS.length]} ${text} ${TAILS[c % TAILS.length]}`;
        core.services.appeals.createUnread(
          appealInputSchema.parse(
            appealInput(officialId, {
              registeredAt: `2026-0${1 + (c % 9)}-1${i}T10:00`,
              content,
              topicCodes: [code],
            }),
          ),
        );
        n++;
      }
    });
  }
  return n;
}

/** Top-1 and top-3 accuracy of the suggestions on the held-out texts. */
export function accuracy(core: Core): { top1: number; top3: number; n: number } {
  core.services.topics.reset();
  const cases = heldOut();
  let top1 = 0;
  let top3 = 0;
  for (const { text, code } of cases) {
    const codes = core.services.topics.suggest(text, 3).topics.map((t) => t.code);
    if (codes[0] === code) top1++;
    if (codes.includes(code)) top3++;
  }
  return { top1: top1 / cases.length, top3: top3 / cases.length, n: cases.length };
}
