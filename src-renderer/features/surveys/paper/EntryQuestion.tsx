import { Textarea } from '@mantine/core';
import type { Ref } from 'react';
import type { Answer, Question } from '../../../../src-shared/surveys/definition';
import { optionsOf, type ServiceChoice } from '../../../../src-shared/surveys/options';

interface Props {
  number: number | undefined;
  question: Question;
  value: Answer | undefined;
  active: boolean;
  /** Current matrix row, when this question is current. */
  row: number;
  buffer: string;
  services: readonly ServiceChoice[];
  /** Chooses printed option n (a scale's score, a matrix column) of row r. */
  onChoose(n: number, row: number): void;
  onText(text: string): void;
  onTextKey(e: React.KeyboardEvent<HTMLTextAreaElement>): void;
  textRef: Ref<HTMLTextAreaElement> | undefined;
}

const isChosen = (value: Answer | undefined, v: string | number) =>
  Array.isArray(value) ? value.includes(String(v)) : value === v;

/** One question of the paper-entry screen: compact, each option with the key that picks it. */
export function EntryQuestion({ textRef, ...p }: Props) {
  const { question: q, value } = p;
  const scores = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  let body: React.ReactNode;
  switch (q.type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
      body = (
        <ol className="entry-options">
          {optionsOf(q, p.services).map((o, i) => (
            <li key={o.value}>
              <button
                type="button"
                tabIndex={-1}
                aria-pressed={isChosen(value, o.value)}
                onClick={() => p.onChoose(i + 1, 0)}
              >
                <kbd>{i + 1}</kbd> {o.text}
              </button>
            </li>
          ))}
        </ol>
      );
      break;
    case 'rating':
      body = (
        <ol className="entry-options inline">
          {q.rateValues.map((r) => (
            <li key={r.value}>
              <button
                type="button"
                tabIndex={-1}
                aria-pressed={value === r.value}
                onClick={() => p.onChoose(r.value, 0)}
              >
                <kbd>{r.value}</kbd> {r.text}
              </button>
            </li>
          ))}
        </ol>
      );
      break;
    case 'matrix':
      body = (
        <table className="entry-matrix">
          <tbody>
            {q.rows.map((r, ri) => (
              <tr key={r.value} aria-current={p.active && ri === p.row ? 'true' : undefined}>
                <th scope="row">{r.text}</th>
                {q.columns.map((c) => (
                  <td key={c.value}>
                    <button
                      type="button"
                      tabIndex={-1}
                      aria-label={`${r.text}: ${c.text}`}
                      aria-pressed={scores[r.value] === c.value}
                      onClick={() => p.onChoose(c.value, ri)}
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
      break;
    case 'comment':
      body = (
        <Textarea
          ref={textRef}
          aria-label={q.title}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => p.onText(e.currentTarget.value)}
          onKeyDown={p.onTextKey}
          autosize
          minRows={2}
          maxLength={q.maxLength ?? 2000}
        />
      );
      break;
  }
  return (
    <section
      className="entry-question"
      data-question={q.name}
      aria-current={p.active ? 'step' : undefined}
      aria-label={`${p.number ?? ''} ${q.title}`.trim()}
    >
      <h3>
        {p.number !== undefined ? `${p.number}. ` : ''}
        {q.title}
        {p.active && p.buffer && <kbd className="entry-buffer">{p.buffer}</kbd>}
      </h3>
      {body}
    </section>
  );
}
