/** Benchmarks print one JSON object per line so runs can be compared by machines. */
export function emit(bench: string, metric: string, value: number, unit: string) {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 1000) / 1000, unit }));
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
