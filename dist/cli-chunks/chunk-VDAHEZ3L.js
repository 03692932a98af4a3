import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/timestamp.ts
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
function parseTimestamp(text) {
  const m = RFC3339.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { ok: false, reason: `it has no time zone offset. Add one, e.g. "${text.replace(" ", "T")}Z" for UTC` };
    }
    return { ok: false, reason: 'it is not an RFC 3339 timestamp such as "2026-11-24T18:00:00Z"' };
  }
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: "that date or time does not exist on the calendar" };
  }
  if (oh !== void 0 && (Number(oh) > 23 || Number(om) > 59)) {
    return { ok: false, reason: "the time zone offset is out of range" };
  }
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return { ok: false, reason: "it could not be read as a date" };
  return { ok: true, epochMs };
}
function formatTimestamp(epochMs) {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export {
  parseTimestamp,
  formatTimestamp
};
