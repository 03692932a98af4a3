/** Durations in policy files and on the command line: 30m, 4h, 1d, 1h30m (d = 24 hours). */
const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const [, d, h, min] = m;
  const ms = Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(min ?? 0) * MINUTE_MS;
  return Number.isSafeInteger(ms) ? ms : undefined;
}

export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / MINUTE_MS);
  const d = Math.floor(totalMinutes / (24 * 60));
  const h = Math.floor((totalMinutes % (24 * 60)) / 60);
  const m = totalMinutes % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].join('');
  return parts === '' ? '0m' : parts;
}
