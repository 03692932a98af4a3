import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CONFIG_LIMITS,
  keyNodeAt,
  loadYaml,
  nodeAt,
  posOf,
  validateAgainstSchema
} from "./chunk-L4KC6B5H.js";
import {
  HOUR_MS,
  MINUTE_MS,
  parseDuration
} from "./chunk-LRULQWW5.js";
import {
  diagnostic
} from "./chunk-7XIZWMDY.js";

// src/policy/pattern-safety.ts
function backtrackingRisk(source) {
  const stack = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") stack.push({ repeats: false, alternates: false });
    else if (c === "|" && stack.length > 0) stack[stack.length - 1].alternates = true;
    else if (c === ")") {
      const group = stack.pop();
      const outer = repetitionAt(source, i + 1);
      if (group && outer.unbounded && (group.repeats || group.alternates)) {
        return `a group that ${group.repeats ? "repeats inside" : "has alternatives"} is itself repeated ("${source.slice(0, i + 1 + outer.length)}")`;
      }
      if (stack.length > 0 && (group?.repeats || outer.unbounded)) stack[stack.length - 1].repeats = true;
    } else if ((c === "*" || c === "+" || c === "{") && stack.length > 0 && repetitionAt(source, i).unbounded) stack[stack.length - 1].repeats = true;
  }
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
function exemptionsDue(policy, now) {
  return [...policy.groups.values()].flatMap((g) => g.standingEntries.filter((e) => e.reviewAt < now).map((entry) => ({ group: g.name, entry })));
}
var PIM_MAX_MS = 180 * 24 * HOUR_MS;
var BUILT_IN_DEFAULTS = { maxDuration: "8h", approvals: 1, requireTicket: false, mode: "enforce", backend: "membership", reminderBefore: "1h" };
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
        diagnostic(yaml.file, posOf(nodeAt(yaml.doc, ["groups", name, "standing", i]), yaml.lineCounter), `standing exemptions now need a reason and a review date, so none is forgotten. Replace this entry with: - { id: ${entry}, reason: "<why it keeps access, e.g. break-glass account>", review: "<YYYY-MM-DD, when to look at it again>" }`)
      );
    });
  }
  return out;
}
function buildPolicy(yaml) {
  const raw = yaml.value;
  const diagnostics = [];
  const at = (path) => posOf(nodeAt(yaml.doc, path), yaml.lineCounter);
  const groups = /* @__PURE__ */ new Map();
  const positions = /* @__PURE__ */ new Map();
  const idOwner = /* @__PURE__ */ new Map();
  const defaults = raw.defaults ?? {};
  const compilePattern = (source, path) => {
    if (source === void 0) return void 0;
    const risk = backtrackingRisk(source);
    if (risk) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join(".")}" could take exponential time on a crafted ticket: ${risk}. Write it without nested repetition, e.g. "^(INC|CHG)-[0-9]+$".`));
      return void 0;
    }
    try {
      return new RegExp(source, "u");
    } catch (error) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join(".")}" is not a valid regular expression: ${error.message}. Fix the pattern, e.g. "^INC-[0-9]+$".`));
      return void 0;
    }
  };
  const durationOf = (text, path) => {
    const ms = parseDuration(text) ?? 0;
    if (ms < MIN_LEAD_MS) {
      diagnostics.push(diagnostic(yaml.file, at(path), `"${path.join(".")}" is ${text}; it must be at least 5m, or no request could ever be valid.`));
    }
    return ms;
  };
  if (defaults.ticketPattern !== void 0) compilePattern(defaults.ticketPattern, ["defaults", "ticketPattern"]);
  if (defaults.maxDuration !== void 0) durationOf(defaults.maxDuration, ["defaults", "maxDuration"]);
  for (const [name, group] of Object.entries(raw.groups)) {
    const keyPos = posOf(keyNodeAt(yaml.doc, ["groups"], name), yaml.lineCounter);
    if (keyPos) positions.set(name, keyPos);
    const id = group.id.toLowerCase();
    const other = idOwner.get(id);
    if (other !== void 0) {
      diagnostics.push(diagnostic(yaml.file, at(["groups", name, "id"]), `groups "${other}" and "${name}" have the same id ${id}. Each Entra group is declared once; merge the two entries.`));
    }
    idOwner.set(id, name);
    const maxDurationText = group.maxDuration ?? defaults.maxDuration ?? BUILT_IN_DEFAULTS.maxDuration;
    const maxDurationPath = group.maxDuration !== void 0 ? ["groups", name, "maxDuration"] : ["defaults", "maxDuration"];
    const patternPath = group.ticketPattern !== void 0 ? ["groups", name, "ticketPattern"] : ["defaults", "ticketPattern"];
    const ticketPattern = group.ticketPattern !== void 0 ? compilePattern(group.ticketPattern, patternPath) : compilePattern(defaults.ticketPattern, patternPath);
    groups.set(name, {
      name,
      id,
      ...group.description !== void 0 ? { description: group.description } : {},
      maxDurationMs: group.maxDuration !== void 0 ? durationOf(maxDurationText, maxDurationPath) : parseDuration(maxDurationText) ?? 8 * HOUR_MS,
      maxDurationText,
      approvals: group.approvals ?? defaults.approvals ?? BUILT_IN_DEFAULTS.approvals,
      requireTicket: group.requireTicket ?? defaults.requireTicket ?? BUILT_IN_DEFAULTS.requireTicket,
      ...ticketPattern ? { ticketPattern } : {},
      mode: group.mode ?? defaults.mode ?? BUILT_IN_DEFAULTS.mode,
      backend: group.backend ?? defaults.backend ?? BUILT_IN_DEFAULTS.backend,
      ...group.requesters !== void 0 ? { requesters: group.requesters.map((r) => r.toLowerCase()) } : {},
      standing: (group.standing ?? []).map((s) => s.id.toLowerCase()),
      standingEntries: (group.standing ?? []).map((s, i) => {
        const reviewAt = Date.parse(`${s.review}T23:59:59Z`);
        if (Number.isNaN(reviewAt) || new Date(reviewAt).toISOString().slice(0, 10) !== s.review) diagnostics.push(diagnostic(yaml.file, at(["groups", name, "standing", i, "review"]), `"review" is ${s.review}, which is not a date. Write the day the exemption is reviewed again, e.g. "2027-03-31".`));
        const position = at(["groups", name, "standing", i]);
        return { id: s.id.toLowerCase(), reason: s.reason, review: s.review, reviewAt, ...position ? { position } : {} };
      }),
      reminderBeforeMs: parseDuration(group.reminderBefore ?? defaults.reminderBefore ?? BUILT_IN_DEFAULTS.reminderBefore) ?? HOUR_MS,
      ...group.breakGlass ? { breakGlass: { maxDurationMs: durationOf(group.breakGlass.maxDuration, ["groups", name, "breakGlass", "maxDuration"]), maxDurationText: group.breakGlass.maxDuration, requesters: group.breakGlass.requesters.map((r) => r.toLowerCase()), requireTicket: group.breakGlass.requireTicket ?? true } } : {}
    });
    const made = groups.get(name);
    if (made.backend === "pim") {
      for (const [ms, text, path] of [[made.maxDurationMs, made.maxDurationText, maxDurationPath], ...made.breakGlass ? [[made.breakGlass.maxDurationMs, made.breakGlass.maxDurationText, ["groups", name, "breakGlass", "maxDuration"]]] : []]) {
        if (ms > PIM_MAX_MS) diagnostics.push(diagnostic(yaml.file, at([...path]), `"${name}" has backend: pim, and ${text} is longer than the 180 days PIM for Groups allows an active assignment by default, so PIM would refuse the grant. Lower it to 180d at most.`));
      }
    }
  }
  if (groups.size === 0) {
    diagnostics.push(diagnostic(yaml.file, at(["groups"]), 'no groups are declared, so nothing can be requested. Add a group under "groups:" with its Entra object id.', "warning"));
  }
  const failed = diagnostics.some((d) => d.severity === "error");
  return failed ? { policy: void 0, diagnostics } : { policy: { file: yaml.file, groups, positions }, diagnostics };
}

export {
  POLICY_PATH,
  MIN_LEAD_MS,
  exemptionsDue,
  parsePolicy
};
