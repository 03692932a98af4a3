import type { RepoFiles } from '../repo/files.ts';
import { loadYaml, REQUEST_LIMITS } from '../yaml/safe-load.ts';

/** The requester named in a version of a request file, however invalid the rest of it. */
export function requesterOf(bytes: Uint8Array | undefined, path: string): string | undefined {
  if (!bytes) return undefined;
  const loaded = loadYaml(path, bytes, REQUEST_LIMITS);
  if (!loaded.ok) return undefined;
  const value = loaded.yaml.value as { requester?: unknown } | null;
  return typeof value?.requester === 'string' ? value.requester : undefined;
}

/** The same, for the version of `path` in `files`. */
export async function requesterAt(files: RepoFiles, path: string): Promise<string | undefined> {
  return requesterOf((await files.read(path))?.bytes, path);
}
