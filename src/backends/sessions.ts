/**
 * Sign-in sessions (groups with revokeSessions: true): when a user's access ends, their refresh tokens
 * and session cookies are revoked (user-revokesigninsessions), so that a token cannot keep what the
 * access gave. Not a backend of the table: it follows whichever backend ended the access.
 */
import type { Directory } from '../entra/directory.ts';
import type { ChangeOutcome, EntraChange } from './backend.ts';
import { changeId } from './backend.ts';

export function revokeSessionsChange(group: { name: string; id: string }, member: string, reason: string, sources: string[], after?: string): EntraChange {
  return {
    id: changeId('revoke-sessions', group.name, member),
    backend: 'sessions',
    kind: 'revoke-sessions',
    group: group.name,
    groupId: group.id,
    member,
    reason,
    sources,
    ...(after ? { after } : {}),
  };
}

export async function revokeSessions(directory: Directory, changes: readonly EntraChange[]): Promise<ChangeOutcome[]> {
  if (!directory.revokeSessions)
    return changes.map((c) => ({ id: c.id, result: 'failed', detail: 'not revoked: this directory cannot revoke sign-in sessions' }));
  const answers = new Map((await directory.revokeSessions([...new Set(changes.map((c) => c.member))])).map((a) => [a.userId, a]));
  return changes.map((c) => {
    const a = answers.get(c.member);
    return a?.done ? { id: c.id, result: 'made', detail: 'revoked' } : { id: c.id, result: 'failed', detail: `not revoked: ${a?.detail ?? 'no answer'}` };
  });
}
