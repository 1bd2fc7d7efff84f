import { z } from 'zod';
import {
  agreementQuerySchema,
  agreementResponseSchema,
  ONLINE_PROTOCOL,
  attachmentUploadResponseSchema,
  attachmentUploadSchema,
  centralAppealUpdateSchema,
  deviceKeyRequestSchema,
  deviceKeyResponseSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  referenceSchema,
  responsesPullQuerySchema,
  responsesPullSchema,
  responsesPushSchema,
  deskStatusSchema,
} from '../../src-shared/sync/protocol';
import { createAgreementCache } from '../domain/agreement-cache';
import { pullResponses, storeResponses } from '../domain/responses';
import type { CentralEdits } from '../domain/central-edits';
import type { Offices } from '../domain/offices';
import { applyBatch } from '../domain/push';
import { pull } from '../domain/pull';
import { centralMetrics, centralOfficesMetrics } from '../domain/reports';
import type { SurveyReports } from '../domain/survey-reports';
import { surveyResultsSchema } from '../../src-shared/reports/survey-results';
import { appealMetricsSchema } from '../../src-shared/reports/appeal-metrics';
import { isWholeMonths } from '../../src-shared/reports/period';
import { badRequest } from '../domain/errors';
import { createCentralSstu } from '../domain/sstu';
import { questionReportSchema } from '../../src-shared/reports/questions';
import { monthSchema } from '../../src-shared/reports/sstu';
import { storeAttachment } from '../domain/attachments';
import type { Db, Writer } from '../domain/write-lock';
import { route, type RouteSpec } from './spec';
import type { Accounts } from '../domain/accounts';
import type { PackageKeys } from '../domain/package-keys';
import { consoleRoutes, reportPeriod, scopeOffices } from './console';
import { publicRoutes } from './public';
import { centralSstuCheckSchema, sstuFileSchema } from '../../src-shared/console/api';
import { releaseRoutes } from './releases';
import { onlineRoutes } from './online';
import type { OnlineSurveys } from '../domain/online';
import type { Releases } from '../domain/updates';
import type { TopicModels } from '../domain/topic-model';
import {
  topicModelBuildsSchema,
  topicModelQuerySchema,
  topicModelResponseSchema,
} from '../../src-shared/topics/schema';

export interface RouteDeps {
  packageKeys: PackageKeys;
  accounts: Accounts;
  /** Minutes of inactivity that end a console session (said to the console). */
  consoleIdleMinutes?: number | undefined;
  db: Db;
  write: Writer;
  offices: Offices;
  central: CentralEdits;
  now: () => Date;
  /** Largest body of a push batch; 32 MB by default. */
  batchBodyLimit?: number | undefined;
  attachmentQuotaBytes?: number | undefined;
  /** Desk releases (docs/updates.md); absent: no release routes. */
  releases?: Releases | undefined;
  surveys: SurveyReports;
  online: OnlineSurveys;
  topicModels: TopicModels;
  /** Online answers one address may send in ten minutes (docs/online-surveys.md). */
  onlineSubmitsPerAddress: number;
}

const MB = 1024 * 1024;

const ok = z.object({ ok: z.literal(true) });

/** The whole HTTP API of the central server, protocol version 1 (docs/sync.md). */
export function routes(d: RouteDeps): RouteSpec[] {
  const surveys = d.surveys;
  const agreement = createAgreementCache(d.db);
  const batchLimit = d.batchBodyLimit ?? 32 * MB;
  const sstu = createCentralSstu(d.db, d.write);
  /** The offices a report names (comma-separated codes) and the caller may see, or all. */
  const officesOf = async (actor: Parameters<typeof scopeOffices>[1], codes: string | undefined) =>
    (await scopeOffices(d.offices, actor, codes)) ?? d.offices.listOffices();
  /** The one office a report is for, or the region (null). */
  const officeOf = async (actor: Parameters<typeof scopeOffices>[1], code: string | undefined) => {
    const scope = await scopeOffices(d.offices, actor, code);
    if (scope && scope.length > 1) throw badRequest('Укажите один орган.');
    return scope?.[0]?.id ?? null;
  };
  return [
    ...(d.releases ? releaseRoutes(d.releases, d.now) : []),
    ...publicRoutes({ db: d.db, surveys }),
    ...onlineRoutes({
      online: d.online,
      submitsPerAddress: d.onlineSubmitsPerAddress,
      now: d.now,
    }),
    ...consoleRoutes({
      central: d.central,
      write: d.write,
      packageKeys: d.packageKeys,
      db: d.db,
      offices: d.offices,
      accounts: d.accounts,
      sstu,
      surveys,
      now: d.now,
      idleMinutes: d.consoleIdleMinutes ?? 30,
    }),
    route({
      method: 'GET',
      url: '/v1/health',
      auth: 'none',
      summary: 'Сервер работает',
      response: z.object({ ok: z.literal(true), protocol: z.number() }),
      handler: async () => ({ ok: true, protocol: 1 }),
    }),
    route({
      method: 'POST',
      url: '/v1/enroll',
      auth: 'none',
      summary: 'Подключить рабочее место по одноразовому коду',
      body: enrollRequestSchema,
      response: enrollResponseSchema,
      bodyLimit: 4096,
      // Per client address: guessing codes is slow however many tokens one makes up.
      rateLimit: 10,
      handler: ({ body }) =>
        d.offices.enroll(body.code, body.deviceName, body.node, body.deskCode, body.signingKey),
    }),
    route({
      method: 'POST',
      url: '/v1/device-key',
      auth: 'device',
      summary:
        'Рабочее место, подключённое до подписи пакетов, регистрирует свой ключ подписи (один раз)',
      body: deviceKeyRequestSchema,
      response: deviceKeyResponseSchema,
      bodyLimit: 4096,
      handler: ({ body, device }) => d.offices.registerSigningKey(device!.id, body.signingKey),
    }),
    route({
      method: 'POST',
      url: '/v1/push',
      auth: 'device',
      summary:
        'Принять изменения карточек (идемпотентно, подтверждение после фиксации; неверные отклоняются поштучно с причиной)',
      body: pushRequestSchema,
      response: pushResponseSchema,
      bodyLimit: batchLimit,
      handler: ({ body, device }) =>
        d.write((tx) =>
          applyBatch(
            tx,
            {
              officeId: device!.officeId,
              deviceId: device!.id,
              node: device!.node,
              now: d.now().getTime(),
            },
            body.changes,
          ),
        ),
    }),
    route({
      method: 'POST',
      url: '/v1/responses',
      auth: 'device',
      anonymous: true,
      summary:
        'Принять анонимные анкеты: отдельно от карточек, без устройства, времени и записи в журнале запросов',
      body: responsesPushSchema,
      response: pushResponseSchema,
      bodyLimit: 16 * MB,
      handler: ({ body, device }) =>
        d.write((tx) => storeResponses(tx, device!.officeId, body.responses)),
    }),
    route({
      method: 'GET',
      url: '/v1/responses',
      auth: 'device',
      anonymous: true,
      summary: 'Анкеты органа после курсора анкет (для отчётов рабочих мест)',
      query: responsesPullQuerySchema,
      response: responsesPullSchema,
      handler: ({ query, device }) =>
        pullResponses(d.db, device!.officeId, query.after, query.limit, query.protocol),
    }),
    route({
      method: 'POST',
      url: '/v1/attachments',
      auth: 'device',
      summary: 'Принять скан документа карточки (идемпотентно; сверка SHA-256)',
      body: attachmentUploadSchema,
      response: attachmentUploadResponseSchema,
      bodyLimit: 16 * MB,
      handler: ({ body, device }) =>
        d.write((tx) => storeAttachment(tx, device!, body, d.now(), d.attachmentQuotaBytes)),
    }),
    route({
      method: 'GET',
      url: '/v1/pull',
      auth: 'device',
      summary: 'Изменения для рабочего места после курсора',
      query: pullQuerySchema,
      response: pullResponseSchema,
      handler: ({ query, device }) => pull(d.db, device!, query.after, query.limit, query.protocol),
    }),
    route({
      method: 'POST',
      url: '/v1/status',
      auth: 'device',
      summary:
        'Рабочее место сообщает о себе после синхронизации: версия, неотправленные и отложенные изменения, сверка',
      body: deskStatusSchema,
      response: ok,
      bodyLimit: 4096,
      handler: async ({ body, device }) => {
        const now = d.now().toISOString();
        await d.write(async (tx) => {
          // A cursor beyond the change log would claim editions that do not exist yet.
          const top = await tx
            .selectFrom('change_log')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .executeTakeFirst();
          await tx
            .updateTable('devices')
            .set({
              status: JSON.stringify(body),
              status_at: now,
              last_seen_at: now,
              pulled_seq: Math.min(body.cursor, Number(top?.seq ?? 0)),
            })
            .where('id', '=', device!.id)
            .execute();
        });
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/agreement',
      auth: 'device',
      summary: 'Сверка: число записей и хэш по месяцам для органа рабочего места',
      query: agreementQuerySchema,
      response: agreementResponseSchema,
      // Cached per office until its data changes; one computation at a time per office.
      rateLimit: 60,
      handler: async ({ device, query }) => {
        const { parts, computedAt } = await agreement.digest(
          device!.officeId,
          d.now,
          query.protocol >= ONLINE_PROTOCOL,
        );
        return { office: device!.officeCode, computedAt, parts };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/topic-model',
      auth: 'device',
      summary:
        'Модель подсказки тем по карточкам региона, если у рабочего места не она (новее или после восстановления сервера из копии)',
      query: topicModelQuerySchema,
      response: topicModelResponseSchema,
      rateLimit: 30,
      handler: async ({ query }) => {
        const model = await d.topicModels.latest();
        // Any other number than the newest gets it: a desk ahead of the central means the
        // central was restored from a backup and counts its builds again (docs/topics.md).
        return { model: model && model.version !== query.have ? model : null };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/console/topic-model',
      auth: 'admin',
      summary: 'Построения модели подсказки тем: когда, из скольких карточек, размер и время',
      response: topicModelBuildsSchema,
      handler: async () => ({ version: null, builds: await d.topicModels.builds() }),
    }),
    route({
      method: 'POST',
      url: '/v1/console/topic-model',
      auth: 'admin',
      summary: 'Построить модель подсказки тем сейчас (иначе — по расписанию)',
      body: z.object({}).strict(),
      response: topicModelBuildsSchema,
      handler: async () => ({
        version: await d.topicModels.build(),
        builds: await d.topicModels.builds(),
      }),
    }),
    route({
      method: 'POST',
      url: '/v1/admin/appeals/:id',
      auth: 'admin',
      summary: 'Центр отмечает ход ответа по карточке (статус, результат, дата ответа)',
      params: z.object({ id: z.uuid() }),
      body: centralAppealUpdateSchema,
      response: z.object({ changeId: z.uuid(), hlc: z.string() }),
      handler: async ({ params, body }) => {
        const change = await d.central.updateAppeal(params.id, body.fields);
        return { changeId: change.id, hlc: change.hlc };
      },
    }),
    route({
      method: 'GET',
      url: '/v1/admin/reports/appeals',
      auth: 'admin',
      summary: 'Показатели обращений за период: по региону или по одному органу (office=КОД)',
      can: 'reports.office',
      query: z.object({ from: z.string(), to: z.string(), office: z.string().optional() }).strict(),
      response: appealMetricsSchema,
      handler: async ({ query, actor }) => {
        const period = reportPeriod(query);
        return centralMetrics(d.db, period, await officeOf(actor, query.office), today(d.now()));
      },
    }),
    route({
      method: 'GET',
      url: '/v1/admin/reports/offices',
      auth: 'admin',
      summary: 'Показатели обращений за период по каждому органу',
      can: 'reports.office',
      query: z.object({ from: z.string(), to: z.string() }).strict(),
      response: z.array(
        z.object({ office: z.string(), name: z.string(), metrics: appealMetricsSchema }),
      ),
      handler: async ({ query, actor }) => {
        const period = reportPeriod(query);
        const offices = await officesOf(actor, undefined);
        const metricsOf = await centralOfficesMetrics(
          d.db,
          period,
          offices.map((o) => o.id),
          today(d.now()),
        );
        return offices.map((o) => ({ office: o.code, name: o.name, metrics: metricsOf(o.id) }));
      },
    }),
    route({
      method: 'GET',
      url: '/v1/admin/reports/surveys',
      auth: 'admin',
      summary:
        'Результаты анкетирования за период: по региону или по органу; ячейки меньше 5 — «<5»',
      query: z
        .object({
          templateId: z.uuid(),
          from: z.string(),
          to: z.string(),
          office: z.string().optional(),
          campaignId: z.uuid().optional(),
          serviceId: z.uuid().optional(),
        })
        .strict(),
      can: 'reports.office',
      response: surveyResultsSchema,
      handler: async ({ query, actor }) => {
        const office = await officeOf(actor, query.office);
        return surveys.results(
          {
            templateId: query.templateId,
            period: surveyPeriod(query),
            campaignId: query.campaignId ?? null,
            serviceId: query.serviceId ?? null,
          },
          office,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/v1/admin/reports/questions',
      auth: 'admin',
      summary:
        'Вопросы по статусам (на конец периода) по разделам и тематикам: по региону или по органу',
      query: z.object({ from: z.string(), to: z.string(), office: z.string().optional() }).strict(),
      can: 'reports.office',
      response: questionReportSchema,
      handler: async ({ query, actor }) => {
        const period = reportPeriod(query);
        const office = await officeOf(actor, query.office);
        return sstu.questions(period, office, today(d.now()));
      },
    }),
    route({
      method: 'GET',
      url: '/v1/admin/sstu/check',
      auth: 'admin',
      summary:
        'Ежемесячный отчет в ССТУ.РФ: таблица по статусам и список вопросов, не проходящих проверки (office=КОД,КОД; без него — все органы)',
      query: z.object({ month: monthSchema, office: z.string().max(2000).optional() }).strict(),
      can: 'reports.region',
      response: centralSstuCheckSchema,
      handler: async ({ query, actor }) =>
        sstu.check(query.month, await officesOf(actor, query.office)),
    }),
    route({
      method: 'GET',
      url: '/v1/admin/sstu/file',
      auth: 'admin',
      summary:
        'Файл ежемесячного отчета в ССТУ.РФ (JSON — по одному, нескольким или всем органам; XLSX — по одному). Содержит персональные данные: каждая выгрузка записывается.',
      query: z
        .object({
          month: monthSchema,
          office: z.string().max(2000).optional(),
          format: z.enum(['json', 'xlsx']).default('json'),
        })
        .strict(),
      can: 'personal.export',
      response: sstuFileSchema,
      audit: ({ query }, result) => ({
        action: 'export_personal',
        target: query.office ?? 'регион',
        detail: {
          what: `ССТУ.РФ ${query.month} ${query.format}`,
          cards: (result as { cards: number }).cards,
        },
      }),
      handler: async ({ query, request, actor }) => {
        const admin = (request.identity ?? '').replace(/^(admin|account):/, '');
        const file = await sstu.file(
          query.month,
          await officesOf(actor, query.office),
          query.format,
          admin,
        );
        return { fileName: file.fileName, data: file.data.toString('base64'), cards: file.cards };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/admin/offices/sstu',
      auth: 'admin',
      summary: 'Идентификатор органа в ССТУ.РФ (UUID) для ежемесячного отчета',
      body: z
        .object({ office: z.string().max(20), departmentId: z.string().max(60).nullable() })
        .strict(),
      response: z.object({ code: z.string(), departmentId: z.string().nullable() }),
      handler: async ({ body }) => d.offices.setSstuDepartment(body.office, body.departmentId),
    }),
    route({
      method: 'POST',
      url: '/v1/admin/reference',
      auth: 'admin',
      summary: 'Справочник (должностные лица, услуги, анкеты, опросы, классификатор)',
      body: referenceSchema,
      response: ok,
      bodyLimit: 4 * MB,
      handler: async ({ body }) => {
        await d.central.putReference(body);
        return { ok: true as const };
      },
    }),
  ];
}

/** Survey results: whole calendar months only, as on the desk (docs/metrics.md). */
function surveyPeriod(q: { from: string; to: string }) {
  const period = reportPeriod(q);
  if (!isWholeMonths(period)) {
    throw badRequest(
      'Результаты анкетирования даются только за целые календарные месяцы: from — первое число месяца, to — последнее.',
    );
  }
  return period;
}

const today = (d: Date) => d.toISOString().slice(0, 10);
