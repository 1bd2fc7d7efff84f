import { describe, expect, it } from 'vitest';
import { personKey, repeatWindowStart, samePerson } from './repeat';

const person = (name: string, phone: string | null = null, email: string | null = null) => ({
  visitorName: name,
  visitorPhone: phone,
  visitorEmail: email,
});

describe('repeat detection: same person', () => {
  it('sets case, «ё», punctuation and spacing aside', () => {
    expect(personKey('  Семёнова   Анна-Мария  Петровна. ')).toBe('семенова анна-мария петровна');
    expect(samePerson(person('СЕМЁНОВА А.П.'), person('семенова а п'))).toBe(true);
  });

  it('a different name is another person, whatever the contacts', () => {
    expect(samePerson(person('Иванов И.', '+7 900 1'), person('Иванова И.', '+7 900 1'))).toBe(
      false,
    );
    expect(samePerson(person(''), person(''))).toBe(false);
  });

  it('where both give a phone or e-mail, one of them must agree', () => {
    const a = person('Петров Петр', '+7 (343) 123-45-67', 'p@example.ru');
    expect(samePerson(a, person('Петров Петр', '8 343 123 45 67'))).toBe(true);
    expect(samePerson(a, person('Петров Петр', '+7 343 765-43-21'))).toBe(false);
    expect(samePerson(a, person('Петров Петр', '+7 343 765-43-21', 'P@Example.ru'))).toBe(true);
    // No contact on one side: the name decides, the officer confirms.
    expect(samePerson(a, person('Петров Петр'))).toBe(true);
  });
});

describe('repeat detection: period', () => {
  it('looks back one year from the registration day', () => {
    expect(repeatWindowStart('2026-03-01T10:00')).toBe('2025-03-01');
    expect(repeatWindowStart('2024-12-31T09:00')).toBe('2024-01-01');
  });
});
