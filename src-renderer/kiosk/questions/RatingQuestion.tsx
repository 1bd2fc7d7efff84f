import type { Question } from '../../../src-shared/surveys/definition';
import type { QuestionProps } from './types';

/** A 5-point scale printed as on paper: «5 баллов» … «1 балл», in the printed order. */
export function RatingQuestion({
  question,
  value,
  onChange,
}: QuestionProps<Extract<Question, { type: 'rating' }>>) {
  return (
    <div className="kiosk-options row" role="radiogroup" aria-label={question.title}>
      {question.rateValues.map((r) => (
        <button
          key={r.value}
          type="button"
          role="radio"
          aria-checked={value === r.value}
          className="kiosk-option"
          onClick={() => onChange(value === r.value ? undefined : r.value)}
        >
          <span className="mark" aria-hidden>
            {value === r.value ? '✓' : ''}
          </span>
          <span>{r.text}</span>
        </button>
      ))}
    </div>
  );
}
