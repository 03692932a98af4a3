/** The backends, by the name a group's policy gives (`backend:`); the only place that lists them. */
import type { Backend, BackendName } from './backend.ts';
import { membership } from './membership.ts';
import { pim } from './pim.ts';
import { azureRole } from './azure-role.ts';
import { azurePim } from './azure-pim.ts';

export const BACKENDS: Readonly<Record<BackendName, Backend>> = { membership, pim, 'azure-role': azureRole, 'azure-pim': azurePim };

export function backendOf(name: BackendName): Backend {
  return BACKENDS[name];
}
