import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CONFIG_LIMITS,
  keyNodeAt,
  loadYaml,
  nodeAt,
  posOf,
  validateAgainstSchema
} from "./chunk-JZPP4HP7.js";
import {
  HOUR_MS,
  MINUTE_MS,
  parseDuration
} from "./chunk-WD4VLBT2.js";
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-NYHY56E5.js";
import {
  DirectoryError,
  pimFloorEnd,
  unmanageable
} from "./chunk-WJ3ZLWCM.js";
import {
  AZURE_BUILT_IN_ROLES,
  builtInRoleById,
  builtInRoleByName,
  roleDefinitionAt
} from "./chunk-24XPZQ64.js";
import {
  diagnostic
} from "./chunk-ZFCBOOOX.js";

// src/backends/backend.ts
var REMOVALS = /* @__PURE__ */ new Set(["remove-member", "pim-remove", "azure-remove", "azure-pim-remove"]);
var ADDITIONS = /* @__PURE__ */ new Set(["add-member", "pim-assign", "azure-assign", "azure-pim-assign"]);
var isRemoval = (c) => REMOVALS.has(c.kind);
var isAddition = (c) => ADDITIONS.has(c.kind);
var changeId = (kind, group, member) => `${kind}:${group}:${member}`;
function changeFor(backend, kind, group, d, extra = {}) {
  return {
    id: changeId(kind, group.name, d.id),
    backend,
    kind,
    group: group.name,
    groupId: group.id,
    member: d.id,
    reason: d.reason,
    sources: [...d.files],
    ...extra
  };
}

// src/backends/entra-group.ts
var entraGroup = {
  async checkTargets(directory, entries) {
    const found = await directory.getGroups(entries.map((e) => e.id));
    return new Map(entries.map((e) => [e.id.toLowerCase(), groupProblem(e.name, e.id, found.get(e.id))]));
  },
  readHolders: (directory, entries) => directory.listMembersOfEachGroup(entries.map((e) => e.id)),
  async check(directory, checks) {
    return [
      ...await verifyRemovals(
        directory,
        checks.filter((c) => c.kind === "verify-removal")
      ),
      ...await confirmAdds(
        directory,
        checks.filter((c) => c.kind === "confirm-add")
      )
    ];
  }
};
function groupProblem(name, id, entra) {
  if (!entra) return `the Entra group ${id} for ${name} does not exist; fix its id in the policy.`;
  const why = unmanageable(entra);
  return why ? `the Entra group for ${name} cannot be managed: ${why}` : void 0;
}
async function verifyRemovals(directory, checks) {
  if (checks.length === 0 || !directory.transitiveUsers) return checks.map((c) => ({ id: c.id, result: "skipped" }));
  const groupIds = [...new Set(checks.map((c) => c.groupId.toLowerCase()))];
  const nested = [...new Set(checks.filter((c) => c.nested).map((c) => c.groupId.toLowerCase()))];
  const holders = nested.length > 0 ? await directory.transitiveUsers(nested) : /* @__PURE__ */ new Map();
  const eligible = directory.pimEligible ? await directory.pimEligible(groupIds) : /* @__PURE__ */ new Map();
  return checks.map((c) => {
    const id = c.groupId.toLowerCase();
    const unverified = unansweredChecks(c.group, holders.get(id), eligible.get(id));
    const paths = [
      ...setOf(holders.get(id)).has(c.member.toLowerCase()) ? [
        `still holds ${c.group} through a nested group: its direct membership was removed, but a group that is a member of ${c.group} contains them. Remove them from that group, or end its exemption.`
      ] : [],
      ...setOf(eligible.get(id)).has(c.member.toLowerCase()) ? [`can activate ${c.group} again through a PIM for Groups eligibility. End the eligibility in PIM if the access should be gone.`] : []
    ];
    const stillHeld = paths.length > 0 ? paths.join(" It also ") : void 0;
    return {
      id: c.id,
      result: stillHeld ? "found" : unverified ? "unanswered" : "passed",
      ...stillHeld ? { stillHeld } : {},
      ...unverified ? { unverified } : {}
    };
  });
}
var setOf = (read) => read instanceof Set ? read : /* @__PURE__ */ new Set();
function unansweredChecks(group, holders, eligible) {
  const why = [
    ...holders instanceof DirectoryError ? [`whether they still hold ${group} through a nested group (${holders.message})`] : [],
    ...eligible instanceof DirectoryError && eligible.status !== 403 ? [`whether they can activate ${group} again through PIM for Groups (${eligible.message})`] : []
  ];
  return why.length > 0 ? `the removal could not be verified: Graph did not answer ${why.join(", nor ")}. Check by hand, or let the next run check again.` : void 0;
}
async function confirmAdds(directory, checks) {
  if (checks.length === 0) return [];
  const { pending } = await directory.confirm(
    checks.map((c) => ({ op: "add", groupId: c.groupId, memberId: c.member })),
    { attempts: 3, delayMs: 2e3 }
  );
  return checks.map(
    (c) => pending.some((p) => p.groupId === c.groupId && p.memberId === c.member) ? {
      id: c.id,
      result: "found",
      lagging: "Microsoft Graph confirmed the change, but its reads do not show it yet (replication lag); it usually appears within minutes, and nothing needs to be done."
    } : { id: c.id, result: "passed" }
  );
}

// src/backends/membership.ts
var membership = {
  name: "membership",
  target: "group",
  ...entraGroup,
  verbs: { "add-member": "add", "remove-member": "remove" },
  title: "group membership",
  writesMembers: true,
  permissions: [],
  change(group, d) {
    if (d.action !== "add" && d.action !== "remove") return void 0;
    const kind = d.action === "add" ? "add-member" : "remove-member";
    return changeFor("membership", kind, group, d);
  },
  async apply(directory, changes) {
    const answers = await directory.apply(
      changes.map((c) => ({ op: c.kind === "add-member" ? "add" : "remove", groupId: c.groupId, memberId: c.member }))
    );
    return answers.map((o, i) => {
      const c = changes[i];
      return o.result === "failed" ? { id: c.id, result: "failed", detail: `Microsoft Graph did not ${c.kind === "add-member" ? "add" : "remove"} it: ${o.detail}` } : { id: c.id, result: o.result };
    });
  }
};

// src/backends/pim.ts
var PIM_END_SLACK_MS = 6e4;
var KIND = { add: "pim-assign", update: "pim-update", remove: "pim-remove" };
var ACTION = { "pim-assign": "adminAssign", "pim-update": "adminUpdate", "pim-remove": "adminRemove" };
var PIM_WRITE = "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup";
var pim = {
  name: "pim",
  target: "group",
  ...entraGroup,
  endsItself: "Entra (PIM for Groups assignment end)",
  verbs: { "pim-assign": "assign (PIM)", "pim-update": "move the PIM assignment end of", "pim-remove": "end the PIM assignment of" },
  label: "PIM",
  title: "PIM for Groups",
  // The default PIM for Groups policy allows no permanent active assignment and at most 180 days.
  maxDuration: {
    ms: 180 * 24 * 36e5,
    text: "180d",
    why: "the 180 days PIM for Groups allows an active assignment by default, so PIM would refuse the grant"
  },
  writesMembers: false,
  permissions: [PIM_WRITE],
  // Reading the assignments proves PIM's permission (and reads only).
  ready: async (directory, groupIds) => {
    await directory.listPimAssignments(groupIds);
  },
  readState: async (directory, groupIds) => {
    const assignments = await directory.listPimAssignments(groupIds);
    return new Map(groupIds.map((id) => [id.toLowerCase(), new Map((assignments.get(id.toLowerCase()) ?? []).map((a) => [a.principalId, a.end]))]));
  },
  /**
   * Each active member's assignment ends with the last of their approved requests and break-glass
   * grants: added with that end, or moved to it (an extension, or an earlier end when a longer request
   * was deleted) when the assignment in force ends elsewhere or never. Before verification only adds
   * get their end; moving ends waits for verified requests, so an end is never shortened and then
   * moved back.
   */
  shape(dispositions, state, endOf, moveExisting) {
    return dispositions.map((d) => {
      if (d.reason !== "active" || d.action !== "add" && (d.action !== "keep" || !moveExisting)) return d;
      const wanted = endOf(d.id);
      if (!wanted) return d;
      const current = state?.get(d.id);
      const moved = d.action === "keep" && (current === void 0 || current === null || Math.abs(Date.parse(current) - wanted.end) > PIM_END_SLACK_MS);
      return { ...d, action: moved ? "update" : d.action, end: new Date(wanted.end).toISOString(), justification: wanted.justification };
    });
  },
  change(group, d) {
    if (d.action !== "add" && d.action !== "remove" && d.action !== "update") return void 0;
    const kind = KIND[d.action];
    return changeFor("pim", kind, group, d, { ...d.end ? { end: d.end } : {}, justification: d.justification ?? `access-as-code: ${d.reason}` });
  },
  async apply(directory, changes) {
    const answers = await directory.applyPim(
      changes.map((c) => ({
        action: ACTION[c.kind],
        groupId: c.groupId,
        principalId: c.member,
        ...c.end ? { end: c.end } : {},
        justification: c.justification ?? `access-as-code: ${c.reason}`
      }))
    );
    return answers.map((o, i) => {
      const c = changes[i];
      if (o.result === "failed")
        return { id: c.id, result: "failed", detail: `PIM did not ${c.kind === "pim-remove" ? "end" : "make"} the assignment: ${o.detail}` };
      if (o.result === "deferred") return { id: c.id, result: "deferred", detail: o.detail, ...o.endsAt ? { endsAt: o.endsAt } : {} };
      return { id: c.id, result: o.result, ...o.result === "already" && c.kind === "pim-assign" ? { detail: o.detail } : {} };
    });
  }
};

// src/backends/azure-role.ts
var azureRole = {
  name: "azure-role",
  target: "azureRole",
  azureWriter: "delegated",
  ...azureTargetParts,
  verbs: { "azure-assign": "assign the Azure role to", "azure-remove": "remove the Azure role assignment of" },
  label: "Azure role",
  title: "Azure role assignment",
  writesMembers: false,
  permissions: [],
  shape: (dispositions) => usersOnly(dispositions),
  change(group, d) {
    if (d.action !== "add" && d.action !== "remove") return void 0;
    return changeFor("azure-role", d.action === "add" ? "azure-assign" : "azure-remove", group, d);
  },
  async apply(directory, changes) {
    const writer = directory.azureRoleWrites ? await directory.azureRoleWrites() : void 0;
    if (!writer)
      return changes.map((c) => ({ id: c.id, result: "failed", detail: "no Azure Resource Manager endpoint is configured (arm-endpoint)" }));
    const removals = changes.filter((c) => c.kind === "azure-remove");
    const listed = removals.length > 0 ? await assignmentsAt(
      directory,
      removals.map((c) => azureTarget(c.groupId).scope)
    ) : /* @__PURE__ */ new Map();
    const out = [];
    for (const c of changes) {
      const { scope, roleId } = azureTarget(c.groupId);
      if (c.kind === "azure-assign") {
        const a = await writer.assign(scope, roleId, c.member, `access-as-code: ${c.sources.join("; ")}`);
        out.push(outcome(c, a.result, `Azure did not assign the role: ${a.detail}`));
        continue;
      }
      const all = listed.get(scope.toLowerCase());
      if (!Array.isArray(all)) {
        out.push({ id: c.id, result: "failed", detail: all?.message ?? "the assignments at the scope could not be read" });
        continue;
      }
      const mine = heldAt(all, scope, roleId).filter((a) => a.principalId === c.member);
      const answers = await Promise.all(mine.map((a) => writer.remove(a.scope, a.name)));
      const failed = answers.find((a) => a.result === "failed");
      out.push(
        failed ? { id: c.id, result: "failed", detail: `Azure did not remove the role assignment: ${failed.detail}` } : { id: c.id, result: answers.some((a) => a.result === "made") ? "made" : "already" }
      );
    }
    return out;
  }
};
function outcome(c, result, failure) {
  return result === "failed" ? { id: c.id, result, detail: failure } : { id: c.id, result };
}

// src/backends/azure-pim.ts
var KIND2 = { add: "azure-pim-assign", update: "azure-pim-update", remove: "azure-pim-remove" };
var azurePim = {
  name: "azure-pim",
  target: "azureRole",
  azureWriter: "unconditioned",
  ...azureTargetParts,
  ready: (directory, ids) => readyAzure(directory, ids, { pim: true }),
  endsItself: "Azure (PIM for Azure resources assignment end)",
  verbs: {
    "azure-pim-assign": "assign (Azure PIM)",
    "azure-pim-update": "move the Azure PIM assignment end of",
    "azure-pim-remove": "end the Azure PIM assignment of"
  },
  label: "Azure PIM",
  title: "PIM for Azure resources",
  maxDuration: {
    ms: 180 * 24 * 36e5,
    text: "180d",
    why: "the 180 days a PIM role setting allows an active assignment when it makes them expire (as a zero-standing-privilege tenant's settings do), so PIM would refuse the grant"
  },
  writesMembers: false,
  permissions: [],
  /** Each active assignment's end at the entries' scopes (Role Assignment Schedule Instances - List For Scope). */
  async readState(directory, ids) {
    const out = /* @__PURE__ */ new Map();
    if (!directory.armReadAll) return out;
    const targets = ids.map((id) => azureTarget(id));
    const listed = await listAtScope(
      directory,
      targets.map((t) => t.scope),
      "roleAssignmentScheduleInstances",
      (scope, status, message) => `PIM for Azure resources did not list the assignments at ${scope} (${status}: ${message}); nothing was changed there.`
    );
    ids.forEach((id, i) => {
      const t = targets[i];
      const value = listed.get(t.scope.toLowerCase());
      if (!Array.isArray(value)) throw value ?? new DirectoryError(0, `the assignments at ${t.scope} were not read`);
      const ends = /* @__PURE__ */ new Map();
      for (const raw of value) {
        const p = raw?.properties;
        if (typeof p?.principalId !== "string" || typeof p.roleDefinitionId !== "string" || typeof p.scope !== "string") continue;
        if (!p.roleDefinitionId.toLowerCase().endsWith(t.roleId) || p.scope.toLowerCase() !== t.scope.toLowerCase()) continue;
        ends.set(p.principalId.toLowerCase(), typeof p.endDateTime === "string" ? p.endDateTime : null);
      }
      out.set(id.toLowerCase(), ends);
    });
    return out;
  },
  shape: (dispositions, state, endOf, moveExisting) => usersOnly(pim.shape(dispositions, state, endOf, moveExisting)),
  change(group, d) {
    if (d.action !== "add" && d.action !== "remove" && d.action !== "update") return void 0;
    return changeFor("azure-pim", KIND2[d.action], group, d, {
      ...d.end ? { end: d.end } : {},
      justification: d.justification ?? `access-as-code: ${d.reason}`
    });
  },
  async apply(directory, changes) {
    const writer = directory.azureRoleWrites ? await directory.azureRoleWrites() : void 0;
    if (!writer)
      return changes.map((c) => ({ id: c.id, result: "failed", detail: "no Azure Resource Manager endpoint is configured (arm-endpoint)" }));
    const out = [];
    for (const c of changes) out.push(await applyOne(writer, c));
    return out;
  }
};
async function applyOne(writer, c) {
  const { scope, roleId } = azureTarget(c.groupId);
  const base = { scope, roleId, principalId: c.member, justification: c.justification ?? `access-as-code: ${c.reason}` };
  if (c.kind === "azure-pim-remove") {
    const a2 = await writer.pim({ ...base, requestType: "AdminRemove" });
    if (a2.result !== "failed") return { id: c.id, result: "made" };
    if (a2.code === "RoleAssignmentDoesNotExist") return { id: c.id, result: "already" };
    if (a2.code !== "ActiveDurationTooShort") return { id: c.id, result: "failed", detail: `PIM did not end the assignment: ${a2.detail}` };
    const endsAt = pimFloorEnd();
    const moved = await writer.pim({ ...base, requestType: "AdminUpdate", end: endsAt });
    return moved.result === "failed" ? {
      id: c.id,
      result: "failed",
      detail: `PIM refused to end the assignment within 5 minutes of making it, and to move its end: ${moved.detail}. The next run tries again.`
    } : {
      id: c.id,
      result: "deferred",
      endsAt,
      detail: `PIM refuses to end an assignment within 5 minutes of making it, so its end was moved to ${endsAt}, when Azure ends it; until then the access stays.`
    };
  }
  const a = await writer.pim({ ...base, requestType: c.kind === "azure-pim-assign" ? "AdminAssign" : "AdminUpdate", ...c.end ? { end: c.end } : {} });
  if (a.result !== "failed") return { id: c.id, result: "made" };
  if (c.kind === "azure-pim-assign" && a.code === "RoleAssignmentExists" && c.end) {
    const moved = await writer.pim({ ...base, requestType: "AdminUpdate", end: c.end });
    return moved.result === "failed" ? { id: c.id, result: "failed", detail: `PIM did not move the end of the assignment in force: ${moved.detail}` } : { id: c.id, result: "already", detail: "already assigned; its end was moved to the wanted one" };
  }
  return { id: c.id, result: "failed", detail: `PIM did not make the assignment: ${a.detail}` };
}

// src/backends/index.ts
var BACKENDS = { membership, pim, "azure-role": azureRole, "azure-pim": azurePim };
function backendOf(name) {
  return BACKENDS[name];
}

// src/policy/pattern-safety.ts
function backtrackingRisk(source) {
  const stack = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === ")") {
      const risk = closeGroup(source, i, stack);
      if (risk) return risk;
    } else noteInGroup(source, i, stack);
  }
  return void 0;
}
function noteInGroup(source, i, stack) {
  const c = source[i];
  const inner = stack[stack.length - 1];
  if (c === "(") stack.push({ repeats: false, alternates: false });
  else if (c === "|" && inner) inner.alternates = true;
  else if ((c === "*" || c === "+" || c === "{") && inner && repetitionAt(source, i).unbounded) inner.repeats = true;
}
function closeGroup(source, i, stack) {
  const group = stack.pop();
  const outer = repetitionAt(source, i + 1);
  if (group && outer.unbounded && (group.repeats || group.alternates)) {
    return `a group that ${group.repeats ? "repeats inside" : "has alternatives"} is itself repeated ("${source.slice(0, i + 1 + outer.length)}")`;
  }
  if (stack.length > 0 && (group?.repeats || outer.unbounded)) stack[stack.length - 1].repeats = true;
  return void 0;
}
function repetitionAt(source, at) {
  const c = source[at];
  if (c === "*" || c === "+") return { unbounded: true, length: source[at + 1] === "?" ? 2 : 1 };
  if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(at));
    if (m) return { unbounded: m[2] !== void 0 && (m[3] === "" || Number(m[3]) > 1), length: m[0].length };
  }
  return { unbounded: false, length: 0 };
}

// src/policy/policy.ts
var POLICY_PATH = ".github/access-policy.yaml";
var MIN_LEAD_MS = 5 * MINUTE_MS;
function holding(policy, name) {
  const role = policy.groups.get(name)?.azureRole;
  return role ? `assigned ${role.roleName ?? `the Azure role ${role.roleId}`} at ${role.scope} (${name})` : `a member of ${name}`;
}
function describeTarget(g) {
  return g.azureRole ? `Azure role ${g.azureRole.roleName ?? g.azureRole.roleId} at ${g.azureRole.scope}` : `Entra group ${g.id}`;
}
function exemptionsDue(policy, now) {
  return [...policy.groups.values()].flatMap((g) => g.standingEntries.filter((e) => e.reviewAt < now).map((entry) => ({ group: g.name, entry })));
}
var BUILT_IN_DEFAULTS = {
  maxDuration: "8h",
  approvals: 1,
  requireTicket: false,
  mode: "enforce",
  backend: "membership",
  reminderBefore: "1h"
};
function parsePolicy(file, bytes) {
  const loaded = loadYaml(file, bytes, CONFIG_LIMITS);
  if (!loaded.ok) return { policy: void 0, diagnostics: loaded.diagnostics };
  const oldStanding = bareStandingEntries(loaded.yaml);
  if (oldStanding.length > 0) return { policy: void 0, diagnostics: oldStanding };
  const schemaErrors = validateAgainstSchema("policy", loaded.yaml);
  if (schemaErrors.length > 0) return { policy: void 0, diagnostics: schemaErrors };
  return buildPolicy(loaded.yaml);
}
function bareStandingEntries(yaml) {
  const groups = yaml.value?.groups;
  if (!groups || typeof groups !== "object") return [];
  const out = [];
  for (const [name, group] of Object.entries(groups)) {
    const standing = group?.standing;
    if (!Array.isArray(standing)) continue;
    standing.forEach((entry, i) => {
      if (typeof entry !== "string") return;
      out.push(
        diagnostic(
          yaml.file,
          posOf(nodeAt(yaml.doc, ["groups", name, "standing", i]), yaml.lineCounter),
          `standing exemptions now need a reason and a review date, so none is forgotten. Replace this entry with: - { id: ${entry}, reason: "<why it keeps access, e.g. break-glass account>", review: "<YYYY-MM-DD, when to look at it again>" }`
        )
      );
    });
  }
  return out;
}
function buildPolicy(yaml) {
  const raw = yaml.value;
  const b = { yaml, diagnostics: [], at: (path) => posOf(nodeAt(yaml.doc, path), yaml.lineCounter) };
  const groups = /* @__PURE__ */ new Map();
  const positions = /* @__PURE__ */ new Map();
  const idOwner = /* @__PURE__ */ new Map();
  const defaults = raw.defaults ?? {};
  if (defaults.ticketPattern !== void 0) compilePattern(b, defaults.ticketPattern, ["defaults", "ticketPattern"]);
  if (defaults.maxDuration !== void 0) durationOf(b, defaults.maxDuration, ["defaults", "maxDuration"]);
  for (const [name, group] of Object.entries(raw.groups)) {
    const keyPos = posOf(keyNodeAt(yaml.doc, ["groups"], name), yaml.lineCounter);
    if (keyPos) positions.set(name, keyPos);
    const target = entryTarget(b, name, group);
    const id = target.id.toLowerCase();
    const other = idOwner.get(id);
    if (other !== void 0) {
      b.diagnostics.push(
        diagnostic(
          yaml.file,
          b.at(["groups", name, group.azureRole ? "azureRole" : "id"]),
          group.azureRole ? `"${other}" and "${name}" both grant ${target.azureRole?.roleName ?? target.azureRole?.roleId} at ${target.azureRole?.scope}. Each role at a scope is declared once; merge the two entries.` : `groups "${other}" and "${name}" have the same id ${id}. Each Entra group is declared once; merge the two entries.`
        )
      );
    }
    idOwner.set(id, name);
    groups.set(name, { ...groupPolicy(b, name, group, defaults), ...target });
  }
  if (groups.size === 0) {
    b.diagnostics.push(
      diagnostic(
        yaml.file,
        b.at(["groups"]),
        'no groups are declared, so nothing can be requested. Add a group under "groups:" with its Entra object id.',
        "warning"
      )
    );
  }
  const failed = b.diagnostics.some((d) => d.severity === "error");
  return failed ? { policy: void 0, diagnostics: b.diagnostics } : { policy: { file: yaml.file, groups, positions, azureScopes: raw.azureScopes ?? [] }, diagnostics: b.diagnostics };
}
function groupPolicy(b, name, group, defaults) {
  const pick = (key) => group[key] ?? defaults[key] ?? BUILT_IN_DEFAULTS[key];
  const own = (key) => group[key] !== void 0 ? ["groups", name, key] : ["defaults", key];
  const maxDurationText = pick("maxDuration");
  const ticketPattern = compilePattern(b, group.ticketPattern ?? defaults.ticketPattern, own("ticketPattern"));
  const made = {
    name,
    id: (group.id ?? "").toLowerCase(),
    ...optional("description", group.description),
    maxDurationMs: group.maxDuration !== void 0 ? durationOf(b, maxDurationText, own("maxDuration")) : parseDuration(maxDurationText) ?? 8 * HOUR_MS,
    maxDurationText,
    approvals: pick("approvals"),
    requireTicket: pick("requireTicket"),
    ...optional("ticketPattern", ticketPattern),
    mode: pick("mode"),
    // defaults.backend is for group entries; an azureRole entry's own backend, else azure-role.
    backend: group.backend ?? (group.azureRole ? "azure-role" : pick("backend")),
    ...optional(
      "requesters",
      group.requesters?.map((r) => r.toLowerCase())
    ),
    standing: (group.standing ?? []).map((s) => s.id.toLowerCase()),
    standingEntries: standingEntries(b, name, group),
    revokeSessions: group.revokeSessions === true,
    reminderBeforeMs: parseDuration(pick("reminderBefore")) ?? HOUR_MS,
    ...optional("breakGlass", group.breakGlass ? breakGlassRules(b, name, group.breakGlass) : void 0)
  };
  backendTarget(b, made, group);
  backendLimits(b, made, own("maxDuration"));
  return made;
}
function entryTarget(b, name, group) {
  if (!group.azureRole) return { id: (group.id ?? "").toLowerCase() };
  const { role, scope } = group.azureRole;
  const byId = GUID.test(role) ? role.toLowerCase() : void 0;
  const builtIn = byId ? builtInRoleById(byId) : builtInRoleByName(role);
  const roleId = byId ?? builtIn?.id;
  if (!roleId)
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(["groups", name, "azureRole", "role"]),
        `"${role}" is not a built-in role this tool knows by name (${AZURE_BUILT_IN_ROLES.map((r) => r.name).join(", ")}). Write the role's definition id instead (a GUID: "az role definition list --name '<name>' --query [].name"), which works for every role, custom ones included.`
      )
    );
  const trimmed = scope.replace(/\/+$/, "");
  if (new URL(`https://scope.invalid${trimmed}`).pathname.toLowerCase() !== trimmed.toLowerCase())
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(["groups", name, "azureRole", "scope"]),
        `the scope "${scope}" names another scope once a client reads it as a URL ("." or ".." segments, or escapes). Write the scope as Azure shows it.`
      )
    );
  const azureRole2 = { scope: trimmed, roleId: roleId ?? "", ...builtIn ? { roleName: builtIn.name } : {} };
  return { id: roleDefinitionAt(trimmed, azureRole2.roleId), azureRole: azureRole2 };
}
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function backendTarget(b, made, group) {
  const wants = group.azureRole ? "azureRole" : "group";
  if (BACKENDS[made.backend].target === wants) return;
  const fits = Object.values(BACKENDS).filter((x) => x.target === wants).map((x) => `${x.name} (${x.title})`).join(" or ");
  b.diagnostics.push(
    diagnostic(
      b.yaml.file,
      b.at(group.backend !== void 0 ? ["groups", made.name, "backend"] : ["defaults", "backend"]),
      `"${made.name}" ${wants === "azureRole" ? "names an Azure role (azureRole)" : "names an Entra group (id)"}, but backend: ${made.backend} works on ${wants === "azureRole" ? "Entra groups" : "Azure roles"}. Use backend: ${fits}.`
    )
  );
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function breakGlassRules(b, name, raw) {
  return {
    maxDurationMs: durationOf(b, raw.maxDuration, ["groups", name, "breakGlass", "maxDuration"]),
    maxDurationText: raw.maxDuration,
    requesters: raw.requesters.map((r) => r.toLowerCase()),
    requireTicket: raw.requireTicket ?? true,
    ...raw.reviewWithin !== void 0 ? { reviewWithinMs: durationOf(b, raw.reviewWithin, ["groups", name, "breakGlass", "reviewWithin"]), reviewWithinText: raw.reviewWithin } : {}
  };
}
function standingEntries(b, name, group) {
  return (group.standing ?? []).map((s, i) => {
    const reviewAt = Date.parse(`${s.review}T23:59:59Z`);
    if (Number.isNaN(reviewAt) || new Date(reviewAt).toISOString().slice(0, 10) !== s.review)
      b.diagnostics.push(
        diagnostic(
          b.yaml.file,
          b.at(["groups", name, "standing", i, "review"]),
          `"review" is ${s.review}, which is not a date. Write the day the exemption is reviewed again, e.g. "2027-03-31".`
        )
      );
    const position = b.at(["groups", name, "standing", i]);
    return { id: s.id.toLowerCase(), reason: s.reason, review: s.review, reviewAt, ...position ? { position } : {} };
  });
}
function backendLimits(b, made, maxDurationPath) {
  const most = BACKENDS[made.backend].maxDuration;
  if (!most) return;
  const limits = [[made.maxDurationMs, made.maxDurationText, maxDurationPath]];
  if (made.breakGlass) limits.push([made.breakGlass.maxDurationMs, made.breakGlass.maxDurationText, ["groups", made.name, "breakGlass", "maxDuration"]]);
  for (const [ms, text, path] of limits) {
    if (ms > most.ms)
      b.diagnostics.push(
        diagnostic(
          b.yaml.file,
          b.at(path),
          `"${made.name}" has backend: ${made.backend}, and ${text} is longer than ${most.why}. Lower it to ${most.text} at most.`
        )
      );
  }
}
function compilePattern(b, source, path) {
  if (source === void 0) return void 0;
  const risk = backtrackingRisk(source);
  if (risk) {
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(path),
        `"${path.join(".")}" could take exponential time on a crafted ticket: ${risk}. Write it without nested repetition, e.g. "^(INC|CHG)-[0-9]+$".`
      )
    );
    return void 0;
  }
  try {
    return new RegExp(source, "u");
  } catch (error) {
    b.diagnostics.push(
      diagnostic(
        b.yaml.file,
        b.at(path),
        `"${path.join(".")}" is not a valid regular expression: ${error.message}. Fix the pattern, e.g. "^INC-[0-9]+$".`
      )
    );
    return void 0;
  }
}
function durationOf(b, text, path) {
  const ms = parseDuration(text) ?? 0;
  if (ms < MIN_LEAD_MS)
    b.diagnostics.push(diagnostic(b.yaml.file, b.at(path), `"${path.join(".")}" is ${text}; it must be at least 5m, or no request could ever be valid.`));
  return ms;
}

export {
  isRemoval,
  isAddition,
  changeId,
  BACKENDS,
  backendOf,
  POLICY_PATH,
  MIN_LEAD_MS,
  holding,
  describeTarget,
  exemptionsDue,
  parsePolicy
};
