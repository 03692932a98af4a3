/**
 * Every version of a policy group's request files in a stretch of the default branch's history, read
 * from git: what the report's figures and the auditor's evidence are both built from.
 */
import type { CatFile } from '../git/cat-file.ts';
import type { LogCommit } from '../reconcile/history.ts';
import type { RequestResult } from '../reconcile/decide.ts';
import { isRequestsHousekeeping, splitRequestPath } from '../request/path.ts';
import { parseRequest } from '../request/request.ts';
import type { History } from './render.ts';

/** Every version of a request of a policy group added or changed in the log, counting additions in the window. */
export async function requestVersions(
  reader: CatFile,
  log: readonly LogCommit[],
  groupNames: ReadonlySet<string>,
  since: number,
  result?: History,
): Promise<{ versions: RequestResult[]; added: Set<RequestResult>; deletions: Map<string, number[]> }> {
  const versions: RequestResult[] = [];
  const added = new Set<RequestResult>();
  const deletions = new Map<string, number[]>();
  for (const commit of log) {
    for (const change of commit.changes) {
      const group = splitRequestPath(change.path)?.group;
      if (!group || !groupNames.has(group) || isRequestsHousekeeping(change.path)) continue;
      if (change.status === 'D') deletions.set(change.path, [...(deletions.get(change.path) ?? []), commit.time]);
      if (change.status !== 'A' && change.status !== 'M') continue;
      const inWindow = change.status === 'A' && commit.time >= since;
      if (inWindow && result) result.requestsPerGroup[group] = (result.requestsPerGroup[group] ?? 0) + 1;
      const object = await reader.read(`${commit.sha}:${change.path}`);
      const request = object?.bytes ? parseRequest(change.path, object.bytes, commit.time).request : undefined;
      // Judged as of the merge: "userId" only marks it as someone's request to verify.
      if (!request) continue;
      const version: RequestResult = {
        file: change.path,
        group,
        state: 'active',
        requester: request.requester,
        request,
        blob: object!.oid,
        bytes: object!.bytes!,
        landing: commit,
        userId: request.requester,
        judgeAt: commit.time,
      };
      versions.push(version);
      if (inWindow) added.add(version);
    }
  }
  return { versions, added, deletions };
}
