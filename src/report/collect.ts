/** The report's facts: Entra membership, requests on the default branch, git history, GitHub runs. */
import { loadConfig, type AccessConfig } from '../config/config.ts';
import { lastSuccessfulRun } from '../github/client.ts';
import { PullFinder } from '../grant/gather.ts';
import { UserResolver } from '../grant/resolve.ts';
import { inventory, type BranchContext } from '../reconcile/inventory.ts';
import { atCommit } from '../repo/files.ts';
import { splitRequestPath } from '../request/path.ts';
import { judgeRequest } from '../request/verdict.ts';
import { decideRequest } from '../grant/verify.ts';
import type { ActiveGrant, GroupFigures, History, Overdue, ReportData } from './render.ts';

export interface ReportContext extends BranchContext {
  days?: number;
  /** The sweep's workflow file, for "last successful sweep". */
  sweepWorkflow?: string;
}

const SWEEP_INTERVAL_MS = 15 * 60_000;

export async function collectReport(ctx: ReportContext): Promise<ReportData> {
  const config = await loadConfig(atCommit(ctx.git, ctx.head));
  const users = new UserResolver(config, ctx.directory);
  const pulls = new PullFinder(ctx.gh, ctx.repo, ctx.git);
  const requests = await inventory({ git: ctx.git, gh: ctx.gh, pulls, users, config, head: ctx.head, now: ctx.now });
  const grants: ActiveGrant[] = [];
  const groups: GroupFigures[] = [];
  const overdue: Overdue[] = [];
  const files = atCommit(ctx.git, ctx.head);
  const usable: string[] = [];
  for (const group of config.policy.groups.values()) if (typeof (await users.group(group.name)) !== 'string') usable.push(group.id);
  const membersOf = await ctx.directory.listMembersOfGroups(usable);
  for (const group of config.policy.groups.values()) {
    const slot = requests.get(group.name)!;
    for (const list of slot.active.values()) for (const a of list) grants.push({ group: group.name, requester: a.request.requester, file: a.file, since: a.mergedAt, expires: a.request.expires });
    const usable = await users.group(group.name);
    if (typeof usable === 'string') {
      groups.push({ group: group.name, mode: group.mode, members: 0, covered: 0, standingExempt: 0, drift: [], error: usable });
      continue;
    }
    const members = (membersOf.get(group.id) ?? []).map((m) => m.id);
    const standing = new Set(group.standing);
    const covered = members.filter((id) => slot.active.has(id));
    const exempt = members.filter((id) => !slot.active.has(id) && standing.has(id));
    const drift = members.filter((id) => !slot.active.has(id) && !standing.has(id));
    groups.push({ group: group.name, mode: group.mode, members: members.length, covered: covered.length, standingExempt: exempt.length, drift });
    // Expired more than one sweep interval ago, and the member is still there.
    for (const id of drift) {
      for (const path of slot.ended.get(id) ?? []) {
        const request = judgeRequest(path, await files.read(path), config, ctx.now, 'at-rest').request;
        if (request && request.expiresAt < ctx.now - SWEEP_INTERVAL_MS) overdue.push({ group: group.name, requester: request.requester, file: path, expires: request.expires });
      }
    }
  }
  const lastSweep = await lastSuccessfulRun(ctx.gh, ctx.repo, ctx.sweepWorkflow ?? 'access-revoke.yml');
  return { generatedAt: ctx.now, lastSweep, sweepIntervalMs: SWEEP_INTERVAL_MS, grants, groups, overdue, history: await history(ctx, config, pulls) };
}

/** Requests merged into the default branch in the last `days` days, from first-parent history. */
async function history(ctx: ReportContext, config: AccessConfig, pulls: PullFinder): Promise<History> {
  const days = ctx.days ?? 30;
  const since = ctx.now - days * 86_400_000;
  const out = (await ctx.git.run(['log', '--first-parent', '-m', '--diff-filter=A', '--no-renames', `--since=${Math.floor(since / 1000)}`, '--format=%x00%H %ct', '--name-only', ctx.head, '--', 'requests/'])).toString('utf8');
  const result: History = { days, requestsPerGroup: {}, grantedPerGroup: {}, elevations: [], approvalLatencies: [] };
  const seenPulls = new Set<number>();
  for (const block of out.split('\0').filter((b) => b.trim() !== '')) {
    const [header, ...paths] = block.split('\n').filter(Boolean);
    const [commit, seconds] = header!.split(' ') as [string, string];
    const mergedAt = Number(seconds) * 1000;
    for (const path of paths) {
      const group = splitRequestPath(path)?.group;
      if (!group || !config.policy.groups.has(group)) continue;
      result.requestsPerGroup[group] = (result.requestsPerGroup[group] ?? 0) + 1;
      // Only what was granted counts as elevation: judged as the grant job judged it, at the merge.
      const decision = await decideRequest({ gh: ctx.gh, after: commit, now: mergedAt }, config, atCommit(ctx.git, `${commit}^1`), atCommit(ctx.git, commit), pulls, path, 'added');
      if (!decision.approved) continue;
      result.grantedPerGroup[group] = (result.grantedPerGroup[group] ?? 0) + 1;
      const request = decision.request;
      if (request) {
        const deleted = (await ctx.git.run(['log', '--first-parent', '-m', '--diff-filter=D', '--format=%ct', `${commit}..${ctx.head}`, '--', path])).toString('utf8').trim().split('\n').filter(Boolean).map((s) => Number(s) * 1000);
        const end = Math.min(request.expiresAt, ctx.now, ...deleted);
        if (end > mergedAt) result.elevations.push({ file: path, ms: end - mergedAt });
      }
      const pull = await pulls.forFile(commit, path);
      if (pull && !seenPulls.has(pull.number)) {
        seenPulls.add(pull.number);
        result.approvalLatencies.push({ pull: pull.number, ms: Date.parse(pull.mergedAt) - Date.parse(pull.createdAt) });
      }
    }
  }
  return result;
}
