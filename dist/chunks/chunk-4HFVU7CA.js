import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  isCodeOwner
} from "./chunk-S6MBH25N.js";
import {
  codeFence
} from "./chunk-KQ2N5VNL.js";
import {
  formatOwner,
  ownersOf
} from "./chunk-JVDOX7YH.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-LRULQWW5.js";
import {
  formatTimestamp
} from "./chunk-KAUG6AWK.js";

// src/commands/break-glass.ts
var BREAK_GLASS_MARKER = "<!-- access-as-code:break-glass";
var text = (v) => typeof v === "string" ? v.trim() : "";
async function decideBreakGlass(inputs, facts) {
  const reasons = [];
  const group = text(inputs.group);
  const duration = text(inputs.duration) || "1h";
  const ticket = text(inputs.ticket);
  const reason = text(inputs.reason);
  const policy = facts.config.policy.groups.get(group);
  const rules = policy?.breakGlass;
  if (!policy) return { ok: false, reasons: [`the group ${JSON.stringify(group.slice(0, 64))} is not in the policy.`] };
  if (!rules) return { ok: false, reasons: [`${group} does not allow break-glass: its policy has no breakGlass section. Ask through a pull request instead.`] };
  const ms = parseDuration(duration);
  if (ms === void 0 || ms < 5 * 6e4) reasons.push(`the duration ${JSON.stringify(duration.slice(0, 20))} is not a duration of at least 5 minutes, such as 30m or 1h.`);
  else if (ms > rules.maxDurationMs) reasons.push(`the duration is ${formatDuration(ms)}; break-glass for ${group} allows at most ${rules.maxDurationText}.`);
  if (rules.requireTicket && ticket === "") reasons.push(`break-glass for ${group} needs a ticket.`);
  else if (ticket !== "" && policy.ticketPattern && !policy.ticketPattern.test(ticket.slice(0, 100))) reasons.push(`the ticket does not match ${policy.ticketPattern.source}.`);
  if (reason.length < 10 || reason.length > 500) reasons.push("the reason must be 10 to 500 characters: say what is broken and what you will do.");
  const login = facts.actor.toLowerCase();
  if (!facts.config.identities.users.has(login)) reasons.push(`${facts.actor} has no Entra identity in ${facts.config.identities.file}.`);
  let allowed = rules.requesters.some((r) => !r.includes("/") && r.replace(/^@/, "") === login);
  for (const team of rules.requesters.filter((r) => r.includes("/"))) {
    if (allowed) break;
    const members = await facts.teamMembers(team);
    if (typeof members === "string") reasons.push(`could not read ${team}: ${members}`);
    else allowed = members.has(login);
  }
  if (!allowed) reasons.push(`${facts.actor} may not break glass for ${group}; its policy allows ${rules.requesters.join(", ")}.`);
  const unreviewed = facts.previous.filter((p) => p.run !== facts.run && p.group === group && p.login.toLowerCase() === login && !p.reviewed);
  if (unreviewed.length > 0) reasons.push(`your earlier break-glass for ${group} (#${unreviewed.map((u) => u.number).join(", #")}) has not been reviewed: a code owner of requests/${group}/ other than you must close it as completed first.`);
  if (ms !== void 0 && reasons.length === 0) {
    const end = facts.runCreatedAt + ms;
    if (end <= facts.now) reasons.push(`this run started at ${new Date(facts.runCreatedAt).toISOString()}; its access would have ended at ${new Date(end).toISOString()}. A re-run never extends break-glass access: start a new run.`);
    else return { ok: true, group, login: facts.actor, duration: formatDuration(ms), end, ...ticket ? { ticket } : {}, reason };
  }
  return { ok: false, reasons };
}
function reviewersOf(config, group) {
  return ownersOf(config.codeowners, `requests/${group}/break-glass.yaml`).filter((o) => o.kind !== "email");
}
var reviewerNames = (owners) => owners.map((o) => o.kind === "user" ? o.login : formatOwner(o));
function isReviewed(issue, login, owners, memberships) {
  if (issue.state !== "closed" || issue.stateReason !== "completed" || !issue.closedBy) return false;
  return issue.closedBy.toLowerCase() !== login.toLowerCase() && isCodeOwner(issue.closedBy, owners, memberships);
}
function reviewIssue(d, run, runUrl, reviewers) {
  const until = formatTimestamp(d.end);
  const details = [`reason: ${d.reason}`, ...d.ticket ? [`ticket: ${d.ticket}`] : []].join("\n");
  const f = codeFence(details);
  const owners = reviewerNames(reviewers);
  return {
    title: `Break-glass: ${d.login} in ${d.group} until ${until}`,
    body: [
      `${BREAK_GLASS_MARKER} ${JSON.stringify({ run, group: d.group, login: d.login })} -->`,
      `**${d.login} used break-glass for ${d.group}**, granted at once for ${d.duration}, until ${until} UTC, by [run ${run}](${runUrl}).`,
      "",
      `${f}text`,
      details,
      f,
      "",
      `**Review:** a code owner of \`requests/${d.group}/\` (${owners.length > 0 ? owners.join(", ") : "see CODEOWNERS"}) other than ${d.login} checks what was done, then closes this issue as **completed**. Until then the report and the dashboard show it as unreviewed, and ${d.login} cannot break glass for ${d.group} again. Close it as *not planned* to leave it unreviewed.`,
      ""
    ].join("\n")
  };
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
function markedIssues(issues) {
  return issues.flatMap((issue) => {
    const marker = issue.author.endsWith("[bot]") ? readMarker(issue.body) : void 0;
    return marker ? [{ issue, marker }] : [];
  });
}
function reviewsOf(issues) {
  return markedIssues(issues).map(({ issue: i, marker }) => ({ issue: i.number, group: marker.group, login: marker.login, at: i.createdAt, reviewed: i.state === "closed" && i.stateReason === "completed" && i.closedBy !== void 0 && i.closedBy.toLowerCase() !== marker.login.toLowerCase() })).sort((a, b) => b.at.localeCompare(a.at));
}

export {
  decideBreakGlass,
  reviewersOf,
  reviewerNames,
  isReviewed,
  reviewIssue,
  markedIssues,
  reviewsOf
};
