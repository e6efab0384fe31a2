// The export's channels: `io.startExport` starts the job, `io.download` reads a prepared file in
// chunks. Spread into the io handlers (features/io/handlers.ts).
import type { ioContract } from '../../../shared/io';
import type { HandlersOf } from '../../core/context';
import { jobsOf } from '../../jobs/registry';
import { readDownload } from './downloads';

export const exportHandlers: Pick<HandlersOf<typeof ioContract>, 'io.startExport' | 'io.download'> = {
  'io.startExport': async (input, ctx) => ({
    jobId: jobsOf(ctx.app).start({ kind: 'io.export', input, auditInput: input, session: ctx.session }),
  }),
  'io.download': async ({ downloadId, offset }, ctx) => readDownload(ctx.app.dataDir, downloadId, offset),
};
