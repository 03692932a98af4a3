/**
 * The commands the action runs (its `command:` input). Here, below every folder, because the
 * action's settings and the table of the job-token permissions each command needs
 * (github/permissions.ts) both name them, and a lower layer must not import the door.
 */
export const COMMANDS = ['validate', 'grant', 'revoke', 'report', 'doctor', 'issue', 'break-glass', 'discover'] as const;
export type Command = (typeof COMMANDS)[number];
