/**
 * Git objects read and written in this process, for the test world's pull requests: a commit on a
 * branch that is not checked out, a file at a commit, the files a pull request changes. Each git
 * process costs a fork of the test process, and a test opens dozens of pull requests; these are plain
 * object reads and writes (git's documented loose-object format: "<type> <size>\0<body>", deflated,
 * named by its SHA-1). The test repositories never pack (gc.auto is 0), so every object is loose; where
 * one is not (or anything is unusual), the caller is told (undefined) and asks git itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

/** A file of a tree: its mode as git writes it (100644, 100755, 120000, 160000) and its object id. */
export interface TreeFile {
  mode: string;
  sha: string;
}

/** Every file of a tree, by path. */
export type Files = Map<string, TreeFile>;

/** One author and committer for every commit of a test repository (createRepo's environment). */
const IDENTITY = 'Test <test@example.com>';

export class GitObjects {
  private readonly gitDir: string;

  constructor(dir: string) {
    this.gitDir = join(dir, '.git');
  }

  /** An object's type and body, or undefined when it is not a loose object here. */
  read(sha: string): { type: string; body: Buffer } | undefined {
    const path = join(this.gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
    if (!/^[0-9a-f]{40}$/.test(sha) || !existsSync(path)) return undefined;
    const raw = inflateSync(readFileSync(path));
    const nul = raw.indexOf(0);
    const [type] = raw.subarray(0, nul).toString('latin1').split(' ');
    return { type: type!, body: raw.subarray(nul + 1) };
  }

  write(type: 'blob' | 'tree' | 'commit', body: Buffer): string {
    const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`, 'latin1'), body]);
    const sha = createHash('sha1').update(raw).digest('hex');
    const dir = join(this.gitDir, 'objects', sha.slice(0, 2));
    const path = join(dir, sha.slice(2));
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      // Written beside and renamed into place, as git does: a reader never sees half an object.
      const partial = `${path}.${process.pid}.tmp`;
      writeFileSync(partial, deflateSync(raw), { mode: 0o444 });
      renameSync(partial, path);
    }
    return sha;
  }

  /** A commit's tree and parents, or undefined. */
  commit(sha: string): { tree: string; parents: string[] } | undefined {
    const o = this.read(sha);
    if (o?.type !== 'commit') return undefined;
    const head = o.body.toString('utf8').split('\n\n', 1)[0]!.split('\n');
    const tree = head.find((l) => l.startsWith('tree '))?.slice(5);
    return tree ? { tree, parents: head.filter((l) => l.startsWith('parent ')).map((l) => l.slice(7)) } : undefined;
  }

  /** Every file of a tree, or undefined when one of its trees is not here. */
  files(tree: string, prefix = '', out: Files = new Map()): Files | undefined {
    const o = this.read(tree);
    if (o?.type !== 'tree') return undefined;
    for (let at = 0; at < o.body.length;) {
      const space = o.body.indexOf(0x20, at);
      const nul = o.body.indexOf(0, space);
      const mode = o.body.subarray(at, space).toString('latin1');
      const name = o.body.subarray(space + 1, nul).toString('utf8');
      const sha = o.body.subarray(nul + 1, nul + 21).toString('hex');
      at = nul + 21;
      if (mode === '40000') {
        if (!this.files(sha, `${prefix}${name}/`, out)) return undefined;
      } else out.set(`${prefix}${name}`, { mode, sha });
    }
    return out;
  }

  /** The tree of these files (git's order: by name, a tree's name as if it ended in "/"). */
  writeTree(files: Files): string {
    const here = new Map<string, TreeFile>();
    const below = new Map<string, Files>();
    for (const [path, file] of files) {
      const slash = path.indexOf('/');
      if (slash < 0) here.set(path, file);
      else {
        const dir = path.slice(0, slash);
        if (!below.has(dir)) below.set(dir, new Map());
        below.get(dir)!.set(path.slice(slash + 1), file);
      }
    }
    const entries = [
      ...[...here].map(([name, f]) => ({ name, key: name, mode: f.mode, sha: f.sha })),
      ...[...below].map(([name, sub]) => ({ name, key: `${name}/`, mode: '40000', sha: this.writeTree(sub) })),
    ].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
    return this.write('tree', Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]))));
  }

  /** A commit as `git commit -m` makes it in a test repository, dated now (callers leave GIT_AUTHOR_DATE and GIT_COMMITTER_DATE to git). */
  writeCommit(tree: string, parents: readonly string[], message: string): string {
    const when = `${Math.floor(Date.now() / 1000)} +0000`;
    return this.write(
      'commit',
      Buffer.from(`tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${IDENTITY} ${when}\ncommitter ${IDENTITY} ${when}\n\n${message}\n`),
    );
  }

  /** `parent`'s files with these written (text) or deleted (null), committed; undefined when the parent cannot be read here. */
  commitOn(parent: string, changes: Record<string, string | null>, message: string): string | undefined {
    const tree = this.commit(parent)?.tree;
    const files = tree === undefined ? undefined : this.files(tree);
    if (!files) return undefined;
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) files.delete(path);
      // A changed file keeps its mode, as `git add` of a rewritten file does.
      else files.set(path, { mode: files.get(path)?.mode ?? '100644', sha: this.write('blob', Buffer.from(content)) });
    }
    return this.writeCommit(this.writeTree(files), [parent], message);
  }

  /** A file's text at a commit (null: no such file), or undefined when that cannot be told here. */
  fileAt(commit: string, path: string): string | null | undefined {
    const tree = this.commit(commit)?.tree;
    const files = tree === undefined ? undefined : this.files(tree);
    if (!files) return undefined;
    const f = files.get(path);
    if (!f) return null;
    const blob = this.read(f.sha);
    return blob?.type === 'blob' ? blob.body.toString('utf8') : undefined;
  }

  /** Whether `ancestor` is `commit` or one of its ancestors (undefined when a commit on the way cannot be read). */
  isAncestor(ancestor: string, commit: string): boolean | undefined {
    const seen = new Set<string>();
    for (const queue = [commit]; queue.length > 0;) {
      const sha = queue.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const c = this.commit(sha);
      if (!c) return undefined;
      queue.push(...c.parents);
    }
    return false;
  }

  /**
   * `git diff --name-status base head` as lines ("A\tpath", "M\tpath", "D\tpath", with `renames`
   * "R100\told\tnew" for a file moved unchanged), or undefined when git must say it: a tree that
   * cannot be read, or (with `renames`) files added and deleted that are not exact moves, where git's
   * similarity detection decides.
   */
  nameStatus(base: string, head: string, renames: boolean): string[] | undefined {
    const before = this.commit(base);
    const after = this.commit(head);
    const a = before && this.files(before.tree);
    const b = after && this.files(after.tree);
    if (!a || !b) return undefined;
    const lines: { path: string; line: string }[] = [];
    const added = [...b].filter(([p]) => !a.has(p));
    const deleted = [...a].filter(([p]) => !b.has(p));
    for (const [p, f] of b) if (a.has(p) && (a.get(p)!.sha !== f.sha || a.get(p)!.mode !== f.mode)) lines.push({ path: p, line: `M\t${p}` });
    if (renames) {
      for (const [from, f] of [...deleted]) {
        const to = added.findIndex(([, g]) => g.sha === f.sha && g.mode === f.mode);
        if (to < 0) continue;
        lines.push({ path: added[to]![0], line: `R100\t${from}\t${added[to]![0]}` });
        added.splice(to, 1);
        deleted.splice(
          deleted.findIndex(([p]) => p === from),
          1,
        );
      }
      if (added.length > 0 && deleted.length > 0) return undefined;
    }
    for (const [p] of added) lines.push({ path: p, line: `A\t${p}` });
    for (const [p] of deleted) lines.push({ path: p, line: `D\t${p}` });
    return lines.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)).map((l) => l.line);
  }
}

/** The branch HEAD names ("main"), or undefined when HEAD is detached. */
export function checkedOut(dir: string): string | undefined {
  const head = readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
  return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : undefined;
}

/** Points a branch at a commit (a loose ref, which git reads before packed-refs). */
export function setBranch(dir: string, branch: string, sha: string): void {
  const path = join(dir, '.git', 'refs', 'heads', ...branch.split('/'));
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${sha}\n`);
}
