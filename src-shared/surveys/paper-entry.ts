import type { SurveyDefinition } from './definition';
import { questionsOf, type Answer, type Answers } from './model';
import { applySkipLogic } from './logic';
import { optionsOf, type ServiceChoice } from './options';

/**
 * Keyboard-fast entry of returned paper forms. The operator reads the form and types:
 * - a digit chooses the option with that printed number (1…9); with ten options or more the
 *   digits gather into a number that Enter confirms (e.g. «1», «2», Enter → option 12);
 * - on a scale, the digit is the score itself («5» → «5 баллов»), as printed on the form;
 * - in a matrix, the digit scores the current row and moves to the next row;
 * - in multiple choice, a digit ticks or unticks that option;
 * - Enter moves to the next question (Shift+Enter or ↑ back, ↓ forward);
 * - 0, Backspace or Delete clears the current answer (in a matrix: the current row).
 * Open answers are typed into their text field; Enter there also moves on.
 * Skip logic applies as the answers are typed: jumped-over questions are skipped by the cursor.
 */
export interface Cursor {
  /** Index among the questions visible now. */
  q: number;
  /** Row of a matrix question. */
  row: number;
  /** Digits typed for a question with ten options or more, waiting for Enter. */
  buffer: string;
}

export interface EntryState {
  answers: Answers;
  cursor: Cursor;
  /** The cursor went past the last question: the form is ready to be saved. */
  atEnd: boolean;
}

export const START: EntryState = {
  answers: {},
  cursor: { q: 0, row: 0, buffer: '' },
  atEnd: false,
};

export function visibleQuestions(definition: SurveyDefinition, answers: Answers) {
  const { visible } = applySkipLogic(definition, answers);
  return questionsOf(definition).filter((q) => visible.includes(q.name));
}

function setAnswer(
  definition: SurveyDefinition,
  answers: Answers,
  name: string,
  value: Answer | undefined,
): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return applySkipLogic(definition, next).answers;
}

function move(
  definition: SurveyDefinition,
  state: EntryState,
  step: 1 | -1,
  byRow: boolean,
): EntryState {
  const shown = visibleQuestions(definition, state.answers);
  const { q, row } = state.cursor;
  const current = shown[q];
  if (byRow && current?.type === 'matrix') {
    const nextRow = row + step;
    if (nextRow >= 0 && nextRow < current.rows.length) {
      return { ...state, cursor: { q, row: nextRow, buffer: '' }, atEnd: false };
    }
  }
  const nextQ = q + step;
  if (nextQ >= shown.length) return { ...state, cursor: { q, row, buffer: '' }, atEnd: true };
  if (nextQ < 0) return { ...state, cursor: { q: 0, row: 0, buffer: '' }, atEnd: false };
  const target = shown[nextQ]!;
  const lastRow = target.type === 'matrix' && step < 0 ? target.rows.length - 1 : 0;
  return { ...state, cursor: { q: nextQ, row: lastRow, buffer: '' }, atEnd: false };
}

/** Chooses (or, in multiple choice, toggles) the option with printed number n. */
export function choose(
  definition: SurveyDefinition,
  services: readonly ServiceChoice[],
  state: EntryState,
  n: number,
): EntryState {
  const q = visibleQuestions(definition, state.answers)[state.cursor.q];
  if (!q) return state;
  const cursor = { ...state.cursor, buffer: '' };
  const put = (value: Answer | undefined) => ({
    ...state,
    answers: setAnswer(definition, state.answers, q.name, value),
    cursor,
  });
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown': {
      const option = optionsOf(q, services)[n - 1];
      return option ? put(option.value) : { ...state, cursor };
    }
    case 'checkbox': {
      const option = optionsOf(q, services)[n - 1];
      if (!option) return { ...state, cursor };
      const current = Array.isArray(state.answers[q.name])
        ? (state.answers[q.name] as string[])
        : [];
      const next = current.includes(option.value)
        ? current.filter((v) => v !== option.value)
        : [...current, option.value];
      return put(next.length > 0 ? next : undefined);
    }
    case 'rating':
      return q.rateValues.some((r) => r.value === n) ? put(n) : { ...state, cursor };
    case 'matrix': {
      const row = q.rows[state.cursor.row];
      if (!row || !q.columns.some((c) => c.value === n)) return { ...state, cursor };
      const current = state.answers[q.name];
      const scores =
        current && typeof current === 'object' && !Array.isArray(current) ? current : {};
      const next = put({ ...scores, [row.value]: n });
      // The next row, if any; after the last row Enter moves on, as everywhere else.
      const lastRow = state.cursor.row === q.rows.length - 1;
      return lastRow ? next : { ...next, cursor: { ...cursor, row: state.cursor.row + 1 } };
    }
    case 'comment':
      return state;
  }
}

function clear(definition: SurveyDefinition, state: EntryState): EntryState {
  const q = visibleQuestions(definition, state.answers)[state.cursor.q];
  if (!q) return state;
  const cursor = { ...state.cursor, buffer: '' };
  let value: Answer | undefined;
  if (q.type === 'matrix') {
    const current = state.answers[q.name];
    const scores = {
      ...(current && typeof current === 'object' && !Array.isArray(current) ? current : {}),
    };
    delete scores[q.rows[state.cursor.row]?.value ?? ''];
    value = Object.keys(scores).length > 0 ? scores : undefined;
  }
  return { ...state, answers: setAnswer(definition, state.answers, q.name, value), cursor };
}

/** How many options the current question numbers (0 for scales, matrices and open answers). */
function optionCount(
  definition: SurveyDefinition,
  services: readonly ServiceChoice[],
  state: EntryState,
): number {
  const q = visibleQuestions(definition, state.answers)[state.cursor.q];
  return q ? optionsOf(q, services).length : 0;
}

export interface EntryKey {
  key: string;
  shift?: boolean;
}

/** The next state after a key, or null when the key is not the entry's (let it through). */
export function entryKey(
  definition: SurveyDefinition,
  services: readonly ServiceChoice[],
  state: EntryState,
  { key, shift = false }: EntryKey,
): EntryState | null {
  if (/^[0-9]$/.test(key)) {
    const digit = Number(key);
    const many = optionCount(definition, services, state) >= 10;
    if (many) {
      const buffer = state.cursor.buffer + key;
      if (buffer === '0') return clear(definition, state);
      return { ...state, cursor: { ...state.cursor, buffer }, atEnd: false };
    }
    return digit === 0 ? clear(definition, state) : choose(definition, services, state, digit);
  }
  switch (key) {
    case 'Enter': {
      if (shift) return move(definition, state, -1, false);
      const chosen = state.cursor.buffer
        ? choose(definition, services, state, Number(state.cursor.buffer))
        : state;
      return move(definition, chosen, 1, false);
    }
    case 'ArrowDown':
      return move(definition, state, 1, true);
    case 'ArrowUp':
      return move(definition, state, -1, true);
    case 'Backspace':
    case 'Delete':
      if (state.cursor.buffer) {
        return { ...state, cursor: { ...state.cursor, buffer: state.cursor.buffer.slice(0, -1) } };
      }
      return clear(definition, state);
    default:
      return null;
  }
}
