import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/github/permissions.ts
var COMMAND_PERMISSIONS = {
  validate: { contents: "read", issues: "read" },
  grant: { contents: "read", "pull-requests": "write", issues: "read", actions: "read", "id-token": "write" },
  revoke: { contents: "read", "pull-requests": "write", issues: "write", actions: "read", "id-token": "write" },
  report: { contents: "read", "pull-requests": "read", issues: "read", actions: "read", "id-token": "write" },
  doctor: { contents: "read", issues: "read", actions: "read", "id-token": "write" },
  "break-glass": { contents: "read", "pull-requests": "read", issues: "write", actions: "read", "id-token": "write" },
  issue: { contents: "read", issues: "write" },
  discover: { contents: "read", "id-token": "write" }
};
var TEAMS_TOKEN_PERMISSIONS = { members: "read", "pull-requests": "read" };
var GitHubPermissionError = class extends Error {
  status = 403;
  constructor(message) {
    super(message);
    this.name = "GitHubPermissionError";
  }
};
function workflowFileOf(workflowRef) {
  const m = /^[^/\s]+\/[^/\s]+\/(\.github\/workflows\/[^@\s]+\.ya?ml)@/.exec(workflowRef ?? "");
  return m?.[1];
}
function acceptedPermissions(header) {
  return (header ?? "").split(";").map(
    (set) => set.split(",").map((pair) => pair.trim().split("=")).filter((p) => p.length === 2 && /^[a-z_]+$/.test(p[0]) && /^(read|write|admin)$/.test(p[1])).map(([scope, level]) => ({ scope: scope.replace(/_/g, "-"), level }))
  ).filter((set) => set.length > 0);
}
function missingPermissionMessage(origin, call, header) {
  const sets = acceptedPermissions(header);
  const where = origin.workflow ?? "the workflow that runs this job";
  const asJob = (set) => set.map((p) => `\`${p.scope}: ${p.level}\``).join(" and ");
  const asApp = (set) => set.map((p) => `\`permission-${p.scope}: ${p.level}\``).join(" and ");
  const first = sets[0];
  const others = sets.slice(1);
  const alternatives = (f) => others.length > 0 ? ` (or ${others.map(f).join(", or ")})` : "";
  if (origin.kind === "teams")
    return `GitHub refused ${call} to the teams-token (Resource not accessible by integration). ${first ? `Add ${asApp(first)}${alternatives(asApp)} to the "A token that can read teams" step (actions/create-github-app-token) of ${where}, and give the GitHub App that permission.` : `The GitHub App's token lacks a permission this call needs; see docs/setup.md, step 6.`}`;
  if (origin.kind === "cli")
    return `GitHub refused ${call} (Resource not accessible by integration): the token in GITHUB_TOKEN lacks ${first ? `${asJob(first)}${alternatives(asJob)}` : "a permission this call needs"}.`;
  return `GitHub refused ${call} (Resource not accessible by integration): the job token lacks ${first ? `${asJob(first)}${alternatives(asJob)}. Add ${asJob(first)} to the permissions of ${where}` : `a permission this call needs. Compare the permissions of ${where} with README.md's table`}.`;
}
var origins = /* @__PURE__ */ new WeakMap();
var originOf = (octokit) => origins.get(octokit);
function namePermissions(octokit, origin) {
  origins.set(octokit, origin);
  octokit.hook.error("request", (error, options) => {
    if (error.status === 403 && /Resource not accessible by integration/i.test(error.message)) {
      const path = (error.request?.url ?? options.url ?? "").replace(/^https?:\/\/[^/]+/, "").split("?")[0];
      throw new GitHubPermissionError(
        missingPermissionMessage(origin, `${(options.method ?? "GET").toUpperCase()} ${path}`, error.response?.headers?.["x-accepted-github-permissions"])
      );
    }
    throw error;
  });
  return octokit;
}
var ACTION = /^(?:access-as-code\/access-as-code@|\.\/?$)/;
var APP_TOKEN = /^actions\/create-github-app-token@/;
function tokenScopes(block) {
  if (block === "write-all") return Object.fromEntries(["actions", "contents", "issues", "pull-requests", "id-token"].map((s) => [s, "write"]));
  if (block === "read-all") return Object.fromEntries(["actions", "contents", "issues", "pull-requests"].map((s) => [s, "read"]));
  if (block && typeof block === "object") return Object.fromEntries(Object.entries(block).map(([k, v]) => [k, String(v)]));
  return void 0;
}
var enough = (has, level) => has === "write" || has === "read" && level === "read";
function workflowPermissionProblems(path, workflow) {
  const w = workflow ?? {};
  const out = [];
  for (const [id, job] of Object.entries(w.jobs ?? {})) {
    const steps = Array.isArray(job?.steps) ? job.steps : [];
    for (const step of steps) {
      const command = typeof step.uses === "string" && ACTION.test(step.uses) ? step.with?.command : void 0;
      if (typeof command !== "string" || !(command in COMMAND_PERMISSIONS)) continue;
      const scopes = tokenScopes(job.permissions ?? w.permissions);
      if (!scopes) {
        out.push(
          `${path}: job "${id}" has no permissions block, so its token has the repository's default permissions; give it the block README.md lists for "${command}".`
        );
        continue;
      }
      const missing = Object.entries(COMMAND_PERMISSIONS[command]).filter(([scope, level]) => !enough(scopes[scope], level));
      if (missing.length > 0)
        out.push(
          `${path}: command "${command}" needs ${missing.map(([s, l]) => `\`${s}: ${l}\``).join(", ")}: add ${missing.length === 1 ? "it" : "them"} to the permissions of ${path} (job "${id}").`
        );
      const app = steps.find((s) => typeof s.uses === "string" && APP_TOKEN.test(s.uses));
      const asked = Object.entries(app?.with ?? {}).filter(([k]) => k.startsWith("permission-"));
      const appMissing = asked.length === 0 ? [] : Object.entries(TEAMS_TOKEN_PERMISSIONS).filter(([s, l]) => !enough(String(app.with[`permission-${s}`] ?? ""), l));
      if (appMissing.length > 0)
        out.push(
          `${path}: the teams App token step asks for too little: add ${appMissing.map(([s, l]) => `\`permission-${s}: ${l}\``).join(" and ")} to it (and give the GitHub App the permission; docs/setup.md, step 6).`
        );
    }
  }
  return out;
}

export {
  COMMAND_PERMISSIONS,
  TEAMS_TOKEN_PERMISSIONS,
  GitHubPermissionError,
  workflowFileOf,
  acceptedPermissions,
  missingPermissionMessage,
  originOf,
  namePermissions,
  workflowPermissionProblems
};
