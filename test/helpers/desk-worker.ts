/**
 * A desk in its own process, for the kill -9 test: opens the desk folder given and syncs until
 * told otherwise (it is meant to be killed mid-way).
 */
import { startDesk } from './central';

const dir = process.argv[2]!;
const desk = startDesk({ dir, sync: { batchChanges: 25, batchResponses: 25 } });
console.log('syncing');
await desk.services.sync.syncNow();
console.log('done');
desk.close();
