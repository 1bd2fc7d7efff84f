import { Button, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Question, SurveyDefinition } from '../../src-shared/surveys/definition';
import { questionsOf, type Answer, type Answers } from '../../src-shared/surveys/model';
import { applySkipLogic, questionNumbers } from '../../src-shared/surveys/logic';
import { ChoiceQuestion } from './questions/ChoiceQuestion';
import { CommentQuestion } from './questions/CommentQuestion';
import { MatrixQuestion } from './questions/MatrixQuestion';
import { RatingQuestion } from './questions/RatingQuestion';
import { k } from './strings';
import './survey-form.css';

interface Props {
  definition: SurveyDefinition;
  services: { id: string; title: string }[];
  answers: Answers;
  onAnswers(answers: Answers): void;
  onePerScreen: boolean;
  onSubmit(): void;
  submitting: boolean;
  missing: string[];
  /** The kiosk's on-screen keyboard under open answers; true by default. */
  onScreenKeyboard?: boolean;
}

function QuestionBody(props: {
  question: Question;
  value: Answer | undefined;
  onChange(v: Answer | undefined): void;
  services: Props['services'];
  onScreenKeyboard: boolean;
}) {
  const { question } = props;
  switch (question.type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
      return <ChoiceQuestion {...props} question={question} />;
    case 'rating':
      return <RatingQuestion {...props} question={question} />;
    case 'matrix':
      return <MatrixQuestion {...props} question={question} />;
    case 'comment':
      return <CommentQuestion {...props} question={question} />;
  }
}

/**
 * The questionnaire as the paper prints it: numbered questions, skipped ones hidden (their
 * answers dropped as soon as they are hidden). All on one page, or one question per screen.
 */
export function SurveyForm(props: Props) {
  const { definition, answers, onAnswers, onePerScreen, missing } = props;
  const numbers = useMemo(() => questionNumbers(definition), [definition]);
  const { visible } = applySkipLogic(definition, answers);
  const shown = questionsOf(definition).filter((q) => visible.includes(q.name));
  const [index, setIndex] = useState(0);
  const at = Math.min(index, shown.length - 1);

  const set = (name: string, value: Answer | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onAnswers(applySkipLogic(definition, next).answers);
  };

  const render = (q: Question) => (
    <section
      key={q.name}
      className={`kiosk-question${missing.includes(q.name) ? ' kiosk-missing' : ''}`}
      data-question={q.name}
      aria-labelledby={`q-${q.name}`}
    >
      <h2 id={`q-${q.name}`}>
        {numbers.has(q.name) ? `${numbers.get(q.name)}. ` : ''}
        {q.title}
        {q.isRequired ? ' *' : ''}
      </h2>
      {q.description && <p className="kiosk-desc">{q.description}</p>}
      <QuestionBody
        question={q}
        value={answers[q.name]}
        onChange={(v) => set(q.name, v)}
        services={props.services}
        onScreenKeyboard={props.onScreenKeyboard ?? true}
      />
      {missing.includes(q.name) && (
        <Text c="red" mt={6}>
          {k('answerRequired')}
        </Text>
      )}
    </section>
  );

  const last = !onePerScreen || at === shown.length - 1;
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <h1 style={{ fontSize: '1.3em', lineHeight: 1.3 }}>{definition.title}</h1>
      {definition.description && <p className="kiosk-desc">{definition.description}</p>}
      {onePerScreen ? render(shown[at]!) : shown.map(render)}
      <div className="kiosk-bar">
        <Group>
          {onePerScreen && (
            <Button
              size="xl"
              variant="default"
              className="kiosk-big-button"
              disabled={at === 0}
              onClick={() => setIndex(at - 1)}
            >
              {k('back')}
            </Button>
          )}
          {onePerScreen && <Text>{k('questionOf', { n: at + 1, total: shown.length })}</Text>}
        </Group>
        {last ? (
          <Button
            size="xl"
            className="kiosk-big-button"
            loading={props.submitting}
            onClick={props.onSubmit}
          >
            {k('send')}
          </Button>
        ) : (
          <Button size="xl" className="kiosk-big-button" onClick={() => setIndex(at + 1)}>
            {k('next')}
          </Button>
        )}
      </div>
    </form>
  );
}
