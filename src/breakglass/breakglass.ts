/**
 * Break-glass: in an incident a person the policy allows grants themselves a group at once, for at
 * most its break-glass maximum, through the access-break-glass workflow (workflow_dispatch only, in
 * the grant environment), and the group's code owners review it afterwards in an issue.
 *
 * The record of a break-glass grant is the workflow run itself, as GitHub lists it: the workflow file,
 * the branch it ran on, who started it, when its first attempt was created, and its title, which the
 * workflow sets to "break-glass <group> for <duration> by <login>". Nobody can write those: not a pull
 * request, not an issue, not a re-run (a re-run keeps the first attempt's creation time, so it can
 * never extend the access). The reconciler treats a successful run's grant as covering its person
 * until that end, and checks it again against the policy as it is now. Pure.
 */
import { parseDuration } from '../duration.ts';
import type { Policy } from '../policy/policy.ts';

export const BREAK_GLASS_WORKFLOW = 'access-break-glass.yml';
export const BREAK_GLASS_LABEL = 'access-break-glass';

export interface BreakGlassRun {
  id: number;
  /** The first attempt's creation time (ms). */
  createdAt: number;
  title: string;
  actor: string;
  headBranch: string;
  path: string;
  event: string;
  conclusion: string | null;
}

export interface BreakGlassGrant {
  run: number;
  group: string;
  login: string;
  start: number;
  end: number;
}

/** The run title the workflow sets (run-name), from which the grant is read back. */
export const runTitle = (group: string, duration: string, login: string) => `break-glass ${group} for ${duration} by ${login}`;
const TITLE = /^break-glass ([a-z0-9][a-z0-9._-]{0,63}) for ((?=[0-9])(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?) by ([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/** The "file" a break-glass grant stands in for, in plans and reports. */
export const breakGlassSource = (run: number) => `break-glass run ${run}`;
export const isBreakGlassSource = (file: string) => file.startsWith('break-glass run ');

/** The longest break-glass any group allows: how far back runs can still cover someone. */
export function breakGlassWindow(policy: Policy): number {
  return Math.max(0, ...[...policy.groups.values()].map((g) => g.breakGlass?.maxDurationMs ?? 0));
}

/**
 * The grants still in force from successful runs of the break-glass workflow on the default branch:
 * the title must name the run's own actor, a group whose policy allows break-glass (now), and a
 * duration within its maximum (now); the end counts from the run's first attempt.
 */
export function grantsFromRuns(runs: readonly BreakGlassRun[], policy: Policy, branch: string, now: number): BreakGlassGrant[] {
  const out: BreakGlassGrant[] = [];
  for (const run of runs) {
    if (run.conclusion !== 'success' || run.event !== 'workflow_dispatch' || run.headBranch !== branch || run.path !== `.github/workflows/${BREAK_GLASS_WORKFLOW}`) continue;
    const m = TITLE.exec(run.title);
    if (!m || m[3]!.toLowerCase() !== run.actor.toLowerCase()) continue;
    const rules = policy.groups.get(m[1]!)?.breakGlass;
    const ms = parseDuration(m[2]!);
    if (!rules || ms === undefined || ms > rules.maxDurationMs) continue;
    const login = run.actor.toLowerCase();
    // Team membership was read by the run itself when it granted; a login the policy no longer lists,
    // where no team is listed either, is not covered any more.
    if (!rules.requesters.some((r) => !r.includes('/') && r.replace(/^@/, '') === login) && !rules.requesters.some((r) => r.includes('/'))) continue;
    const end = run.createdAt + ms;
    if (end > now) out.push({ run: run.id, group: m[1]!, login: run.actor, start: run.createdAt, end });
  }
  return out;
}
