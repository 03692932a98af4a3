// Loaded with --import into a measured process: records its peak memory and the modules it loaded,
// written to BENCH_REPORT (JSON) when it exits.
import { writeFileSync } from "node:fs";
import { register } from 'node:module';

const report = process.env.BENCH_REPORT;
if (report) {
  const log = `${report}.modules`;
  writeFileSync(log, '');
  register(new URL('./load-log.mjs', import.meta.url), { data: { log } });
  process.on('exit', () => {
    writeFileSync(report, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
