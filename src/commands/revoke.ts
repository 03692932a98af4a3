/**
 * `revoke`, the scheduled sweep: for every group in the policy, compare the actual members with the
 * active, approved requests on the default branch, remove whoever should not be there, and remind
 * requesters before their access ends. Idempotent: a second sweep, or one after a killed sweep,
 * removes what is left and nothing else (THREATS.md 11, 18-21).
 */
import { loadConfig } from '../config/config.ts';
import { formatDuration } from '../duration.ts';
import type { MembershipChange } from '../entra/directory.ts';
import { PullFinder } from '../grant/gather.ts';
import { UserResolver } from '../grant/resolve.ts';
import { inventory, type ActiveRequest, type BranchContext } from '../reconcile/inventory.ts';
import { planGroupSweep, type Disposition } from '../reconcile/sweep.ts';
import { atCommit } from '../repo/files.ts';

export interface RevokeContext extends BranchContext {
  dryRun: boolean;
}

export interface GroupSweep {
  group: string;
  mode: 'enforce' | 'audit';
  dispositions: (Disposition & { outcome?: 'removed' | 'already-gone' | 'failed'; detail?: string })[];
  ignored: { file: string; why: string }[];
  error?: string;
}

export interface Reminder {
  file: string;
  pull: number;
  requester: string;
  group: string;
  expires: string;
}

export interface RevokeReport {
  groups: GroupSweep[];
  reminders: Reminder[];
  dryRun: boolean;
  failed: boolean;
}

export async function revoke(ctx: RevokeContext): Promise<RevokeReport> {
  const config = await loadConfig(atCommit(ctx.git, ctx.head));
  const users = new UserResolver(config, ctx.directory);
  const pulls = new PullFinder(ctx.gh, ctx.repo, ctx.git);
  const requests = await inventory({ git: ctx.git, gh: ctx.gh, pulls, users, config, head: ctx.head, now: ctx.now });

  let failed = false;
  const groups: GroupSweep[] = [];
  const removals: { sweep: GroupSweep; index: number; change: MembershipChange }[] = [];
  const usable: string[] = [];
  for (const group of config.policy.groups.values()) {
    const sweep: GroupSweep = { group: group.name, mode: group.mode, dispositions: [], ignored: requests.get(group.name)!.ignored };
    groups.push(sweep);
    const entra = await users.group(group.name);
    if (typeof entra === 'string') {
      // The group itself is missing or role-assignable: nothing in it is ours to change.
      sweep.error = entra;
      failed = true;
    } else usable.push(group.id);
  }
  const membersOf = await ctx.directory.listMembersOfGroups(usable);
  for (const sweep of groups) {
    if (sweep.error) continue;
    const group = config.policy.groups.get(sweep.group)!;
    const slot = requests.get(group.name)!;
    const active = new Map([...slot.active].map(([id, list]) => [id, list.map((a) => a.file)]));
    sweep.dispositions = planGroupSweep({ group, members: membersOf.get(group.id) ?? [], active, ended: slot.ended });
    sweep.dispositions.forEach((d, index) => {
      if (d.action === 'remove') removals.push({ sweep, index, change: { op: 'remove', groupId: group.id, memberId: d.id } });
    });
  }

  if (!ctx.dryRun && removals.length > 0) {
    const outcomes = await ctx.directory.apply(removals.map((r) => r.change));
    outcomes.forEach((o, i) => {
      const d = removals[i]!.sweep.dispositions[removals[i]!.index]!;
      d.outcome = !o.done ? 'failed' : o.detail === 'already not a member' ? 'already-gone' : 'removed';
      d.detail = o.done ? o.detail : `Microsoft Graph did not remove it: ${o.detail}`;
      if (!o.done) failed = true;
    });
  }
  return { groups, reminders: dueReminders(config.policy.groups, requests, ctx.now), dryRun: ctx.dryRun, failed };
}

/** Active requests that end within their group's reminder window. */
function dueReminders(policy: Map<string, { reminderBeforeMs: number }>, requests: Map<string, { active: Map<string, ActiveRequest[]> }>, now: number): Reminder[] {
  const due: Reminder[] = [];
  for (const [group, slot] of requests) {
    const window = policy.get(group)?.reminderBeforeMs ?? 0;
    for (const list of slot.active.values()) {
      for (const a of list) {
        if (a.request.expiresAt - now <= window) due.push({ file: a.file, pull: a.pull, requester: a.request.requester, group, expires: a.request.expires });
      }
    }
  }
  return due;
}

/** The reminder's marker names the file and its expiry: one reminder per request version, no state store. */
export function reminderMarker(r: Reminder): string {
  return `<!-- access-as-code:reminder:${r.file}:${r.expires} -->`;
}

export function reminderBody(r: Reminder, now: number): string {
  const left = formatDuration(Math.max(0, Date.parse(r.expires) - now));
  return [
    reminderMarker(r),
    `@${r.requester}, your membership of **${r.group}** ends at ${r.expires} (in about ${left}).`,
    '',
    `Still need it? Open a pull request that changes \`expires\` in \`${r.file}\`; it is reviewed like a new request. Otherwise nothing to do: the access is removed automatically.`,
  ].join('\n');
}
