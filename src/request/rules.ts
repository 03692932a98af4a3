/** The policy's rules for one request, at a given moment (docs/threat-model.md 8, 9; docs/threat-model.md invariant 5). */
import { isTeamEntry, listedByLogin } from '../policy/requesters.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { formatDuration } from '../duration.ts';
import type { Identities } from '../identities/identities.ts';
import { MIN_LEAD_MS, type Policy } from '../policy/policy.ts';
import { formatTimestamp } from '../timestamp.ts';
import { endKey, positionOfKey, type AccessRequest } from './request.ts';

export interface RuleContext {
  policy: Policy;
  identities: Identities;
  /** Epoch milliseconds. */
  now: number;
  /**
   * strict: a request being added or changed (pull request, `new`, named paths) must expire at least
   * 5 minutes ahead and within the group's maximum. at-rest: requests already in the repository are
   * history as much as intent; an expired one is only a reminder to tidy up, since the sweep ends
   * its membership either way.
   */
  timing: 'strict' | 'at-rest';
}

export function checkRequest(request: AccessRequest, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (key: Parameters<typeof positionOfKey>[1]) => positionOfKey(request, key);
  const group = ctx.policy.groups.get(request.group);
  if (!group) {
    const known = [...ctx.policy.groups.keys()].sort();
    const list = known.length > 0 ? ` Groups that can be requested: ${known.join(', ')}.` : '';
    out.push(diagnostic(request.file, at('group'), `the group "${request.group}" is not in ${ctx.policy.file}, so it cannot be requested.${list}`));
  }

  if (!ctx.identities.users.has(request.requester.toLowerCase())) {
    out.push(diagnostic(request.file, at('requester'), `"${request.requester}" has no Entra identity in ${ctx.identities.file}. Ask an administrator to add "${request.requester}: { upn: you@your-domain }" there in a separate pull request.`));
  }

  const lead = request.expiresAt - ctx.now;
  if (ctx.timing === 'at-rest') {
    if (lead <= 0) {
      const change = request.durationMs !== undefined ? '"duration"' : '"expires"';
      out.push(diagnostic(request.file, at(endKey(request)), `this request ended at ${request.expires}${request.durationMs !== undefined ? ` (${formatDuration(request.durationMs)} after its merge)` : ''}; its membership is removed by the sweep. Delete the file to tidy up, or change ${change} in a pull request to extend it.`, 'warning'));
    }
  } else if (request.durationMs !== undefined) {
    // Counted from the merge: only its length can be judged before it.
    if (request.durationMs < MIN_LEAD_MS) {
      out.push(diagnostic(request.file, at('duration'), `"duration" is ${request.duration}; it must be at least 5 minutes: access that ends before it is granted is no access.`));
    } else if (group && request.durationMs > group.maxDurationMs) {
      out.push(diagnostic(request.file, at('duration'), `"duration" is ${formatDuration(request.durationMs)}; ${request.group} allows at most ${group.maxDurationText}. Set duration: ${group.maxDurationText} or less.`));
    }
  } else if (lead <= 0) {
    out.push(diagnostic(request.file, at('expires'), `"expires" (${request.expires}) is in the past. Set a time at least 5 minutes from now, e.g. "${formatTimestamp(ctx.now + 60 * 60_000)}", or use duration: 1h, counted from the merge.`));
  } else if (lead < MIN_LEAD_MS) {
    out.push(diagnostic(request.file, at('expires'), `"expires" (${request.expires}) is less than 5 minutes away. Set a later time; access that ends before it is granted is no access.`));
  } else if (group && lead > group.maxDurationMs) {
    out.push(diagnostic(request.file, at('expires'), `"expires" is ${formatDuration(lead)} from now; ${request.group} allows at most ${group.maxDurationText}. Set it no later than "${formatTimestamp(ctx.now + group.maxDurationMs)}".`));
  }

  if (group) {
    if (request.ticket === undefined && group.requireTicket) {
      const form = group.ticketPattern ? ` matching ${group.ticketPattern.source}` : '';
      out.push(diagnostic(request.file, undefined, `${request.group} requires a ticket: add a line "ticket: <id>"${form}.`));
    } else if (request.ticket !== undefined && group.ticketPattern && !group.ticketPattern.test(request.ticket)) {
      out.push(diagnostic(request.file, at('ticket'), `"ticket" is "${request.ticket}", which does not match ${group.ticketPattern.source} as ${request.group} requires.`));
    }
    if (group.requesters) {
      const teams = group.requesters.filter(isTeamEntry);
      // Teams cannot be read here: a login not listed by name is an error only when no team is listed.
      if (!listedByLogin(request.requester, group.requesters)) {
        if (teams.length === 0) {
          out.push(diagnostic(request.file, at('requester'), `${request.requester} may not request ${request.group}; its policy allows only ${group.requesters.join(', ')}.`));
        } else {
          out.push(diagnostic(request.file, at('requester'), `${request.requester} is not listed by login for ${request.group}; the grant job checks membership of ${teams.join(', ')} before granting.`, 'warning'));
        }
      }
    }
  }
  return out;
}
