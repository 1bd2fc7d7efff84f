import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OtklikError } from '../../../src-shared/contract/errors';
import { uuidv7 } from '../../../src-shared/domain/ids';
import type { SurveyDefinition } from '../../../src-shared/surveys/definition';
import type { Template, TemplateSummary } from '../../../src-shared/surveys/records';
import { parseSurveyDefinition } from '../../../src-shared/surveys/validate';
import { isoNow, type CoreContext } from '../context';
import { nameUuid } from '../text/name-uuid';
import { builtinFamilyName, builtinTemplateName } from '../../../src-shared/domain/name-uuid';

interface TemplateRow {
  id: string;
  family_id: string;
  version: number;
  builtin_key: string | null;
  title: string;
  definition: string;
  status: 'draft' | 'published' | 'archived';
  updated_at: string;
  responses: number;
}

const summary = (r: TemplateRow): TemplateSummary => ({
  id: r.id,
  familyId: r.family_id,
  version: r.version,
  builtinKey: r.builtin_key,
  title: r.title,
  status: r.status,
  updatedAt: r.updated_at,
  responses: r.responses,
});

const SELECT = `SELECT t.*, (SELECT count(*) FROM survey_responses r WHERE r.template_id = t.id)
  AS responses FROM survey_templates t`;

/**
 * Questionnaire templates, versioned: a published version is never edited in place. Saving
 * changes to it creates the next version as a draft; publishing a version archives the
 * family's previous one. Responses point at the exact version they answered.
 */
export function createTemplates(ctx: CoreContext) {
  const { db } = ctx;
  const byId = db.prepare(`${SELECT} WHERE t.id = ?`);
  const all = db.prepare(`${SELECT} ORDER BY t.title, t.version DESC`);
  const latest = db.prepare(`${SELECT} WHERE t.family_id = ? ORDER BY t.version DESC LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO survey_templates (id, family_id, version, builtin_key, title, definition, status,
       created_at, updated_at)
     VALUES (@id, @familyId, @version, @builtinKey, @title, @definition, @status, @now, @now)`,
  );
  const updateDraft = db.prepare(
    `UPDATE survey_templates SET title = @title, definition = @definition, updated_at = @now
     WHERE id = @id AND status = 'draft'`,
  );
  const hasBuiltin = db.prepare('SELECT 1 FROM survey_templates WHERE builtin_key = ?').pluck();

  function get(id: string): Template {
    const row = byId.get(id) as TemplateRow | undefined;
    if (!row) throw new OtklikError('not_found', `template ${id}`);
    return { ...summary(row), definition: JSON.parse(row.definition) as SurveyDefinition };
  }

  function validated(definition: unknown): SurveyDefinition {
    const parsed = parseSurveyDefinition(definition);
    if (!parsed.ok) throw new OtklikError('validation', 'survey definition', parsed.issues);
    return parsed.definition;
  }

  function add(
    definition: SurveyDefinition,
    status: 'draft' | 'published',
    builtinKey: string | null = null,
    familyId = uuidv7(ctx.now().getTime()),
    version = 1,
    id = uuidv7(ctx.now().getTime()),
  ) {
    insert.run({
      id,
      familyId,
      version,
      builtinKey,
      title: definition.title,
      definition: JSON.stringify(definition),
      status,
      now: isoNow(ctx),
    });
    return id;
  }

  const publish = db.transaction((id: string) => {
    const template = get(id);
    if (template.status !== 'draft')
      throw new OtklikError('conflict', `template ${id} is ${template.status}`);
    db.prepare(
      "UPDATE survey_templates SET status = 'archived', updated_at = ? WHERE family_id = ? AND status = 'published'",
    ).run(isoNow(ctx), template.familyId);
    db.prepare("UPDATE survey_templates SET status = 'published', updated_at = ? WHERE id = ?").run(
      isoNow(ctx),
      id,
    );
  });

  return {
    list: (): TemplateSummary[] => (all.all() as TemplateRow[]).map(summary),
    get,
    /** Loads the questionnaires shipped in resources/surveys that this desk does not have yet. */
    ensureBuiltins(dir: string) {
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const key = basename(file, '.json');
        if (hasBuiltin.get(key)) continue;
        // The same ids on every desk, so that responses to a built-in questionnaire from all the
        // desks of a region name one template at the central server (docs/sync.md).
        add(
          validated(readFileSync(join(dir, file), 'utf8')),
          'published',
          key,
          nameUuid(builtinFamilyName(key)),
          1,
          nameUuid(builtinTemplateName(key)),
        );
      }
    },
    /** Saves an edited definition: into the family's draft, or as its next version. */
    save: db.transaction((templateId: string, definition: unknown): Template => {
      const checked = validated(definition);
      const base = get(templateId);
      const head = latest.get(base.familyId) as TemplateRow;
      if (head.status === 'draft') {
        updateDraft.run({
          id: head.id,
          title: checked.title,
          definition: JSON.stringify(checked),
          now: isoNow(ctx),
        });
        return get(head.id);
      }
      return get(add(checked, 'draft', null, base.familyId, head.version + 1));
    }),
    /** A copy as a new questionnaire of its own (a new family), as a draft. */
    duplicate(templateId: string): Template {
      const base = get(templateId);
      return get(add({ ...base.definition, title: `${base.definition.title} (копия)` }, 'draft'));
    },
    publish(id: string): Template {
      publish(id);
      return get(id);
    },
  };
}

export type Templates = ReturnType<typeof createTemplates>;
