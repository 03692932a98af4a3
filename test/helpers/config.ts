import { fileURLToPath } from 'node:url';
import { loadConfig, type AccessConfig } from '../../src/config/config.ts';
import { workingTree } from '../../src/repo/files.ts';
import { createRepo as createBareRepo, type TestRepo } from '../../scripts/lib/git-repo.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The moment unit tests judge requests at; fixture expiries are written relative to it. */
export const NOW = Date.parse('2030-01-01T08:00:00Z');

export function fixtureConfig(): Promise<AccessConfig> {
  return loadConfig(workingTree(`${FIXTURES}config`));
}

/** A real git repository whose first commit holds the fixture configuration. */
export function createRepo(): TestRepo {
  return createBareRepo({ configFrom: `${FIXTURES}config` });
}
export type { TestRepo };
