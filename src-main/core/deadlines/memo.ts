import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { daysLeft } from '../../../src-shared/domain/deadlines';
import { ENUM_LABELS_RU } from '../../../src-shared/domain/labels-ru';
import { questionsOf } from '../../../src-shared/domain/questions';
import { localToday, ruDate } from '../../../src-shared/domain/dates';
import {
  DEFAULT_MEMO_TEMPLATE,
  fillMemo,
  memoTemplateSchema,
  type MemoTemplate,
} from '../../../src-shared/domain/memo';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import type { AppealsService } from '../appeals/service';

const SETTING = 'memo_template';
const ru = ruDate;
const FONT = 'Times New Roman';

const para = (text: string, options: { bold?: boolean; center?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    alignment: options.center
      ? AlignmentType.CENTER
      : options.right
        ? AlignmentType.RIGHT
        : AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: 26 })],
  });

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 22 })] })],
  });

/** The escalation memo's template (settings) and the memo itself as a DOCX to edit and sign. */
export function createMemos(ctx: CoreContext, settings: Settings, appeals: AppealsService) {
  function template(): MemoTemplate {
    const stored = settings.value(SETTING);
    if (!stored) return DEFAULT_MEMO_TEMPLATE;
    const parsed = memoTemplateSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_MEMO_TEMPLATE;
  }

  return {
    template,
    saveTemplate(t: MemoTemplate): MemoTemplate {
      settings.set(SETTING, JSON.stringify(t));
      return t;
    },

    /** A memo on the given overdue cards; a card not overdue is refused by name. */
    async memo(ids: readonly string[], author: string | null) {
      const today = localToday(ctx.now());
      const cards = ids.map((id) => appeals.get(id));
      const notLate = cards.filter((c) => !c.overdue);
      if (notLate.length > 0) {
        throw new OtklikError(
          'validation',
          'not overdue',
          notLate.map((c) => ({
            path: 'appealIds',
            message: 'memo_not_overdue',
            params: { number: c.regNumber },
          })),
        );
      }
      const t = template();
      const values = { date: ru(today), count: cards.length };
      const rows = cards.map(
        (c, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(`${c.regNumber} от ${ru(c.registeredAt)}`),
              cell(c.visitorName ?? c.organisationName ?? ''),
              cell(c.content.length > 200 ? `${c.content.slice(0, 200)}…` : c.content),
              // Per question: which of them are still in work and which have their answer.
              cell(
                questionsOf(c)
                  .map((q) => `${q.code}: ${ENUM_LABELS_RU.questionStatus[q.status]}`)
                  .join('; '),
              ),
              cell(c.executor ?? ''),
              cell(ru(c.dueDate)),
              cell(String(-daysLeft(c.dueDate!, today))),
            ],
          }),
      );
      const doc = new Document({
        creator: 'Отклик',
        title: t.subject,
        sections: [
          {
            children: [
              para(t.addressee, { right: true }),
              para(t.title, { bold: true, center: true }),
              para(t.subject, { center: true }),
              para(fillMemo(t.intro, values)),
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({
                    tableHeader: true,
                    children: [
                      '№',
                      'Рег. номер, дата',
                      'Заявитель',
                      'Краткое содержание',
                      'Вопросы и их статус',
                      'Исполнитель',
                      'Срок',
                      'Просрочено, дн.',
                    ].map((h) => cell(h, true)),
                  }),
                  ...rows,
                ],
              }),
              para(''),
              para(fillMemo(t.closing, values)),
              para(''),
              para(`${fillMemo(t.signatory, values)}  ____________________`),
              para(''),
              para(`Исполнитель: ${author ?? '____________________'}`),
              para(values.date),
            ],
          },
        ],
      });
      const bytes = await Packer.toBuffer(doc);
      return {
        fileName: `Служебная записка о нарушении сроков ${values.date}.docx`,
        data: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
