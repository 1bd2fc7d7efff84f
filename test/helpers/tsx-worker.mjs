// Starts a TypeScript worker thread under tsx (a worker does not inherit the test's loader):
// `new Worker(this file, { workerData: { entry } })` runs `entry`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
