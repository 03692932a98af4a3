import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  IDENTITIES_PATH,
  REQUESTS_DIR,
  parseIdentities
} from "./chunk-44LRWTKP.js";
import {
  POLICY_PATH,
  parsePolicy
} from "./chunk-LYNNB4UE.js";
import {
  CONFIG_LIMITS
} from "./chunk-VU76M4JM.js";
import {
  CODEOWNERS_MAX_BYTES,
  CODEOWNERS_PATHS,
  ownersOf,
  parseCodeowners
} from "./chunk-E4JGT2Z2.js";
import {
  ConfigError,
  diagnostic,
  hasErrors
} from "./chunk-ZFCBOOOX.js";

// src/repo/files.ts
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
var READ_LIMIT = 8 * 1024 * 1024;
function contentOrDiagnostic(file, content, limit) {
  if (content === void 0) return diagnostic(file, void 0, "the file does not exist.");
  if (content.bytes === void 0 || content.size > limit) {
    return diagnostic(file, void 0, `the file is ${content.size} bytes; the limit is ${limit} bytes.`);
  }
  return content.bytes;
}
function workingTree(root) {
  return {
    where: "the working tree",
    async read(path) {
      const full = join(root, path);
      let info;
      try {
        info = await stat(full);
      } catch {
        return void 0;
      }
      if (!info.isFile()) return void 0;
      if (info.size > READ_LIMIT) return { size: info.size };
      const bytes = await readFile(full);
      return { size: bytes.length, bytes };
    },
    async list(dir) {
      const base = join(root, dir);
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch {
        return [];
      }
      return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/")).sort();
    }
  };
}
function atCommit(git, commit) {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const spec = `${commit}:${path}`;
      const type = await git.tryRun(["cat-file", "-t", spec]);
      if (type === void 0 || type.toString("utf8").trim() !== "blob") return void 0;
      const size = Number((await git.run(["cat-file", "-s", spec])).toString("utf8").trim());
      if (size > READ_LIMIT) return { size };
      const bytes = await git.run(["cat-file", "blob", spec]);
      return { size: bytes.length, bytes };
    },
    async list(dir) {
      const out = await git.tryRun(["ls-tree", "-r", "-z", "--name-only", commit, "--", `${dir}/`]);
      if (!out) return [];
      return out.toString("utf8").split("\0").filter((p) => p !== "").sort();
    }
  };
}

// src/config/config.ts
var CONFIG_PATHS = [POLICY_PATH, IDENTITIES_PATH, ...CODEOWNERS_PATHS];
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
        diagnostic(
          policy.file,
          policy.positions.get(name),
          `the group "${name}" has no code owner for ${REQUESTS_DIR}/${name}/ in ${codeowners.file}, so no approval could ever count. Add a line "/${REQUESTS_DIR}/${name}/ @org/approvers" to ${codeowners.file}.`
        )
      );
    }
  }
  return out;
}

// src/timestamp.ts
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
function parseTimestamp(text) {
  const m = RFC3339.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { ok: false, reason: `it has no time zone offset. Add one, e.g. "${text.replace(" ", "T")}Z" for UTC` };
    }
    return { ok: false, reason: 'it is not an RFC 3339 timestamp such as "2026-11-24T18:00:00Z"' };
  }
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: "that date or time does not exist on the calendar" };
  }
  if (oh !== void 0 && (Number(oh) > 23 || Number(om) > 59)) {
    return { ok: false, reason: "the time zone offset is out of range" };
  }
  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs)) return { ok: false, reason: "it could not be read as a date" };
  return { ok: true, epochMs };
}
function formatTimestamp(epochMs) {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export {
  contentOrDiagnostic,
  workingTree,
  atCommit,
  CONFIG_PATHS,
  loadConfig,
  parseTimestamp,
  formatTimestamp
};
