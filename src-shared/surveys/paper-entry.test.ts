import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalizeAnswers } from './answers';
import type { SurveyDefinition } from './definition';
import { entryKey, START, visibleQuestions, type EntryState } from './paper-entry';
import { parseSurveyDefinition } from './validate';

const ROOT = join(import.meta.dirname, '../..');
const load = (file: string): SurveyDefinition => {
  const parsed = parseSurveyDefinition(readFileSync(join(ROOT, 'resources/surveys', file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  return parsed.definition;
};
const form003 = load('service-satisfaction-003.json');
const SERVICES = Array.from({ length: 12 }, (_, i) => ({
  id: `s${i + 1}`,
  title: `Услуга ${i + 1}`,
}));

/** Types a string of keys: characters, or {Enter}, {Shift+Enter}, {Up}, {Down}, {Backspace}. */
function type(form: SurveyDefinition, keys: string, from: EntryState = START): EntryState {
  let state = from;
  for (const token of keys.match(/\{[^}]+\}|./g) ?? []) {
    const key =
      token === '{Shift+Enter}'
        ? { key: 'Enter', shift: true }
        : {
            key:
              {
                '{Enter}': 'Enter',
                '{Up}': 'ArrowUp',
                '{Down}': 'ArrowDown',
                '{Backspace}': 'Backspace',
              }[token] ?? token,
          };
    const next = entryKey(form, SERVICES, state, key);
    if (next === null) throw new Error(`key ${token} not handled`);
    state = next;
  }
  return state;
}
const currentName = (form: SurveyDefinition, s: EntryState) =>
  visibleQuestions(form, s.answers)[s.cursor.q]?.name;

describe('paper entry by keyboard', () => {
  it('enters a whole seed-003 form: digits choose, Enter moves, the jump skips question 5', () => {
    const s = type(
      form003,
      [
        '12{Enter}', // q1: the 12th service (two digits, Enter confirms and moves on)
        '13{Enter}', // q2: options 1 and 3 ticked
        '4{Enter}', // q3: «4 балла»
        '2{Enter}', // q4: «В учреждении…» → ПЕРЕХОД К 6 ВОПРОСУ
        '2{Enter}', // q6 (q5 skipped)
        '1{Enter}', // q7: provided → q8 skipped
        '54321{Enter}', // q9: one score per row, rows advance by themselves
        '1{Enter}2{Enter}3{Enter}2{Enter}4{Enter}3{Enter}', // q10…q15
      ].join(''),
    );
    expect(s.atEnd).toBe(true);
    expect(s.answers).toEqual({
      q1: 's12',
      q2: ['gosuslugi', 'in_person'],
      q3: 4,
      q4: 'institution',
      q6: 'applied',
      q7: 'provided',
      q9: { application: 5, status_info: 4, documents: 3, speed: 2, electronic: 1 },
      q10: 'satisfied',
      q11: 'not_satisfied',
      q12: 'difficult',
      q13: 'female',
      q14: '61_plus',
      q15: 'vocational',
    });
    const checked = finalizeAnswers(
      form003,
      s.answers,
      SERVICES.map((x) => x.id),
    );
    expect(checked.ok).toBe(true);
  });

  it('changing an earlier answer that hides a question drops what was typed there', () => {
    let s = type(form003, '{Enter}{Enter}{Enter}1{Enter}5{Enter}');
    expect(s.answers).toEqual({ q4: 'portal', q5: 5 });
    s = type(form003, '{Shift+Enter}{Shift+Enter}3', s);
    expect(currentName(form003, s)).toBe('q4');
    expect(s.answers).toEqual({ q4: 'mfc' });
    s = type(form003, '{Enter}', s);
    expect(currentName(form003, s)).toBe('q6');
  });

  it('a digit with no such option, or a score off the scale, changes nothing', () => {
    const s = type(form003, '{Enter}{Enter}{Enter}7');
    expect(currentName(form003, s)).toBe('q4');
    expect(s.answers).toEqual({});
    expect(type(form003, '{Enter}{Enter}9').answers).toEqual({});
  });

  it('0 and Backspace clear; a ticked option ticks off; a matrix row is cleared alone', () => {
    let s = type(form003, '{Enter}1212');
    expect(s.answers).toEqual({});
    s = type(form003, '13', s);
    expect(s.answers.q2).toEqual(['gosuslugi', 'in_person']);
    s = type(form003, '{Enter}5{Backspace}', s);
    expect(s.answers.q3).toBeUndefined();
    s = type(form003, '4{Enter}1{Enter}{Enter}{Enter}{Enter}{Enter}55{Up}0', s);
    expect(currentName(form003, s)).toBe('q9');
    expect(s.answers.q9).toEqual({ application: 5 });
  });

  it('with ten options or more, digits wait for Enter and Backspace takes one back', () => {
    let s = type(form003, '1');
    expect(s.cursor.buffer).toBe('1');
    expect(s.answers).toEqual({});
    s = type(form003, '3{Backspace}1{Enter}', s);
    expect(s.answers.q1).toBe('s11');
    expect(currentName(form003, s)).toBe('q2');
  });

  it('keys that are not the entry’s are let through (null), e.g. letters for an open answer', () => {
    expect(entryKey(form003, SERVICES, START, { key: 'a' })).toBeNull();
    expect(entryKey(form003, SERVICES, START, { key: 'Tab' })).toBeNull();
  });
});
