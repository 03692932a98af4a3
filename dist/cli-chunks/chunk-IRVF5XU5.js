import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/memory/memory.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var MEMORY_BRANCH = "access-as-code/memory";
var MEMORY_KEY_MIN_LENGTH = 32;
var FORMAT = "access-as-code memory v1";
var SHA = /^[0-9a-f]{40}$/;
var MEMORY_COMMIT_FILES = 1e3;
var entryPath = (landing) => `landings/${landing}.json`;
function mac(k, path, body) {
  return createHmac("sha256", k.key).update(`${FORMAT}\0${k.repository.toLowerCase()}\0${path}\0${body}`).digest("hex");
}
function sealJson(k, path, value) {
  const body = JSON.stringify({ format: FORMAT, ...value });
  return { path, content: `${body}
${mac(k, path, body)}
` };
}
function openJson(k, path, text) {
  const [body, tag, ...rest] = text.split("\n");
  if (!body || !tag || rest.some((l) => l !== "")) return "not a memory entry";
  const expected = Buffer.from(mac(k, path, body), "hex");
  const given = /^[0-9a-f]{64}$/.test(tag) ? Buffer.from(tag, "hex") : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return "its MAC does not match (not written by this repository's grant or sweep job, or altered since)";
  try {
    const value = JSON.parse(body);
    return value && typeof value === "object" && value.format === FORMAT ? { value } : "not in the expected form";
  } catch {
    return "not JSON";
  }
}
function sealEntry(k, entry) {
  return sealJson(k, entryPath(entry.landing), entry);
}
function openEntry(k, landing, text) {
  const opened = openJson(k, entryPath(landing), text);
  if (typeof opened === "string") return opened;
  return shapeOf(opened.value, landing) ?? "not in the expected form";
}
function teamVerdicts(teams) {
  return teams && typeof teams === "object" && Object.values(teams).every((m) => typeof m === "boolean") ? { teams } : {};
}
function shapeOf(value, landing) {
  const v = value;
  if (!v || typeof v !== "object" || v.format !== FORMAT || v.landing !== landing) return void 0;
  const pull = v.pull;
  const chosen = v.chosen;
  if (!chosen || typeof chosen.number !== "number" || !pull || pull.number !== chosen.number || !pull.merged || typeof pull.mergedAt !== "string")
    return void 0;
  if (!SHA.test(pull.headRefOid) || !Array.isArray(pull.commits) || !Array.isArray(pull.reviews) || !v.blobs || typeof v.blobs !== "object") return void 0;
  if (typeof pull.authorBot !== "boolean" || !pull.reviews.every((r) => typeof r.bot === "boolean")) return void 0;
  return { landing, chosen, pull, blobs: v.blobs, ...teamVerdicts(v.teams) };
}
async function memoryHead(git) {
  for (const ref of [`refs/remotes/origin/${MEMORY_BRANCH}`, `refs/heads/${MEMORY_BRANCH}`]) {
    const sha = (await git.catFile().read(`${ref}^{commit}`))?.oid;
    if (sha && SHA.test(sha)) return sha;
  }
  return void 0;
}
async function memoryFolder(git, head, folder, name) {
  return [...(await memoryFolderObjects(git, head, folder, name)).keys()];
}
async function memoryFolderObjects(git, head, folder, name) {
  const listing = (await git.tryRun(["ls-tree", `${head}:${folder}`]))?.toString("utf8") ?? "";
  const out = /* @__PURE__ */ new Map();
  for (const line of listing.split("\n")) {
    const tab = line.indexOf("	");
    const oid = line.slice(0, tab).split(" ")[2];
    const m = name.exec(line.slice(tab + 1));
    if (tab > 0 && oid && m?.[1]) out.set(m[1], oid);
  }
  return out;
}
async function recall(git, reader, k, landings) {
  const head = await memoryHead(git);
  const out = { head, found: /* @__PURE__ */ new Map(), rejected: [], held: /* @__PURE__ */ new Set() };
  if (!head) return out;
  const files = await memoryFolderObjects(git, head, "landings", /^([0-9a-f]{40})\.json$/);
  for (const landing of files.keys()) out.held.add(landing);
  for (const landing of new Set(landings)) {
    const oid = files.get(landing);
    if (!oid) continue;
    const object = await reader.read(oid);
    const opened = object?.bytes ? openEntry(k, landing, Buffer.from(object.bytes).toString("utf8")) : "unreadable";
    if (typeof opened === "string") out.rejected.push({ landing, why: opened });
    else out.found.set(landing, opened);
  }
  return out;
}
function memoryChange(k, recalled, learned, needed) {
  const files = learned.filter((e) => needed.has(e.landing)).map((e) => sealEntry(k, e));
  const deletions = [...recalled.held].filter((l) => !needed.has(l) && !learned.some((e) => e.landing === l)).map(entryPath);
  if (files.length === 0 && deletions.length === 0) return void 0;
  return { expectedHead: recalled.head, files, deletions };
}

export {
  MEMORY_BRANCH,
  MEMORY_KEY_MIN_LENGTH,
  MEMORY_COMMIT_FILES,
  sealJson,
  openJson,
  memoryHead,
  memoryFolder,
  recall,
  memoryChange
};
