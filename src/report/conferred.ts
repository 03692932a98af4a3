/**
 * What approving a request confers, for the code owners who approve it: each requested group's
 * effective access from the catalogue the sweep publishes, and where its policy asks too little for
 * what it confers. Pure: the published catalogue comes in, views go out.
 */
import { accessLines, type GroupAccess } from '../entra/catalogue.ts';
import { privilegeFindings } from '../policy/privileged.ts';
import type { AccessConfig } from '../config/config.ts';

export interface ConferredView {
  group: string;
  /** The request files that ask for it. */
  files: string[];
  lines: string[];
  privileged: boolean;
  /** How many things it confers (0: nothing known beyond membership). */
  conferred: number;
  /** Where its policy asks too little for what it confers. */
  warnings: string[];
}

export function conferredViews(
  config: AccessConfig,
  requested: readonly { group: string; file: string }[],
  published: readonly GroupAccess[],
): ConferredView[] {
  const byGroup = new Map<string, string[]>();
  for (const r of requested) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.file]);
  return [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, files]): ConferredView[] => {
      const policy = config.policy.groups.get(name);
      if (!policy) return [];
      const access = published.find((g) => g.group === name && g.id.toLowerCase() === policy.id);
      if (!access)
        return [
          {
            group: name,
            files,
            lines: ['not in the published catalogue yet (a group new to the policy, or its Entra id changed): the next sweep reads it'],
            privileged: false,
            conferred: 0,
            warnings: [],
          },
        ];
      const lines = accessLines(access);
      return [
        {
          group: name,
          files,
          lines: lines.length > 0 ? lines : ['nothing beyond membership of the group itself'],
          privileged: access.confers.some((c) => c.privileged),
          conferred: access.confers.length,
          warnings: privilegeFindings(policy, access),
        },
      ];
    });
}
