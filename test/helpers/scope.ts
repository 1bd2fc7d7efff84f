import { afterEach } from 'vitest';
import { startCentral, startDesk, type Central, type Desk } from './central';

/**
 * Centrals and desks for one test file, each closed after its test (in reverse order): the
 * set-up every sync test repeats.
 */
export function testScope() {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    defer(cleanup: () => unknown) {
      cleanups.push(cleanup);
    },
    async central(options: Parameters<typeof startCentral>[0] = {}): Promise<Central> {
      const c = await startCentral(options);
      cleanups.push(() => c.close());
      return c;
    },
    desk(options: Parameters<typeof startDesk>[0] = {}): Desk {
      const d = startDesk(options);
      cleanups.push(() => d.cleanup());
      return d;
    },
  };
}
