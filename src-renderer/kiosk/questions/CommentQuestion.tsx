import { Textarea } from '@mantine/core';
import type { Question } from '../../../src-shared/surveys/definition';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import type { QuestionProps } from './types';

/** An open answer, typed on the on-screen Russian keyboard (kiosks have no keyboard). */
export function CommentQuestion({
  question,
  value,
  onChange,
  onScreenKeyboard = true,
}: QuestionProps<Extract<Question, { type: 'comment' }>>) {
  const text = typeof value === 'string' ? value : '';
  const max = question.maxLength ?? 2000;
  const set = (next: string) => onChange(next.length > 0 ? next.slice(0, max) : undefined);
  return (
    <div>
      <Textarea
        aria-label={question.title}
        value={text}
        onChange={(e) => set(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={8}
        styles={{ input: { fontSize: 'var(--kiosk-font)' } }}
      />
      {onScreenKeyboard && (
        <OnScreenKeyboard onKey={(k) => set(k === 'backspace' ? text.slice(0, -1) : text + k)} />
      )}
    </div>
  );
}
