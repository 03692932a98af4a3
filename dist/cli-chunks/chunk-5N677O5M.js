import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CONFIG_LIMITS,
  keyNodeAt,
  loadYaml,
  posOf,
  validateAgainstSchema
} from "./chunk-JZPP4HP7.js";
import {
  diagnostic
} from "./chunk-ZFCBOOOX.js";

// src/identities/identities.ts
var IDENTITIES_PATH = ".github/access-identities.yaml";
var GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
function parseIdentities(file, bytes) {
  const loaded = loadYaml(file, bytes, CONFIG_LIMITS);
  if (!loaded.ok) return { identities: void 0, diagnostics: loaded.diagnostics };
  const schemaErrors = validateAgainstSchema("identities", loaded.yaml);
  if (schemaErrors.length > 0) return { identities: void 0, diagnostics: schemaErrors };
  const raw = loaded.yaml.value;
  const users = /* @__PURE__ */ new Map();
  const spelled = /* @__PURE__ */ new Map();
  const diagnostics = [];
  for (const [login, ref] of Object.entries(raw.users)) {
    const key = login.toLowerCase();
    const earlier = spelled.get(key);
    if (earlier !== void 0) {
      const pos = posOf(keyNodeAt(loaded.yaml.doc, ["users"], login), loaded.yaml.lineCounter);
      diagnostics.push(diagnostic(file, pos, `"${login}" and "${earlier}" are the same GitHub login (logins ignore case). Keep one entry.`));
      continue;
    }
    spelled.set(key, login);
    users.set(key, "id" in ref ? { id: ref.id.toLowerCase() } : { upn: ref.upn });
  }
  if (diagnostics.length > 0) return { identities: void 0, diagnostics };
  return { identities: { file, users }, diagnostics };
}

// src/request/path.ts
var REQUESTS_DIR = "requests";
var SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function isUnderRequests(path) {
  return path.startsWith(`${REQUESTS_DIR}/`);
}
function isRequestsHousekeeping(path) {
  return /^requests\/(?:[^/]+\/)?(?:README\.md|\.gitkeep)$/.test(path);
}
function outsideRequestScope(path) {
  return !isUnderRequests(path) || isRequestsHousekeeping(path);
}
function outsideRequestScopeProblem(pull, path) {
  return `${pull} changes access requests and also ${path}. Requests must be alone in their pull request, so that nothing else is approved with them: move this change to a separate pull request.`;
}
function splitRequestPath(path) {
  const parts = path.split("/");
  if (parts.length !== 3 || parts[0] !== REQUESTS_DIR) return void 0;
  return { group: parts[1], fileName: parts[2] };
}
function requestPathProblem(path) {
  const parts = path.split("/");
  if (parts[0] !== REQUESTS_DIR) return `request files live under ${REQUESTS_DIR}/<group>/; move this file there.`;
  if (parts.length !== 3) {
    return `request files live exactly one folder deep: ${REQUESTS_DIR}/<group>/<your-login>-<slug>.yaml. Move this file.`;
  }
  const fileName = parts[2];
  if (fileName.endsWith(".yml")) return `request files end in ".yaml"; rename it to ${fileName.slice(0, -4)}.yaml.`;
  if (!fileName.endsWith(".yaml")) return `request files are YAML files ending in ".yaml"; rename it to <your-login>-<slug>.yaml.`;
  return void 0;
}
function fileNameMatchesRequester(fileName, requester) {
  const stem = fileName.replace(/\.yaml$/, "");
  const prefix = `${requester.toLowerCase()}-`;
  if (!stem.toLowerCase().startsWith(prefix)) return false;
  return SLUG.test(stem.slice(prefix.length));
}
function requestFileName(requester, slug) {
  return `${requester.toLowerCase()}-${slug}.yaml`;
}
function slugify(text, maxLength = 40) {
  const slug = text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, maxLength).replace(/-+$/g, "");
  return slug === "" ? "request" : slug;
}

export {
  IDENTITIES_PATH,
  GITHUB_LOGIN,
  parseIdentities,
  REQUESTS_DIR,
  isUnderRequests,
  isRequestsHousekeeping,
  outsideRequestScope,
  outsideRequestScopeProblem,
  splitRequestPath,
  requestPathProblem,
  fileNameMatchesRequester,
  requestFileName,
  slugify
};
