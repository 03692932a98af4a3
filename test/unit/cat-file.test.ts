// The run's one `git cat-file --batch` reader: objects over its limit are answered by size without
// being kept, the objects after them are read whole, and a shared reader never keeps a finished run's
// process alive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CatFile } from '../../src/git/cat-file.ts';
import { gitIn } from '../../src/git/git.ts';
import { atCommit } from '../../src/repo/files.ts';
import { createRepo } from '../../scripts/lib/git-repo.ts';

test('an object over the limit is answered with its size and no bytes; the next object is read whole', async () => {
  const repo = createRepo();
  try {
    const big = 'x'.repeat(300_000); // more than one pipe's worth, so it is passed over across reads
    const head = repo.commit('files', { 'big.txt': big, 'small.txt': 'hello\n' });
    for (const shared of [false, true]) {
      const reader = new CatFile(repo.dir, { limit: 1000, shared });
      try {
        const [large, small, missing, again] = await Promise.all([
          reader.read(`${head}:big.txt`),
          reader.read(`${head}:small.txt`),
          reader.read(`${head}:nothing.txt`),
          reader.read(`${head}:big.txt`),
        ]);
        assert.equal(large?.size, big.length);
        assert.equal(large?.bytes, undefined, 'not kept');
        assert.equal(new TextDecoder().decode(small?.bytes), 'hello\n');
        assert.equal(missing, undefined);
        assert.equal(again?.size, big.length);
        assert.equal(new TextDecoder().decode((await reader.read(`${head}:small.txt`))?.bytes), 'hello\n', 'the stream stays in step');
      } finally {
        reader.close();
      }
    }
  } finally {
    repo.remove();
  }
});

test('a shared reader does not keep the process alive once nothing is asked of it', () => {
  const repo = createRepo();
  try {
    const head = repo.commit('one', { 'a.txt': 'a\n' });
    const module = fileURLToPath(new URL('../../src/git/cat-file.ts', import.meta.url));
    const script = `const { CatFile } = await import(${JSON.stringify(module)}); const r = new CatFile(process.cwd(), { shared: true }); console.log((await r.read('HEAD^{commit}')).oid);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo.dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(child.signal, null, 'the process ended by itself, without being killed at the timeout');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), head);
  } finally {
    repo.remove();
  }
});

test('git that cannot be started is a GitError for the read, not an unhandled error event', async () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    const reader = new CatFile(process.cwd(), { shared: true });
    await assert.rejects(reader.read('HEAD'), (e: Error) => e.name === 'GitError' && /ENOENT/.test(e.message));
  } finally {
    process.env.PATH = path;
  }
});

test('a name with a newline or a carriage return is not asked through the batch protocol, which would read another name', () => {
  assert.equal(CatFile.answers('HEAD:requests/a.yaml'), true);
  assert.equal(CatFile.answers('HEAD:requests/a.yaml\r'), false);
  assert.equal(CatFile.answers('HEAD:requests/a\nb.yaml'), false);
});

test('a file whose name ends in a carriage return is read as itself, not as the file without it', async () => {
  const repo = createRepo();
  try {
    const head = repo.commit('two names', { 'requests/a.yaml': 'plain\n', 'requests/a.yaml\r': 'with a carriage return\n' });
    const files = atCommit(gitIn(repo.dir), head);
    assert.equal(new TextDecoder().decode((await files.read('requests/a.yaml\r'))?.bytes), 'with a carriage return\n');
    assert.equal(new TextDecoder().decode((await files.read('requests/a.yaml'))?.bytes), 'plain\n');
  } finally {
    repo.remove();
  }
});
