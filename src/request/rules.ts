/** The policy's rules for one request, at a given moment (docs/threat-model.md 8, 9; docs/threat-model.md invariant 5). */
import { nearest } from '../nearest.ts';
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

type At = (key: Parameters<typeof positionOfKey>[1]) => ReturnType<typeof positionOfKey>;
type Group = NonNullable<ReturnType<RuleContext['policy']['groups']['get']>>;

export function checkRequest(request: AccessRequest, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at: At = (key) => positionOfKey(request, key);
  const group = ctx.policy.groups.get(request.group);
  if (!group) {
    const known = [...ctx.policy.groups.keys()].sort();
    const list = known.length > 0 ? ` Groups that can be requested: ${known.join(', ')}.` : '';
    const guess = nearest(request.group, known);
    out.push(
      diagnostic(
        request.file,
        at('group'),
        `the group "${request.group}" is not in ${ctx.policy.file}, so it cannot be requested.${guess ? ` Did you mean "${guess}"?` : ''}${list}`,
      ),
    );
  }
  if (!ctx.identities.users.has(request.requester.toLowerCase())) {
    out.push(
      diagnostic(
        request.file,
        at('requester'),
        `"${request.requester}" has no Entra identity in ${ctx.identities.file}. Ask an administrator to add "${request.requester}: { upn: you@your-domain }" there in a separate pull request.`,
      ),
    );
  }
  // A duration's length is wrong or right at any time: a request on the default branch longer than its
  // group allows is never granted, so validate says so there too (no false green).
  const length = request.durationMs !== undefined ? durationProblem(request, group, at) : undefined;
  const timing =
    ctx.timing === 'at-rest' ? endedAtRest(request, ctx.now, at) : request.durationMs === undefined ? expiresProblem(request, ctx.now, group, at) : undefined;
  for (const d of [length, timing]) if (d) out.push(d);
  if (group) out.push(...groupRuleProblems(request, group, at));
  return out;
}

/** At rest, an ended request is only a reminder to tidy up: the sweep ends its membership either way. */
function endedAtRest(request: AccessRequest, now: number, at: At): Diagnostic | undefined {
  if (request.expiresAt - now > 0) return undefined;
  const change = request.durationMs !== undefined ? '"duration"' : '"expires"';
  return diagnostic(
    request.file,
    at(endKey(request)),
    `this request ended at ${request.expires}${request.durationMs !== undefined ? ` (${formatDuration(request.durationMs)} after its merge)` : ''}; its membership is removed by the sweep. Delete the file to tidy up, or change ${change} in a pull request to extend it.`,
    'warning',
  );
}

/** A duration counts from the merge: only its length can be judged before it. */
function durationProblem(request: AccessRequest, group: Group | undefined, at: At): Diagnostic | undefined {
  const ms = request.durationMs!;
  if (ms < MIN_LEAD_MS)
    return diagnostic(
      request.file,
      at('duration'),
      `"duration" is ${request.duration}; it must be at least 5 minutes: access that ends before it is granted is no access.`,
    );
  if (group && ms > group.maxDurationMs)
    return diagnostic(
      request.file,
      at('duration'),
      `"duration" is ${formatDuration(ms)}; ${request.group} allows at most ${group.maxDurationText}. Set duration: ${group.maxDurationText} or less.`,
    );
  return undefined;
}

function expiresProblem(request: AccessRequest, now: number, group: Group | undefined, at: At): Diagnostic | undefined {
  const lead = request.expiresAt - now;
  if (lead <= 0)
    return diagnostic(
      request.file,
      at('expires'),
      `"expires" (${request.expires}) is in the past. Set a time at least 5 minutes from now, e.g. "${formatTimestamp(now + 60 * 60_000)}", or use duration: 1h, counted from the merge.`,
    );
  if (lead < MIN_LEAD_MS)
    return diagnostic(
      request.file,
      at('expires'),
      `"expires" (${request.expires}) is less than 5 minutes away. Set a later time; access that ends before it is granted is no access.`,
    );
  if (group && lead > group.maxDurationMs)
    return diagnostic(
      request.file,
      at('expires'),
      `"expires" is ${formatDuration(lead)} from now; ${request.group} allows at most ${group.maxDurationText}. Set it no later than "${formatTimestamp(now + group.maxDurationMs)}".`,
    );
  return undefined;
}

/** The group's own rules: a ticket in its form, and who may request it. */
function groupRuleProblems(request: AccessRequest, group: Group, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (request.ticket === undefined && group.requireTicket) {
    const form = group.ticketPattern ? ` matching ${group.ticketPattern.source}` : '';
    out.push(diagnostic(request.file, undefined, `${request.group} requires a ticket: add a line "ticket: <id>"${form}.`));
  } else if (request.ticket !== undefined && group.ticketPattern && !group.ticketPattern.test(request.ticket)) {
    out.push(
      diagnostic(
        request.file,
        at('ticket'),
        `"ticket" is "${request.ticket}", which does not match ${group.ticketPattern.source} as ${request.group} requires.`,
      ),
    );
  }
  // Teams cannot be read here: a login not listed by name is an error only when no team is listed.
  if (!group.requesters || listedByLogin(request.requester, group.requesters)) return out;
  const teams = group.requesters.filter(isTeamEntry);
  if (teams.length === 0)
    out.push(
      diagnostic(
        request.file,
        at('requester'),
        `${request.requester} may not request ${request.group}; its policy allows only ${group.requesters.join(', ')}.`,
      ),
    );
  else
    out.push(
      diagnostic(
        request.file,
        at('requester'),
        `${request.requester} is not listed by login for ${request.group}; the grant job checks membership of ${teams.join(', ')} before granting.`,
        'warning',
      ),
    );
  return out;
}
