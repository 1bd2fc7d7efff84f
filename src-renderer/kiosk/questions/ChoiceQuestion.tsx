import type { Question } from '../../../src-shared/surveys/definition';
import { optionsOf } from '../../../src-shared/surveys/options';
import type { QuestionProps } from './types';

type ChoiceQ = Extract<Question, { type: 'radiogroup' | 'checkbox' | 'dropdown' }>;

/**
 * Single and multiple choice as large touch targets. A dropdown of the paper ("choose from the
 * list") is shown as the same list: a visitor at a touchscreen should not have to open menus.
 */
export function ChoiceQuestion({ question, value, onChange, services }: QuestionProps<ChoiceQ>) {
  const multi = question.type === 'checkbox';
  const options = optionsOf(question, services);
  const chosen = (v: string) =>
    multi ? Array.isArray(value) && value.includes(v) : String(value ?? '') === v;
  const toggle = (v: string) => {
    if (!multi) return onChange(chosen(v) ? undefined : v);
    const current = Array.isArray(value) ? value : [];
    const next = current.includes(v) ? current.filter((x) => x !== v) : [...current, v];
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <div
      className="kiosk-options"
      role={multi ? 'group' : 'radiogroup'}
      aria-label={question.title}
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role={multi ? 'checkbox' : 'radio'}
          aria-checked={chosen(o.value)}
          className={`kiosk-option${multi ? ' multi' : ''}`}
          onClick={() => toggle(o.value)}
        >
          <span className="mark" aria-hidden>
            {chosen(o.value) ? '✓' : ''}
          </span>
          <span>{o.text}</span>
        </button>
      ))}
    </div>
  );
}
