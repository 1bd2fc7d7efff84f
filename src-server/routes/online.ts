import { z } from 'zod';
import { encodePng } from '../../src-shared/node/png';
import { qrModules, qrSvg, QR_MARGIN } from '../../src-shared/qr';
import {
  answeredCookie,
  ONLINE_LIMITS,
  ONLINE_SLUG,
  onlinePageSchema,
  onlinePublishSchema,
  onlineSubmitSchema,
  onlineSurveySchema,
} from '../../src-shared/surveys/online';
import { HttpError } from '../domain/errors';
import type { OnlineSurveys } from '../domain/online';
import { route, type RouteSpec } from './spec';
import { cookie } from '../cookies';

const slugParams = z.object({ slug: z.string().regex(ONLINE_SLUG) }).strict();
const ok = z.object({ ok: z.literal(true) });

/** A PNG of a QR code (grayscale, 8 px a module): the shared modules, drawn here. */
export function qrPng(text: string, scale = 8): Buffer {
  const modules = qrModules(text);
  const size = (modules.length + 2 * QR_MARGIN) * scale;
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    const my = Math.floor(y / scale) - QR_MARGIN;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - QR_MARGIN;
      if (modules[my]?.[mx]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  return encodePng(size, size, 1, raw);
}

export interface OnlineRouteDeps {
  online: OnlineSurveys;
  /** Answers one address may send in ten minutes. */
  submitsPerAddress: number;
  now: () => Date;
}

/**
 * Online surveys (docs/online-surveys.md). The visitor's routes are `anonymous`: Fastify logs no
 * line of them, not even an error, so no address, user agent or time is written anywhere; the
 * per-address limit lives in the rate limiter's memory for ten minutes and nowhere else.
 */
export function onlineRoutes(d: OnlineRouteDeps): RouteSpec[] {
  const notFound = () => new HttpError(404, 'not_found', 'Такой анкеты нет: проверьте адрес.');
  return [
    route({
      method: 'GET',
      url: '/v1/online/:slug',
      auth: 'none',
      anonymous: true,
      rateLimit: 120,
      summary: 'Онлайн-анкета для посетителя: вопросы, или страница завершённого опроса',
      params: slugParams,
      response: onlinePageSchema,
      handler: async ({ params, reply }) => {
        const page = await d.online.page(params.slug);
        if (!page) throw notFound();
        reply.header('cache-control', 'no-store');
        return page;
      },
    }),
    route({
      method: 'POST',
      url: '/v1/online/:slug',
      auth: 'none',
      anonymous: true,
      rateLimit: d.submitsPerAddress,
      rateWindowMinutes: 10,
      bodyLimit: ONLINE_LIMITS.bodyBytes,
      summary:
        'Ответ посетителя на онлайн-анкету: без адреса, браузера и времени (только дата); повторный ответ из того же браузера не принимается',
      params: slugParams,
      body: onlineSubmitSchema,
      response: ok,
      handler: async ({ params, body, request, reply }) => {
        const { campaignId, endsOn } = await d.online.submit(
          params.slug,
          body,
          (id) => cookie(request.headers.cookie, answeredCookie(id)) !== undefined,
        );
        // The same value for every visitor: it says "this browser answered", not who.
        const days = Math.max(
          1,
          Math.ceil((Date.parse(endsOn) - d.now().getTime()) / 86_400_000) + 1,
        );
        reply.header(
          'set-cookie',
          `${answeredCookie(campaignId)}=1; Max-Age=${Math.min(days, 400) * 86_400}; Path=/; HttpOnly; SameSite=Lax` +
            (request.protocol === 'https' ? '; Secure' : ''),
        );
        return { ok: true as const };
      },
    }),
    ...(['svg', 'png'] as const).map((format) =>
      route({
        method: 'GET',
        url: `/s/:slug/qr.${format}`,
        auth: 'none',
        anonymous: true,
        rateLimit: 120,
        summary: `QR-код адреса онлайн-анкеты (${format.toUpperCase()}, для печати и сайта)`,
        params: slugParams,
        response: z.string(),
        handler: async ({ params, reply }) => {
          const url = await d.online.address(params.slug);
          if (!url) throw notFound();
          return reply
            .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
            .header('cache-control', 'public, max-age=86400')
            .header('content-disposition', `inline; filename="otklik-${params.slug}.${format}"`)
            .send(format === 'svg' ? qrSvg(url, `QR-код анкеты: ${url}`) : qrPng(url));
        },
      }),
    ),
    route({
      method: 'GET',
      url: '/v1/console/online',
      auth: 'admin',
      can: 'reports.region',
      summary: 'Онлайн-анкеты: адреса, состояние, ответы по дням',
      response: z.array(onlineSurveySchema),
      handler: () => d.online.list(),
    }),
    route({
      method: 'POST',
      url: '/v1/console/online',
      auth: 'admin',
      summary: 'Опубликовать опрос онлайн для органа или для региона: постоянный адрес и QR-код',
      body: onlinePublishSchema,
      response: z.object({ id: z.string(), slug: z.string() }),
      audit: ({ body }, r) => ({
        action: 'online_published',
        target: `онлайн-анкета ${(r as { slug: string }).slug}`,
        detail: { campaignId: body.campaignId, office: body.officeCode ?? 'регион' },
      }),
      handler: ({ body, request }) =>
        d.online.publish(body, `${request.protocol}://${request.host}`),
    }),
    ...(['close', 'open'] as const).map((action) =>
      route({
        method: 'POST',
        url: `/v1/console/online/:id/${action}`,
        auth: 'admin',
        summary:
          action === 'close'
            ? 'Закрыть онлайн-анкету: посетители видят страницу завершения'
            : 'Открыть онлайн-анкету снова',
        params: z.object({ id: z.uuid() }).strict(),
        response: ok,
        audit: ({ params }) => ({
          action: action === 'close' ? 'online_closed' : 'online_reopened',
          target: params.id,
        }),
        handler: async ({ params }) => {
          await d.online.setClosed(params.id, action === 'close');
          return { ok: true as const };
        },
      }),
    ),
  ];
}
