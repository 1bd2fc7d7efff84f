import { ruNumber } from '../../src-shared/domain/dates';
import { z } from 'zod';
import { quarterPeriod } from '../../src-shared/reports/period';
import { SUPPRESSED, type SurveyResults } from '../../src-shared/reports/survey-results';
import { HttpError } from '../domain/errors';
import type { createSurveyReports } from '../domain/survey-reports';
import type { Db } from '../domain/write-lock';
import { route, type RouteSpec } from './spec';

/** A quarter as the console and the page name it: 2026-Q1. */
export const QUARTER = /^(\d{4})-Q([1-4])$/;

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const ROMAN = ['I', 'II', 'III', 'IV'];
const quarterTitle = (q: string) => {
  const m = QUARTER.exec(q)!;
  return `${ROMAN[Number(m[2]) - 1]} квартал ${m[1]} года`;
};
const num = (v: number | null) => (v === null ? '—' : ruNumber(v, 1));

/** Public pages: no script, no cookie, nothing from elsewhere; printable as they are. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,"Segoe UI",Roboto,"PT Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#212529;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ced4da}h3{font-size:1.1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #adb5bd;padding:.25rem .5rem;text-align:left}
td.n{text-align:right}.note{white-space:pre-wrap}.muted{color:#495057}
@media print{a{color:inherit;text-decoration:none}body{margin:0}}
</style></head><body>${body}</body></html>`;
}

/**
 * Only closed questions, only what the shared rule lets out (cells under 5 read «менее 5»;
 * nothing at all under 5 responses), never typed comments: they may name people.
 */
function surveyHtml(r: SurveyResults): string {
  const cell = (c: number | typeof SUPPRESSED) => (c === SUPPRESSED ? 'менее 5' : num(c));
  const questions = r.questions
    .filter((q) => q.type !== 'comment' && (q.options.length || q.rows.length || q.mean !== null))
    .map((q) => {
      const head = `<h4>${q.number ? `${q.number}. ` : ''}${esc(q.title)}</h4>`;
      const score =
        q.mean === null
          ? ''
          : `<p>Средний балл: ${num(q.mean)}${q.satisfiedShare === null ? '' : `; оценки 4 и 5: ${num(q.satisfiedShare)} %`}</p>`;
      const options = q.options.length
        ? `<table><tr><th>Ответ</th><th>Ответов</th><th>Доля, %</th></tr>${q.options
            .map(
              (o) =>
                `<tr><td>${esc(o.label)}</td><td class="n">${cell(o.count)}</td><td class="n">${o.share === null ? '—' : num(o.share)}</td></tr>`,
            )
            .join('')}</table>`
        : '';
      const rows = q.rows.length
        ? `<table><tr><th>Строка</th><th>Средний балл</th><th>Оценки 4 и 5, %</th></tr>${q.rows
            .map(
              (x) =>
                `<tr><td>${esc(x.label)}</td><td class="n">${num(x.mean)}</td><td class="n">${x.satisfiedShare === null ? '—' : num(x.satisfiedShare)}</td></tr>`,
            )
            .join('')}</table>`
        : '';
      return head + score + options + rows;
    })
    .join('');
  return `<h3>${esc(r.title)}</h3><p class="muted">Получено анкет: ${r.responses}.</p>${questions}`;
}

export interface PublicDeps {
  db: Db;
  surveys: ReturnType<typeof createSurveyReports>;
}

/**
 * The public page of seed 004, 10.7: per office that chose to publish, per quarter, what was
 * changed after visitors' feedback and the aggregated survey results of that quarter (whole
 * months by construction). Stable addresses: /public/ and /public/КОД.
 */
export function publicRoutes(d: PublicDeps): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/public/',
      auth: 'none',
      rateLimit: 120,
      summary: 'Публичная страница: органы, публикующие итоги обратной связи',
      response: z.string(),
      handler: async ({ reply }) => {
        const offices = await d.db
          .selectFrom('offices')
          .select(['code', 'name'])
          .where('publish', '=', 1)
          .orderBy('name')
          .execute();
        const list = offices.length
          ? `<ul>${offices.map((o) => `<li><a href="/public/${esc(o.code)}">${esc(o.name)}</a></li>`).join('')}</ul>`
          : '<p>Пока ни один орган не опубликовал итоги.</p>';
        return reply
          .header('content-security-policy', CSP)
          .type('text/html; charset=utf-8')
          .send(page('Итоги обратной связи', `<h1>Как используются ваши отзывы</h1>${list}`));
      },
    }),
    route({
      method: 'GET',
      url: '/public/:code',
      auth: 'none',
      rateLimit: 120,
      summary:
        'Публичная страница органа: что изменено по итогам обратной связи и результаты анкетирования по кварталам',
      params: z.object({ code: z.string().regex(/^[A-Za-z0-9]{1,20}$/) }),
      response: z.string(),
      handler: async ({ params, reply }) => {
        const office = await d.db
          .selectFrom('offices')
          .select(['id', 'code', 'name'])
          .where('code', '=', params.code.toUpperCase())
          .where('publish', '=', 1)
          .executeTakeFirst();
        if (!office) throw new HttpError(404, 'not_found', 'Такой орган не публикует итоги.');
        const notes = await d.db
          .selectFrom('publications')
          .select(['quarter', 'text', 'updated_at'])
          .where('office_id', '=', office.id)
          .orderBy('quarter', 'desc')
          .limit(12)
          .execute();
        const templates = await d.surveys.templates();
        const sections: string[] = [];
        for (const n of notes) {
          const m = QUARTER.exec(n.quarter);
          if (!m) continue;
          const period = quarterPeriod(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
          const results: string[] = [];
          for (const t of templates) {
            const r = await d.surveys.results(
              { templateId: t.id, period, campaignId: null, serviceId: null },
              office.id,
            );
            if (!r.suppressed && r.responses > 0) results.push(surveyHtml(r));
          }
          sections.push(
            `<section><h2>${quarterTitle(n.quarter)}</h2>` +
              `<h3>Что изменено по итогам обратной связи</h3><p class="note">${esc(n.text)}</p>` +
              (results.length
                ? `<h3>Результаты анкетирования</h3>${results.join('')}`
                : '<p class="muted">Анкет за квартал меньше пяти: результаты не публикуются.</p>') +
              '</section>',
          );
        }
        return reply
          .header('content-security-policy', CSP)
          .type('text/html; charset=utf-8')
          .send(
            page(
              `${office.name}: итоги обратной связи`,
              `<h1>${esc(office.name)}</h1><p>Как используются отзывы посетителей приёмной.</p>` +
                (sections.join('') || '<p>Итоги пока не опубликованы.</p>'),
            ),
          );
      },
    }),
  ];
}
