import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);

// src/entra/azure-built-in-roles.ts
var role = (id, name, privileged = false, grantsAccess = false) => ({ id, name, privileged, grantsAccess });
var AZURE_BUILT_IN_ROLES = [
  role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner", true, true),
  role("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator", true, true),
  role("f58310d9-a9f6-439a-9e8d-f62e7b41a168", "Role Based Access Control Administrator", true, true),
  role("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor", true),
  role("acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader"),
  role("00482a5a-887f-4fb3-b363-3b7fe8e74483", "Key Vault Administrator"),
  role("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "Key Vault Secrets Officer"),
  role("9980e02c-c2be-4d73-94e8-173b1dc7cf3c", "Virtual Machine Contributor"),
  role("1c0163c0-47e6-4577-8991-ea5c82e286e4", "Virtual Machine Administrator Login"),
  role("0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8", "Azure Kubernetes Service Cluster Admin Role")
];
var BY_ID = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.id, r]));
var BY_NAME = new Map(AZURE_BUILT_IN_ROLES.map((r) => [r.name.toLowerCase(), r]));
var builtInRoleById = (id) => BY_ID.get(id.toLowerCase());
var builtInRoleByName = (name) => BY_NAME.get(name.toLowerCase());
var ROLE_WRITERS = new Set(AZURE_BUILT_IN_ROLES.filter((r) => r.grantsAccess).map((r) => r.id));
var OWNER_ROLE_ID = builtInRoleByName("Owner").id;
var roleDefinitionAt = (scope, roleId) => `${scope}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
var roleIdOf = (roleDefinitionId) => /([0-9a-f-]{36})$/i.exec(roleDefinitionId)?.[1]?.toLowerCase();
var RBAC_ADMINISTRATOR_ROLE_ID = builtInRoleByName("Role Based Access Control Administrator").id;

export {
  AZURE_BUILT_IN_ROLES,
  builtInRoleById,
  builtInRoleByName,
  ROLE_WRITERS,
  OWNER_ROLE_ID,
  roleDefinitionAt,
  roleIdOf,
  RBAC_ADMINISTRATOR_ROLE_ID
};
