/**
 * Break-glass: in an incident a person the policy allows grants themselves a group at once, for at
 * most its break-glass maximum, through the access-break-glass workflow (workflow_dispatch only, in
 * the grant environment), and the group's code owners review it afterwards in an issue.
 *
 * The record of a break-glass grant is the workflow run as GitHub lists it, and a run counts only
 * when nobody but that workflow on the default branch could have made it (docs/threat-model.md 48):
 *  - a successful attempt started by the run's own actor (a re-run by someone else grants nothing,
 *    and the runs API reports the latest attempt, so earlier successful attempts are read too);
 *  - `head_branch` names the default branch AND `head_sha` is on the default branch's history (a tag
 *    or another repository's branch named like it reports the same `head_branch`);
 *  - the break-glass workflow file at `head_sha` is the one on the default branch now (an old or
 *    altered workflow proves nothing), which runs in the protected grant environment and refuses
 *    any ref but the default branch;
 *  - its title (the workflow's run-name) names the group, the duration and the run's own actor;
 *  - the person is allowed now (logins listed in the policy, or teams read from GitHub now), the
 *    group allows break-glass now, and the duration is within its maximum now.
 * The end counts from the run's creation (a re-run keeps it), so a re-run never extends the access.
 * Pure: the facts are gathered in breakglass/records.ts.
 */
import { formatDuration, parseDuration } from '../duration.ts';
import type { Policy } from '../policy/policy.ts';
import { teamKey, type TeamName } from '../codeowners/codeowners.ts';
import { mayRequest, requesterTeamNames } from '../policy/requesters.ts';
import { recordProblem, type RecordRule, type RunProof } from './record-rule.ts';

export const BREAK_GLASS_WORKFLOW = 'access-break-glass.yml';
export const BREAK_GLASS_LABEL = 'access-break-glass';

export interface BreakGlassRun extends RunProof {
  id: number;
  /** The first attempt's creation time (ms). */
  createdAt: number;
  /** When the latest attempt was last updated (ms): the review issue is opened before it. */
  updatedAt: number;
  title: string;
  /** The first attempt's user: the person the grant is for. */
  actor: string;
  headBranch: string;
  headSha: string;
  path: string;
  event: string;
  /** Whether an attempt started by `actor` ended in success (the latest, or an earlier one). */
  succeededForActor: boolean;
}

/** The record rule (records.ts) for break-glass runs: manual runs of the break-glass workflow as it is on the default branch now. */
export const breakGlassRule = (branch: string): RecordRule => ({ branch, workflow: BREAK_GLASS_WORKFLOW, events: ['workflow_dispatch'], workflowAsNow: true });

export interface BreakGlassGrant {
  run: number;
  group: string;
  login: string;
  start: number;
  end: number;
}

/** The run title the workflow sets (run-name), from which the grant is read back. */
export const runTitle = (group: string, duration: string, login: string) => `break-glass ${group} for ${duration} by ${login}`;
const TITLE =
  /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/** The "file" a break-glass grant stands in for, in plans and reports. */
export const breakGlassSource = (run: number) => `break-glass run ${run}`;
export const isBreakGlassSource = (file: string) => file.startsWith('break-glass run ');

/** The longest break-glass any group allows: how far back runs can still cover someone. */
export function breakGlassWindow(policy: Policy): number {
  return Math.max(0, ...[...policy.groups.values()].map((g) => g.breakGlass?.maxDurationMs ?? 0));
}

/** The teams among the break-glass requesters of every group: read from GitHub at each judgement. */
export function breakGlassTeams(policy: Policy): { org: string; slug: string }[] {
  const teams = new Map<string, TeamName>();
  for (const g of policy.groups.values()) for (const t of requesterTeamNames(g.breakGlass?.requesters ?? [])) teams.set(teamKey(t), t);
  return [...teams.values()];
}

/** A genuine break-glass use as its run records it (whatever the policy says now). */
export interface BreakGlassRecord {
  run: number;
  group: string;
  login: string;
  durationMs: number;
  start: number;
  /** When the run's latest attempt was last updated: its review issue was opened before then. */
  updatedAt: number;
}

/** Whether a run is a record nobody but the break-glass workflow on the default branch could make. */
export function readRecord(run: BreakGlassRun, branch: string): { record: BreakGlassRecord } | { run: number; why: string } {
  const not = (why: string) => ({ run: run.id, why });
  const problem = recordProblem(run, breakGlassRule(branch));
  if (problem) return not(problem);
  if (!run.succeededForActor) return not(`no attempt started by ${run.actor} succeeded.`);
  const m = TITLE.exec(run.title);
  const ms = m ? parseDuration(m[2]!) : undefined;
  if (!m || m[3]!.toLowerCase() !== run.actor.toLowerCase() || ms === undefined)
    return not(`its title does not name its own actor (${run.actor}), a policy group and a duration.`);
  return { record: { run: run.id, group: m[1]!, login: run.actor, durationMs: ms, start: run.createdAt, updatedAt: run.updatedAt } };
}

export type RunJudgement = { grant: BreakGlassGrant } | { run: number; why: string };

/** Whether one run is a break-glass grant under the policy as it is now, and until when; or why not. */
export function judgeBreakGlassRun(run: BreakGlassRun, policy: Policy, branch: string, memberships: ReadonlySet<string>): RunJudgement {
  const read = readRecord(run, branch);
  if (!('record' in read)) return read;
  const { group, durationMs } = read.record;
  const not = (why: string): RunJudgement => ({ run: run.id, why });
  const rules = policy.groups.get(group)?.breakGlass;
  if (!rules) return not(`${group} does not allow break-glass (now).`);
  if (durationMs > rules.maxDurationMs) return not(`${formatDuration(durationMs)} is over ${group}'s break-glass maximum of ${rules.maxDurationText} (now).`);
  if (!mayRequest(run.actor, rules.requesters, memberships))
    return not(`${run.actor} may not break glass for ${group} now (allowed: ${rules.requesters.join(', ')}).`);
  return { grant: { run: run.id, group, login: run.actor, start: run.createdAt, end: run.createdAt + durationMs } };
}

/**
 * Why a grant the break-glass job decided does not fit the approved policy (its group allows
 * break-glass, within its maximum): checked again where the grant is made, so that no maximum but the
 * approved one ever becomes a membership's or a PIM assignment's end (THREATS 58). Pure.
 */
export function breakGlassGrantProblem(grant: BreakGlassGrant, policy: Policy): string | undefined {
  const rules = policy.groups.get(grant.group)?.breakGlass;
  if (!rules) return `${grant.group} does not allow break-glass in the approved policy; nothing was granted.`;
  if (grant.end - grant.start > rules.maxDurationMs)
    return `${formatDuration(grant.end - grant.start)} is over ${grant.group}'s approved break-glass maximum of ${rules.maxDurationText}; nothing was granted.`;
  return undefined;
}

/** The break-glass grants still in force at `now` among the runs. */
export function grantsFromRuns(
  runs: readonly BreakGlassRun[],
  policy: Policy,
  branch: string,
  now: number,
  memberships: ReadonlySet<string>,
): BreakGlassGrant[] {
  return runs.flatMap((run) => {
    const j = judgeBreakGlassRun(run, policy, branch, memberships);
    return 'grant' in j && j.grant.end > now ? [j.grant] : [];
  });
}
