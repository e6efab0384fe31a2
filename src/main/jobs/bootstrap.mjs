// Source mode (Vitest, `tsx src/main/cli.ts`): a worker starts as plain Node, so it registers tsx
// (its documented ESM API) and then imports the TypeScript worker entry. The bundled app never
// uses this file: electron-vite builds worker.ts to out/main/job-worker.js.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
