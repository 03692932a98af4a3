/**
 * Azure built-in roles by their definition GUID, the same in every subscription and cloud ("Azure
 * built-in roles" reference; each id checked there). A policy may name these by name; any other role
 * (a custom one) is named by its definition id. Owner, User Access Administrator and Role Based Access
 * Control Administrator can grant access to others; with Contributor they are what Microsoft calls
 * privileged administrator roles.
 */
export interface BuiltInRole {
  id: string;
  name: string;
  /** Can write role assignments: whoever holds it can give anyone any access at its scope. */
  grantsAccess: boolean;
  /** A privileged administrator role (Microsoft's term): marked wherever it is shown. */
  privileged: boolean;
}

const role = (id: string, name: string, privileged = false, grantsAccess = false): BuiltInRole => ({ id, name, privileged, grantsAccess });

export const AZURE_BUILT_IN_ROLES: readonly BuiltInRole[] = [
  role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', true, true),
  role('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', true, true),
  role('f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator', true, true),
  role('b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor', true),
  role('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader'),
  role('00482a5a-887f-4fb3-b363-3b7fe8e74483', 'Key Vault Administrator'),
  role('b86a8fe4-44ce-4948-aee5-eccb2c155cd7', 'Key Vault Secrets Officer'),
  role('9980e02c-c2be-4d73-94e8-173b1dc7cf3c', 'Virtual Machine Contributor'),
  role('1c0163c0-47e6-4577-8991-ea5c82e286e4', 'Virtual Machine Administrator Login'),
  role('0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8', 'Azure Kubernetes Service Cluster Admin Role'),
];

const BY_ID = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.id, r]));
const BY_NAME = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.name.toLowerCase(), r]));

export const builtInRoleById = (id: string): BuiltInRole | undefined => BY_ID.get(id.toLowerCase());
export const builtInRoleByName = (name: string): BuiltInRole | undefined => BY_NAME.get(name.toLowerCase());

/** The built-in roles that can write role assignments (give anyone any role at their scope). */
export const ROLE_WRITERS: ReadonlySet<string> = new Set(AZURE_BUILT_IN_ROLES.filter((r) => r.grantsAccess).map((r) => r.id));
/** Owner: every action, so it includes whatever another role gives. */
export const OWNER_ROLE_ID = builtInRoleByName('Owner')!.id;

/** The path of a role's definition at a scope: where it is read, and an Azure role entry's id. */
export const roleDefinitionAt = (scope: string, roleId: string): string => `${scope}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
/** The role (its definition GUID, lower case) a role definition's path names, as ARM lists it in an assignment; undefined when it names none. */
export const roleIdOf = (roleDefinitionId: string): string | undefined => /([0-9a-f-]{36})$/i.exec(roleDefinitionId)?.[1]?.toLowerCase();
/** Role Based Access Control Administrator: the writer the set-up gives the app, with the delegation condition. */
export const RBAC_ADMINISTRATOR_ROLE_ID = builtInRoleByName('Role Based Access Control Administrator')!.id;
