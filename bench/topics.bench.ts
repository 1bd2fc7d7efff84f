import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { availableParallelism } from 'node:os';
import { gzipSync } from 'node:zlib';
import { createCore } from '../src-main/core/index';
import {
  buildTopicIndex,
  DEFAULT_SCORE,
  HistoryAccumulator,
  regionModel,
  type ScoreOptions,
} from '../src-shared/topics/model';
import { localToday } from '../src-shared/domain/dates';
import { openCentralDb } from '../src-server/db/database';
import { createTopicModels } from '../src-server/domain/topic-model';
import { createWriter } from '../src-server/domain/write-lock';
import { emit, percentile, timed } from './report';
import { storeCodedCards } from '../test/helpers/coded-cards';
import { bulkCards } from './synthetic/bulk';
import { createRandom } from './synthetic/random';
import { appeals, type CodedAppeal } from './topics/appeals';
import { classifierEntries, codesOf, measure, type Figures } from './topics/measure';
import { complementNb } from './topics/complement-nb';
import { buildTopicModel, suggestTopics } from './topics/naive-bayes';

const report = (prefix: string, f: Figures) => {
  for (const level of ['question', 'theme', 'section'] as const) {
    emit('topics', `${prefix}_${level}_top1`, f[`${level}1`], 'share');
    emit('topics', `${prefix}_${level}_top3`, f[`${level}3`], 'share');
  }
  emit('topics', `${prefix}_section_top1_any_code`, f.section1Any, 'share');
  emit('topics', `${prefix}_both_requests_top5`, f.both5, 'share');
};

/** The region's history as the central builds it, with the given options. */
function regionOf(history: CodedAppeal[], options: ScoreOptions = DEFAULT_SCORE) {
  const acc = new HistoryAccumulator(options);
  for (const h of history) acc.add(h.text, h.codes);
  return regionModel(acc, { version: 1, builtAt: new Date().toISOString(), edition: null });
}

/**
 * The build's worker thread compiled by the server's own build config (vite.server.config.ts,
 * as `npm run build:server`: plain JavaScript, packages imported from node_modules), so the
 * bench starts what the built server starts, not the TypeScript loader tests use. Written under
 * node_modules/.cache, never over dist-server.
 */
async function builtWorker(): Promise<URL> {
  const outDir = resolve(import.meta.dirname, '../node_modules/.cache/otklik-bench');
  await build({
    configFile: resolve(import.meta.dirname, '../vite.server.config.ts'),
    logLevel: 'warn',
    build: { outDir, sourcemap: false },
  });
  return pathToFileURL(join(outDir, 'topic-worker.js'));
}

/**
 * The central's whole build as it runs on a schedule: a SQLite central holding `big` coded
 * cards (as sync stores them: the card's JSON and its codes), read in pages and built.
 */
async function centralBuild(big: CodedAppeal[], worker: URL, metric = 'central_build') {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-topics-central-'));
  const central = await openCentralDb({ sqliteFile: join(dir, 'central.sqlite') });
  try {
    await storeCodedCards(
      central.db,
      big.map((a) => ({ text: a.text, codes: a.codes })),
    );
    // As the built server runs it (worker threads, the machine's cores up to 4), and in the
    // server's own thread (OTKLIK_TOPIC_MODEL_WORKERS=0, and a server run from source).
    const write = createWriter(central);
    const workers = { where: { entry: worker }, count: Math.min(4, availableParallelism()) };
    // The build with workers three times (this VM's speed drifts by ±10 % from one minute to the
    // next: the middle run is the figure, the fastest and slowest beside it), in one thread once.
    // Memory: the first run's, before the process holds anything of an earlier one.
    for (const [name, options, runs] of [
      [`${metric}_ms`, { workers }, 3],
      [`${metric}_one_thread_ms`, { workers: null }, 1],
    ] as const) {
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        await central.db.deleteFrom('topic_models').execute();
        const models = createTopicModels({
          db: central.db,
          write,
          now: () => new Date(),
          ...options,
        });
        // What the build adds to the process's memory (its worker threads are in the process).
        const before = process.memoryUsage().rss;
        let peak = before;
        const sampling = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        const started = performance.now();
        const version = await models.build();
        times.push(performance.now() - started);
        clearInterval(sampling);
        if (run === 0)
          emit('topics', name.replace(/_ms$/, '_rss_rise_mb'), (peak - before) / 1024 / 1024, 'MB');
        const built = await models.builds();
        if (version !== 1 || built[0]?.cards !== big.length) throw new Error('no model built');
      }
      times.sort((x, y) => x - y);
      emit('topics', name, times[Math.floor(times.length / 2)]!, 'ms');
      if (runs > 1) {
        emit('topics', name.replace(/_ms$/, '_fastest_ms'), times[0]!, 'ms');
        emit('topics', name.replace(/_ms$/, '_slowest_ms'), times[times.length - 1]!, 'ms');
      }
    }
    emit('topics', 'central_build_workers', workers.count, 'threads');
  } finally {
    await central.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Topic suggestion on long, noisy appeals (docs/topics.md): the held-out split of
 * bench/topics (51 questions × 6 appeals, a third with a second request) on a fresh desk
 * (classifier only) and with the region's coded history (20 appeals per question), for the
 * model in use and for the naive Bayes it replaced; the alternatives tried, on the tuning split;
 * the central's build time and the model's size at `size` region cards; a suggestion's p95 on
 * a desk; how often a simulated officer took the first suggestion; and the first build of a desk
 * with `size` cards of its own and no region model.
 */
export async function runTopicsBench(size: number) {
  const entries = classifierEntries();
  const test = appeals('test', 6);
  const tune = appeals('tune', 4);
  const history = appeals('history', 20);
  emit('topics', 'heldout_appeals', test.length, 'texts');
  emit(
    'topics',
    'heldout_mean_chars',
    test.reduce((s, a) => s + a.text.length, 0) / test.length,
    'chars',
  );
  emit('topics', 'history_cards', history.length, 'cards');

  // The naive Bayes of before, on the same texts.
  const cards = history.map((h) => ({ content: h.text, codes: h.codes }));
  const nbFresh = buildTopicModel(entries, []);
  const nbHistory = buildTopicModel(entries, cards);
  report(
    'nb_fresh',
    measure(test, (t) => suggestTopics(nbFresh, t, 5).map((s) => s.code)),
  );
  report(
    'nb_history',
    measure(test, (t) => suggestTopics(nbHistory, t, 5).map((s) => s.code)),
  );

  // The model in use.
  const region = regionOf(history);
  report('fresh', measure(test, codesOf(buildTopicIndex(entries))));
  report('history', measure(test, codesOf(buildTopicIndex(entries, { region }))));

  // Alternatives, measured on the tuning split only (the choice of DEFAULT_SCORE was made there).
  const variants: [string, Partial<ScoreOptions>][] = [
    ['chosen', {}],
    ['no_scrub', { scrub: false }],
    ['no_request_weight', { requestWeight: 1 }],
    ['no_bigrams', { bigrams: false }],
    ['no_lexicon', { lexicon: false }],
    ['no_hierarchy', { theme: 0, section: 0, vote: 0 }],
    ['no_section_vote', { vote: 0 }],
    ['ancestors_in_doc_0', { ancestors: 0 }],
    ['gated_question', { gate: 0.3 }],
    ['no_evidence_damping', { evidence: 0 }],
    ['everyday_words_weight_1', { lexiconInQuestion: 1, lexiconInTheme: 1, lexiconInSection: 0.5 }],
    // Sentences by what they do (docs/topics.md): each move alone, then none of them.
    ['formulas_read', { formulas: false }],
    ['rhetorical_questions_ask', { rhetoric: false }],
    ['asides_as_narrative', { asideWeight: 1 }],
    ['one_matter_per_letter', { matters: false }],
    ['themes_undamped', { themeEvidence: 0 }],
    [
      'no_sentence_kinds',
      { formulas: false, rhetoric: false, asideWeight: 1, matters: false, themeEvidence: 0 },
    ],
  ];
  for (const [name, v] of variants) {
    const o = { ...DEFAULT_SCORE, ...v };
    const f = measure(tune, codesOf(buildTopicIndex(entries, {}, o)));
    const h = measure(tune, codesOf(buildTopicIndex(entries, { region: regionOf(history, o) }, o)));
    emit('topics', `tune_${name}_fresh_question_top3`, f.question3, 'share');
    emit('topics', `tune_${name}_fresh_section_top1`, f.section1, 'share');
    emit('topics', `tune_${name}_history_question_top3`, h.question3, 'share');
    emit('topics', `tune_${name}_history_theme_top3`, h.theme3, 'share');
  }

  // Complement naive Bayes over the same terms (α = 1, the best of 0.01, 0.1 and 1).
  const cnbFresh = complementNb(entries, [], 1);
  const cnbHistory = complementNb(entries, cards, 1);
  const cf = measure(tune, (t) => cnbFresh.suggest(t, 5));
  const ch = measure(tune, (t) => cnbHistory.suggest(t, 5));
  emit('topics', 'tune_complement_nb_fresh_question_top3', cf.question3, 'share');
  emit('topics', 'tune_complement_nb_fresh_section_top1', cf.section1, 'share');
  emit('topics', 'tune_complement_nb_history_question_top3', ch.question3, 'share');
  emit('topics', 'tune_complement_nb_history_theme_top3', ch.theme3, 'share');

  // The central's build at region scale, and what it ships.
  const big = appeals('history', Math.ceil(size / 51), 2).slice(0, size);
  const acc = new HistoryAccumulator();
  let model = region;
  const buildMs = timed(() => {
    for (const a of big) acc.add(a.text, a.codes);
    model = regionModel(acc, { version: 1, builtAt: new Date().toISOString(), edition: null });
  });
  const body = JSON.stringify(model);
  emit('topics', 'region_cards', big.length, 'cards');
  emit('topics', 'model_build_ms', buildMs, 'ms');
  emit('topics', 'model_kb', Buffer.byteLength(body) / 1024, 'KiB');
  emit('topics', 'model_gzip_kb', gzipSync(body).length / 1024, 'KiB');
  emit('topics', 'model_terms', Object.keys(model.df).length, 'terms');
  const worker = await builtWorker();
  await centralBuild(big, worker);
  // A region's real vocabulary is far wider than the corpus's: the same cards with 15 more words
  // each from 100,000 made-up word forms, a few common and most rare (Zipf-like, as Heaps' law
  // has it for ten million words of letters).
  const rng = createRandom(20);
  const letters = [...'абвгдежзиклмнопрстуфхцчшщыэюя'];
  const pool = Array.from({ length: 100_000 }, () =>
    Array.from({ length: rng.int(5, 10) }, () => rng.pick(letters)).join(''),
  );
  const rare = () => pool[Math.floor(pool.length * rng.next() ** 3)]!;
  await centralBuild(
    big.map((a) => ({ ...a, text: `${a.text} ${Array.from({ length: 15 }, rare).join(' ')}.` })),
    worker,
    'central_build_wide_vocabulary',
  );
  // On a desk: the model stored as sync stores it, suggestions through the core's service.
  const dir = mkdtempSync(join(tmpdir(), 'otklik-topics-'));
  const core = createCore({
    dataDir: dir,
    resourcesDir: resolve(import.meta.dirname, '../resources'),
    version: 'bench',
  });
  try {
    const topics = core.services.topics;
    topics.storeRegionModel({ ...region, version: 1 });
    emit(
      'topics',
      'desk_index_build_ms',
      timed(() => topics.suggest('нет отопления', 5)),
      'ms',
    );
    const samples: number[] = [];
    for (const a of test) {
      let shown: string[] = [];
      samples.push(timed(() => (shown = topics.suggest(a.text, 5).topics.map((t) => t.code))));
      // A simulated officer takes the right codes when they are shown (docs/topics.md).
      topics.recordFeedback(shown, a.codes, 1);
    }
    emit('topics', 'suggest_p95_ms', percentile(samples, 95), 'ms');
    const stats = topics.feedbackStats();
    emit('topics', 'officer_first_taken', stats.firstTaken / Math.max(1, stats.cards), 'share');

    // A desk that never received a region model, with `size` coded cards of its own (long
    // letters): its first suggestion builds the index from its newest cards.
    bulkCards(core, size, localToday(), 31);
    const update = core.db.prepare('UPDATE appeals SET content = ? WHERE rowid = ?');
    core.db.transaction(() => {
      for (let i = 0; i < size; i++) update.run(big[i % big.length]!.text, i + 1);
    })();
    core.db.prepare('DELETE FROM topic_model').run();
    topics.reset();
    emit('topics', 'desk_cards', size, 'cards');
    emit(
      'topics',
      'desk_build_ms',
      timed(() => topics.suggest('нет отопления', 5)),
      'ms',
    );
    emit('topics', 'rss_mb', process.memoryUsage().rss / 1024 / 1024, 'MB');
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
