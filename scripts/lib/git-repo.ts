/** Real git repositories for end-to-end tests and the demo: commits and branches as GitHub makes them. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { refHead } from '../twin/git-data.ts';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes (string) or deletes (null) files, commits them, and returns the new commit id. */
  commit(message: string, files: Record<string, string | Uint8Array | null>): string;
  /** A commit that changes nothing (one git process, not two). */
  emptyCommit(message: string): string;
  head(): string;
  remove(): void;
}

/** A new repository in a temporary folder; `configFrom` (and the workflows of `workflowsFrom`) copied in and committed as the first commit. */
export function createRepo(options: { configFrom?: string; workflowsFrom?: string } = {}): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'aac-repo-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        // No background maintenance after each commit: a test repository lives for seconds.
        GIT_CONFIG_COUNT: '2',
        GIT_CONFIG_KEY_0: 'maintenance.auto',
        GIT_CONFIG_VALUE_0: 'false',
        GIT_CONFIG_KEY_1: 'gc.auto',
        GIT_CONFIG_VALUE_1: '0',
        HOME: dir,
      },
    }).trim();
  // HEAD read from the files git keeps it in (a test makes hundreds of commits; each git process costs
  // a fork of the test process): the branch HEAD names, as the twin reads branches (refHead).
  const head = (): string => {
    const ref = readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
    if (!ref.startsWith('ref: ')) return ref;
    return (ref.startsWith('ref: refs/heads/') ? refHead(dir, ref.slice('ref: refs/heads/'.length)) : undefined) ?? git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  const repo: TestRepo = {
    dir,
    git,
    commit(message, files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) rmSync(full, { force: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
      }
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return head();
    },
    emptyCommit(message) {
      git('commit', '-q', '--allow-empty', '-m', message);
      return head();
    },
    head,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (options.configFrom !== undefined) {
    cpSync(options.configFrom, dir, { recursive: true });
    if (options.workflowsFrom !== undefined) cpSync(options.workflowsFrom, join(dir, '.github/workflows'), { recursive: true });
    repo.commit('Access configuration', {});
  }
  return repo;
}
