import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { OtklikError } from '../../../../src-shared/contract/errors';

export interface JobStatus {
  id: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** 0..1 */
  progress: number;
  path: string | null;
  error: string | null;
}

export interface JobContext {
  /** Reports progress and yields to the event loop; throws if the job was cancelled. */
  step(progress: number): Promise<void>;
}

class Cancelled extends Error {}

/**
 * Long exports run as jobs: the UI starts one, polls its progress and may cancel it. A job
 * yields to the event loop at every step, so the desk stays responsive while it writes.
 */
export function createJobs() {
  const jobs = new Map<string, JobStatus & { cancel: boolean }>();

  return {
    start(run: (ctx: JobContext) => Promise<string>, cleanup: () => void = () => undefined) {
      const id = randomUUID();
      const job = {
        id,
        state: 'running' as JobStatus['state'],
        progress: 0,
        path: null as string | null,
        error: null as string | null,
        cancel: false,
      };
      jobs.set(id, job);
      const ctx: JobContext = {
        async step(progress) {
          job.progress = Math.min(1, Math.max(0, progress));
          await yieldToLoop();
          if (job.cancel) throw new Cancelled();
        },
      };
      void run(ctx).then(
        (path) => {
          job.state = 'done';
          job.progress = 1;
          job.path = path;
        },
        (e: unknown) => {
          cleanup();
          if (e instanceof Cancelled) job.state = 'cancelled';
          else {
            job.state = 'failed';
            job.error = String(e);
          }
        },
      );
      return id;
    },
    status(id: string): JobStatus {
      const job = jobs.get(id);
      if (!job) throw new OtklikError('not_found', `job ${id}`);
      const { cancel: _c, ...status } = job;
      return status;
    },
    cancel(id: string): JobStatus {
      const job = jobs.get(id);
      if (!job) throw new OtklikError('not_found', `job ${id}`);
      if (job.state === 'running') job.cancel = true;
      return this.status(id);
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
