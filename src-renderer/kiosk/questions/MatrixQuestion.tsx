import type { Question } from '../../../src-shared/surveys/definition';
import type { QuestionProps } from './types';

/** Rows each rated on the printed scale, as the paper grid; one answer per row. */
export function MatrixQuestion({
  question,
  value,
  onChange,
}: QuestionProps<Extract<Question, { type: 'matrix' }>>) {
  const current = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const set = (row: string, col: number) => {
    const next = { ...current };
    if (next[row] === col) delete next[row];
    else next[row] = col;
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <table className="kiosk-matrix">
      <thead>
        <tr>
          <th />
          {question.columns.map((c) => (
            <th key={c.value} scope="col">
              {c.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {question.rows.map((row) => (
          <tr key={row.value} role="radiogroup" aria-label={row.text}>
            <th scope="row">{row.text}</th>
            {question.columns.map((c) => (
              <td key={c.value}>
                <button
                  type="button"
                  role="radio"
                  aria-checked={current[row.value] === c.value}
                  aria-label={`${row.text}: ${c.text}`}
                  className="kiosk-cell"
                  onClick={() => set(row.value, c.value)}
                >
                  {c.text}
                </button>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
