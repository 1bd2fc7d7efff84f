import type { Question, SurveyDefinition } from './definition';
import type { Answers } from './model';
import { questionsOf } from './model';
import { evaluate, parseExpression, truthy, type Expr, type Value } from './expression';

const cache = new Map<string, Expr>();
function compiled(source: string): Expr {
  let expr = cache.get(source);
  if (!expr) {
    expr = parseExpression(source);
    cache.set(source, expr);
  }
  return expr;
}

function visible(q: Question, answers: Answers): boolean {
  return (
    q.visibleIf === undefined ||
    truthy(evaluate(compiled(q.visibleIf), answers as Record<string, Value>))
  );
}

/**
 * Paper-style skip logic: a question is shown when its visibleIf holds for the answers given
 * so far. Answers to hidden questions are dropped, and again until nothing changes, because
 * hiding one question can hide those that depend on it: what is skipped is never saved.
 */
export function applySkipLogic(definition: SurveyDefinition, answers: Answers) {
  const questions = questionsOf(definition);
  let current: Answers = { ...answers };
  for (let round = 0; round <= questions.length; round++) {
    const hidden = questions.filter((q) => !visible(q, current)).map((q) => q.name);
    const next = Object.fromEntries(Object.entries(current).filter(([k]) => !hidden.includes(k)));
    if (Object.keys(next).length === Object.keys(current).length) {
      return {
        visible: questions.filter((q) => !hidden.includes(q.name)).map((q) => q.name),
        answers: next,
      };
    }
    current = next;
  }
  throw new Error('skip logic did not settle');
}

/**
 * Paper numbering: every question keeps its printed number, shown or not; a question marked
 * `hideNumber` (a printed line such as «Название услуги:») has none and is not counted.
 */
export function questionNumbers(definition: SurveyDefinition): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const q of questionsOf(definition)) if (!q.hideNumber) numbers.set(q.name, numbers.size + 1);
  return numbers;
}
