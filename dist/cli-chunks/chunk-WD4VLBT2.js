import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/duration.ts
var DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
var MINUTE_MS = 6e4;
var HOUR_MS = 60 * MINUTE_MS;
var DAY_MS = 24 * HOUR_MS;
function parseDuration(text) {
  const m = DURATION.exec(text.trim());
  if (!m) return void 0;
  const [, d, h, min] = m;
  const ms = Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(min ?? 0) * MINUTE_MS;
  return Number.isSafeInteger(ms) ? ms : void 0;
}
function formatDuration(ms) {
  const totalMinutes = Math.round(ms / MINUTE_MS);
  const d = Math.floor(totalMinutes / (24 * 60));
  const h = Math.floor(totalMinutes % (24 * 60) / 60);
  const m = totalMinutes % 60;
  const parts = [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].join("");
  return parts === "" ? "0m" : parts;
}

export {
  MINUTE_MS,
  HOUR_MS,
  parseDuration,
  formatDuration
};
