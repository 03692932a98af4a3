/**
 * Azure Resource Manager answers lists in pages: `value`, and while more remain `nextLink`, an absolute
 * URL to GET with the same token (Role Assignments - List For Scope, api-version 2022-04-01:
 * RoleAssignmentListResult.nextLink, `$skipToken`). A reader that stops at the first page misses an
 * Owner assignment on the second, so every ARM read goes through here.
 */

/** One ARM answer: its status, its JSON body, and a message for an error. */
export interface ArmAnswer {
  status: number;
  body?: unknown;
  message: string;
}

/** More pages than this is not a list a catalogue reads; said, not cut short silently. */
export const MAX_ARM_PAGES = 200;

/**
 * Every page of an ARM GET, as one answer whose `value` holds them all; an answer without `nextLink`
 * (a single resource, or the last page) is returned as it came. A `nextLink` that leaves the endpoint
 * the first page came from is not followed (the token is for that endpoint only): the read fails
 * instead. Any page that fails makes the whole read fail, so a partial list is never taken as whole.
 */
export async function armReadPages(get: (url: string) => Promise<ArmAnswer>, endpoint: string, path: string, maxPages = MAX_ARM_PAGES): Promise<ArmAnswer> {
  const first = await get(`${endpoint}${path}`);
  let next = nextLinkOf(first);
  if (next === undefined) return first;
  const value: unknown[] = [...valuesOf(first)];
  for (let page = 2; next !== undefined; page++) {
    if (page > maxPages) return { status: 0, message: `Azure Resource Manager listed more than ${maxPages} pages at ${path}; not read in full` };
    if (!sameOrigin(next, endpoint)) return { status: 0, message: `Azure Resource Manager's nextLink (${next}) leaves ${endpoint}; not followed` };
    const answer = await get(next);
    if (answer.status < 200 || answer.status >= 300) return answer;
    value.push(...valuesOf(answer));
    next = nextLinkOf(answer);
  }
  return { status: first.status, body: { value }, message: first.message };
}

function nextLinkOf(a: ArmAnswer): string | undefined {
  if (a.status < 200 || a.status >= 300) return undefined;
  const link = (a.body as { nextLink?: unknown } | undefined)?.nextLink;
  return typeof link === 'string' && link !== '' ? link : undefined;
}

function valuesOf(a: ArmAnswer): unknown[] {
  const value = (a.body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? value : [];
}

function sameOrigin(url: string, endpoint: string): boolean {
  try {
    return new URL(url).origin === new URL(endpoint).origin;
  } catch {
    return false;
  }
}
