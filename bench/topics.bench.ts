import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../src-main/core/index';
import { localToday } from '../src-shared/domain/dates';
import { emit, percentile, timed } from './report';
import { bulkCards } from './synthetic/bulk';
import { prepareReference } from './synthetic/cards';
import { accuracy, heldOut, registerHistory } from './topics/evaluate';

/**
 * Topic suggestion: top-1/top-3 accuracy on held-out coded appeals (bench/topics) with no
 * history (classifier titles only), with the office's coded history, and with that history
 * drowned in `size` synthetic cards of random codes; then the model's build time and the
 * latency of a suggestion at that size.
 */
export function runTopicsBench(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-topics-'));
  const core = createCore({
    dataDir: dir,
    resourcesDir: resolve(import.meta.dirname, '../resources'),
    version: 'bench',
  });
  try {
    const ref = prepareReference(core);
    const cold = accuracy(core);
    emit('topics', 'heldout_cases', cold.n, 'texts');
    emit('topics', 'titles_only_top1', cold.top1, 'share');
    emit('topics', 'titles_only_top3', cold.top3, 'share');

    const history = registerHistory(core, ref.officials[0]!, 5);
    emit('topics', 'history_cards', history, 'cards');
    const trained = accuracy(core);
    emit('topics', 'history_top1', trained.top1, 'share');
    emit('topics', 'history_top3', trained.top3, 'share');

    bulkCards(core, size, localToday(), 31);
    const noisy = accuracy(core);
    emit('topics', 'noise_cards', size, 'cards');
    emit('topics', 'with_noise_top1', noisy.top1, 'share');
    emit('topics', 'with_noise_top3', noisy.top3, 'share');

    core.services.topics.reset();
    emit(
      'topics',
      'model_build_ms',
      timed(() => core.services.topics.suggest('дорога', 3)),
      'ms',
    );
    const samples = heldOut().map(({ text }) => timed(() => core.services.topics.suggest(text, 3)));
    emit('topics', 'suggest_p95_ms', percentile(samples, 95), 'ms');
    emit('topics', 'rss_mb', process.memoryUsage().rss / 1024 / 1024, 'MB');
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
