/**
 * RFC 3339 timestamps with an explicit offset ("2026-11-24T18:00:00Z", "...+01:00"). A naive
 * timestamp ("2026-11-24T18:00:00") means different instants to different readers, so it is refused.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

export type TimestampResult = { ok: true; epochMs: number } | { ok: false; reason: string };

export function parseTimestamp(text: string): TimestampResult {
  const m = RFC3339.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { ok: false, reason: `it has no time zone offset. Add one, e.g. "${text.replace(' ', 'T')}Z" for UTC` };
    }
    return { ok: false, reason: 'it is not an RFC 3339 timestamp such as "2026-11-24T18:00:00Z"' };
  }
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'that date or time does not exist on the calendar' };
  }
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) {
    return { ok: false, reason: 'the time zone offset is out of range' };
  }
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return { ok: false, reason: 'it could not be read as a date' };
  return { ok: true, epochMs };
}

/** "2026-11-24T18:00:00Z": second precision in UTC, the form `new` writes. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
