import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  IDENTITIES_PATH,
  REQUESTS_DIR,
  parseIdentities
} from "./chunk-5N677O5M.js";
import {
  CODEOWNERS_MAX_BYTES,
  CODEOWNERS_PATHS,
  ownersOf,
  parseCodeowners
} from "./chunk-E4JGT2Z2.js";
import {
  POLICY_PATH,
  parsePolicy
} from "./chunk-6M5K6QUR.js";
import {
  CONFIG_LIMITS
} from "./chunk-JZPP4HP7.js";
import {
  ConfigError,
  diagnostic,
  hasErrors
} from "./chunk-ZFCBOOOX.js";

// src/repo/files.ts
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

// src/git/cat-file.ts
import { spawn } from "node:child_process";

// src/git/error.ts
var GitError = class extends Error {
  args;
  stderr;
  exitCode;
  constructor(args, stderr, exitCode) {
    super(`git ${args.join(" ")} failed${exitCode !== void 0 ? ` (exit ${exitCode})` : ""}: ${stderr.trim() || "no output"}`);
    this.name = "GitError";
    this.args = args;
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
};

// src/git/cat-file.ts
var CatFile = class _CatFile {
  child;
  queue = [];
  buffer = Buffer.alloc(0);
  stderr = "";
  closed = false;
  limit;
  /** Bytes of an object over the limit still to be passed over (read from git, never kept). */
  skipping = 0;
  shared;
  /**
   * `shared`: one reader for a whole run, which its users' close() leaves open; while nothing is asked
   * of it, it does not keep the process alive (git ends when the process does and its input closes).
   */
  constructor(cwd, options = {}) {
    this.limit = options.limit ?? 8 * 1024 * 1024;
    this.shared = options.shared ?? false;
    this.child = spawn("git", ["cat-file", "--batch"], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } });
    this.child.stdout.on("data", (chunk) => {
      if (this.skipping > 0) {
        const passed = Math.min(this.skipping, chunk.length);
        this.skipping -= passed;
        chunk = chunk.subarray(passed);
      }
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr.on("data", (d) => this.stderr = (this.stderr + d.toString("utf8")).slice(-2e3));
    this.child.on("close", (code) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(["cat-file", "--batch"], this.stderr || "git cat-file ended", code ?? void 0));
    });
    this.child.on("error", (error) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(["cat-file", "--batch"], error.message, void 0));
    });
    this.child.stdin.on("error", () => void 0);
    if (this.shared) this.hold(false);
  }
  /** Whether a name can be asked for through the batch protocol (no newline, no carriage return). */
  static answers(spec) {
    return !/[\r\n]/.test(spec);
  }
  /** Whether the git process has ended (a shared reader is then replaced). */
  get ended() {
    return this.closed;
  }
  /** A shared reader keeps the process alive only while an answer is awaited. */
  hold(waiting) {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      if (waiting) handle.ref();
      else handle.unref();
    }
  }
  /** An object by name (`<commit>:<path>`, an oid), or undefined when it does not exist. */
  read(spec) {
    if (this.closed) return Promise.reject(new GitError(["cat-file", "--batch"], "the reader is closed", void 0));
    if (!_CatFile.answers(spec)) return Promise.resolve(void 0);
    return new Promise((resolve, reject) => {
      if (this.shared && this.queue.length === 0) this.hold(true);
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${spec}
`);
    });
  }
  drain() {
    this.answer();
    if (this.shared && this.queue.length === 0) this.hold(false);
  }
  answer() {
    while (this.queue.length > 0 && this.skipping === 0) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift().resolve(void 0);
        continue;
      }
      const [oid, type, sizeText] = header.split(" ");
      const size = Number(sizeText);
      if (size > this.limit) {
        const held = this.buffer.length - (eol + 1);
        this.skipping = Math.max(0, size + 1 - held);
        this.buffer = this.buffer.subarray(Math.min(this.buffer.length, eol + 1 + size + 1));
        this.queue.shift().resolve({ oid, type, size });
        continue;
      }
      if (this.buffer.length < eol + 1 + size + 1) return;
      const body = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift().resolve({ oid, type, size, bytes: Uint8Array.from(body) });
    }
  }
  /** Ends the git process; a shared reader's users leave it to the end of the run. */
  close() {
    if (!this.closed && !this.shared) this.child.stdin.end();
  }
};
async function localBlobs(reader, specs) {
  const local = /* @__PURE__ */ new Map();
  const remote = [];
  for (const spec of new Set(specs)) {
    const commit = spec.slice(0, spec.indexOf(":"));
    if (await reader.read(commit)) local.set(spec, (await reader.read(spec))?.oid ?? null);
    else remote.push(spec);
  }
  return { local, remote };
}

// src/repo/files.ts
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
async function readByCommand(git, spec) {
  const type = await git.tryRun(["cat-file", "-t", spec]);
  if (type === void 0 || type.toString("utf8").trim() !== "blob") return void 0;
  const size = Number((await git.run(["cat-file", "-s", spec])).toString("utf8").trim());
  if (size > READ_LIMIT) return { size };
  const bytes = await git.run(["cat-file", "blob", spec]);
  return { size: bytes.length, bytes };
}
function atCommit(git, commit) {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const spec = `${commit}:${path}`;
      if (!CatFile.answers(spec)) return readByCommand(git, spec);
      const object = await git.catFile().read(spec);
      if (object?.type !== "blob") return void 0;
      if (object.size > READ_LIMIT) return { size: object.size };
      return object.bytes ? { size: object.size, bytes: object.bytes } : readByCommand(git, spec);
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

// src/git/git.ts
import { execFile, spawn as spawn2 } from "node:child_process";
var MAX_OUTPUT = 256 * 1024 * 1024;
function gitIn(cwd) {
  const run = (args) => new Promise((resolve, reject) => {
    execFile(
      "git",
      [...args],
      { cwd, encoding: "buffer", maxBuffer: MAX_OUTPUT, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === "number" ? error.code : void 0;
          reject(new GitError(args, stderr.toString("utf8") || error.message, code));
        } else resolve(stdout);
      }
    );
  });
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const pipe = (args, input) => new Promise((resolve, reject) => {
    const child = spawn2("git", [...args], { cwd, env });
    const out = [];
    let err = "";
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err += d.toString("utf8"));
    child.stdin.on("error", () => void 0);
    child.on("error", (e) => reject(new GitError(args, e.message, void 0)));
    child.on("close", (code) => code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(args, err, code ?? void 0)));
    child.stdin.end(input);
  });
  let reader;
  return {
    run,
    pipe,
    catFile: () => {
      if (!reader || reader.ended) reader = new CatFile(cwd, { shared: true });
      return reader;
    },
    tryRun: async (args) => {
      try {
        return await run(args);
      } catch (error) {
        if (error instanceof GitError && error.exitCode !== void 0) return void 0;
        throw error;
      }
    }
  };
}
async function changedFiles(git, base, head) {
  const out = (await git.run(["diff", "--name-status", "--no-renames", "-z", `${base}...${head}`, "--"])).toString("utf8");
  const fields = out.split("\0").filter((f) => f !== "");
  const files = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const code = fields[i][0];
    const path = fields[i + 1];
    const status = code === "A" ? "added" : code === "D" ? "deleted" : "modified";
    files.push({ path, status });
  }
  return files;
}
async function isWorkTree(git) {
  return (await git.tryRun(["rev-parse", "--is-inside-work-tree"]))?.toString("utf8").trim() === "true";
}
async function hasCommit(git, sha) {
  return await git.catFile().read(`${sha}^{commit}`) !== void 0;
}
async function headCommit(git) {
  const head = await git.catFile().read("HEAD^{commit}");
  if (!head) throw new GitError(["cat-file", "--batch"], "HEAD names no commit: the repository has no commit checked out yet", 128);
  return head.oid;
}

export {
  localBlobs,
  contentOrDiagnostic,
  workingTree,
  atCommit,
  CONFIG_PATHS,
  loadConfig,
  gitIn,
  changedFiles,
  isWorkTree,
  hasCommit,
  headCommit
};
