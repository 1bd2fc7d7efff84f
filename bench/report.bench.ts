import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, DB_FILE, type Core } from '../src-main/core/index';
import { appealMetrics } from '../src-main/core/reports/appeal-metrics';
import { classifierGroups } from '../src-main/core/reports/classifier-groups';
import { surveyResults } from '../src-main/core/reports/survey-results';
import { rebuildRollups } from '../src-main/core/reports/rollups';
import { rebuildSurveyRollups } from '../src-main/core/reports/survey-rollups';
import { localToday } from '../src-shared/domain/dates';
import {
  previousQuarter,
  quarterOf,
  quarterPeriod,
  type Period,
} from '../src-shared/reports/period';
import { emit } from './report';
import { bulkCards, bulkResponses } from './synthetic/bulk';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The whole quarter report as the Reports page asks for it: metrics, sections, survey results. */
function ourReport(core: Core, period: Period, templateId: string) {
  appealMetrics(core.services.ctx, period);
  classifierGroups(core.services.ctx, period, null);
  surveyResults(core.services.ctx, core.services.templates, { templateId, period });
}

/** Copies the report's columns into DuckDB (in memory) with its appender. */
async function loadDuck(core: Core, duck: DuckDBConnection) {
  await duck.run(`CREATE TABLE appeals (id VARCHAR, registered_at VARCHAR, kind VARCHAR,
    channel VARCHAR, form VARCHAR, answer_mode VARCHAR, status VARCHAR, result VARCHAR,
    due_date VARCHAR, answer_date VARCHAR, is_repeat INTEGER, is_collective INTEGER,
    signatory_count INTEGER)`);
  await duck.run('CREATE TABLE topics (appeal_id VARCHAR, code VARCHAR)');
  await duck.run(`CREATE TABLE responses (template_id VARCHAR, channel VARCHAR,
    response_date VARCHAR, answers JSON)`);
  const copy = async (table: string, sql: string) => {
    const appender = await duck.createAppender(table);
    for (const row of core.db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
      for (const v of row) {
        if (v === null) appender.appendNull();
        else if (typeof v === 'number') appender.appendInteger(v);
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
    appender.closeSync();
  };
  await copy(
    'appeals',
    `SELECT id, registered_at, kind, channel, form, answer_mode, status, result, due_date,
       answer_date, is_repeat, is_collective, signatory_count FROM appeals`,
  );
  await copy('topics', 'SELECT appeal_id, code FROM appeal_topics');
  await copy(
    'responses',
    'SELECT template_id, channel, response_date, answers FROM survey_responses',
  );
}

/** The same aggregates in DuckDB's SQL. */
async function duckReport(duck: DuckDBConnection, p: Period, templateId: string, today: string) {
  const inPeriod = `registered_at >= '${p.from}' AND registered_at < '${p.to}U'`;
  await duck.runAndReadAll(`SELECT count(*), count(*) FILTER (kind = 'complaint'),
      count(*) FILTER (kind = 'complaint' AND result = 'supported'),
      count(*) FILTER (kind = 'complaint' AND result = 'refused'),
      count(*) FILTER (answer_mode = 'redirected'), count(*) FILTER (is_repeat = 1),
      count(*) FILTER (is_collective = 1), sum(signatory_count) FILTER (is_collective = 1),
      count(*) FILTER (status NOT IN ('answered_oral','answered_written','redirected','left_without_answer','closed')),
      count(*) FILTER (status NOT IN ('answered_oral','answered_written','redirected','left_without_answer','closed') AND due_date < '${today}')
    FROM appeals WHERE ${inPeriod}`);
  for (const col of ['channel', 'kind', 'form', 'answer_mode']) {
    await duck.runAndReadAll(
      `SELECT ${col}, count(*), count(*) FILTER (kind = 'complaint') FROM appeals WHERE ${inPeriod} GROUP BY 1`,
    );
  }
  for (const expr of [`substr(t.code, 1, 4)`, `substr(t.code, 1, 9)`]) {
    await duck.runAndReadAll(`SELECT ${expr} g, count(DISTINCT a.id) n FROM appeals a
      JOIN topics t ON t.appeal_id = a.id WHERE ${inPeriod} GROUP BY g ORDER BY n DESC LIMIT 10`);
  }
  await duck.runAndReadAll(
    `SELECT count(DISTINCT a.id) FROM appeals a JOIN topics t ON t.appeal_id = a.id WHERE ${inPeriod}`,
  );
  await duck.runAndReadAll(`SELECT count(*), avg(d), median(d), quantile_disc(d, 0.9),
      count(*) FILTER (due_date IS NULL OR answer_date <= due_date)
    FROM (SELECT date_diff('day', CAST(substr(registered_at, 1, 10) AS DATE), CAST(answer_date AS DATE)) d,
      due_date, answer_date FROM appeals
      WHERE answer_date >= '${p.from}' AND answer_date <= '${p.to}')`);
  const responses = `FROM responses WHERE template_id = '${templateId}' AND response_date BETWEEN '${p.from}' AND '${p.to}'`;
  for (const period of [p, previousQuarter(p)]) {
    const rs = `FROM responses WHERE template_id = '${templateId}' AND response_date BETWEEN '${period.from}' AND '${period.to}'`;
    await duck.runAndReadAll(`SELECT j.key, j.value::VARCHAR, count(*) FROM (SELECT answers ${rs}) r,
      json_each(r.answers) j WHERE j.type <> 'OBJECT' GROUP BY 1, 2`);
    await duck.runAndReadAll(`SELECT j.key, m.key, avg(m.value::INTEGER), count(*) FROM (SELECT answers ${rs}) r,
      json_each(r.answers) j, json_each(j.value) m WHERE j.type = 'OBJECT' GROUP BY 1, 2`);
  }
  await duck.runAndReadAll(`SELECT channel, count(*) ${responses} GROUP BY 1`);
}

/**
 * Issue 6's figure: the quarter report over N cards and N survey responses (two years of a big
 * office), on the desk's SQLite, beside DuckDB running the same aggregates on the same data in
 * the same run. The seeded database is kept in bench/.data and reused.
 */
export async function runReportBench(size: number) {
  const dataDir = resolve(import.meta.dirname, '.data', `report-${size}`);
  const fresh = !existsSync(join(dataDir, DB_FILE));
  const core = createCore({
    dataDir,
    resourcesDir: resolve(import.meta.dirname, '../resources'),
    version: 'bench',
  });
  const today = localToday();
  if (fresh) {
    const start = performance.now();
    process.stderr.write(`seeding ${size} cards and ${size} responses…\n`);
    bulkCards(core, size, today);
    rebuildRollups(core.db); // the bulk seeder writes past the service that keeps them
    bulkResponses(core, size, today);
    rebuildSurveyRollups(core.db);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.exec('ANALYZE');
    emit('report', 'seed_s', (performance.now() - start) / 1000, 's');
  }
  const templateId = core.services.templates.list().find((t) => t.builtinKey?.includes('003'))!.id;
  const q = quarterOf(today);
  const period = previousQuarter(quarterPeriod(q.year, q.quarter)); // the last full quarter
  const inQuarter = core.db
    .prepare('SELECT count(*) FROM appeals WHERE registered_at >= ? AND registered_at < ?')
    .pluck()
    .get(period.from, `${period.to}U`) as number;
  emit('report', 'quarter_appeals', inQuarter, 'appeals');

  ourReport(core, period, templateId); // warm-up
  const ours: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    ourReport(core, period, templateId);
    ours.push(performance.now() - s);
  }
  emit('report', 'quarter_report_ms', median(ours), 'ms');
  for (const [name, f] of [
    ['appeal_metrics_ms', () => appealMetrics(core.services.ctx, period)],
    ['classifier_groups_ms', () => classifierGroups(core.services.ctx, period, null)],
    [
      'survey_results_ms',
      () => surveyResults(core.services.ctx, core.services.templates, { templateId, period }),
    ],
  ] as const) {
    const s = performance.now();
    f();
    emit('report', name, performance.now() - s, 'ms');
  }

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const loadStart = performance.now();
  await loadDuck(core, duck);
  emit('report', 'duckdb_load_s', (performance.now() - loadStart) / 1000, 's');
  await duckReport(duck, period, templateId, today);
  const theirs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await duckReport(duck, period, templateId, today);
    theirs.push(performance.now() - s);
  }
  emit('report', 'duckdb_report_ms', median(theirs), 'ms');
  emit('report', 'report_vs_duckdb', median(ours) / median(theirs), 'x');
  emit('report', 'rss_mb', process.resourceUsage().maxRSS / 1024, 'MB');
  duck.closeSync();
  core.close();
}
