/**
 * The blast radius: how much privilege is held around the clock, and how much is used through
 * requests. Per policy group: the standing members (users and, counted apart, service principals who
 * hold it without an active request: exemptions and drift), the heaviest privilege the group leads to
 * (the effective-access catalogue's weight: 100 for a path to control of the tenant, 10 privileged),
 * standing privileged hours a week (members x 168 h), and the hours actually elevated through requests
 * and break-glass in the last 7, 30 and 90 days (from the evidence). Pure.
 */
export interface BlastRow {
  group: string;
  /** The heaviest privilege the group leads to (0: nothing privileged, or not known). */
  weight: number;
  standingUsers: number;
  standingApps: number;
  /** Standing privileged hours a week: standing members (users and apps) of a privileged group x 168. */
  standingHoursPerWeek: number;
  /** Hours elevated through requests and break-glass in the last 7, 30 and 90 days. */
  elevatedHours: { d7: number; d30: number; d90: number };
  /** Standing members weighted by what they reach. */
  exposure: number;
  /** What the group leads to was not fully read (a refused read): `weight` is a lower bound. */
  unknown?: boolean;
}

export interface BlastRadius {
  rows: BlastRow[];
  total: Omit<BlastRow, 'group' | 'weight'>;
  /** Week by week, oldest first: standing exemptions of privileged groups in the approved policy then, and hours elevated. */
  trend?: TrendPoint[];
  /** What the history of standing members is, or why there is none (no memory key, points that did not count). */
  history?: string;
  /** The requests and break-glass runs could not be read (GitHub was not): the hours elevated are not known. */
  elevatedUnknown?: boolean;
}

export interface TrendPoint {
  /** The end of the week (ISO date). */
  weekEnding: string;
  /** Standing exemptions in the privileged groups of the policy in force then (undefined: not known). */
  standingExemptions?: number;
  /**
   * Users and service principals holding the privileged groups with no active request (exemptions and
   * drift), as the sweep recorded them on the week's last recorded day (undefined: no record that week).
   */
  standingMembers?: number;
  elevatedHours: number;
}

/**
 * Per week (index 0: the week ending now), the standing members of the given groups on the last day
 * the sweep recorded in that week, from the history's points; undefined for a week with none. Pure.
 */
export function standingByWeek(
  weeks: number,
  now: number,
  points: readonly { at: string; groups: readonly { group: string; users: number; apps: number }[] }[],
  groups: ReadonlySet<string>,
): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (let w = 0; w < weeks; w++) {
    const end = now - w * 7 * DAY;
    const inWeek = points.filter((p) => Date.parse(p.at) <= end && Date.parse(p.at) > end - 7 * DAY).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    out.push(inWeek ? inWeek.groups.filter((g) => groups.has(g.group)).reduce((n, g) => n + g.users + g.apps, 0) : undefined);
  }
  return out;
}

/**
 * The last `weeks` weeks, oldest first: the standing exemptions of privileged groups in the policy in
 * force at each week's end (from git: the approved configuration at that commit), and the hours
 * elevated through requests and break-glass during the week (from the evidence). Pure.
 */
export function weeklyTrend(
  weeks: number,
  now: number,
  exemptionsAt: readonly (number | undefined)[],
  grants: readonly { group: string; grantedAt: string; endedAt: string; plannedEnd: string }[],
  standingAt: readonly (number | undefined)[] = [],
): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const end = now - w * 7 * DAY;
    const start = end - 7 * DAY;
    let hours = 0;
    for (const g of grants) {
      const from = Math.max(Date.parse(g.grantedAt), start);
      const stop = Date.parse(g.endedAt || g.plannedEnd);
      const to = Math.min(Number.isNaN(stop) ? now : stop, end, now);
      if (!Number.isNaN(from) && to > from) hours += (to - from) / HOUR;
    }
    const exemptions = exemptionsAt[w];
    const standing = standingAt[w];
    out.push({
      weekEnding: new Date(end).toISOString().slice(0, 10),
      ...(exemptions !== undefined ? { standingExemptions: exemptions } : {}),
      ...(standing !== undefined ? { standingMembers: standing } : {}),
      elevatedHours: Math.round(hours * 10) / 10,
    });
  }
  return out;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function blastRadius(
  groups: readonly { group: string; standingUsers: number; standingApps: number }[],
  weights: ReadonlyMap<string, number>,
  grants: readonly { group: string; grantedAt: string; endedAt: string; plannedEnd: string }[],
  now: number,
  /** Groups whose access could not be read in full (a refused read): their weight may be low. */
  unknown: ReadonlySet<string> = new Set(),
): BlastRadius {
  const within = (days: number, g: { grantedAt: string; endedAt: string; plannedEnd: string }) => {
    const from = Math.max(Date.parse(g.grantedAt), now - days * DAY);
    const end = Date.parse(g.endedAt || g.plannedEnd);
    const to = Math.min(Number.isNaN(end) ? now : end, now);
    return Number.isNaN(from) || to <= from ? 0 : (to - from) / HOUR;
  };
  const rows = groups.map((g): BlastRow => {
    const weight = weights.get(g.group) ?? 0;
    const mine = grants.filter((x) => x.group === g.group);
    const sum = (days: number) => Math.round(mine.reduce((n, x) => n + within(days, x), 0) * 10) / 10;
    const standing = g.standingUsers + g.standingApps;
    return {
      group: g.group,
      weight,
      standingUsers: g.standingUsers,
      standingApps: g.standingApps,
      standingHoursPerWeek: weight >= 10 ? standing * 168 : 0,
      elevatedHours: { d7: sum(7), d30: sum(30), d90: sum(90) },
      exposure: standing * weight,
      ...(unknown.has(g.group) ? { unknown: true } : {}),
    };
  });
  // The headline counts standing members of privileged groups only; the rows show every group's.
  const add = (f: (r: BlastRow) => number, privilegedOnly = false) =>
    Math.round(rows.filter((r) => !privilegedOnly || r.weight >= 10).reduce((n, r) => n + f(r), 0) * 10) / 10;
  return {
    rows,
    total: {
      standingUsers: add((r) => r.standingUsers, true),
      standingApps: add((r) => r.standingApps, true),
      standingHoursPerWeek: add((r) => r.standingHoursPerWeek),
      elevatedHours: { d7: add((r) => r.elevatedHours.d7), d30: add((r) => r.elevatedHours.d30), d90: add((r) => r.elevatedHours.d90) },
      exposure: add((r) => r.exposure),
    },
  };
}

const reach = (w: number, unknown?: boolean) =>
  w >= 100 ? 'control of the tenant' : w >= 10 ? `privileged${unknown ? ' (at least)' : ''}` : unknown ? 'not known' : 'not privileged';

/**
 * What the headline does not count, said beside it: the table lists every group, so members of groups
 * that are not privileged, and of groups whose access could not be read, are named rather than left
 * for a reader to take as a contradiction (or as a count that is complete).
 */
function besides(rows: readonly BlastRow[], cell: (s: string) => string): string {
  const members = (r: BlastRow) => r.standingUsers + r.standingApps;
  const elsewhere = rows.filter((r) => r.weight < 10 && !r.unknown).reduce((n, r) => n + members(r), 0);
  const unread = rows.filter((r) => r.weight < 100 && r.unknown && members(r) > 0);
  const uncounted = unread.reduce((n, r) => n + members(r), 0);
  return [
    elsewhere > 0
      ? ` Besides, ${elsewhere} standing member${elsewhere === 1 ? ' holds' : 's hold'} groups that are not privileged (the table lists them).`
      : '',
    unread.length > 0
      ? ` **Not known in full:** what ${unread.map((r) => cell(r.group)).join(', ')} ${unread.length === 1 ? 'leads' : 'lead'} to could not be read (the reads were refused; the catalogue's notes say which), so ${uncounted} standing member${uncounted === 1 ? ' is' : 's are'} not counted as privileged and these figures may be low.`
      : '',
  ].join('');
}

/** The report's section: the headline, then per group. */
export function renderBlastRadius(b: BlastRadius, cell: (s: string) => string): string[] {
  const t = b.total;
  const out = [
    '### Blast radius',
    '',
    `**${t.standingUsers} standing privileged user${t.standingUsers === 1 ? '' : 's'}** and **${t.standingApps} app${t.standingApps === 1 ? '' : 's'}** (service principals) hold privileged groups around the clock: ${t.standingHoursPerWeek} standing privileged hours a week, against ${b.elevatedUnknown ? 'hours elevated through requests and break-glass that are not known (GitHub could not be read)' : `${t.elevatedHours.d7} hours elevated through requests and break-glass in the last 7 days (${t.elevatedHours.d30} in 30, ${t.elevatedHours.d90} in 90)`}. Weighted exposure: ${t.exposure} (a path to control of the tenant counts 100 per member, other privileged access 10).${besides(b.rows, cell)}`,
    '',
    '| Group | Leads to | Standing users | Standing apps | Standing privileged h/week | Elevated h, 7 / 30 / 90 days | Exposure |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of b.rows)
    out.push(
      `| ${cell(r.group)} | ${reach(r.weight, r.unknown)} | ${r.standingUsers} | ${r.standingApps} | ${r.standingHoursPerWeek} | ${b.elevatedUnknown ? 'not known' : `${r.elevatedHours.d7} / ${r.elevatedHours.d30} / ${r.elevatedHours.d90}`} | ${r.exposure} |`,
    );
  out.push('', 'Standing members are counted now, from Entra; elevated hours come from the requests and break-glass runs of the period.', '');
  out.push(...renderTrend(b));
  return out;
}

/** Week by week: the weeks before anything was recorded (no hours, the same exemptions) say one thing, in one row. */
function renderTrend(b: BlastRadius): string[] {
  const out: string[] = [];
  const hours = (h: number) => (b.elevatedUnknown ? 'not known' : h);
  // The weeks before the sweep first recorded anything, with no hours elevated and the same exemptions,
  // say one thing: one row for all of them instead of a row each.
  const all = b.trend ?? [];
  const quiet = (t: TrendPoint) => t.standingMembers === undefined && t.elevatedHours === 0 && t.standingExemptions === all[0]?.standingExemptions;
  const firstKnown = all.findIndex((t) => !quiet(t));
  const trend = firstKnown < 0 ? [] : all.slice(firstKnown);
  if (all.length > 0 && trend.length === 0)
    out.push(
      `**Week by week:** nothing was recorded and no hours were elevated in the last ${all.length === 1 ? 'week' : `${all.length} weeks`} (standing exemptions in privileged groups: ${all[0]!.standingExemptions ?? 'not known'}).`,
      '',
    );
  if (trend.length > 0) {
    out.push(
      '**Week by week** (in the groups privileged now: members holding them with no request, users and apps, as the sweep recorded them on the week’s last recorded day; the standing exemptions of the approved policy at each week’s end, from git; and the hours elevated through requests and break-glass):',
      '',
      '| Week ending | Standing members in privileged groups | Standing exemptions in privileged groups | Hours elevated through requests and break-glass |',
      '|---|---|---|---|',
    );
    if (firstKnown > 0)
      out.push(`| the ${firstKnown} week${firstKnown === 1 ? '' : 's'} before | not recorded | ${all[0]!.standingExemptions ?? 'not known'} | ${hours(0)} |`);
    for (const t of trend)
      out.push(`| ${t.weekEnding} | ${t.standingMembers ?? 'not recorded'} | ${t.standingExemptions ?? 'not known'} | ${hours(t.elevatedHours)} |`);
    out.push('');
    if (b.history) out.push(b.history, '');
  }
  return out;
}
