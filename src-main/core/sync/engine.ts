import { generateKeyPairSync } from 'node:crypto';
import { topicModelResponseSchema } from '../../../src-shared/topics/schema';
import type { TopicSuggester } from '../topics/service';
import {
  attachmentUploadResponseSchema,
  agreementResponseSchema,
  type DeskStatus,
  deviceKeyResponseSchema,
  enrollResponseSchema,
  PROTOCOL_VERSION,
  pullItemSchema,
  pushResponseSchema,
  responsesPullItemSchema,
} from '../../../src-shared/sync/protocol';
import { checkServerUrl } from '../../../src-shared/sync/transport-security';
import { compareDigests } from '../../../src-shared/sync/agreement';
import { z } from 'zod';

const okSchema = z.object({ ok: z.literal(true) });
import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import { deskDigest, deskDigestFull, forgetAgreementWords } from './agreement';
import type { Clock } from './clock';
import type { CredentialStore, Credentials } from './credentials';
import { requestJson, requestPage, SyncHttpError, type HttpOptions } from './http-client';
import type { SyncStore } from './store';
import type { Attachments } from '../attachments/store';

export interface SyncEngineOptions {
  credentials: CredentialStore;
  fetch?: typeof fetch;
  /** Periodic sync while enrolled; 60 s by default. */
  intervalMs?: number;
  /** Delay after a local change before syncing it; 3 s by default. */
  debounceMs?: number;
  timeoutMs?: number;
  batchChanges?: number;
  batchResponses?: number;
  pullLimit?: number;
  /** How long a pulled page holds the event loop at a time (PULL_SLICE_MS by default). */
  pullSliceMs?: number;
  random?: () => number;
  /** Run the agreement check after each sync that leaves nothing pending; true by default. */
  agreement?: boolean;
  /** Responses wait on the desk until this many are pending (docs/anonymity.md); 5. */
  responseBatchMin?: number;
  /** The desk's version, told to the central with its status after each sync. */
  appVersion?: string;
}

export interface SyncProgress {
  phase: 'push' | 'pull' | 'check';
  done: number;
  total: number | null;
}

export interface SyncRunResult {
  pushed: number;
  pulled: number;
  agreement: Agreement | null;
}

export interface Agreement {
  at: string;
  agrees: boolean;
  differences: { entity: string; period: string; desk: number; central: number }[];
}

/**
 * Runs synchronous work (a read or a write of the desk's SQLite) while a request is in flight:
 * first lets the request leave (one turn of the event loop), and keeps a failure of the request
 * from counting as unhandled until the caller awaits it.
 */
async function whileInFlight<T>(request: Promise<unknown>, work: () => T): Promise<T> {
  request.catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  return work();
}

/**
 * Items asked for per pulled page: a page of 1,000 cards is about 1.5 MB of JSON, parsed in one
 * go (about 20 ms), so even that step stays short for the window (issue 16).
 */
const PULL_LIMIT = 1000;

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Background sync of one desk (docs/sync.md): push the outbox in batches, each acknowledged
 * after the server's commit; pull after the cursor, each page applied with its cursor in one
 * transaction; then the agreement check. Never two runs at once: a second call joins the run
 * in progress. Failures back off exponentially with jitter.
 */
export function createSyncEngine(
  ctx: CoreContext,
  settings: Settings,
  clock: Clock,
  store: SyncStore,
  attachments: Attachments,
  topics: Pick<TopicSuggester, 'regionVersion' | 'storeRegionModel'>,
  options: SyncEngineOptions,
) {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const random = options.random ?? Math.random;
  let running: Promise<SyncRunResult> | null = null;
  let progress: SyncProgress | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;

  // Whether the central takes gzip bodies: learnt from its answers (http-client.ts), and
  // forgotten again if a compressed body is ever refused (an older central put back).
  const wire = { gzipBodies: false };
  const http = (token: string | null, baseUrl: string): HttpOptions => ({
    baseUrl,
    token,
    timeoutMs: options.timeoutMs ?? 30_000,
    fetch: fetchImpl,
    wire,
  });

  function credentials() {
    const c = options.credentials.load();
    if (!c) throw new OtklikError('conflict', 'not_enrolled');
    if (checkServerUrl(c.serverUrl) === 'insecure' && !c.allowInsecureHttp) {
      throw new SyncHttpError(
        'refused',
        'Адрес сервера без TLS (http://): данные граждан по сети передаются только по https://.',
      );
    }
    return c;
  }

  /**
   * Card changes, a batch at a time. The central applies what is valid and refuses the rest
   * one by one; refused changes are set aside with the reason (listed on the sync page), so
   * one bad change never holds the outbox (issue 13, point 4).
   */
  async function push(opts: HttpOptions): Promise<number> {
    const total = store.pending().changes;
    const size = options.batchChanges ?? 500;
    let done = 0;
    let batch = store.batch(0, size);
    while (batch.changes.length > 0) {
      progress = { phase: 'push', done, total };
      const sent = requestJson(opts, 'POST', '/v1/push', pushResponseSchema, {
        protocol: PROTOCOL_VERSION,
        changes: batch.changes,
      });
      // Pipelined: the next batch is read while this one is in flight. Nothing is acknowledged
      // before the central's answer, and batches still go one at a time, in order.
      const next = await whileInFlight(sent, () => store.batch(batch.lastSeq, size));
      const answer = await sent;
      store.acknowledge(batch, answer.refused);
      done += batch.changes.length;
      batch = next;
    }
    return done;
  }

  /**
   * Survey responses, in requests of their own and never in the same request as card changes,
   * only once several are waiting (or at a random hour for a previous day's leftovers), in
   * random order (docs/anonymity.md).
   */
  async function pushResponses(opts: HttpOptions): Promise<number> {
    let done = 0;
    while (store.responsesDue(options.responseBatchMin)) {
      const list = store.responseBatch(options.batchResponses ?? 1000);
      const answer = await requestJson(opts, 'POST', '/v1/responses', pushResponseSchema, {
        protocol: PROTOCOL_VERSION,
        responses: list,
      });
      // A refused response (malformed, or another office's id) is not sent again either:
      // it stays on this desk, counted in its reports.
      store.acknowledgeResponses(list.map((r) => r.id));
      done += answer.applied;
    }
    return done;
  }

  /**
   * Scanned documents of cards the central now has, one request each (up to 10 MiB). One that
   * the central refuses (its card refused, the office's quota full) waits for the next run and
   * does not stop the others, nor the pull after them.
   */
  async function upload(opts: HttpOptions): Promise<number> {
    let done = 0;
    const skipped = new Set<string>();
    for (;;) {
      const batch = attachments.pendingUploads(20 + skipped.size).filter((a) => !skipped.has(a.id));
      if (batch.length === 0) return done;
      for (const a of batch) {
        const { bytes } = attachments.read(a.id);
        try {
          await requestJson(opts, 'POST', '/v1/attachments', attachmentUploadResponseSchema, {
            id: a.id,
            appealId: a.appealId,
            fileName: a.fileName,
            mime: a.mime,
            sha256: a.sha256,
            data: bytes.toString('base64'),
          });
        } catch (e) {
          if (e instanceof SyncHttpError && (e.kind === 'refused' || e.status === 507)) {
            skipped.add(a.id);
            continue;
          }
          throw e;
        }
        attachments.markUploaded(a.id);
        done++;
      }
    }
  }

  async function pullResponses(opts: HttpOptions): Promise<number> {
    const page = (after: number) =>
      requestPage(
        opts,
        `/v1/responses?after=${after}&limit=${options.pullLimit ?? PULL_LIMIT}&protocol=${PROTOCOL_VERSION}`,
        responsesPullItemSchema,
      );
    return pullPages(page(store.responsesCursor()), page, (p) =>
      store.applyResponses(p, options.pullSliceMs),
    );
  }

  async function pull(opts: HttpOptions): Promise<number> {
    const page = (after: number) =>
      requestPage(
        opts,
        `/v1/pull?after=${after}&limit=${options.pullLimit ?? PULL_LIMIT}&protocol=${PROTOCOL_VERSION}`,
        pullItemSchema,
      );
    let done = 0;
    progress = { phase: 'pull', done, total: null };
    return pullPages(page(store.cursor()), page, async (p) => {
      await store.applyPull(p.items, p.cursor, options.pullSliceMs);
      done += p.items.length;
      progress = { phase: 'pull', done, total: null };
      return p.items.length;
    });
  }

  /**
   * Pages after a cursor, pipelined: the next page is asked for (from the cursor the current
   * page ends at) while the current one is applied. Pages are still applied one at a time, in
   * order, each with its cursor in one transaction; a failure drops the page asked ahead.
   */
  async function pullPages<P extends { cursor: number; more: boolean }>(
    first: Promise<P>,
    ask: (after: number) => Promise<P>,
    apply: (page: P) => Promise<number>,
  ): Promise<number> {
    let done = 0;
    let current = first;
    for (;;) {
      const page = await current;
      if (!page.more) return done + (await apply(page));
      current = ask(page.cursor);
      done += await whileInFlight(current, () => apply(page));
    }
  }

  /**
   * The region's topic model, when the central's newest is not this desk's (docs/topics.md).
   * A central without the route (404), a model that fails its schema or a failure of any kind
   * here never fails the sync: the desk keeps suggesting from what it has.
   */
  async function topicModel(opts: HttpOptions) {
    try {
      const { model } = await requestJson(
        opts,
        'GET',
        `/v1/topic-model?have=${topics.regionVersion()}`,
        topicModelResponseSchema,
      );
      if (model) topics.storeRegionModel(model);
      settings.set('topic_model_error', '');
    } catch (e) {
      if (!(e instanceof SyncHttpError)) throw e;
      settings.set('topic_model_error', e.message);
    }
  }

  /**
   * Tells the central how this desk stands (the console's desks table). A central older than
   * this report (404) or a failure here never fails the sync.
   */
  async function report(opts: HttpOptions, pendingChanges: number, agreement: Agreement | null) {
    const last =
      agreement ??
      (() => {
        const saved = settings.value('sync_agreement');
        return saved ? (JSON.parse(saved) as Agreement) : null;
      })();
    const status: DeskStatus = {
      app: (options.appVersion ?? 'unknown').slice(0, 40),
      protocol: PROTOCOL_VERSION,
      pendingChanges,
      refused: store.refused().length,
      cursor: store.cursor(),
      agreement: last && {
        at: last.at,
        agrees: last.agrees,
        differs: [...new Set(last.differences.map((d) => d.period))].sort().slice(0, 24),
      },
    };
    try {
      await requestJson(opts, 'POST', '/v1/status', okSchema, status);
    } catch (e) {
      if (!(e instanceof SyncHttpError)) throw e;
    }
  }

  async function check(opts: HttpOptions): Promise<Agreement> {
    progress = { phase: 'check', done: 0, total: null };
    const central = await requestJson(
      opts,
      'GET',
      `/v1/agreement?protocol=${PROTOCOL_VERSION}`,
      agreementResponseSchema,
    );
    const kept = await deskDigest(ctx.db);
    let differences = compareDigests(kept, central.parts);
    if (differences.length > 0) {
      // Before any difference is reported, the desk's side is recomputed from the records
      // themselves: kept words that no longer match their rows are cleared and recomputed.
      const full = await deskDigestFull(ctx.db);
      if (compareDigests(full, kept).length > 0) {
        forgetAgreementWords(ctx.db);
        await deskDigest(ctx.db);
      }
      differences = compareDigests(full, central.parts);
    }
    const agreement = {
      at: ctx.now().toISOString(),
      agrees: differences.length === 0,
      differences,
    };
    settings.set('sync_agreement', JSON.stringify(agreement));
    return agreement;
  }

  /**
   * A desk enrolled before packages were signed and encrypted gets its keys on its next sync:
   * it registers a new Ed25519 key (once; the central never lets it be replaced) and keeps the
   * central's package key.
   */
  async function ensureKeys(c: Credentials, opts: HttpOptions) {
    if (c.signingKey && c.packageKey) return;
    const keys = generateKeyPairSync('ed25519');
    let answer;
    try {
      answer = await requestJson(opts, 'POST', '/v1/device-key', deviceKeyResponseSchema, {
        signingKey: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      });
    } catch (e) {
      // Another key is registered for this device (409): sync goes on; only its packages wait
      // for a replacement enrollment (docs/security.md). Anything else fails the run as usual.
      if (e instanceof SyncHttpError && e.kind === 'refused') return;
      throw e;
    }
    options.credentials.save({
      ...c,
      signingKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      packageKey: answer.packageKey,
    });
  }

  async function run(): Promise<SyncRunResult> {
    const c = credentials();
    const opts = http(c.token, c.serverUrl);
    settings.set('sync_last_attempt', ctx.now().toISOString());
    try {
      await ensureKeys(c, opts);
      const pushed = (await push(opts)) + (await pushResponses(opts));
      await upload(opts);
      const pulled = (await pull(opts)) + (await pullResponses(opts));
      await topicModel(opts);
      const pending = store.pending();
      const agreement =
        options.agreement !== false && pending.changes === 0 ? await check(opts) : null;
      await report(opts, pending.changes, agreement);
      settings.set('sync_last_success', ctx.now().toISOString());
      settings.set('sync_last_error', '');
      failures = 0;
      return { pushed, pulled, agreement };
    } catch (e) {
      failures += 1;
      const message = e instanceof SyncHttpError ? e.message : `Сбой синхронизации: ${String(e)}`;
      settings.set('sync_last_error', message);
      throw e;
    } finally {
      progress = null;
    }
  }

  function syncNow(): Promise<SyncRunResult> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
    }
    return running;
  }

  function schedule(delayMs: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!options.credentials.load()) return schedule(options.intervalMs ?? 60_000);
      syncNow().then(
        () => schedule(options.intervalMs ?? 60_000),
        () => schedule(backoff()),
      );
    }, delayMs);
    timer.unref?.();
  }

  /** Exponential backoff with full jitter in its upper half: 2 s, 4 s, … up to 5 min. */
  function backoff(): number {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
    return Math.round(ceiling * (0.5 + random() * 0.5));
  }

  return {
    syncNow,
    backoff,
    /** The agreement check alone (the bench times it apart from push and pull). */
    checkAgreement: () => {
      const c = credentials();
      return check(http(c.token, c.serverUrl)).finally(() => {
        progress = null;
      });
    },
    /** Starts background sync: now, then periodically, sooner after a local change. */
    start() {
      started = true;
      schedule(0);
    },
    stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** A local write happened: sync it soon (debounced), unless a retry is already waiting. */
    notifyChange() {
      if (started && failures === 0) schedule(options.debounceMs ?? 3_000);
    },
    async enroll(serverUrl: string, code: string, deviceName: string, allowInsecureHttp = false) {
      if (options.credentials.load()) throw new OtklikError('conflict', 'already_enrolled');
      let base: string;
      try {
        base = new URL(serverUrl).toString();
      } catch {
        throw new OtklikError('validation', 'server url', [
          { path: 'serverUrl', message: 'invalid_url' },
        ]);
      }
      if (!/^https?:$/.test(new URL(base).protocol)) {
        throw new OtklikError('validation', 'server url', [
          { path: 'serverUrl', message: 'invalid_url' },
        ]);
      }
      if (checkServerUrl(base) === 'insecure' && !allowInsecureHttp) {
        throw new OtklikError('validation', 'insecure server url', [
          { path: 'serverUrl', message: 'insecure_url' },
        ]);
      }
      // The desk's own key for its offline packages: the private half never leaves the desk.
      const keys = generateKeyPairSync('ed25519');
      const answer = await requestJson(
        http(null, base),
        'POST',
        '/v1/enroll',
        enrollResponseSchema,
        {
          code,
          deviceName,
          node: clock.node,
          deskCode: settings.deskCode(),
          signingKey: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        },
      ).catch((e: unknown) => {
        if (e instanceof SyncHttpError) {
          throw new OtklikError('unavailable', e.message);
        }
        throw e;
      });
      options.credentials.save({
        serverUrl: base,
        deviceId: answer.deviceId,
        token: answer.token,
        officeCode: answer.officeCode,
        officeName: answer.officeName,
        signingKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        packageKey: answer.packageKey,
        ...(allowInsecureHttp ? { allowInsecureHttp: true } : {}),
      });
      if (answer.deskCode !== settings.deskCode()) settings.setDeskCode(answer.deskCode);
      store.continueNumbering(answer.deskCode, answer.lastNumbers);
      settings.set('sync_cursor', '0');
      settings.set('sync_responses_cursor', '0');
      store.backfill();
      return answer;
    },
    /** Forgets the server; the data and the changes not yet sent stay on the desk. */
    leave() {
      options.credentials.clear();
      settings.set('sync_cursor', '0');
      settings.set('sync_responses_cursor', '0');
      settings.set('sync_agreement', '');
      settings.set('sync_last_error', '');
    },
    status() {
      const c = options.credentials.load();
      const agreement = settings.value('sync_agreement');
      return {
        enrolled: c !== null,
        serverUrl: c?.serverUrl ?? null,
        officeCode: c?.officeCode ?? null,
        officeName: c?.officeName ?? null,
        deviceId: c?.deviceId ?? null,
        pending: { ...store.pending(), attachments: attachments.pendingCount() },
        refused: store.refusedCount(),
        insecure: c ? checkServerUrl(c.serverUrl) === 'insecure' : false,
        running: running !== null,
        progress,
        lastAttemptAt: settings.value('sync_last_attempt') || null,
        lastSuccessAt: settings.value('sync_last_success') || null,
        lastError: settings.value('sync_last_error') || null,
        agreement: agreement ? (JSON.parse(agreement) as Agreement) : null,
      };
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
