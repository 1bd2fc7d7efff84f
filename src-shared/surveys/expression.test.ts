import { describe, expect, it } from 'vitest';
import { ExpressionError, evaluate, parseExpression, variablesOf } from './expression';

const run = (source: string, answers: Record<string, unknown> = {}) =>
  evaluate(parseExpression(source), answers as never);

describe('skip-logic expressions', () => {
  it('compares answers with literals, loosely like SurveyJS', () => {
    expect(run("{a} = 'x'", { a: 'x' })).toBe(true);
    expect(run("{a} != 'x'", { a: 'y' })).toBe(true);
    expect(run("{a} <> 'x'", { a: 'x' })).toBe(false);
    expect(run('{score} = 5', { score: '5' })).toBe(true);
    expect(run('{score} >= 4', { score: 4 })).toBe(true);
    expect(run('{score} < 4', {})).toBe(false);
  });

  it('treats an unanswered question as not equal to any choice', () => {
    expect(run("{a} != 'x'", {})).toBe(true);
    expect(run("{a} = 'x'", {})).toBe(false);
  });

  it('supports empty, notempty, anyof, allof, contains, and, or, not, parentheses', () => {
    expect(run('{a} empty', {})).toBe(true);
    expect(run('{a} notempty', { a: [] })).toBe(false);
    expect(run("{a} anyof ['x', 'y']", { a: 'y' })).toBe(true);
    expect(run("{a} allof ['x', 'y']", { a: ['y', 'x', 'z'] })).toBe(true);
    expect(run("{a} contains 'z'", { a: ['y', 'x'] })).toBe(false);
    expect(run("{a} notcontains 'z'", { a: ['y'] })).toBe(true);
    expect(run('not ({a} = 1 or {b} = 2) and !({c} empty)', { a: 0, b: 0, c: 'x' })).toBe(true);
  });

  it('lists the questions an expression refers to', () => {
    expect(variablesOf(parseExpression("{q4} != 'a' and ({q7} anyof [{q1}, 2])"))).toEqual([
      'q4',
      'q7',
      'q1',
    ]);
  });

  it('reports syntax errors with their position', () => {
    for (const bad of [
      "{q4} = 'a",
      '{q4',
      '{q4} = ',
      "({q4} = 'a'",
      "{q4} = 'a' 'b'",
      '{} = 1',
      '{a} ~ 1',
    ]) {
      expect(() => parseExpression(bad), bad).toThrow(ExpressionError);
    }
    try {
      parseExpression("{q4} = 'a' )");
    } catch (e) {
      expect((e as ExpressionError).position).toBe(11);
    }
  });
});
