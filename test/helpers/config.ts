import { fileURLToPath } from 'node:url';
import { loadConfig, type AccessConfig } from '../../src/config/config.ts';
import { workingTree } from '../../src/repo/files.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The moment unit tests judge requests at; fixture expiries are written relative to it. */
export const NOW = Date.parse('2030-01-01T08:00:00Z');

export function fixtureConfig(): Promise<AccessConfig> {
  return loadConfig(workingTree(`${FIXTURES}config`));
}
