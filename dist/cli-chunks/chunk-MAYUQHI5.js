import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/cli/changes.ts
var DEFAULT_BASES = ["origin/main", "main"];
async function mergeBase(git, candidates) {
  for (const ref of candidates) {
    const out = await git.tryRun(["merge-base", "HEAD", ref]).catch(() => void 0);
    if (out) return out.toString("utf8").trim();
  }
  return void 0;
}
async function workingChanges(git, base) {
  const tracked = (await git.run(["diff", "--name-status", "--no-renames", "-z", base, "--", "requests/"])).toString("utf8").split("\0").filter(Boolean);
  const changes = [];
  for (let i = 0; i + 1 < tracked.length; i += 2) {
    const code = tracked[i][0];
    changes.push({ path: tracked[i + 1], status: code === "A" ? "added" : code === "D" ? "deleted" : "modified" });
  }
  const untracked = (await git.run(["ls-files", "--others", "--exclude-standard", "-z", "--", "requests/"])).toString("utf8").split("\0").filter(Boolean);
  for (const path of untracked) changes.push({ path, status: "added" });
  return changes;
}

export {
  DEFAULT_BASES,
  mergeBase,
  workingChanges
};
