// `kehu demo --contacts N`: the sample data set (src/main/features/demo) written with the bulk
// seeder (prepared statements in large transactions), with the runtime's own clock.
import type { Runtime } from '../core/runtime';
import { seedBulk } from '../features/demo';

export async function runDemo(rt: Runtime, contacts: number, log: (line: string) => void, seed = Date.now() % 2_147_483_647): Promise<string> {
  let lastReport = 0;
  const result = seedBulk(rt.app.db.sqlite, {
    contacts,
    seed,
    clock: rt.app.clock,
    onProgress: (done) => {
      if (done < contacts && done - lastReport >= 50_000) {
        lastReport = done;
        log(`  ${done} / ${contacts} contacts`);
      }
    },
  });
  return `Added ${result.contacts} contacts, ${result.companies} companies and ${result.activities} timeline entries`;
}
