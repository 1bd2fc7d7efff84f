import { z } from 'zod';

/**
 * Otklik's questionnaire format: a documented profile of SurveyJS JSON (docs/surveys.md), so
 * templates can be exchanged with that ecosystem. Only the element types and properties the
 * paper forms need are accepted; anything else is refused on import with a clear message.
 */
export const SURVEY_FORMAT = 'otklik-surveyjs-profile/1';

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, 'survey_name');
const text = z.string().trim().min(1, 'required').max(2000, 'too_long');

const choice = z.union([
  z.string().min(1).max(500),
  z
    .object({
      value: z.union([z.string().min(1).max(100), z.number()]),
      text: text,
      /** Profile extension: printed after the choice on paper only, e.g. «-> ПЕРЕХОД К 6 ВОПРОСУ». */
      paperNote: z.string().max(200).optional(),
    })
    .strict(),
]);

const common = {
  name,
  title: text,
  description: z.string().max(2000).optional(),
  isRequired: z.boolean().optional(),
  visibleIf: z.string().max(2000).optional(),
  /** SurveyJS: the question carries no number, e.g. seed 000's «Название услуги:» line. */
  hideNumber: z.boolean().optional(),
};

const choices = z.array(choice).min(1, 'choices_required').max(100);

export const radiogroupSchema = z
  .object({
    type: z.literal('radiogroup'),
    ...common,
    choices,
    hasOther: z.boolean().optional(),
    otherText: z.string().max(200).optional(),
  })
  .strict();

export const checkboxSchema = radiogroupSchema.extend({ type: z.literal('checkbox') }).strict();

export const dropdownSchema = z
  .object({
    type: z.literal('dropdown'),
    ...common,
    choices: choices.optional(),
    /** Profile extension: the options are the office's services, filled in at run time. */
    choicesFromServices: z.boolean().optional(),
  })
  .strict()
  .refine((q) => q.choices !== undefined || q.choicesFromServices === true, 'choices_required');

const rateValue = z.object({ value: z.number().int(), text }).strict();

export const ratingSchema = z
  .object({
    type: z.literal('rating'),
    ...common,
    /** The scale as printed, in printed order, e.g. 5 баллов … 1 балл. */
    rateValues: z.array(rateValue).min(2).max(11),
  })
  .strict();

export const matrixSchema = z
  .object({
    type: z.literal('matrix'),
    ...common,
    columns: z.array(rateValue).min(2).max(11),
    rows: z
      .array(z.object({ value: name, text }).strict())
      .min(1)
      .max(30),
  })
  .strict();

export const commentSchema = z
  .object({
    type: z.literal('comment'),
    ...common,
    maxLength: z.number().int().min(1).max(5000).optional(),
  })
  .strict();

export const questionSchema = z.discriminatedUnion('type', [
  radiogroupSchema,
  checkboxSchema,
  dropdownSchema,
  ratingSchema,
  matrixSchema,
  commentSchema,
]);
export type Question = z.output<typeof questionSchema>;
export const QUESTION_TYPES = ['radiogroup', 'checkbox', 'dropdown', 'rating', 'matrix', 'comment'];

export const surveyDefinitionSchema = z
  .object({
    format: z.literal(SURVEY_FORMAT),
    title: text,
    description: z.string().max(5000).optional(),
    /** Printed under the title, e.g. «Вы обратились за государственной услугой…». */
    completedHtml: z.string().max(2000).optional(),
    pages: z
      .array(
        z
          .object({
            name,
            title: z.string().max(500).optional(),
            elements: z.array(questionSchema).min(1),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();
export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>;

export type Choice = z.output<typeof choice>;

// The pure helpers live in model.ts, which needs no zod at run time (the kiosk loads them).
export { choiceText, choiceValue, questionsOf, type Answer, type Answers } from './model';
