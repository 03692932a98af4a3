import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/repo/files.ts
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
var READ_LIMIT = 8 * 1024 * 1024;
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

export {
  workingTree,
  atCommit
};
