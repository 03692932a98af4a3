/**
 * Rules about the pull request as a whole, which only the pull-request check can see
 * (docs/threat-model.md 1, 2, 6; docs/threat-model.md invariants 2 and 4).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ChangedFile } from '../git/git.ts';
import { outsideRequestScope, outsideRequestScopeProblem, requestPathProblem } from '../request/path.ts';
import { positionOfKey, type AccessRequest } from '../request/request.ts';

/**
 * A pull request that changes requests/ may change nothing else: otherwise it could change the
 * policy, identities, CODEOWNERS, schema or workflows that judge it, in the same review.
 */
export function checkScope(files: readonly ChangedFile[]): Diagnostic[] {
  const requestFiles = files.filter((f) => !outsideRequestScope(f.path));
  const others = files.filter((f) => outsideRequestScope(f.path));
  const out: Diagnostic[] = [];
  if (requestFiles.length > 0)
    for (const other of others) out.push(diagnostic(other.path, undefined, outsideRequestScopeProblem('this pull request', other.path)));
  for (const file of requestFiles) {
    if (file.status === 'deleted') continue;
    const problem = requestPathProblem(file.path);
    if (problem) out.push(diagnostic(file.path, undefined, problem));
  }
  return out;
}

/** The login is the identity: a request may only be added or changed by its own requester. */
export function checkAuthor(request: AccessRequest, author: string): Diagnostic[] {
  if (request.requester.toLowerCase() === author.toLowerCase()) return [];
  return [
    diagnostic(
      request.file,
      positionOfKey(request, 'requester'),
      `"requester" is ${request.requester} but this pull request is by ${author}. Access is granted only to the author of the pull request: ${request.requester} must open their own.`,
    ),
  ];
}

/**
 * Changing a request that someone else owns on the base branch is refused (docs/threat-model.md 1). Deleting
 * one is allowed: it is an early revoke, and it still needs the folder's code owners to approve.
 */
export function checkOwnerOfChanged(
  file: string,
  baseRequester: string | undefined,
  author: string,
  position?: { line: number; column: number },
): Diagnostic[] {
  if (baseRequester === undefined) {
    return [
      diagnostic(
        file,
        position,
        `the version of this request on the base branch could not be read, so it is unclear whose it is. Delete it in one pull request and add a new one in another.`,
      ),
    ];
  }
  if (baseRequester.toLowerCase() === author.toLowerCase()) return [];
  return [
    diagnostic(
      file,
      position,
      `this request belongs to ${baseRequester}; only they can change it. To end their access early, delete the file instead; to ask for access yourself, add requests/<group>/${author.toLowerCase()}-<slug>.yaml.`,
    ),
  ];
}
