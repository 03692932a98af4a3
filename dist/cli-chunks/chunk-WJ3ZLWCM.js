import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/entra/directory.ts
function unmanageable(g) {
  if (g.isAssignableToRole)
    return `"${g.displayName}" is role-assignable: its members receive Entra directory roles. access-as-code does not manage role-assignable groups; use Privileged Identity Management for them and remove this group from the policy.`;
  if (g.groupTypes.includes("DynamicMembership"))
    return `"${g.displayName}" has dynamic membership: a rule decides its members and Entra refuses changes to them. Use a security group with assigned membership.`;
  if (g.onPremisesSyncEnabled)
    return `"${g.displayName}" is synced from on-premises Active Directory: its members can only be changed there. Use a cloud security group.`;
  if (g.mailEnabled && !g.groupTypes.includes("Unified"))
    return `"${g.displayName}" is a mail-enabled ${g.securityEnabled ? "security" : "distribution"} group: Microsoft Graph cannot change its members (they are managed in Exchange). Use a security group that is not mail-enabled.`;
  return void 0;
}
var PIM_FLOOR_MS = 5 * 6e4;
var pimFloorEnd = (now = Date.now()) => new Date(now + PIM_FLOOR_MS + 6e4).toISOString().replace(/\.\d{3}Z$/, "Z");
var DirectoryError = class extends Error {
  status;
  constructor(status, message) {
    super(message);
    this.name = "DirectoryError";
    this.status = status;
  }
};
var SignInError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SignInError";
  }
};

export {
  unmanageable,
  pimFloorEnd,
  DirectoryError,
  SignInError
};
