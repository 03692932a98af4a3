/**
 * The access dashboard: one issue, found by its label and marker, that the sweep edits in place. It
 * shows who holds what until when, requests waiting for approval, drift, standing exemptions due for
 * review, and the last sweep. An edit happens only when something other than the sweep's own time
 * changed, or the time shown is an hour old, so watchers are not notified every 15 minutes. Pure.
 */
import { createHash } from 'node:crypto';
import type { StatusReport } from '../commands/status.ts';
import { formatDuration } from '../duration.ts';

export const DASHBOARD_LABEL = 'access-dashboard';
export const DASHBOARD_TITLE = 'Access dashboard';
const MARKER = '<!-- access-as-code:dashboard';
/** How old the shown sweep time may get before an edit is made for it alone. */
export const REFRESH_MS = 60 * 60_000;
const MAX_ROWS = 200;

export interface PendingRequest {
  number: number;
  author: string;
  groups: string[];
  approvers: string[];
  /** The most approvals any of its groups' policies asks for. */
  needed: number;
}

export interface DashboardData {
  status: StatusReport;
  pending: PendingRequest[];
  /** Code-owner teams could not be read, so their members' approvals are not counted. */
  teamsUnreadable?: boolean;
  exemptionsDue: { group: string; id: string; reason: string; review: string }[];
  /** Break-glass uses not yet reviewed. */
  unreviewed?: { issue: number; group: string; login: string; at: string }[];
  sweptAt: number;
  /** For a scheduled sweep: how long after its slot it started. */
  lateMs?: number;
}

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
/** Table cells: logins, group names and ids are validated forms; exemption reasons are the policy's. */
const cell = (text: string) => text.replace(/[|\\`<>[\]*_@]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
const gantt = (text: string) => text.replace(/[:#;]/g, ' ').trim();

export function isDashboard(body: string): boolean {
  return body.startsWith(MARKER);
}

/** The issue body: a marker line carrying a hash of the stable part and the sweep time, then the content. */
export function renderDashboard(d: DashboardData): { body: string; stable: string } {
  const out: string[] = [];
  const holders = d.status.groups.flatMap((g) => g.members.filter((m) => m.holds === 'active' || m.holds === 'unverified').map((m) => ({ group: g.group, ...m })));
  out.push('### Who holds what until when', '');
  if (holders.length === 0) out.push('Nobody holds access through a request.', '');
  else {
    out.push('```mermaid', 'gantt', '    dateFormat YYYY-MM-DD HH:mm', '    axisFormat %d %H:%M');
    for (const g of d.status.groups) {
      const rows = holders.filter((h) => h.group === g.group && h.until);
      if (rows.length === 0) continue;
      out.push(`    section ${gantt(g.group)}`);
      for (const h of rows) out.push(`    ${gantt(h.who)} :active, ${utc(h.since ?? Date.parse(h.until!))}, ${utc(Date.parse(h.until!))}`);
    }
    out.push('```', '', '| Group | Who | Until | Request |', '|---|---|---|---|');
    for (const h of holders.slice(0, MAX_ROWS)) out.push(`| ${cell(h.group)} | ${cell(h.who)} | ${h.until ? `${utc(Date.parse(h.until))} UTC` : 'not verified yet'} | ${h.file ? `\`${cell(h.file)}\`` : ''} |`);
    if (holders.length > MAX_ROWS) out.push(`| … | and ${holders.length - MAX_ROWS} more | | |`);
    out.push('');
  }
  out.push('### Waiting for approval', '');
  if (d.pending.length === 0) out.push('No open pull request changes a request.', '');
  else {
    out.push('| Pull request | Requester | Groups | Code-owner approvals of the latest commit |', '|---|---|---|---|');
    for (const p of d.pending.slice(0, MAX_ROWS)) out.push(`| #${p.number} | ${cell(p.author)} | ${p.groups.map(cell).join(', ')} | ${p.approvers.length} of ${p.needed}${p.approvers.length > 0 ? ` (${p.approvers.map(cell).join(', ')})` : ''} |`);
    out.push('', `Approvals by the requester or by anyone not a code owner of the files do not count.${d.teamsUnreadable ? ' The code-owner teams could not be read with this token, so their members\' approvals are not counted here (the grant reads them with its own token).' : ''}`, '');
  }
  const drift = d.status.groups.flatMap((g) => g.members.filter((m) => m.holds === 'drift' || m.holds === 'ending').map((m) => ({ group: g.group, mode: g.mode, ...m })));
  out.push('### Drift', '');
  if (drift.length === 0) out.push('Every member has an active request or a standing exemption.', '');
  else {
    out.push('| Group | Member | Why |', '|---|---|---|');
    for (const m of drift.slice(0, MAX_ROWS)) out.push(`| ${cell(m.group)} | ${cell(m.who)} | ${m.holds === 'ending' ? 'its request ended' : m.mode === 'audit' ? 'no request (audit mode: reported, not removed)' : 'no request'} |`);
    out.push('');
  }
  if (d.unreviewed && d.unreviewed.length > 0) {
    out.push('### Break-glass awaiting review', '', '| Review | Who | Group | When |', '|---|---|---|---|');
    for (const u of d.unreviewed) out.push(`| #${u.issue} | ${cell(u.login)} | ${cell(u.group)} | ${utc(Date.parse(u.at))} UTC |`);
    out.push('');
  }
  out.push('### Standing exemptions due for review', '');
  if (d.exemptionsDue.length === 0) out.push('None.', '');
  else {
    out.push('| Group | Member | Reason | Review by |', '|---|---|---|---|');
    for (const e of d.exemptionsDue) out.push(`| ${cell(e.group)} | ${cell(e.id)} | ${cell(e.reason)} | ${cell(e.review)} |`);
    out.push('');
  }
  if (d.status.degraded) out.push(`**GitHub could not be read in the last sweep**: requests were not verified.`, '');
  const stable = out.join('\n');
  const hash = createHash('sha256').update(stable).digest('hex').slice(0, 16);
  const swept = new Date(d.sweptAt).toISOString();
  const header = [
    `${MARKER} stable=${hash} swept=${swept} -->`,
    `## ${DASHBOARD_TITLE}`,
    '',
    `Kept up to date by the sweep (access-revoke); do not edit. Last sweep: ${utc(d.sweptAt)} UTC${d.lateMs !== undefined ? `, started ${formatDuration(d.lateMs)} after its 15-minute slot` : ''}.`,
    '',
  ];
  return { body: `${header.join('\n')}\n${stable}`, stable: hash };
}

/** Whether the issue needs this body: something changed, or its sweep time is over an hour old. */
export function needsEdit(current: string, next: { body: string; stable: string }, now: number): boolean {
  const marker = new RegExp(`^${MARKER} stable=([0-9a-f]+) swept=(\\S+) -->`).exec(current);
  if (!marker) return true;
  if (marker[1] !== next.stable) return true;
  return now - Date.parse(marker[2]!) >= REFRESH_MS;
}

/** How long after its 15-minute slot a scheduled run started (GitHub starts schedules late under load). */
export function slotLateness(startedAt: number, intervalMs = 15 * 60_000): number {
  return startedAt % intervalMs;
}
