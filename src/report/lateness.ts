/**
 * How late ended memberships were removed, per group, for the report. Pure.
 *
 * An ending is the moment an approved request stopped covering its requester: its expiry, the merge
 * that deleted it, or the merge of an unapproved change to it, unless a later approved version of the
 * same file, or another approved request of the same person for the same group, covered that moment.
 *
 * When was it removed? Every successful run of the grant or sweep workflow removes every membership
 * that has ended by the time it starts (one reconciler, removals first; a failed removal fails the
 * run), so the membership was gone at the latest when the first successful run that started after the
 * ending finished. GitHub writes those run times; nobody with write access can change them. The
 * figure is therefore an upper bound. Groups with backend: pim are ended by Entra itself at the end
 * time, with no run involved.
 */

export interface RequestVersion {
  file: string;
  group: string;
  requester: string;
  /** When this version landed on the default branch (ms). */
  landed: number;
  expiresAt: number;
  approved: boolean;
}

export interface Ending {
  group: string;
  file: string;
  requester: string;
  at: number;
}

export interface Run {
  startedAt: number;
  completedAt: number;
}

export interface GroupLateness {
  group: string;
  /** Who ends memberships on time: the sweep, or Entra (PIM for Groups assignment schedules). */
  enforcedBy: 'sweep' | 'entra';
  ended: number;
  /** Lateness of each ending whose removal is confirmed by a later successful run (ms). */
  lateness: number[];
  /** Endings no successful run has followed yet. */
  unconfirmed: number;
}

/** Endings in [since, now], from every version of every request file and the times files were deleted. */
export function endings(versions: readonly RequestVersion[], deletions: ReadonlyMap<string, readonly number[]>, since: number, now: number): Ending[] {
  const byFile = new Map<string, RequestVersion[]>();
  for (const v of versions) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v]);
  // Each approved version covers [landed, end); a version replaced by an approved one ends nothing.
  const spans: { v: RequestVersion; end: number; ends: boolean }[] = [];
  for (const list of byFile.values()) {
    list.sort((a, b) => a.landed - b.landed);
    list.forEach((v, i) => {
      if (!v.approved) return;
      const next = list[i + 1];
      const deleted = (deletions.get(v.file) ?? []).filter((t) => t > v.landed && (next === undefined || t <= next.landed));
      let end = Math.min(v.expiresAt, ...deleted);
      let ends = true;
      if (next && next.landed <= end) {
        end = next.landed;
        ends = !next.approved;
      }
      if (end > v.landed) spans.push({ v, end, ends });
    });
  }
  const out: Ending[] = [];
  for (const s of spans) {
    if (!s.ends || s.end < since || s.end > now) continue;
    const covered = spans.some(
      (o) => o !== s && o.v.group === s.v.group && o.v.requester.toLowerCase() === s.v.requester.toLowerCase() && o.v.landed <= s.end && o.end > s.end,
    );
    if (!covered) out.push({ group: s.v.group, file: s.v.file, requester: s.v.requester, at: s.end });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Per group: how long after each ending the first successful run that started after it finished. */
export function removalLateness(ended: readonly Ending[], runs: readonly Run[], endsItself: ReadonlyMap<string, boolean>): GroupLateness[] {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  const groups = new Map<string, GroupLateness>();
  for (const e of ended) {
    const enforcedBy = endsItself.get(e.group) ? 'entra' : 'sweep';
    const g = groups.get(e.group) ?? { group: e.group, enforcedBy, ended: 0, lateness: [], unconfirmed: 0 };
    groups.set(e.group, g);
    g.ended++;
    if (enforcedBy === 'entra') continue;
    const run = sorted.find((r) => r.startedAt >= e.at);
    if (run) g.lateness.push(Math.max(0, run.completedAt - e.at));
    else g.unconfirmed++;
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
}

/** Nearest-rank percentile (p in 0..100); undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
