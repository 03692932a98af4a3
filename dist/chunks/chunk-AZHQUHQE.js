import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  CONFIG_LIMITS,
  POLICY_PATH,
  keyNodeAt,
  loadYaml,
  parsePolicy,
  posOf,
  validateAgainstSchema
} from "./chunk-OPVTYMUJ.js";
import {
  CODEOWNERS_MAX_BYTES,
  CODEOWNERS_PATHS,
  REQUESTS_DIR,
  ownersOf,
  parseCodeowners
} from "./chunk-JVDOX7YH.js";
import {
  ConfigError,
  diagnostic,
  hasErrors
} from "./chunk-7XIZWMDY.js";

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

// src/config/config.ts
var CONFIG_PATHS = [POLICY_PATH, IDENTITIES_PATH, ...CODEOWNERS_PATHS];
function contentOrDiagnostic(file, content, limit) {
  if (content === void 0) return diagnostic(file, void 0, "the file does not exist.");
  if (content.bytes === void 0 || content.size > limit) {
    return diagnostic(file, void 0, `the file is ${content.size} bytes; the limit is ${limit} bytes.`);
  }
  return content.bytes;
}
async function loadConfig(files) {
  const problems = [];
  const missing = (file, what) => problems.push(diagnostic(file, void 0, `${file} is missing in ${files.where}. ${what}`));
  const readParsed = async (path, hint, parse) => {
    const content = await files.read(path);
    if (!content) {
      missing(path, hint);
      return void 0;
    }
    const bytes = contentOrDiagnostic(path, content, CONFIG_LIMITS.maxBytes);
    if (!(bytes instanceof Uint8Array)) {
      problems.push(bytes);
      return void 0;
    }
    const result = parse(path, bytes);
    problems.push(...result.diagnostics);
    return result.value;
  };
  const policy = await readParsed(POLICY_PATH, 'Create it with the groups that can be requested (see README, "The policy").', (file, bytes) => {
    const r = parsePolicy(file, bytes);
    return { diagnostics: r.diagnostics, value: r.policy };
  });
  const identities = await readParsed(IDENTITIES_PATH, 'Create it to map GitHub logins to Entra users (see README, "Identities").', (file, bytes) => {
    const r = parseIdentities(file, bytes);
    return { diagnostics: r.diagnostics, value: r.identities };
  });
  let codeowners;
  for (const path of CODEOWNERS_PATHS) {
    const content = await files.read(path);
    if (!content) continue;
    const bytes = contentOrDiagnostic(path, content, CODEOWNERS_MAX_BYTES);
    if (!(bytes instanceof Uint8Array)) {
      problems.push(bytes);
      break;
    }
    const result = parseCodeowners(path, new TextDecoder().decode(bytes));
    problems.push(...result.diagnostics.map((d) => ({ ...d, severity: "warning" })));
    codeowners = result.codeowners;
    break;
  }
  if (!codeowners && !problems.some((d) => CODEOWNERS_PATHS.includes(d.file))) {
    missing(".github/CODEOWNERS", 'Code owners approve requests: add a line per group folder, e.g. "/requests/prod-db-admins/ @acme/dba-leads".');
  }
  if (policy && codeowners) problems.push(...checkCoverage(policy, codeowners));
  if (hasErrors(problems) || !policy || !identities || !codeowners) {
    throw new ConfigError(`the access configuration in ${files.where} is not valid`, problems);
  }
  return { where: files.where, policy, identities, codeowners, warnings: problems };
}
function checkCoverage(policy, codeowners) {
  const out = [];
  for (const name of policy.groups.keys()) {
    const probe = `${REQUESTS_DIR}/${name}/request.yaml`;
    const owners = ownersOf(codeowners, probe).filter((o) => o.kind !== "email");
    if (owners.length === 0) {
      out.push(
        diagnostic(policy.file, policy.positions.get(name), `the group "${name}" has no code owner for ${REQUESTS_DIR}/${name}/ in ${codeowners.file}, so no approval could ever count. Add a line "/${REQUESTS_DIR}/${name}/ @org/approvers" to ${codeowners.file}.`)
      );
    }
  }
  return out;
}

export {
  GITHUB_LOGIN,
  CONFIG_PATHS,
  contentOrDiagnostic,
  loadConfig
};
