// Loaded with --import into a measured process: records its peak memory, and with BENCH_MODULES the
// modules it loaded, written to BENCH_REPORT (JSON) when it exits. Module logging is asked for only
// where it is a figure (start-up): its loader hooks run on another thread and slow every import,
// which the measured time of the others would include.
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';

const report = process.env.BENCH_REPORT;
if (report) {
  const log = `${report}.modules`;
  writeFileSync(log, '');
  if (process.env.BENCH_MODULES) register(new URL('./load-log.mjs', import.meta.url), { data: { log } });
  process.on('exit', () => {
    writeFileSync(report, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
