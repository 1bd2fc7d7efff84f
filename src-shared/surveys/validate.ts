import type { Issue } from '../contract/errors';
import {
  QUESTION_TYPES,
  questionsOf,
  surveyDefinitionSchema,
  type SurveyDefinition,
} from './definition';
import { ExpressionError, parseExpression, variablesOf } from './expression';

export type ParseResult =
  { ok: true; definition: SurveyDefinition } | { ok: false; issues: Issue[] };

/**
 * Checks a questionnaire on import: JSON syntax, the profile's shape (known question types
 * only), unique names, and skip logic that parses and refers only to earlier questions — on
 * paper a jump can only lead forward, so a condition can only look back.
 */
export function parseSurveyDefinition(input: string | unknown): ParseResult {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        issues: [{ path: '', message: 'survey_json', params: { detail: String(error) } }],
      };
    }
  }
  const unknownTypes = findUnknownTypes(json);
  if (unknownTypes.length > 0) return { ok: false, issues: unknownTypes };
  const parsed = surveyDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: /^[a-z_]+$/.test(i.message) ? i.message : 'survey_shape',
        params: { detail: i.message },
      })),
    };
  }
  const issues = checkNamesAndLogic(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

function findUnknownTypes(json: unknown): Issue[] {
  const pages = (json as { pages?: unknown })?.pages;
  if (!Array.isArray(pages)) return [];
  return pages.flatMap((page: { elements?: unknown }, p) =>
    (Array.isArray(page?.elements) ? page.elements : []).flatMap(
      (el: { type?: unknown }, e: number) =>
        QUESTION_TYPES.includes(String(el?.type))
          ? []
          : [
              {
                path: `pages.${p}.elements.${e}.type`,
                message: 'survey_type',
                params: { type: String(el?.type) },
              },
            ],
    ),
  );
}

function checkNamesAndLogic(definition: SurveyDefinition): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const q of questionsOf(definition)) {
    if (seen.has(q.name))
      issues.push({ path: q.name, message: 'survey_duplicate', params: { name: q.name } });
    if (q.visibleIf !== undefined) {
      try {
        for (const ref of variablesOf(parseExpression(q.visibleIf))) {
          if (!seen.has(ref)) {
            const exists = questionsOf(definition).some((other) => other.name === ref);
            issues.push({
              path: q.name,
              message: exists ? 'survey_logic_forward' : 'survey_logic_ref',
              params: { name: q.name, ref },
            });
          }
        }
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        issues.push({
          path: q.name,
          message: 'survey_logic_syntax',
          params: { name: q.name, detail: error.message, position: error.position },
        });
      }
    }
    seen.add(q.name);
  }
  return issues;
}
