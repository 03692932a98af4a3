import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-7XIZWMDY.js";

// src/git/git.ts
import { execFile } from "node:child_process";
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
  return {
    run,
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
async function hasCommit(git, sha) {
  return await git.tryRun(["cat-file", "-e", `${sha}^{commit}`]) !== void 0;
}
async function requireCommits(git, whose, commits) {
  for (const [name, sha] of Object.entries(commits)) {
    if (!await hasCommit(git, sha)) {
      throw new ConfigError(`${whose} ${name} commit ${sha} is not in the checkout. Check out with full history: actions/checkout with "fetch-depth: 0".`);
    }
  }
}
async function headCommit(git) {
  return (await git.run(["rev-parse", "HEAD"])).toString("utf8").trim();
}

export {
  gitIn,
  changedFiles,
  requireCommits,
  headCommit
};
