import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  requestVersions
} from "./chunk-HEULVC6B.js";
import {
  blastRadius,
  endings,
  removalLateness,
  standingByWeek,
  weeklyTrend
} from "./chunk-MVOSEDUJ.js";
import {
  standingMembers
} from "./chunk-TQVI5X6Q.js";
import {
  firstParentLog,
  reconcile,
  usesSince,
  verifyAll
} from "./chunk-IB6IPYJU.js";
import {
  reconcileRuns,
  useRow
} from "./chunk-NIILGOAS.js";
import "./chunk-VXJK4BJA.js";
import "./chunk-WXKBUTD3.js";
import "./chunk-RQHECHN3.js";
import "./chunk-K7U5563T.js";
import "./chunk-NVDCARJL.js";
import "./chunk-IBMDKVGE.js";
import "./chunk-WJQAL5O4.js";
import "./chunk-OSJQDFGN.js";
import {
  GitHubFacts,
  GitHubUnavailableError
} from "./chunk-GAF3CNPK.js";
import "./chunk-RTSR7ASI.js";
import "./chunk-LIIKHXTA.js";
import "./chunk-GKSYZKYF.js";
import {
  BACKENDS,
  exemptionsDue
} from "./chunk-22MRAGKW.js";
import "./chunk-TF77OBEX.js";
import "./chunk-AVZCSXTZ.js";
import "./chunk-LRULQWW5.js";
import "./chunk-YQ623SFU.js";
import "./chunk-3L3QTXZZ.js";
import {
  ROLE_WRITERS
} from "./chunk-3L64JI35.js";
import "./chunk-VCQJW4GH.js";
import "./chunk-W4PVMAAF.js";
import "./chunk-T6N4ZH6A.js";
import "./chunk-UYXB32ID.js";
import "./chunk-OZ6IWOJH.js";

// src/commands/report.ts
var REVOKE_INTERVAL_MS = 15 * 6e4;
async function collectReport(ctx) {
  const githubFacts = new GitHubFacts(ctx.gh, ctx.repo, ctx.teamsGh);
  const state = await reconcile({ git: ctx.git, githubFacts, directory: ctx.directory, now: ctx.now, dryRun: true, ...ctx.root ? { root: ctx.root } : {} });
  const grants = [];
  for (const r of state.requests) {
    if (r.state === "active" && r.verification?.approved && r.request)
      grants.push({ group: r.group, requester: r.request.requester, file: r.file, since: r.verification.mergedAt ?? "", expires: r.request.expires });
  }
  const { groups, overdue } = groupFigures(state, ctx.now);
  const lastRevokeRun = state.degraded ? void 0 : await lastSweep(ctx, state).catch(() => void 0);
  const since = ctx.now - (ctx.days ?? 30) * 864e5;
  const uses = state.degraded ? void 0 : await readUses(ctx, githubFacts, state, since);
  const breakGlass = Array.isArray(uses) ? uses : void 0;
  const exemptionsDue2 = exemptionsDue(state.config.policy, ctx.now).map(({ group, entry }) => ({
    group,
    id: entry.id,
    reason: entry.reason,
    review: entry.review
  }));
  const blast = await blastOf(ctx, state, groups);
  return {
    generatedAt: ctx.now,
    ...blast ? { blast } : {},
    ...state.degraded ? { degraded: state.degraded } : {},
    ...breakGlass ? { breakGlass } : {},
    ...typeof uses === "string" ? { breakGlassUnknown: uses } : {},
    exemptionsDue: exemptionsDue2,
    lastRevokeRun,
    revokeIntervalMs: REVOKE_INTERVAL_MS,
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
async function blastOf(ctx, state, groups) {
  const { catalogueOfPolicy, heaviest } = await import("./catalogue-NKH5FTQB.js");
  const catalogue = await catalogueOfPolicy(ctx.directory, state.config.policy, ctx.now).catch(() => void 0);
  if (!catalogue) return void 0;
  const weights = new Map(catalogue.groups.map((g) => [g.group, heaviest(g)]));
  let rows = [];
  if (!state.degraded) {
    const { collectEvidence } = await import("./evidence-NLT7AHXU.js");
    rows = await collectEvidence({ ...ctx, from: ctx.now - 90 * 864e5, to: ctx.now }).catch(() => []);
  }
  const automation = await automationReach(ctx, state.config.policy);
  if (automation) weights.set(automation.group, automation.weight);
  const blast = blastRadius(
    [
      ...groups.filter((g) => !g.error).map((g) => ({ group: g.group, standingUsers: g.standingUsers ?? 0, standingApps: g.standingApps ?? 0 })),
      ...automation ? [{ group: automation.group, standingUsers: 0, standingApps: 1 }] : []
    ],
    weights,
    rows,
    ctx.now,
    new Set(catalogue.groups.filter((g) => g.unknown.length > 0).map((g) => g.group))
  );
  const privileged = new Set([...weights].filter(([, w]) => w >= 10).map(([g]) => g));
  const history2 = await standingHistory(ctx, privileged);
  if (state.degraded) blast.elevatedUnknown = true;
  blast.trend = weeklyTrend(TREND_WEEKS, ctx.now, await exemptionsByWeek(ctx, state, privileged), rows, history2.standingAt);
  blast.history = history2.note;
  return blast;
}
async function automationReach(ctx, policy) {
  const scopes = [...policy.groups.values()].flatMap((g) => g.azureRole ? [g.azureRole.scope] : []);
  if (scopes.length === 0 || !ctx.directory.signedInPrincipal) return void 0;
  const me = await ctx.directory.signedInPrincipal().catch(() => void 0);
  if (!me) return void 0;
  const { assignmentsAt } = await import("./azure-target-53LQ6VSU.js");
  const listed = await assignmentsAt(ctx.directory, scopes);
  const writers = [...listed.values()].flatMap((l) => Array.isArray(l) ? l : []).filter((a) => a.principalId === me && ROLE_WRITERS.has(a.roleId));
  if (writers.length === 0) return void 0;
  const unconditioned = writers.some((w) => w.condition === void 0);
  return { group: `automation: writes Azure role assignments${unconditioned ? " (no condition)" : ""}`, weight: unconditioned ? 100 : 10 };
}
async function standingHistory(ctx, privileged) {
  if (!ctx.memory)
    return {
      standingAt: [],
      note: "Standing members are recorded each day by the sweep on the memory branch; this report was made without the memory key, so they are not shown week by week."
    };
  const { readHistory } = await import("./history-YH47IOT7.js");
  const reader = ctx.git.catFile();
  try {
    const history2 = await readHistory(ctx.git, reader, ctx.memory);
    const rejected = history2.rejected.length ? ` ${history2.rejected.length} day${history2.rejected.length === 1 ? "" : "s"} on the memory branch did not count (${history2.rejected[0].day}: ${history2.rejected[0].why}): someone other than the sweep wrote there, or the key changed.` : "";
    return {
      standingAt: standingByWeek(TREND_WEEKS, ctx.now, history2.points, privileged),
      note: `Standing members as the sweep recorded them: ${history2.points.length} day${history2.points.length === 1 ? "" : "s"} recorded${history2.points[0] ? ` since ${history2.points[0].day}` : ""}.${rejected}`
    };
  } finally {
    reader.close();
  }
}
var TREND_WEEKS = 13;
async function exemptionsByWeek(ctx, state, groups) {
  const out = [];
  for (let w = 0; w < TREND_WEEKS; w++) {
    const at = ctx.now - w * 7 * 864e5;
    const commit = (await ctx.git.run(["rev-list", "-1", "--first-parent", `--before=${Math.floor(at / 1e3)}`, state.head])).toString("utf8").trim();
    const config = commit && state.configAt ? await state.configAt(commit).catch(() => void 0) : void 0;
    out.push(
      config && typeof config !== "string" ? [...config.policy.groups.values()].filter((g) => groups.has(g.name)).reduce((n, g) => n + g.standing.length, 0) : commit === "" ? 0 : void 0
    );
  }
  return out;
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
    const standing = standingMembers(g.dispositions);
    groups.push({
      group: g.group,
      mode: g.mode,
      members: present.length,
      covered: present.filter((d) => d.reason === "active" || d.reason === "unverified").length,
      standingExempt: present.filter((d) => d.reason === "standing").length,
      drift: present.filter((d) => d.reason === "ended" || d.reason === "drift").map((d) => d.id),
      standingUsers: standing.users,
      standingApps: standing.apps
    });
    for (const d of present.filter((x) => x.reason === "ended")) {
      for (const file of d.files) {
        const r = state.requests.find((x) => x.file === file);
        if (r?.state === "expired" && r.request && r.request.expiresAt < now - REVOKE_INTERVAL_MS)
          overdue.push({ group: g.group, requester: r.request.requester, file, expires: r.request.expires });
      }
    }
  }
  return { groups, overdue };
}
async function lastSweep(ctx, at) {
  const { runs } = await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? "access-revoke.yml", 0, true);
  const last = Math.max(...runs.map((r) => r.completedAt).filter((t) => t <= ctx.now));
  return Number.isFinite(last) ? new Date(last).toISOString() : void 0;
}
async function readUses(ctx, githubFacts, state, since) {
  const reader = ctx.git.catFile();
  try {
    return (await usesSince(ctx, githubFacts, reader, state, since)).map(useRow);
  } catch (error) {
    if (error instanceof GitHubUnavailableError || error.status !== void 0) return error.message;
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
      if (configAt)
        await verifyAll(
          ctx.git,
          githubFacts,
          reader,
          versions,
          branch,
          ctx.now,
          configAt,
          pushGuarantee,
          void 0,
          (refs) => ctx.directory.resolveUsers(refs)
        );
    } catch (error) {
      if (!(error instanceof GitHubUnavailableError)) throw error;
      verified = false;
    }
    if (verified) {
      const measured = await removals(ctx, { head, branch }, versions, deletions, since, policy).catch((error) => {
        if (typeof error.status === "number") return void 0;
        throw error;
      });
      result.removals = measured?.lateness;
      if (measured?.cut) result.runsCut = true;
    }
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
async function removals(ctx, at, versions, deletions, since, policy) {
  const judged = versions.filter((v) => v.request && v.landing && v.verification).map((v) => ({
    file: v.file,
    group: v.group,
    requester: v.request.requester,
    landed: v.landing.time,
    expiresAt: v.request.expiresAt,
    approved: v.verification.approved
  }));
  const ended = endings(judged, deletions, since, ctx.now);
  if (ended.length === 0) return { lateness: [], cut: false };
  const from = ended[0].at;
  const listings = [
    await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.revokeWorkflow ?? "access-revoke.yml", from),
    await reconcileRuns(ctx.gh, ctx.repo, ctx.git, at, ctx.grantWorkflow ?? "access-grant.yml", from)
  ];
  const runs = listings.flatMap((l) => l.runs);
  return {
    lateness: removalLateness(ended, runs, new Map([...policy.groups.values()].map((g) => [g.name, BACKENDS[g.backend].endsItself !== void 0]))),
    cut: listings.some((l) => l.cut)
  };
}
export {
  collectReport
};
