/**
 * The status: who holds access right now, per group, shaped from the reconciler's report (until when
 * and through which request, standing exemptions, members whose request ended, drift). The `status`
 * command and the sweep's dashboard show it; it lives in report/ with the dashboard that renders it,
 * below the commands that make it. Pure.
 */
import type { BackendName } from '../backends/backend.ts';
import { formatDuration } from '../duration.ts';
import { formatTimestamp } from '../timestamp.ts';
import type { ReconcileReport } from '../reconcile/reconcile.ts';
import { refusedRequest, type GroupResult, type PlannedDisposition, type RequestResult } from '../reconcile/decide.ts';

export interface StatusRow {
  /** GitHub login when a request or identity names one, else the Entra object id. */
  who: string;
  id: string;
  type: 'user' | 'servicePrincipal' | 'other';
  /** active: a verified request; unverified: GitHub could not confirm it yet; standing: exempt; ending: its request ended; drift: no request. */
  holds: 'active' | 'unverified' | 'standing' | 'ending' | 'drift';
  /** When the request that holds it landed (ms), for charts. */
  since?: number;
  until?: string;
  file?: string;
  note?: string;
}

export interface GroupStatus {
  group: string;
  mode: 'enforce' | 'audit';
  backend: BackendName;
  members: StatusRow[];
  error?: string;
  /** What membership confers (effective access, read from Graph by `status`), one line each. */
  confers?: string[];
}

export interface StatusReport {
  generatedAt: string;
  head: string;
  degraded?: string;
  groups: GroupStatus[];
  /** What could not be read about what the groups confer (said once, with the permission that would show it). */
  confersUnknown?: string[];
}

/** Shapes the reconciler's plan into rows; pure. */
export function statusOf(report: ReconcileReport, now: number): StatusReport {
  const loginOf = new Map<string, string>();
  for (const r of report.requests) if (r.userId && r.requester) loginOf.set(r.userId, r.requester);
  // Each member's requests by file, looked up once each (a search per member is quadratic at 100,000).
  const byFile = new Map(report.requests.map((r) => [r.file, r]));
  const groups = report.groups.map((g): GroupStatus => {
    const members: StatusRow[] = [];
    for (const d of g.dispositions) {
      // An addition counts once it was made (a sweep); in a dry run or after a failure it is not a member yet.
      if (d.action === 'add' && d.outcome !== 'added' && d.outcome !== 'already-member') continue;
      members.push(rowFor(report, byFile, g, d, loginOf.get(d.id) ?? d.id, now));
    }
    // Access through requests first, then what the next run removes, exemptions, and drift.
    const rank = { active: 0, unverified: 1, ending: 2, standing: 3, drift: 4 } as const;
    members.sort((a, b) => rank[a.holds] - rank[b.holds] || a.who.localeCompare(b.who));
    return { group: g.group, mode: g.mode, backend: g.backend, members, ...(g.error ? { error: g.error } : {}) };
  });
  return { generatedAt: new Date(now).toISOString(), head: report.head, ...(report.degraded ? { degraded: report.degraded } : {}), groups };
}

/** One member's row: why they hold access (a request, break-glass, a standing exemption) or drift. */
function rowFor(
  report: ReconcileReport,
  byFile: ReadonlyMap<string, RequestResult>,
  g: GroupResult,
  d: PlannedDisposition,
  who: string,
  now: number,
): StatusRow {
  const base = { who, id: d.id, type: d.type };
  const requests = d.files.map((f) => byFile.get(f)).filter((r) => r?.request);
  const latest = requests.sort((a, b) => b!.request!.expiresAt - a!.request!.expiresAt)[0];
  const glass = report.breakGlass.filter((b) => b.group === g.group && b.userId === d.id).sort((a, b) => b.end - a.end)[0];
  if (d.reason === 'active' && glass && (!latest?.request || latest.request.expiresAt < glass.end)) {
    const until = formatTimestamp(glass.end);
    return {
      ...base,
      who: glass.login,
      holds: 'active',
      since: glass.start,
      until,
      file: `break-glass run ${glass.run}`,
      note: `break-glass until ${until} (${formatDuration(Math.max(0, glass.end - now))} left)`,
    };
  }
  if (d.reason === 'active' || d.reason === 'unverified') return requestRow(base, d.reason, latest, now);
  if (d.reason === 'standing') {
    const entry = report.config.policy.groups.get(g.group)?.standingEntries.find((s) => s.id.toLowerCase() === d.id);
    return { ...base, holds: 'standing', note: entry ? `standing exemption: ${entry.reason} (review by ${entry.review})` : 'standing exemption' };
  }
  if (d.reason === 'ended') return { ...base, holds: 'ending', ...(latest ? { file: latest.file } : {}), note: endedNote(latest) };
  return { ...base, holds: 'drift', note: g.mode === 'audit' ? 'no request (audit mode: reported, not removed)' : 'no request: removed at the next run' };
}

/** Why a member's request no longer holds: it ended, or (still in force) it was never approved, and why. */
function endedNote(latest: RequestResult | undefined): string {
  if (!latest || !refusedRequest(latest)) return `its request ended${latest?.request ? ` at ${latest.request.expires}` : ''}: removed at the next run`;
  const why = latest.verification!.reasons.join(' ').replace(/\.$/, '');
  return `its request is not approved${why ? ` (${why})` : ''}: removed at the next run`;
}

function requestRow(base: Pick<StatusRow, 'who' | 'id' | 'type'>, reason: 'active' | 'unverified', latest: RequestResult | undefined, now: number): StatusRow {
  const row: StatusRow = { ...base, holds: reason };
  const request = latest?.request;
  if (latest?.landing) row.since = latest.landing.time;
  if (request?.expires) row.until = request.expires;
  if (latest) row.file = latest.file;
  row.note =
    reason === 'unverified'
      ? 'not verified yet: GitHub could not be read'
      : `until ${request?.expires}${request ? ` (${formatDuration(Math.max(0, request.expiresAt - now))} left)` : ''}`;
  return row;
}
