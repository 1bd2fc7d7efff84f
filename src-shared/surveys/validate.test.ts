import { describe, expect, it } from 'vitest';
import { SURVEY_FORMAT } from './definition';
import { parseSurveyDefinition } from './validate';

const survey = (elements: unknown[]) => ({
  format: SURVEY_FORMAT,
  title: 'Анкета',
  pages: [{ name: 'p1', elements }],
});
const radio = (name: string, extra: object = {}) => ({
  type: 'radiogroup',
  name,
  title: `Вопрос ${name}`,
  choices: ['Да', 'Нет'],
  ...extra,
});
const messages = (input: unknown) => {
  const r = parseSurveyDefinition(input);
  return r.ok ? [] : r.issues.map((i) => [i.message, i.path]);
};

describe('questionnaire import', () => {
  it('accepts a valid questionnaire', () => {
    expect(
      parseSurveyDefinition(
        JSON.stringify(survey([radio('a'), radio('b', { visibleIf: "{a} = 'Да'" })])),
      ).ok,
    ).toBe(true);
  });

  it('refuses broken JSON with a clear key', () => {
    expect(messages('{"format": ')).toEqual([['survey_json', '']]);
  });

  it('names an unknown question type and where it is', () => {
    const r = parseSurveyDefinition(
      survey([radio('a'), { type: 'signaturepad', name: 's', title: 'Подпись' }]),
    );
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          message: 'survey_type',
          path: 'pages.0.elements.1.type',
          params: { type: 'signaturepad' },
        },
      ],
    });
  });

  it('refuses logic that points to a missing question', () => {
    expect(messages(survey([radio('a'), radio('b', { visibleIf: "{zz} = 'Да'" })]))).toEqual([
      ['survey_logic_ref', 'b'],
    ]);
  });

  it('refuses logic that looks forward, which paper cannot do', () => {
    expect(messages(survey([radio('a', { visibleIf: "{b} = 'Да'" }), radio('b')]))).toEqual([
      ['survey_logic_forward', 'a'],
    ]);
  });

  it('refuses logic that does not parse', () => {
    const r = parseSurveyDefinition(survey([radio('a'), radio('b', { visibleIf: "{a} = 'Да" })]));
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { message: 'survey_logic_syntax', params: { name: 'b', detail: 'unclosed string' } },
      ],
    });
  });

  it('refuses duplicate names, missing choices, unknown properties and another format', () => {
    expect(messages(survey([radio('a'), radio('a')]))).toEqual([['survey_duplicate', 'a']]);
    expect(messages(survey([radio('a', { choices: [] })]))[0]).toEqual([
      'choices_required',
      'pages.0.elements.0.choices',
    ]);
    expect(messages(survey([radio('a', { colCount: 2 })]))[0]?.[0]).toBe('survey_shape');
    expect(messages({ ...survey([radio('a')]), format: 'surveyjs' })[0]?.[0]).toBe('survey_shape');
  });
});
