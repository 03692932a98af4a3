/**
 * Reading a repository's files either from the working tree (the CLI on a laptop) or from a commit
 * (the action, which must read configuration at the base commit and requests at the head commit).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Git } from '../git/git.ts';
import { CatFile } from '../git/cat-file.ts';

/** A file's content, or only its size when it is larger than anything we would parse. */
export interface FileContent {
  size: number;
  bytes?: Uint8Array;
}

/** Larger files are never read into memory: every loader's own limit is far below this. */
export const READ_LIMIT = 8 * 1024 * 1024;

/**
 * The bytes of a file to parse, or why there are none: it does not exist, or it is larger than the
 * loader's limit (a file over READ_LIMIT was never read). One rule for every loader, configuration and
 * requests alike, so a file that cannot be read is reported in the same words whatever it is.
 */
export function contentOrDiagnostic(file: string, content: FileContent | undefined, limit: number): Uint8Array | Diagnostic {
  if (content === undefined) return diagnostic(file, undefined, 'the file does not exist.');
  if (content.bytes === undefined || content.size > limit) {
    return diagnostic(file, undefined, `the file is ${content.size} bytes; the limit is ${limit} bytes.`);
  }
  return content.bytes;
}

export interface RepoFiles {
  /** A description for messages, e.g. "the working tree" or "commit 1a2b3c4". */
  readonly where: string;
  read(path: string): Promise<FileContent | undefined>;
  /** Every file below `dir`, as repository-relative paths with "/". */
  list(dir: string): Promise<string[]>;
}

export function workingTree(root: string): RepoFiles {
  return {
    where: 'the working tree',
    async read(path) {
      const full = join(root, path);
      let info;
      try {
        info = await stat(full);
      } catch {
        return undefined;
      }
      if (!info.isFile()) return undefined;
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
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort();
    },
  };
}

/** A file at a commit through git's command line (three processes): for what the batch reader cannot answer. */
async function readByCommand(git: Git, spec: string): Promise<FileContent | undefined> {
  const type = await git.tryRun(['cat-file', '-t', spec]);
  if (type === undefined || type.toString('utf8').trim() !== 'blob') return undefined;
  const size = Number((await git.run(['cat-file', '-s', spec])).toString('utf8').trim());
  if (size > READ_LIMIT) return { size };
  const bytes = await git.run(['cat-file', 'blob', spec]);
  return { size: bytes.length, bytes };
}

export function atCommit(git: Git, commit: string): RepoFiles {
  return {
    where: `commit ${commit.slice(0, 7)}`,
    async read(path) {
      const spec = `${commit}:${path}`;
      // A path with a newline or a carriage return cannot go through the batch reader: git is asked on
      // its command line, as an argument, never through a shell.
      if (!CatFile.answers(spec)) return readByCommand(git, spec);
      const object = await git.catFile().read(spec);
      if (object?.type !== 'blob') return undefined;
      if (object.size > READ_LIMIT) return { size: object.size };
      return object.bytes ? { size: object.size, bytes: object.bytes } : readByCommand(git, spec);
    },
    async list(dir) {
      const out = await git.tryRun(['ls-tree', '-r', '-z', '--name-only', commit, '--', `${dir}/`]);
      if (!out) return [];
      return out
        .toString('utf8')
        .split('\0')
        .filter((p) => p !== '')
        .sort();
    },
  };
}
