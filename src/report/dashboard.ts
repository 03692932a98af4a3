/**
 * The access dashboard: one issue, found by its label and marker, that the sweep edits in place. It
 * shows who holds what until when, requests waiting for approval, drift, standing exemptions due for
 * review, and the last sweep. An edit happens only when something other than the sweep's own time
 * changed, or the time shown is an hour old, so watchers are not notified every 15 minutes. Pure.
 */
import type { StatusReport } from './status.ts';
import { formatDuration } from '../duration.ts';
import { codeCell, markdownCell } from '../markdown.ts';
import type { UseRow } from '../breakglass/uses.ts';
import { accessLines, heaviest, parseGroupAccess, type Catalogue, type GroupAccess } from '../entra/catalogue.ts';

export const DASHBOARD_LABEL = 'access-dashboard';
export const DASHBOARD_TITLE = 'Access dashboard';
const MARKER = '<!-- access-as-code:dashboard';
/** How old the shown sweep time may get before an edit is made for it alone. */
export const REFRESH_MS = 60 * 60_000;
const MAX_ROWS = 200;
/** GitHub refuses an issue body longer than this (422 "body is too long"). */
export const ISSUE_BODY_LIMIT = 65_536;

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
  unreviewed?: UseRow[];
  /** Configuration changes on the default branch that are not in force (not approved). */
  configIgnored?: { sha: string; files: string[]; why: string }[];
  sweptAt: number;
  /** For a scheduled sweep: how long after its slot it started. */
  lateMs?: number;
  /** What each policy group confers, read by this sweep (published for the pull-request check). */
  catalogue?: Catalogue;
}

/** The blast radius headline: standing members of privileged groups now, weighted (the report has the detail). */
export function blastHeadline(d: DashboardData): string | undefined {
  if (!d.catalogue) return undefined;
  const weights = new Map(d.catalogue.groups.map((g) => [g.group, heaviest(g)]));
  const standing = d.status.groups.flatMap((g) =>
    (weights.get(g.group) ?? 0) >= 10
      ? g.members.filter((m) => m.holds === 'standing' || m.holds === 'drift' || m.holds === 'ending').map((m) => ({ m, w: weights.get(g.group)! }))
      : [],
  );
  const users = standing.filter((x) => x.m.type === 'user').length;
  const apps = standing.filter((x) => x.m.type === 'servicePrincipal').length;
  const exposure = standing.filter((x) => x.m.type !== 'other').reduce((n, x) => n + x.w, 0);
  return `**Blast radius:** ${users} standing privileged user${users === 1 ? '' : 's'} and ${apps} app${apps === 1 ? '' : 's'} hold privileged groups around the clock (${(users + apps) * 168} standing privileged hours a week, weighted exposure ${exposure}); the daily access report compares it with the hours used through requests.`;
}

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const cell = markdownCell;
const gantt = (text: string) => text.replace(/[:#;]/g, ' ').trim();

export function isDashboard(body: string): boolean {
  return body.startsWith(MARKER);
}

/**
 * The issue body: a marker line, the header with the sweep time, then the content. `stable` is the
 * body without the sweep time, for comparing with what the issue holds.
 */
export function renderDashboard(d: DashboardData): { body: string; stable: string } {
  // Bounded (docs/threat-model.md 56): fewer rows per table until the body fits in one issue.
  for (let rows = MAX_ROWS; ; rows = Math.floor(rows / 2)) {
    const rendered = renderWithRows(d, rows);
    if (rendered.body.length <= ISSUE_BODY_LIMIT || rows <= 1) return rendered;
  }
}

function renderWithRows(d: DashboardData, MAX_ROWS: number): { body: string; stable: string } {
  const out: string[] = [];
  const holders = d.status.groups.flatMap((g) =>
    g.members.filter((m) => m.holds === 'active' || m.holds === 'unverified').map((m) => ({ group: g.group, ...m })),
  );
  const headline = blastHeadline(d);
  if (headline) out.push(headline, '');
  out.push('### Who holds what until when', '');
  if (holders.length === 0) out.push('Nobody holds access through a request.', '');
  else {
    out.push('```mermaid', 'gantt', '    dateFormat YYYY-MM-DD HH:mm', '    axisFormat %d %H:%M');
    for (const g of d.status.groups) {
      const rows = holders.slice(0, MAX_ROWS).filter((h) => h.group === g.group && h.until);
      if (rows.length === 0) continue;
      out.push(`    section ${gantt(g.group)}`);
      for (const h of rows) out.push(`    ${gantt(h.who)} :active, ${utc(h.since ?? Date.parse(h.until!))}, ${utc(Date.parse(h.until!))}`);
    }
    out.push('```', '', '| Group | Who | Until | Request |', '|---|---|---|---|');
    for (const h of holders.slice(0, MAX_ROWS))
      out.push(
        `| ${cell(h.group)} | ${cell(h.who)} | ${h.until ? `${utc(Date.parse(h.until))} UTC` : 'not verified yet'} | ${h.file ? codeCell(h.file) : ''} |`,
      );
    if (holders.length > MAX_ROWS) out.push(`| … | and ${holders.length - MAX_ROWS} more | | |`);
    out.push('');
  }
  out.push(
    ...configSection(d),
    ...pendingSection(d, MAX_ROWS),
    ...driftSection(d, MAX_ROWS),
    ...unreviewedSection(d, MAX_ROWS),
    ...exemptionSection(d, MAX_ROWS),
    ...catalogueSection(d.catalogue, MAX_ROWS),
    ...driftBlock(d),
  );
  if (d.status.degraded) out.push(`**GitHub could not be read in the last sweep**: requests were not verified.`, '');
  const stable = `${MARKER} -->\n## ${DASHBOARD_TITLE}\n\n${HEADER_NOTE}\n\n${out.join('\n')}`;
  const swept = `${HEADER_NOTE} Last sweep: ${utc(d.sweptAt)} UTC${d.lateMs !== undefined ? `, started ${formatDuration(d.lateMs)} after its 15-minute slot` : ''}.`;
  return { body: stable.replace(HEADER_NOTE, swept), stable };
}

const HEADER_NOTE = 'Kept up to date by the sweep (access-revoke) from its own facts; edits by hand are overwritten.';
/** The header line with the sweep time, as renderDashboard writes it: the only part that changes by itself. */
const SWEPT_LINE = /^Kept up to date by the sweep \(access-revoke\) from its own facts; edits by hand are overwritten\. Last sweep: [^\n]*$/m;

function configSection(d: DashboardData): string[] {
  if (!d.configIgnored || d.configIgnored.length === 0) return [];
  const out = [
    '### ⚠️ Configuration changes not in force',
    '',
    'These commits changed the access configuration without an approved pull request, so the last approved version is used instead. Make the change again in a pull request the code owners approve.',
    '',
    '| Commit | Files | Why |',
    '|---|---|---|',
  ];
  for (const c of d.configIgnored) out.push(`| ${c.sha.slice(0, 7)} | ${c.files.map(codeCell).join(', ')} | ${codeCell(c.why)} |`);
  return [...out, ''];
}

function pendingSection(d: DashboardData, MAX_ROWS: number): string[] {
  const out = ['### Waiting for approval', ''];
  if (d.pending.length === 0) return [...out, 'No open pull request changes a request.', ''];
  out.push('| Pull request | Requester | Groups | Code-owner approvals of the latest commit |', '|---|---|---|---|');
  for (const p of d.pending.slice(0, MAX_ROWS))
    out.push(
      `| #${p.number} | ${cell(p.author)} | ${p.groups.length > 0 ? p.groups.map(cell).join(', ') : 'no policy group'} | ${p.approvers.length} of ${p.needed}${p.approvers.length > 0 ? ` (${p.approvers.map(cell).join(', ')})` : ''} |`,
    );
  if (d.pending.length > MAX_ROWS) out.push(`| … | and ${d.pending.length - MAX_ROWS} more | | |`);
  out.push(
    '',
    `Approvals by the requester or by anyone not a code owner of the files do not count.${d.teamsUnreadable ? " The code-owner teams could not be read with this token, so their members' approvals are not counted here (the grant reads them with its own token)." : ''}`,
    '',
  );
  return out;
}

function driftSection(d: DashboardData, MAX_ROWS: number): string[] {
  const drift = d.status.groups.flatMap((g) =>
    g.members.filter((m) => m.holds === 'drift' || m.holds === 'ending').map((m) => ({ group: g.group, mode: g.mode, ...m })),
  );
  const out = ['### Drift', ''];
  if (drift.length === 0) return [...out, 'Every member has an active request or a standing exemption.', ''];
  out.push('| Group | Member | Why |', '|---|---|---|');
  for (const m of drift.slice(0, MAX_ROWS))
    out.push(
      `| ${cell(m.group)} | ${cell(m.who)} | ${m.holds === 'ending' ? 'its request ended' : m.mode === 'audit' ? 'no request (audit mode: reported, not removed)' : 'no request'} |`,
    );
  if (drift.length > MAX_ROWS) out.push(`| … | and ${drift.length - MAX_ROWS} more | |`);
  return [...out, ''];
}

function unreviewedSection(d: DashboardData, MAX_ROWS: number): string[] {
  if (!d.unreviewed || d.unreviewed.length === 0) return [];
  const out = ['### Break-glass awaiting review', '', '| Review | Who | Group | When |', '|---|---|---|---|'];
  for (const u of d.unreviewed.slice(0, MAX_ROWS))
    out.push(`| ${u.issue !== undefined ? `#${u.issue}` : `none (run ${u.run})`} | ${cell(u.login)} | ${cell(u.group)} | ${utc(Date.parse(u.at))} UTC |`);
  if (d.unreviewed.length > MAX_ROWS) out.push(`| … | and ${d.unreviewed.length - MAX_ROWS} more | | |`);
  return [...out, ''];
}

const CATALOGUE_MARKER = '<!-- access-as-code:catalogue ';
/** What one group confers that is published: enough for a reviewer, bounded so the issue fits. */
const PUBLISHED_PER_GROUP = 50;

/**
 * What each group confers, for people, and the same as data in a comment the pull-request check reads
 * (base64url JSON: a comment cannot be closed from inside it). Without the read time: the issue's edit
 * time, as GitHub records it, says how old it is.
 */
function catalogueSection(catalogue: Catalogue | undefined, MAX_ROWS: number): string[] {
  if (!catalogue) return [];
  const groups: GroupAccess[] = catalogue.groups.map((g) => ({
    ...g,
    // The application's object id is for discover, not for a reviewer.
    confers: g.confers.slice(0, Math.min(PUBLISHED_PER_GROUP, MAX_ROWS)).map(({ resourceId: _, ...c }) => c),
  }));
  const out = [
    '### What each group confers',
    '',
    'Read from Microsoft Graph by the sweep; the pull-request check shows it to the code owners of each request.',
    '',
  ];
  // What no group's reads could show is said once (usually a read-only permission the app does not hold).
  const everywhere = (groups[0]?.unknown ?? []).filter((u) => groups.every((g) => g.unknown.includes(u)));
  if (everywhere.length > 0) out.push(`Not known for any group: ${everywhere.map(cell).join('; ')}.`, '');
  for (const g of groups) {
    const lines = accessLines({ ...g, unknown: g.unknown.filter((u) => !everywhere.includes(u)) });
    out.push(`**${cell(g.group)}**: ${lines.length === 0 ? 'nothing beyond membership itself.' : ''}`);
    for (const line of lines) out.push(`- ${cell(line)}`);
    out.push('');
  }
  const data = Buffer.from(JSON.stringify(groups), 'utf8').toString('base64url');
  return [...out, `${CATALOGUE_MARKER}${data} -->`, ''];
}

const DRIFT_MARKER = '<!-- access-as-code:drift ';

/**
 * Members of each audit-mode group who hold it without a request, as data: what a pull request that
 * switches the group to enforce is told it would remove (it has no Entra token to ask).
 */
function driftBlock(d: DashboardData): string[] {
  const pending = d.pending.slice(0, 500).map((p) => ({ number: p.number, author: p.author, groups: p.groups, approvers: p.approvers }));
  const pendingLine = pending.length > 0 ? [`${PENDING_MARKER}${Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url')} -->`] : [];
  const drift = d.status.groups
    .filter((g) => g.mode === 'audit')
    .map((g) => ({
      group: g.group,
      members: g.members
        .filter((m) => m.holds === 'drift')
        .map((m) => m.who)
        .slice(0, 500),
    }));
  const driftLine = drift.length > 0 ? [`${DRIFT_MARKER}${Buffer.from(JSON.stringify(drift), 'utf8').toString('base64url')} -->`] : [];
  return driftLine.length + pendingLine.length > 0 ? [...driftLine, ...pendingLine, ''] : [];
}

const PENDING_MARKER = '<!-- access-as-code:pending ';

/** Pull requests waiting for approval as a dashboard body holds them (number, author, groups, counted approvers), or undefined. */
export function publishedPending(body: string): PendingRequest[] | undefined {
  const value = block(body, PENDING_MARKER);
  if (!Array.isArray(value) || value.length > 1000) return undefined;
  const out: PendingRequest[] = [];
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 100) : []);
  for (const p of value as { number?: unknown; author?: unknown; groups?: unknown; approvers?: unknown }[]) {
    if (!p || typeof p.number !== 'number' || !Number.isInteger(p.number) || typeof p.author !== 'string') return undefined;
    out.push({ number: p.number, author: p.author.slice(0, 39), groups: strings(p.groups), approvers: strings(p.approvers), needed: 0 });
  }
  return out;
}

/** The drift of audit-mode groups as a dashboard body holds it (group -> members without a request), or undefined. */
export function publishedDrift(body: string): Map<string, string[]> | undefined {
  const value = block(body, DRIFT_MARKER);
  if (!Array.isArray(value) || value.length > 1000) return undefined;
  const out = new Map<string, string[]>();
  for (const g of value as { group?: unknown; members?: unknown }[]) {
    if (!g || typeof g.group !== 'string' || !Array.isArray(g.members)) return undefined;
    out.set(
      g.group,
      g.members.filter((m): m is string => typeof m === 'string').map((m) => m.slice(0, 128)),
    );
  }
  return out;
}

/** The JSON of a data block (base64url inside an HTML comment), or undefined. */
function block(body: string, marker: string): unknown {
  const start = body.lastIndexOf(marker);
  if (start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  const data = body.slice(start + marker.length, end < 0 ? undefined : end);
  if (!/^[A-Za-z0-9_-]+$/.test(data)) return undefined;
  try {
    return JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** What each group confers, as a dashboard body holds it, or undefined (none, or not in the expected shape). */
export function publishedCatalogue(body: string): GroupAccess[] | undefined {
  const value = block(body, CATALOGUE_MARKER);
  return value === undefined ? undefined : parseGroupAccess(value);
}

function exemptionSection(d: DashboardData, MAX_ROWS: number): string[] {
  const out = ['### Standing exemptions due for review', ''];
  if (d.exemptionsDue.length === 0) return [...out, 'None.', ''];
  out.push('| Group | Member | Reason | Review by |', '|---|---|---|---|');
  for (const e of d.exemptionsDue.slice(0, MAX_ROWS)) out.push(`| ${cell(e.group)} | ${cell(e.id)} | ${cell(e.reason)} | ${cell(e.review)} |`);
  if (d.exemptionsDue.length > MAX_ROWS) out.push(`| … | and ${d.exemptionsDue.length - MAX_ROWS} more | | |`);
  return [...out, ''];
}

/** GitHub's record of the dashboard issue's body: who last edited it and when (never the body's own claims). */
export interface IssueEdits {
  createdAt: string;
  lastEditedAt: string | null;
  /** Who edited the body last (GraphQL `Issue.editor`), a person or a bot told by type; null: never edited. */
  editor: { login: string; bot: boolean } | null;
}

/**
 * Whether a person edited the body last. Told by the editor's type (GraphQL `__typename: Bot`), never
 * by its login: GraphQL names the sweep's own bot `github-actions`, without REST's `[bot]`
 * (docs/threat-model.md 67), so a check of the name took every sweep's edit for a person's.
 */
export const editedByPerson = (edits: IssueEdits): boolean => edits.editor !== null && !edits.editor.bot;

/**
 * Whether the issue needs this body (docs/threat-model.md 50): what it holds differs from what the
 * sweep would write (compared without the sweep time), someone other than a bot edited it last, or the
 * sweep's last write is an hour old. Nothing in the body itself (its marker included) is believed.
 */
export function needsEdit(current: string, edits: IssueEdits | undefined, next: { stable: string }, now: number): boolean {
  if (current.replace(SWEPT_LINE, HEADER_NOTE) !== next.stable) return true;
  if (!edits) return true;
  if (editedByPerson(edits)) return true;
  return now - Date.parse(edits.lastEditedAt ?? edits.createdAt) >= REFRESH_MS;
}

/**
 * The sweep's schedule: every 15 minutes from minute 7 (`7,22,37,52 * * * *` in access-revoke.yml).
 * GitHub starts scheduled runs late under load, most at the top of the hour, so the template keeps
 * off minute 0; the two are kept equal by test/unit/workflows.test.ts.
 */
export const SWEEP_SCHEDULE = { intervalMs: 15 * 60_000, offsetMs: 7 * 60_000 };

/** How long after its slot a scheduled sweep started (GitHub starts schedules late under load). */
export function slotLateness(startedAt: number, schedule = SWEEP_SCHEDULE): number {
  return (((startedAt - schedule.offsetMs) % schedule.intervalMs) + schedule.intervalMs) % schedule.intervalMs;
}
