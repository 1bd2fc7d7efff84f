import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isWholeMonths, type Period } from '../../../../src-shared/reports/period';
import type { CoreContext } from '../../context';
import type { Settings } from '../../settings';
import { appealMetrics } from '../appeal-metrics';
import { createJobs } from './jobs';
import { surveyResults } from '../survey-results';
import type { Templates } from '../../surveys/templates';
import { writeCsv, writeDocx, writeXlsx } from './writers';

export type ExportFormat = 'xlsx' | 'csv' | 'docx';

/**
 * Report exports into the data folder's `exports/`, as cancellable jobs. A file is written
 * beside its final name and renamed when whole: a cancelled or failed export leaves nothing.
 */
export function createExports(
  ctx: CoreContext,
  settings: Settings,
  templates: Templates,
  dataDir: string,
) {
  /**
   * Every questionnaire version answered in the period, with its results; none for a period
   * that is not whole calendar months (survey results never are: docs/metrics.md).
   */
  const surveysOf = (period: Period) =>
    (isWholeMonths(period)
      ? (ctx.db
          .prepare(
            'SELECT DISTINCT template_id FROM survey_responses WHERE response_date BETWEEN ? AND ?',
          )
          .pluck()
          .all(period.from, period.to) as string[])
      : []
    ).map((templateId) => surveyResults(ctx, templates, { templateId, period }));
  const jobs = createJobs();
  return {
    start(period: Period, format: ExportFormat, separator: ',' | ';' = ';'): string {
      const dir = join(dataDir, 'exports');
      mkdirSync(dir, { recursive: true });
      const desk = settings.deskCode();
      const name = `otklik-${desk}-${period.from}-${period.to}${format === 'docx' ? '-spravka' : ''}.${format}`;
      const path = join(dir, name);
      const part = `${path}.part`;
      return jobs.start(
        async (job) => {
          const m = appealMetrics(ctx, period);
          await job.step(0.05);
          if (format === 'xlsx') await writeXlsx(part, m, surveysOf(period), ctx.db, job);
          else if (format === 'csv') await writeCsv(part, m, ctx.db, job, separator);
          else await writeDocx(part, m, surveysOf(period), desk);
          await job.step(1);
          renameSync(part, path);
          return path;
        },
        () => rmSync(part, { force: true }),
      );
    },
    status: jobs.status,
    cancel: (id: string) => jobs.cancel(id),
  };
}

export type Exports = ReturnType<typeof createExports>;
