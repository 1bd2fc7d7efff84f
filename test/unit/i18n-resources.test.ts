import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as enums from '../../src-shared/domain/enums';
import { ru } from '../../src-renderer/i18n/ru';
import { QUESTION_STATUSES } from '../../src-shared/domain/questions';

const GROUPS: Record<string, readonly string[]> = {
  applicantType: enums.APPLICANT_TYPES,
  kind: enums.APPEAL_KINDS,
  form: enums.APPEAL_FORMS,
  channel: enums.CHANNELS,
  socialCategory: enums.SOCIAL_CATEGORIES,
  answerMode: enums.ANSWER_MODES,
  status: enums.APPEAL_STATUSES,
  result: enums.RESULTS,
  serviceKind: enums.SERVICE_KINDS,
  questionStatus: QUESTION_STATUSES,
};

describe('Russian resources', () => {
  it('label every value of every closed vocabulary', () => {
    for (const [group, values] of Object.entries(GROUPS)) {
      const labels = (ru.enums as Record<string, Record<string, string>>)[group]!;
      expect(Object.keys(labels).sort(), group).toEqual([...values].sort());
    }
  });

  it('have a message for every error key the shared schemas and the core can produce', () => {
    const sources = [
      '../../src-shared/domain/appeal.ts',
      '../../src-shared/domain/questions.ts',
      '../../src-shared/domain/field-types.ts',
      '../../src-shared/domain/reference.ts',
      '../../src-shared/contract/api.ts',
      '../../src-main/core/appeals/service.ts',
      '../../src-shared/domain/classifier-csv.ts',
      '../../src-shared/surveys/definition.ts',
      '../../src-shared/surveys/validate.ts',
      '../../src-shared/surveys/answers.ts',
      '../../src-shared/surveys/records.ts',
      '../../src-main/core/surveys/campaigns.ts',
      '../../src-main/core/surveys/responses.ts',
      '../../src-shared/auth/roles.ts',
      '../../src-main/core/auth/users.ts',
      '../../src-main/core/auth/sessions.ts',
      '../../src-main/core/auth/handlers.ts',
      '../../src-shared/domain/schedule.ts',
      '../../src-main/core/schedule/schedule.ts',
      '../../src-main/core/attachments/store.ts',
      '../../src-main/core/deadlines/memo.ts',
    ].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
    const keys = new Set<string>();
    for (const file of sources) {
      // SQL lives in template literals; its quoted values (`IN ('a', 'b')`) are not keys.
      const source = file.replace(/`[^`]*`/g, '``');
      // Message keys appear as `message: 'key'` or as the last argument of a call: `, 'key')`.
      for (const m of source.matchAll(/(?:message: '([a-z_]+)'|, '([a-z_]+)'\))/g)) {
        keys.add((m[1] ?? m[2])!);
      }
    }
    keys.delete('required'); // generic, checked below with the rest
    const messages = ru.errors as Record<string, unknown>;
    const missing = [...keys, 'required', 'too_long', 'invalid', 'invalid_choice'].filter(
      (k) => typeof messages[k] !== 'string',
    );
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThan(15);
  });
});
