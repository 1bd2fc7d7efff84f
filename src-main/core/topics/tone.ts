import { stemWord, words } from '../../../src-shared/text/stem';

/**
 * The tone of an appeal's text: negative when the visitor complains of harm, inaction, refusal
 * or rudeness, neutral otherwise. A short lexicon of Russian stems and phrases, offline; the
 * officer sees it as a hint, never as a field the app fills by itself.
 */
const NEGATIVE_WORDS = [
  'жалоба',
  'жалуется',
  'нарушение',
  'безобразие',
  'возмущен',
  'возмущение',
  'бездействие',
  'грубость',
  'грубят',
  'хамство',
  'отказали',
  'отказ',
  'невозможно',
  'опасно',
  'требует',
  'игнорируют',
  'волокита',
  'незаконный',
  'коррупция',
  'угрожают',
  'издевательство',
  'ужасное',
  'сломаны',
  'разрушается',
  'обрушились',
  'задерживают',
  'недоделанным',
  'страдают',
];
const NEGATIVE_PHRASES = [
  'до сих пор',
  'так и не',
  'никто не',
  'ничего не',
  'не реагирует',
  'не отвечает',
  'не работает',
  'не работают',
  'не вывозят',
  'не убирают',
  'не дают',
  'не выдают',
];

const STEMS = new Set(NEGATIVE_WORDS.map(stemWord));

export type Tone = 'neutral' | 'negative';

export function toneOf(text: string): Tone {
  const lower = text.toLowerCase().replaceAll('ё', 'е');
  if (NEGATIVE_PHRASES.some((p) => lower.includes(p))) return 'negative';
  return words(text).some((w) => STEMS.has(stemWord(w))) ? 'negative' : 'neutral';
}
