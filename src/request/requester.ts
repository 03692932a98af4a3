import type { RepoFiles } from '../repo/files.ts';
import { loadYaml, REQUEST_LIMITS } from '../yaml/safe-load.ts';

/** The requester named in a version of a request file, however invalid the rest of it. */
export async function requesterAt(files: RepoFiles, path: string): Promise<string | undefined> {
  const content = await files.read(path);
  if (!content?.bytes) return undefined;
  const loaded = loadYaml(path, content.bytes, REQUEST_LIMITS);
  if (!loaded.ok) return undefined;
  const value = loaded.yaml.value as { requester?: unknown } | null;
  return typeof value?.requester === 'string' ? value.requester : undefined;
}
