import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/request/path.ts
var REQUESTS_DIR = "requests";
var SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function isUnderRequests(path) {
  return path.startsWith(`${REQUESTS_DIR}/`);
}
function isRequestsHousekeeping(path) {
  return /^requests\/(?:[^/]+\/)?(?:README\.md|\.gitkeep)$/.test(path);
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
  REQUESTS_DIR,
  isUnderRequests,
  isRequestsHousekeeping,
  splitRequestPath,
  requestPathProblem,
  fileNameMatchesRequester,
  requestFileName,
  slugify
};
