import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  formatOwner,
  ownersOf
} from "./chunk-E4JGT2Z2.js";
import {
  POLICY_PATH
} from "./chunk-6M5K6QUR.js";
import "./chunk-JZPP4HP7.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import {
  require_dist
} from "./chunk-XP3LFAPK.js";
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";
import {
  __toESM
} from "./chunk-JV5PSVP2.js";

// src/cli/discover-write.ts
var import_yaml = __toESM(require_dist(), 1);
var DAY = 864e5;
function proposalEdits(policyText, config, d, now) {
  const review = new Date(now + 90 * DAY).toISOString().slice(0, 10);
  const added = {};
  const codeowners = [];
  const policyOwners = ownersOf(config.codeowners, POLICY_PATH).map(formatOwner);
  for (const g of d.groups) {
    if (!g.onboard.ok) continue;
    const standing = g.members.filter((m) => m.proposal === "standing").map((m) => ({ id: m.id, reason: `${m.kind === "servicePrincipal" ? "service principal" : m.name}: ${m.reason}`.slice(0, 500), review }));
    added[g.name] = {
      id: g.id,
      description: `${g.displayName}: found by discover on ${new Date(now).toISOString().slice(0, 10)}; it ${g.why.join("; ")}`.slice(0, 500),
      maxDuration: g.onboard.maxDuration,
      approvals: g.weight >= 10 ? 2 : 1,
      mode: "audit",
      ...standing.length > 0 ? { standing } : {}
    };
    if (ownersOf(config.codeowners, `requests/${g.name}/x.yaml`).length === 0) {
      if (policyOwners.length === 0)
        throw new ConfigError(`nobody owns ${POLICY_PATH} in CODEOWNERS, so nobody could approve requests for ${g.name}: add owners first.`);
      codeowners.push(`/requests/${g.name}/ ${policyOwners.join(" ")}`);
    }
  }
  for (const r of d.azureRoles) {
    added[r.name] = {
      azureRole: { role: r.roleName, scope: r.scope },
      description: `${r.roleName} at ${r.scope}: found by discover on ${new Date(now).toISOString().slice(0, 10)}, held around the clock by ${r.holders.map((h) => h.name).join(", ")}`.slice(
        0,
        500
      ),
      maxDuration: "4h",
      approvals: 2,
      mode: "audit"
    };
    if (ownersOf(config.codeowners, `requests/${r.name}/x.yaml`).length === 0) {
      if (policyOwners.length === 0)
        throw new ConfigError(`nobody owns ${POLICY_PATH} in CODEOWNERS, so nobody could approve requests for ${r.name}: add owners first.`);
      codeowners.push(`/requests/${r.name}/ ${policyOwners.join(" ")}`);
    }
  }
  const names = Object.keys(added);
  return { policy: names.length === 0 ? policyText : insertGroups(policyText, added), codeowners, added: names };
}
function insertGroups(text, groups) {
  const doc = (0, import_yaml.parseDocument)(text);
  const node = doc.get("groups", true);
  if ((0, import_yaml.isMap)(node) && !node.flow && node.range && node.items.length > 0) {
    const first = node.items[0].key;
    const indent = first.range ? text.slice(0, first.range[0]).split("\n").pop().length : 2;
    const block = (0, import_yaml.stringify)(groups, { lineWidth: 0 }).trimEnd().split("\n").map((l) => `${" ".repeat(indent)}${l}`).join("\n");
    const at = node.range[1];
    const before = text.slice(0, at).replace(/\n*$/, "");
    const result = `${before}
${block}
${text.slice(at).replace(/^\n*/, "")}`;
    const check = (0, import_yaml.parseDocument)(result).toJS();
    if (Object.keys(groups).every((g) => check.groups?.[g] !== void 0)) return result;
  }
  for (const [name, value] of Object.entries(groups)) doc.setIn(["groups", name], value);
  return doc.toString({ lineWidth: 0 });
}
async function writeProposal(git, root, config, d, now, branch) {
  const { readFile, writeFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const dirty = (await git.run(["status", "--porcelain", "--", ".github"])).toString("utf8").trim();
  if (dirty) throw new ConfigError(`.github/ has uncommitted changes; commit or stash them first, so the proposal is its own change:
${dirty}`);
  const policyPath = join(root, POLICY_PATH);
  const edits = proposalEdits(await readFile(policyPath, "utf8"), config, d, now);
  if (edits.added.length === 0) return { branch: "", added: [] };
  await git.run(["switch", "-c", branch]);
  await writeFile(policyPath, edits.policy);
  const files = [POLICY_PATH];
  if (edits.codeowners.length > 0) {
    const path = join(root, config.codeowners.file);
    const text = await readFile(path, "utf8");
    await writeFile(path, `${text.replace(/\n*$/, "\n")}${edits.codeowners.join("\n")}
`);
    files.push(config.codeowners.file);
  }
  await git.run(["add", "--", ...files]);
  await git.run(["commit", "-q", "-m", `access-as-code discover: onboard ${edits.added.join(", ")} in audit mode`]);
  return { branch, added: edits.added };
}
export {
  proposalEdits,
  writeProposal
};
