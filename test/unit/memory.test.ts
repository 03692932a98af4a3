// Remembered facts (docs/threat-model.md 58): an entry counts only with the MAC of this repository's
// memory key over its landing commit and its facts; anything else is read from GitHub again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryPath, memoryChange, openEntry, sealEntry, type MemoryKey, type Recall, type Remembered } from '../../src/memory/memory.ts';
import { openVerdict, sealVerdict, verdictOfClose, verdictPath } from '../../src/memory/verdicts.ts';

const KEY: MemoryKey = { key: 'k'.repeat(40), repository: 'acme/access' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);

function entry(landing = A, approver = 'lead1'): Remembered {
  return {
    landing,
    chosen: { number: 7, baseRefName: 'main', merged: true, headRefOid: HEAD, mergeCommit: landing },
    pull: {
      number: 7,
      baseRefName: 'main',
      merged: true,
      headRefOid: HEAD,
      mergeCommit: landing,
      author: 'octocat',
      authorBot: false,
      mergedAt: '2026-11-29T10:00:00Z',
      createdAt: '2026-11-29T09:00:00Z',
      changedFiles: 1,
      commitCount: 1,
      commits: [{ oid: HEAD, author: 'octocat', committer: 'octocat', signer: null, signedByGitHub: false }],
      reviews: [{ id: 'r1', reviewer: approver, bot: false, state: 'APPROVED', submittedAt: '2026-11-29T09:30:00Z', commit: HEAD }],
    },
    blobs: { [`${HEAD}:requests/prod-db-admins/octocat.yaml`]: 'd'.repeat(40) },
  };
}

test('an entry sealed with the memory key opens to the same facts', () => {
  const sealed = sealEntry(KEY, entry());
  assert.equal(sealed.path, entryPath(A));
  assert.deepEqual(openEntry(KEY, A, sealed.content), entry());
});

test('THREATS 57: an entry written without the key, moved, copied from another repository or altered does not count', () => {
  const sealed = sealEntry(KEY, entry());
  const rejected = (why: unknown) => assert.match(String(why), /MAC does not match/);
  // Sealed with another key (someone with push access guessing or making their own).
  rejected(openEntry(KEY, A, sealEntry({ ...KEY, key: 'x'.repeat(40) }, entry()).content));
  // A genuine entry moved to another landing commit's path.
  rejected(openEntry(KEY, B, sealed.content));
  // A genuine entry of another repository that uses the same key.
  rejected(openEntry(KEY, A, sealEntry({ ...KEY, repository: 'acme/other' }, entry()).content));
  // The facts altered: an approval by someone else, the MAC kept.
  const [body, tag] = sealed.content.split('\n');
  rejected(openEntry(KEY, A, `${body!.replace('"lead1"', '"mallory"')}\n${tag}\n`));
  // Not an entry at all.
  assert.equal(openEntry(KEY, A, 'hello'), 'not a memory entry');
  assert.equal(openEntry(KEY, A, ''), 'not a memory entry');
});

test('an entry with a valid MAC but facts of an unmerged pull request, or another landing, does not count', () => {
  const unmerged = entry();
  unmerged.pull = { ...unmerged.pull, merged: false, mergedAt: null };
  assert.equal(openEntry(KEY, A, sealEntry(KEY, unmerged).content), 'not in the expected form');
  const other = { ...entry(B), landing: B };
  const sealed = sealEntry(KEY, other);
  assert.match(String(openEntry(KEY, A, sealed.content)), /MAC does not match/);
});

test('THREATS 68: an entry from before bots were told by type (no bot flag on its author or reviews) does not count, and is read again', () => {
  const old = entry() as unknown as { pull: { authorBot?: boolean; reviews: { bot?: boolean }[] } };
  delete old.pull.reviews[0]!.bot;
  assert.equal(openEntry(KEY, A, sealEntry(KEY, old as unknown as Remembered).content), 'not in the expected form');
  const noAuthorType = entry() as unknown as { pull: { authorBot?: boolean } };
  delete noAuthorType.pull.authorBot;
  assert.equal(openEntry(KEY, A, sealEntry(KEY, noAuthorType as unknown as Remembered).content), 'not in the expected form');
});

test('the memory change writes what was learned for needed landings and forgets the rest; none when nothing changes', () => {
  const recalled: Recall = { head: HEAD, found: new Map(), rejected: [], held: new Set([A, B]) };
  const change = memoryChange(KEY, recalled, [entry(A)], new Set([A]));
  assert.deepEqual(
    change?.files.map((f) => f.path),
    [entryPath(A)],
  );
  assert.deepEqual(change?.deletions, [entryPath(B)]);
  assert.equal(change?.expectedHead, HEAD);
  assert.equal(memoryChange(KEY, { ...recalled, held: new Set([A]) }, [], new Set([A])), undefined);
  // A learned landing no request needs any more is not written.
  assert.equal(memoryChange(KEY, { head: undefined, found: new Map(), rejected: [], held: new Set() }, [entry(B)], new Set([A])), undefined);
});

test('THREATS 61: a review verdict counts only with the MAC over its run; the same close is recognised, a new close is not', () => {
  const v = {
    run: 42,
    issue: 7,
    by: 'octocat',
    at: '2026-12-01T10:00:00Z',
    reviewed: false,
    why: '#7 was closed by octocat, who is not a code owner of the group.',
  };
  const file = sealVerdict(KEY, v);
  assert.equal(file.path, verdictPath(42));
  assert.deepEqual(openVerdict(KEY, 42, file.content), v);
  assert.match(String(openVerdict(KEY, 43, file.content)), /MAC does not match/, 'moved to another run');
  assert.match(String(openVerdict({ ...KEY, key: 'x'.repeat(40) }, 42, file.content)), /MAC does not match/, 'written without the key');
  const forged = file.content.replace('"reviewed":false', '"reviewed":true');
  assert.match(String(openVerdict(KEY, 42, forged)), /MAC does not match/);
  assert.equal(verdictOfClose(v, 7, { by: 'OctoCat', at: v.at }), true);
  assert.equal(verdictOfClose(v, 7, { by: 'octocat', at: '2026-12-08T10:00:00Z' }), false, 'reopened and closed again: judged afresh');
  assert.equal(verdictOfClose(v, 8, { by: 'octocat', at: v.at }), false);
});
