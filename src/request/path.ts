/** Where request files live: requests/<group>/<requester>-<slug>.yaml (paths use "/", relative to the repository root). */
export const REQUESTS_DIR = 'requests';

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isUnderRequests(path: string): boolean {
  return path.startsWith(`${REQUESTS_DIR}/`);
}

/** Files under requests/ that are not requests: documentation and placeholders. */
export function isRequestsHousekeeping(path: string): boolean {
  return /^requests\/(?:[^/]+\/)?(?:README\.md|\.gitkeep)$/.test(path);
}

/**
 * The scope of a pull request that changes requests: request files and nothing else, so that no policy,
 * identities, CODEOWNERS, schema or workflow change is approved with them in the same review
 * (docs/threat-model.md 1, 2). The one rule of the pull-request check and of verification at grant time.
 */
export function outsideRequestScope(path: string): boolean {
  return !isUnderRequests(path) || isRequestsHousekeeping(path);
}

/** What is said of a file outside that scope; `pull` names the pull request ("this pull request", "#12"). */
export function outsideRequestScopeProblem(pull: string, path: string): string {
  return `${pull} changes access requests and also ${path}. Requests must be alone in their pull request, so that nothing else is approved with them: move this change to a separate pull request.`;
}

export interface RequestPath {
  group: string;
  fileName: string;
}

export function splitRequestPath(path: string): RequestPath | undefined {
  const parts = path.split('/');
  if (parts.length !== 3 || parts[0] !== REQUESTS_DIR) return undefined;
  return { group: parts[1]!, fileName: parts[2]! };
}

/** Why a path under requests/ cannot hold a request, or undefined when its shape is right. */
export function requestPathProblem(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== REQUESTS_DIR) return `request files live under ${REQUESTS_DIR}/<group>/; move this file there.`;
  if (parts.length !== 3) {
    return `request files live exactly one folder deep: ${REQUESTS_DIR}/<group>/<your-login>-<slug>.yaml. Move this file.`;
  }
  const fileName = parts[2]!;
  if (fileName.endsWith('.yml')) return `request files end in ".yaml"; rename it to ${fileName.slice(0, -4)}.yaml.`;
  if (!fileName.endsWith('.yaml')) return `request files are YAML files ending in ".yaml"; rename it to <your-login>-<slug>.yaml.`;
  return undefined;
}

/** The file name must start with the requester's login, so a folder listing shows whose request it is. */
export function fileNameMatchesRequester(fileName: string, requester: string): boolean {
  const stem = fileName.replace(/\.yaml$/, '');
  const prefix = `${requester.toLowerCase()}-`;
  if (!stem.toLowerCase().startsWith(prefix)) return false;
  return SLUG.test(stem.slice(prefix.length));
}

export function requestFileName(requester: string, slug: string): string {
  return `${requester.toLowerCase()}-${slug}.yaml`;
}

export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug === '' ? 'request' : slug;
}
