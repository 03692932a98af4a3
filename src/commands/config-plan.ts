/**
 * The plan of a configuration change (policy, identities, CODEOWNERS): what merging it will do to the
 * access in force and to who approves what, from git alone, for the pull request's check and `plan`.
 * A request is judged by the configuration from before its own merge, so a change never reaches back
 * into approvals already given; what it does change is which groups are managed, who each login is in
 * Entra, who approves from now on, and what new requests may ask. Pure.
 */
import { describeTarget } from '../policy/policy.ts';
import { formatOwner, ownersOf } from '../codeowners/codeowners.ts';
import type { AccessConfig } from '../config/config.ts';
import { requesterStanding } from '../policy/requesters.ts';

/** An active request on the default branch before the change (judged valid and not ended). */
export interface ActiveRequest {
  file: string;
  requester: string;
  group: string;
}

const names = (requests: readonly ActiveRequest[]) => [...new Set(requests.map((r) => r.requester))].sort().join(', ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function configPlan(base: AccessConfig, head: AccessConfig, active: readonly ActiveRequest[]): string[] {
  return [...groupLines(base, head, active), ...identityLines(base, head, active), ...ownerLines(base, head)];
}

/** Groups that leave the policy, change their Entra group, switch mode, or change their rules. */
function groupLines(base: AccessConfig, head: AccessConfig, active: readonly ActiveRequest[]): string[] {
  const out: string[] = [];
  for (const [name, before] of base.policy.groups) {
    const after = head.policy.groups.get(name);
    const held = active.filter((r) => r.group === name);
    if (!after) {
      out.push(
        `${name} leaves the policy: access-as-code stops managing Entra group ${before.id}. ${held.length > 0 ? `Its ${plural(held.length, 'active request')} (${names(held)}) keep their membership and are no longer removed when they end; remove them in Entra if that is not intended.` : 'Its members are no longer removed or reported.'}`,
      );
      continue;
    }
    if (after.id !== before.id)
      out.push(
        `${name} now names Entra group ${after.id} (was ${before.id}): ${before.id} is no longer managed, so its members stay; ${held.length > 0 ? `the requesters of its ${plural(held.length, 'active request')} (${names(held)}) are added to ${after.id} at the next run.` : 'nobody holds an active request for it.'}`,
      );
    if (before.mode === 'audit' && after.mode === 'enforce')
      out.push(
        `${name} switches from audit to enforce: members without an active request (the dashboard's drift for ${name}) are removed at the next run, apart from its standing exemptions.`,
      );
    if (before.mode === 'enforce' && after.mode === 'audit')
      out.push(`${name} switches from enforce to audit: members without a request are reported, no longer removed.`);
    if (after.approvals !== before.approvals)
      out.push(
        `${name} needs ${plural(after.approvals, 'approval')} (was ${before.approvals}) for requests merged after this change; approvals already given stand.`,
      );
    if (after.maxDurationMs < before.maxDurationMs)
      out.push(
        `${name}'s longest request drops to ${after.maxDurationText} (was ${before.maxDurationText}) for requests merged after this change; ${held.length > 0 ? `its ${plural(held.length, 'active request')} keep${held.length === 1 ? 's' : ''} the end approved with ${held.length === 1 ? 'it' : 'them'}.` : 'nobody holds an active request for it.'}`,
      );
    if (after.maxDurationMs > before.maxDurationMs)
      out.push(`${name}'s longest request rises to ${after.maxDurationText} (was ${before.maxDurationText}), in force for requests merged after this change.`);
  }
  for (const [name, after] of head.policy.groups) {
    if (!base.policy.groups.has(name))
      out.push(
        `${name} joins the policy (${describeTarget(after)}, ${after.mode}): ${after.mode === 'enforce' ? 'its members without a request are removed at the next run' : 'its members without a request are reported'}, apart from its standing exemptions; requests for it can be made once this merges. Starting in audit mode shows who would be removed first.`,
      );
  }
  return out;
}

/** Logins whose Entra user changes or disappears: their access moves or ends at the next run. */
function identityLines(base: AccessConfig, head: AccessConfig, active: readonly ActiveRequest[]): string[] {
  const out: string[] = [];
  const show = (ref: { id: string } | { upn: string }) => ('id' in ref ? ref.id : ref.upn);
  for (const [login, before] of base.identities.users) {
    const held = active.filter((r) => r.requester.toLowerCase() === login);
    const after = head.identities.users.get(login);
    const groups = [...new Set(held.map((r) => r.group))].sort().join(', ');
    if (!after) {
      if (held.length > 0)
        out.push(
          `${login} leaves the identities: ${plural(held.length, 'active request')} (${groups}) no longer name an Entra user, so that access ends at the next run.`,
        );
    } else if (show(after).toLowerCase() !== show(before).toLowerCase() && held.length > 0) {
      out.push(
        `${login} is now ${show(after)} in Entra (was ${show(before)}): the access of ${plural(held.length, 'active request')} (${groups}) moves to that user at the next run, and ${show(before)} loses it.`,
      );
    }
  }
  return out;
}

/** Who approves each group's requests from now on: owners a folder gains and loses. */
function ownerLines(base: AccessConfig, head: AccessConfig): string[] {
  const out: string[] = [];
  const groups = [...new Set([...base.policy.groups.keys(), ...head.policy.groups.keys()])].sort();
  for (const name of groups) {
    const path = `requests/${name}/x.yaml`;
    const before = new Set(ownersOf(base.codeowners, path).map(formatOwner));
    const after = new Set(ownersOf(head.codeowners, path).map(formatOwner));
    const gained = [...after].filter((o) => !before.has(o));
    const lost = [...before].filter((o) => !after.has(o));
    if (gained.length === 0 && lost.length === 0) continue;
    out.push(
      `requests/${name}/ is approved by ${[...after].join(', ') || 'nobody (every request for it is refused)'}${gained.length > 0 ? `; gains ${gained.join(', ')}` : ''}${lost.length > 0 ? `; loses ${lost.join(', ')}` : ''}. Approvals already given stand.`,
    );
  }
  return out;
}

/** A pull request waiting for approval, as the last sweep published it. */
export interface PendingPull {
  number: number;
  author: string;
  groups: string[];
  /** Code owners whose approval of the latest commit counts. */
  approvers: string[];
}

/**
 * Pending pull requests whose verdict this change flips: a group that leaves the policy, approvals
 * that become too few (or enough), a requester list that no longer admits the author. Only what can
 * be known without teams: where only a team's membership could tell, nothing is said (the check on
 * the pull request judges it when the request's own pull request merges).
 */
export function pendingFlips(base: AccessConfig, head: AccessConfig, pending: readonly PendingPull[]): string[] {
  const out: string[] = [];
  for (const p of pending)
    for (const name of p.groups) {
      const before = base.policy.groups.get(name);
      const after = head.policy.groups.get(name);
      if (!before) continue;
      if (!after) {
        out.push(`#${p.number} asks for ${name}, which leaves the policy: it would be refused when merged.`);
        continue;
      }
      const n = p.approvers.length;
      if (n >= before.approvals && n < after.approvals)
        out.push(`#${p.number} (${name}) has ${plural(n, 'approval')} from code owners: enough now, too few after this change (${after.approvals} needed).`);
      if (n < before.approvals && n >= after.approvals)
        out.push(`#${p.number} (${name}) has ${plural(n, 'approval')} from code owners: too few now, enough after this change.`);
      // The one rule of who may ask (policy/requesters.ts), with teams unread: only a sure answer flips.
      if (requesterStanding(p.author, before.requesters, undefined) === 'yes' && requesterStanding(p.author, after.requesters, undefined) === 'no')
        out.push(`#${p.number}: ${p.author} may request ${name} now, not after this change: it would be refused when merged.`);
    }
  return out;
}

/** The flips of the pending pull requests (pendingFlips), or that none of them changes. */
export function flipLines(flips: readonly string[], pending: number): string[] {
  return flips.length > 0 ? [...flips] : [`none of the ${plural(pending, 'pull request')} waiting for approval changes its verdict.`];
}

/** Whom each switch from audit to enforce removes, from the drift the last sweep published. */
export function switchLines(switches: readonly string[], drift: ReadonlyMap<string, readonly string[]>): string[] {
  return switches.map((g) => {
    const members = drift.get(g);
    if (members === undefined) return `${g}: the last sweep published no drift for it; see the dashboard's drift table.`;
    if (members.length === 0) return `${g}: nobody holds it without a request; nobody is removed.`;
    return `${g}: the next run removes ${plural(members.length, 'member')} the last sweep saw without a request: ${members.join(', ')}.`;
  });
}
