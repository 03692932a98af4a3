import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  endings,
  removalLateness
} from "./chunk-3EI6WE2U.js";
import {
  BREAK_GLASS_LABEL,
  GitHubFacts,
  GitHubUnavailableError,
  breakGlassRuns,
  firstParentLog,
  isCodeOwner,
  readRecord,
  reconcile,
  teamMemberships,
  verifyAll
} from "./chunk-PKMFQN6A.js";
import "./chunk-PGYIGUDK.js";
import {
  isRequestsHousekeeping,
  ownersOf,
  parseRequest,
  splitRequestPath
} from "./chunk-NY3RFSGH.js";
import {
  exemptionsDue
} from "./chunk-EJBRKMW7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-DBNW4UL4.js";
import "./chunk-MO4JY4J2.js";
import "./chunk-ZFCBOOOX.js";
import {
  lastSuccessfulRun,
  successfulRuns
} from "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";

// src/github/issues.ts
async function issuesWithLabelAll(gh, repo, label, detail = () => true, alsoBy) {
  const labelled = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: label, state: "all", per_page: 100 });
  const byBot = alsoBy ? await gh.paginate(gh.rest.issues.listForRepo, { ...repo, creator: alsoBy, state: "all", per_page: 100 }) : [];
  const issues = [...new Map([...labelled, ...byBot].map((i) => [i.number, i])).values()];
  const out = [];
  for (const i of issues.filter((x) => !x.pull_request)) {
    const base = {
      number: i.number,
      author: i.user?.login ?? "",
      body: i.body ?? "",
      nodeId: i.node_id,
      state: i.state === "closed" ? "closed" : "open",
      createdAt: i.created_at
    };
    if (base.state === "closed" && i.state_reason !== "completed") base.closed = { by: "", at: i.closed_at ?? "", reason: i.state_reason ?? null };
    else if (base.state === "closed" && detail(base)) {
      const events = await gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: i.number, per_page: 100 });
      const last = [...events].reverse().find((e) => e.event === "closed" || e.event === "reopened");
      if (last?.event === "closed" && last.actor?.login) base.closed = { by: last.actor.login, at: last.created_at, reason: last.state_reason ?? null };
    }
    out.push(base);
  }
  return out;
}

// src/breakglass/review.ts
var OPENED_WITHIN_MS = 10 * 6e4;
function issueOfUse(use, issues) {
  return issues.filter((i) => i.run === use.run && i.author.endsWith("[bot]") && i.createdAt >= use.start - 6e4 && i.createdAt <= use.updatedAt + OPENED_WITHIN_MS).sort((a, b) => a.number - b.number)[0];
}
function reviewOf(issue, login, owners, memberships) {
  if (!issue) return { reviewed: false, why: "no review issue was opened by the break-glass run." };
  if (issue.state !== "closed" || !issue.closed) return { reviewed: false, why: `#${issue.number} is open.` };
  const { by, at, reason } = issue.closed;
  if (reason !== "completed") return { reviewed: false, why: `#${issue.number} was closed as ${reason ?? "no reason"}, not as completed.` };
  if (by.toLowerCase() === login.toLowerCase()) return { reviewed: false, why: `#${issue.number} was closed by ${login}, who used break-glass.` };
  if (!isCodeOwner(by, owners, memberships)) return { reviewed: false, why: `#${issue.number} was closed by ${by}, who is not a code owner of the group.` };
  return { reviewed: true, by, at };
}
function readMarker(body) {
  const m = /^<!-- access-as-code:break-glass (\{[^\n]*\}) -->/.exec(body);
  if (!m) return void 0;
  try {
    const v = JSON.parse(m[1]);
    return typeof v.run === "number" && typeof v.group === "string" && typeof v.login === "string" ? { run: v.run, group: v.group, login: v.login } : void 0;
  } catch {
    return void 0;
  }
}

// src/breakglass/uses.ts
var JOB_ACCOUNT = "github-actions[bot]";
var USE_LOOKBACK_MS = 365 * 864e5;
var DASHBOARD_LOOKBACK_MS = 90 * 864e5;
function reviewersOf(config, group) {
  return ownersOf(config.codeowners, `requests/${group}/break-glass.yaml`).filter((o) => o.kind !== "email");
}
async function breakGlassUses(ctx) {
  const runs = await breakGlassRuns(ctx.githubFacts, ctx.git, ctx.reader, ctx.head, ctx.since);
  const records = runs.flatMap((r) => {
    const read = readRecord(r, ctx.branch);
    return "record" in read ? [read.record] : [];
  });
  if (records.length === 0) return [];
  const wanted = new Set(records.map((r) => r.run));
  const issues = (await issuesWithLabelAll(ctx.gh, ctx.repo, BREAK_GLASS_LABEL, (i) => wanted.has(readMarker(i.body)?.run ?? -1), JOB_ACCOUNT)).flatMap(
    (i) => {
      const marker = readMarker(i.body);
      return marker && wanted.has(marker.run) ? [
        {
          number: i.number,
          author: i.author,
          run: marker.run,
          createdAt: Date.parse(i.createdAt),
          state: i.state,
          ...i.closed ? { closed: i.closed } : {}
        }
      ] : [];
    }
  );
  const teams = /* @__PURE__ */ new Map();
  for (const r of records)
    for (const o of reviewersOf(ctx.config, r.group)) if (o.kind === "team") teams.set(`${o.org}/${o.slug}`, { org: o.org, slug: o.slug });
  const memberships = teamMemberships(await ctx.githubFacts.teamMembers([...teams.values()]));
  return records.map((r) => {
    const issue = issueOfUse(r, issues);
    return {
      ...r,
      end: r.start + r.durationMs,
      ...issue ? { issue: issue.number } : {},
      review: reviewOf(issue, r.login, reviewersOf(ctx.config, r.group), memberships)
    };
  }).sort((a, b) => b.start - a.start);
}
var useRow = (u) => ({
  ...u.issue !== void 0 ? { issue: u.issue } : {},
  run: u.run,
  group: u.group,
  login: u.login,
  at: new Date(u.start).toISOString(),
  reviewed: u.review.reviewed
});

// src/report/collect.ts
var SWEEP_INTERVAL_MS = 15 * 6e4;
async function collectReport(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const state = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true });
  const grants = [];
  for (const r of state.requests) {
    if (r.state === "active" && r.verification?.approved && r.request)
      grants.push({ group: r.group, requester: r.request.requester, file: r.file, since: r.verification.mergedAt ?? "", expires: r.request.expires });
  }
  const { groups, overdue } = groupFigures(state, ctx.now);
  const lastSweep = state.degraded ? void 0 : await lastSuccessfulRun(ctx.gh, ctx.repo, ctx.sweepWorkflow ?? "access-revoke.yml").catch(() => void 0);
  const since = ctx.now - (ctx.days ?? 30) * 864e5;
  const breakGlass = state.degraded ? void 0 : await readUses(ctx, githubFacts, state, since);
  const exemptionsDue2 = exemptionsDue(state.config.policy, ctx.now).map(({ group, entry }) => ({
    group,
    id: entry.id,
    reason: entry.reason,
    review: entry.review
  }));
  return {
    generatedAt: ctx.now,
    ...state.degraded ? { degraded: state.degraded } : {},
    ...breakGlass ? { breakGlass } : {},
    exemptionsDue: exemptionsDue2,
    lastSweep,
    sweepIntervalMs: SWEEP_INTERVAL_MS,
    grants,
    groups,
    overdue,
    history: await history(
      ctx,
      githubFacts,
      state.head,
      state.branch,
      state.config.policy,
      state.degraded === void 0 ? state.configAt : void 0,
      state.pushGuarantee
    )
  };
}
function groupFigures(state, now) {
  const groups = [];
  const overdue = [];
  for (const g of state.groups) {
    if (g.error) {
      groups.push({ group: g.group, mode: g.mode, members: 0, covered: 0, standingExempt: 0, drift: [], error: g.error });
      continue;
    }
    const present = g.dispositions.filter((d) => d.action !== "add");
    groups.push({
      group: g.group,
      mode: g.mode,
      members: present.length,
      covered: present.filter((d) => d.reason === "active" || d.reason === "unverified").length,
      standingExempt: present.filter((d) => d.reason === "standing").length,
      drift: present.filter((d) => d.reason === "ended" || d.reason === "drift").map((d) => d.id)
    });
    for (const d of present.filter((x) => x.reason === "ended")) {
      for (const file of d.files) {
        const r = state.requests.find((x) => x.file === file);
        if (r?.state === "expired" && r.request && r.request.expiresAt < now - SWEEP_INTERVAL_MS)
          overdue.push({ group: g.group, requester: r.request.requester, file, expires: r.request.expires });
      }
    }
  }
  return { groups, overdue };
}
async function readUses(ctx, githubFacts, state, since) {
  const reader = ctx.git.catFile();
  try {
    return (await breakGlassUses({
      gh: ctx.gh,
      repo: ctx.repo,
      githubFacts,
      git: ctx.git,
      reader,
      head: state.head,
      branch: state.branch,
      config: state.config,
      since
    })).map(useRow);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || error.status !== void 0) return void 0;
    throw error;
  } finally {
    reader.close();
  }
}
async function history(ctx, githubFacts, head, branch, policy, configAt, pushGuarantee) {
  const days = ctx.days ?? 30;
  const since = ctx.now - days * 864e5;
  const result = { days, requestsPerGroup: {}, grantedPerGroup: {}, elevations: [], approvalLatencies: [] };
  const reach = Math.max(0, ...[...policy.groups.values()].map((g) => g.maxDurationMs));
  const log = await firstParentLog(ctx.git, head, since - reach);
  const reader = ctx.git.catFile();
  try {
    const { versions, added, deletions } = await requestVersions(reader, log, new Set(policy.groups.keys()), since, result);
    let verified = configAt !== void 0;
    try {
      if (configAt) await verifyAll(ctx.git, githubFacts, reader, versions, branch, ctx.now, configAt, pushGuarantee);
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      verified = false;
    }
    if (verified)
      result.removals = await removals(ctx, versions, deletions, since, policy).catch((error) => {
        if (typeof error.status === "number") return void 0;
        throw error;
      });
    grantFigures(
      result,
      versions.filter((v) => added.has(v)),
      log,
      ctx.now
    );
  } finally {
    reader.close();
  }
  return result;
}
async function requestVersions(reader, log, groupNames, since, result) {
  const versions = [];
  const added = /* @__PURE__ */ new Set();
  const deletions = /* @__PURE__ */ new Map();
  for (const commit of log) {
    for (const change of commit.changes) {
      const group = splitRequestPath(change.path)?.group;
      if (!group || !groupNames.has(group) || isRequestsHousekeeping(change.path)) continue;
      if (change.status === "D") deletions.set(change.path, [...deletions.get(change.path) ?? [], commit.time]);
      if (change.status !== "A" && change.status !== "M") continue;
      const inWindow = change.status === "A" && commit.time >= since;
      if (inWindow) result.requestsPerGroup[group] = (result.requestsPerGroup[group] ?? 0) + 1;
      const object = await reader.read(`${commit.sha}:${change.path}`);
      const request = object?.bytes ? parseRequest(change.path, object.bytes, commit.time).request : void 0;
      if (!request) continue;
      const version = {
        file: change.path,
        group,
        state: "active",
        requester: request.requester,
        request,
        blob: object.oid,
        bytes: object.bytes,
        landing: commit,
        userId: request.requester,
        judgeAt: commit.time
      };
      versions.push(version);
      if (inWindow) added.add(version);
    }
  }
  return { versions, added, deletions };
}
function grantFigures(result, added, log, now) {
  const seenPulls = /* @__PURE__ */ new Set();
  for (const v of added) {
    const verdict = v.verification;
    if (!verdict?.approved || !v.request) continue;
    result.grantedPerGroup[v.group] = (result.grantedPerGroup[v.group] ?? 0) + 1;
    const mergedAt = Date.parse(verdict.mergedAt ?? "") || v.landing.time;
    const deleted = log.filter((c) => c.time >= v.landing.time && c.changes.some((ch) => ch.path === v.file && ch.status === "D")).map((c) => c.time);
    const end = Math.min(v.request.expiresAt, now, ...deleted);
    if (end > mergedAt) result.elevations.push({ file: v.file, ms: end - mergedAt });
    if (verdict.pull !== void 0 && !seenPulls.has(verdict.pull) && verdict.createdAt) {
      seenPulls.add(verdict.pull);
      result.approvalLatencies.push({ pull: verdict.pull, ms: mergedAt - Date.parse(verdict.createdAt) });
    }
  }
}
async function removals(ctx, versions, deletions, since, policy) {
  const judged = versions.filter((v) => v.request && v.landing && v.verification).map((v) => ({
    file: v.file,
    group: v.group,
    requester: v.request.requester,
    landed: v.landing.time,
    expiresAt: v.request.expiresAt,
    approved: v.verification.approved
  }));
  const ended = endings(judged, deletions, since, ctx.now);
  if (ended.length === 0) return [];
  const from = ended[0].at;
  const runs = [
    ...await successfulRuns(ctx.gh, ctx.repo, ctx.sweepWorkflow ?? "access-revoke.yml", from),
    ...await successfulRuns(ctx.gh, ctx.repo, ctx.grantWorkflow ?? "access-grant.yml", from)
  ];
  return removalLateness(ended, runs, new Map([...policy.groups.values()].map((g) => [g.name, g.backend])));
}
export {
  collectReport
};
