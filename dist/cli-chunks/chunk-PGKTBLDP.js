import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  parseTimestamp
} from "./chunk-VDAHEZ3L.js";
import {
  ConfigError
} from "./chunk-ZFCBOOOX.js";

// src/cli/io.ts
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
var COMMON = {
  repo: { type: "string" },
  at: { type: "string" }
};
var FORMAT = { format: { type: "string" } };
function jsonWanted(format) {
  if (format === void 0 || format === "text") return false;
  if (format === "json") return true;
  throw new ConfigError(`--format "${format}" is not known: use text or json.`);
}
function clock(at, io, option = "--at") {
  if (at === void 0) return io.now();
  const parsed = parseTimestamp(at);
  if (!parsed.ok) throw new ConfigError(`${option} "${at}" is not valid: ${parsed.reason}.`);
  return parsed.epochMs;
}
function repoRoot(repo, io) {
  if (repo !== void 0) {
    const dir = resolve(io.cwd, repo);
    if (!existsSync(dir)) throw new ConfigError(`--repo ${repo}: there is no such folder. Pass the folder of your access repository.`);
    if (!existsSync(join(dir, ".github", "access-policy.yaml")))
      throw new ConfigError(
        `no access repository at ${dir} (it has no .github/access-policy.yaml): run "access-as-code init" there to make one, or pass --repo <folder of your access repository>.`
      );
    return dir;
  }
  for (let dir = resolve(io.cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".github", "access-policy.yaml"))) return dir;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir)
      throw new ConfigError(
        `no access repository here (no .github/access-policy.yaml in ${resolve(io.cwd)} or above it): run "access-as-code init" to make one, or pass --repo <folder of your access repository>.`
      );
  }
}

export {
  COMMON,
  FORMAT,
  jsonWanted,
  clock,
  repoRoot
};
