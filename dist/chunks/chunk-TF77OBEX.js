import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  keyNodeAt,
  nodeAt,
  posOf
} from "./chunk-YQ623SFU.js";
import {
  diagnostic
} from "./chunk-T6N4ZH6A.js";
import {
  __commonJS,
  __export,
  __toESM
} from "./chunk-OZ6IWOJH.js";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/nearest.ts
function nearest(word, known) {
  const distance = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = here;
      }
    }
    return row[b.length];
  };
  const scored = known.map((k) => ({ k, d: distance(word, k) })).sort((x, y) => x.d - y.d);
  return scored[0] && scored[0].d <= 2 ? scored[0].k : void 0;
}

// src/schema/validators.generated.js
var validators_generated_exports = {};
__export(validators_generated_exports, {
  identities: () => identities,
  policy: () => policy,
  request: () => request
});
var import_ucs2length = __toESM(require_ucs2length(), 1);
var request = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "urn:access-as-code:schema:access-request:1", "title": "access-as-code request", "description": "One request for temporary membership of an Entra security group. Lives at requests/<group>/<requester>-<slug>.yaml and is granted when its pull request is approved by the folder's code owners and merged.", "type": "object", "additionalProperties": false, "required": ["version", "requester", "group", "justification"], "properties": { "version": { "description": "Format version of this file. Always 1.", "const": 1 }, "requester": { "description": "Your GitHub login. It must be the author of the pull request that adds or changes this file, and must appear in .github/access-identities.yaml.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "group": { "description": "The group you ask to join: a key of groups in .github/access-policy.yaml. It must equal the name of the folder this file is in.", "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$" }, "expires": { "description": `When the membership ends: an RFC 3339 timestamp with a time zone offset, in quotes, e.g. "2026-11-24T18:00:00Z". At least 5 minutes ahead and within the group's maxDuration. Give either expires or duration.`, "examples": ["2026-11-24T18:00:00Z"], "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$" }, "duration": { "description": "How long the membership lasts, counted from the merge, e.g. 2h, 30m or 1h30m (d = 24 hours): a slow approval does not shorten it. At least 5 minutes and at most the group's maxDuration. Give either duration or expires.", "examples": ["2h"], "type": "string", "pattern": "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, "justification": { "description": "Why you need the access, in 10 to 500 characters. Reviewers read this.", "type": "string", "minLength": 10, "maxLength": 500 }, "ticket": { "description": "The incident or change ticket, e.g. INC-1234. Required when the group's policy sets requireTicket, and must match its ticketPattern.", "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\s]+$" } }, "oneOf": [{ "properties": { "expires": true }, "required": ["expires"] }, { "properties": { "duration": true }, "required": ["duration"] }], "$comment": '"duration" counts from the merge; "expires" is a fixed end.' };
var pattern0 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
var pattern1 = new RegExp("^[a-z0-9][a-z0-9._-]{0,63}$", "u");
var pattern2 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", "u");
var pattern3 = new RegExp("^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", "u");
var pattern4 = new RegExp("^[^\\s]+$", "u");
var func2 = import_ucs2length.default.default;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.expires === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "expires" }, message: "must have required property 'expires'", schema: schema11.oneOf[0].required, parentSchema: schema11.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs4 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.duration === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "duration" }, message: "must have required property 'duration'", schema: schema11.oneOf[1].required, parentSchema: schema11.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  var _valid0 = _errs4 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema11.oneOf, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs2;
    if (vErrors !== null) {
      if (_errs2) {
        vErrors.length = _errs2;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.requester === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requester" }, message: "must have required property 'requester'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.group === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "group" }, message: "must have required property 'group'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.justification === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "justification" }, message: "must have required property 'justification'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "requester" || key0 === "group" || key0 === "expires" || key0 === "duration" || key0 === "justification" || key0 === "ticket")) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err8 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema11.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.requester !== void 0) {
      let data1 = data.requester;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err9 = { instancePath: instancePath + "/requester", schemaPath: "#/properties/requester/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", parentSchema: schema11.properties.requester, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/requester", schemaPath: "#/properties/requester/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.requester.type, parentSchema: schema11.properties.requester, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.group !== void 0) {
      let data2 = data.group;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err11 = { instancePath: instancePath + "/group", schemaPath: "#/properties/group/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,63}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,63}$"', schema: "^[a-z0-9][a-z0-9._-]{0,63}$", parentSchema: schema11.properties.group, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/group", schemaPath: "#/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.group.type, parentSchema: schema11.properties.group, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.expires !== void 0) {
      let data3 = data.expires;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err13 = { instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", parentSchema: schema11.properties.expires, data: data3 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/expires", schemaPath: "#/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.expires.type, parentSchema: schema11.properties.expires, data: data3 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.duration !== void 0) {
      let data4 = data.duration;
      if (typeof data4 === "string") {
        if (!pattern3.test(data4)) {
          const err15 = { instancePath: instancePath + "/duration", schemaPath: "#/properties/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema11.properties.duration, data: data4 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/duration", schemaPath: "#/properties/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.duration.type, parentSchema: schema11.properties.duration, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.justification !== void 0) {
      let data5 = data.justification;
      if (typeof data5 === "string") {
        if (func2(data5) > 500) {
          const err17 = { instancePath: instancePath + "/justification", schemaPath: "#/properties/justification/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema11.properties.justification, data: data5 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (func2(data5) < 10) {
          const err18 = { instancePath: instancePath + "/justification", schemaPath: "#/properties/justification/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters", schema: 10, parentSchema: schema11.properties.justification, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/justification", schemaPath: "#/properties/justification/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.justification.type, parentSchema: schema11.properties.justification, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.ticket !== void 0) {
      let data6 = data.ticket;
      if (typeof data6 === "string") {
        if (func2(data6) > 100) {
          const err20 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema11.properties.ticket, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (func2(data6) < 1) {
          const err21 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.ticket, data: data6 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (!pattern4.test(data6)) {
          const err22 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/pattern", keyword: "pattern", params: { pattern: "^[^\\s]+$" }, message: 'must match pattern "^[^\\s]+$"', schema: "^[^\\s]+$", parentSchema: schema11.properties.ticket, data: data6 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/ticket", schemaPath: "#/properties/ticket/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.ticket.type, parentSchema: schema11.properties.ticket, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err24];
    } else {
      vErrors.push(err24);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var policy = validate11;
var schema12 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "urn:access-as-code:schema:access-policy:1", "title": "access-as-code policy", "description": "The groups that can be requested and the rules for each. Lives at .github/access-policy.yaml; the grant job reads it at the base commit of each pull request.", "type": "object", "additionalProperties": false, "required": ["version", "groups"], "definitions": { "duration": { "description": "A duration such as 30m, 4h, 1d or 1h30m (d = 24 hours).", "type": "string", "pattern": "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, "objectId": { "description": "An Entra object id (a GUID).", "type": "string", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, "approvals": { "description": "How many distinct code owners, none of them the requester, the author or a pusher, must approve the pull request's final commit.", "type": "integer", "minimum": 1, "maximum": 10 }, "requireTicket": { "description": "Whether every request must name a ticket.", "type": "boolean" }, "ticketPattern": { "description": "A regular expression (JavaScript syntax, unicode mode) that the ticket must match, e.g. ^INC-[0-9]+$.", "type": "string", "minLength": 1, "maxLength": 200 }, "mode": { "description": "enforce: remove members who have no active request. audit: only report them.", "enum": ["enforce", "audit"] }, "backend": { "description": "How access is given. membership: the group's members are added and removed directly, and the sweep ends them. pim: each grant is a Privileged Identity Management for Groups assignment with the request's end time, so Entra itself ends it on time even if no workflow runs. For entries with azureRole: azure-role (the default there): a role assignment made on grant and deleted by the sweep after the end; azure-pim: an active assignment through PIM for Azure resources with the request's end time, so Azure itself ends it.", "enum": ["membership", "pim", "azure-role", "azure-pim"] }, "azureScope": { "description": 'An Azure scope: a management group (/providers/Microsoft.Management/managementGroups/<name>), a subscription (/subscriptions/<id>), a resource group (/subscriptions/<id>/resourceGroups/<name>) or a resource (/subscriptions/<id>/resourceGroups/<name>/providers/<namespace>/<type>/<name>). Names do not start or end with a dot (a "." or ".." segment would name another scope).', "type": "string", "maxLength": 512, "pattern": "^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$", "examples": ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app"] } }, "properties": { "version": { "description": "Format version of this file. Always 1.", "const": 1 }, "defaults": { "description": "Rules for every group that does not set its own.", "type": "object", "additionalProperties": false, "properties": { "maxDuration": { "$ref": "#/definitions/duration" }, "approvals": { "$ref": "#/definitions/approvals" }, "requireTicket": { "$ref": "#/definitions/requireTicket" }, "ticketPattern": { "$ref": "#/definitions/ticketPattern" }, "mode": { "$ref": "#/definitions/mode" }, "reminderBefore": { "description": "How long before expiry the requester is reminded on the pull request (default 1h).", "$ref": "#/definitions/duration" }, "backend": { "$ref": "#/definitions/backend" } } }, "azureScopes": { "description": "Azure scopes (subscriptions, resource groups or management groups) whose Azure role assignments to each group are shown to reviewers as what membership confers. Read-only: the app needs Reader (or Microsoft.Authorization/roleAssignments/read) at each scope.", "type": "array", "maxItems": 20, "uniqueItems": true, "items": { "type": "string", "pattern": "^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()-]{1,90})?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90})$" } }, "groups": { "description": "The groups people can request, by name. The name is also the folder under requests/.", "type": "object", "propertyNames": { "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$" }, "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "id": { "description": "The Entra security group's object id, for an entry that grants membership of a group. Role-assignable groups are refused: their membership grants directory roles.", "$ref": "#/definitions/objectId" }, "azureRole": { "description": "For an entry that grants an Azure role at a scope instead of a group membership (permission-level access): the role and where it applies. The request files keep their shape (requests/<entry>/...).", "type": "object", "additionalProperties": false, "required": ["role", "scope"], "properties": { "role": { "description": "A built-in role's name (Owner, Contributor, Reader, User Access Administrator, Role Based Access Control Administrator, Key Vault Administrator, Key Vault Secrets Officer, Virtual Machine Contributor, Virtual Machine Administrator Login, Azure Kubernetes Service Cluster Admin Role), or any role's definition id (a GUID), custom roles included.", "type": "string", "minLength": 1, "maxLength": 128 }, "scope": { "$ref": "#/definitions/azureScope" } } }, "description": { "description": "What membership gives, for reviewers.", "type": "string", "maxLength": 500 }, "maxDuration": { "$ref": "#/definitions/duration" }, "approvals": { "$ref": "#/definitions/approvals" }, "requireTicket": { "$ref": "#/definitions/requireTicket" }, "ticketPattern": { "$ref": "#/definitions/ticketPattern" }, "mode": { "$ref": "#/definitions/mode" }, "requesters": { "description": "Who may ask: GitHub logins and @org/team names. Absent means anyone with an identity.", "type": "array", "items": { "type": "string", "pattern": "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$" }, "uniqueItems": true }, "standing": { "description": "Members that are never removed (break-glass accounts, service principals), each with why and when to review it again. Past the review date, doctor and the report flag the exemption.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["id", "reason", "review"], "properties": { "id": { "$ref": "#/definitions/objectId" }, "reason": { "description": "Why this member keeps access without a request, for reviewers.", "type": "string", "minLength": 10, "maxLength": 300 }, "review": { "description": "The date (YYYY-MM-DD) by which the exemption is reviewed again.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" } } } }, "backend": { "$ref": "#/definitions/backend" }, "revokeSessions": { "description": "When a member's access to this group ends (expiry, early revoke, drift), also revoke their Entra sign-in sessions (revokeSignInSessions, permission User.RevokeSessions.All), so that refresh tokens stop working. Access tokens already issued stay valid until they expire (about an hour) unless the application honours continuous access evaluation. Default: false.", "type": "boolean" }, "breakGlass": { "description": "Break-glass: who may grant themselves this group at once, without review first, through the access-break-glass workflow, for at most maxDuration. Each use opens a review issue for the group's code owners; until it is reviewed, the same person cannot break glass for the group again.", "type": "object", "additionalProperties": false, "required": ["maxDuration", "requesters"], "properties": { "maxDuration": { "$ref": "#/definitions/duration" }, "requesters": { "description": "GitHub logins and @org/team names who may break glass for this group.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$" }, "uniqueItems": true }, "requireTicket": { "description": "Whether a break-glass run must name a ticket (matching the group's ticketPattern). Default: true.", "type": "boolean" }, "reviewWithin": { "description": "Ratified or ended: a use whose review issue no code owner has closed as completed within this time after it began is ended at the next run (the member is removed as nobody's request), and the run says so. Absent: the access lasts its duration whether reviewed or not.", "$ref": "#/definitions/duration" } } } }, "$comment": '"id" grants membership of an Entra group; "azureRole" grants an Azure role at a scope.', "oneOf": [{ "properties": { "id": true }, "required": ["id"] }, { "properties": { "azureRole": true }, "required": ["azureRole"] }] } } } };
var schema13 = { "description": "A duration such as 30m, 4h, 1d or 1h30m (d = 24 hours).", "type": "string", "pattern": "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" };
var schema14 = { "description": "How many distinct code owners, none of them the requester, the author or a pusher, must approve the pull request's final commit.", "type": "integer", "minimum": 1, "maximum": 10 };
var schema15 = { "description": "Whether every request must name a ticket.", "type": "boolean" };
var schema16 = { "description": "A regular expression (JavaScript syntax, unicode mode) that the ticket must match, e.g. ^INC-[0-9]+$.", "type": "string", "minLength": 1, "maxLength": 200 };
var schema17 = { "description": "enforce: remove members who have no active request. audit: only report them.", "enum": ["enforce", "audit"] };
var schema19 = { "description": "How access is given. membership: the group's members are added and removed directly, and the sweep ends them. pim: each grant is a Privileged Identity Management for Groups assignment with the request's end time, so Entra itself ends it on time even if no workflow runs. For entries with azureRole: azure-role (the default there): a role assignment made on grant and deleted by the sweep after the end; azure-pim: an active assignment through PIM for Azure resources with the request's end time, so Azure itself ends it.", "enum": ["membership", "pim", "azure-role", "azure-pim"] };
var schema20 = { "description": "An Entra object id (a GUID).", "type": "string", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" };
var schema21 = { "description": 'An Azure scope: a management group (/providers/Microsoft.Management/managementGroups/<name>), a subscription (/subscriptions/<id>), a resource group (/subscriptions/<id>/resourceGroups/<name>) or a resource (/subscriptions/<id>/resourceGroups/<name>/providers/<namespace>/<type>/<name>). Names do not start or end with a dot (a "." or ".." segment would name another scope).', "type": "string", "maxLength": 512, "pattern": "^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$", "examples": ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app"] };
var pattern7 = new RegExp("^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()-]{1,90})?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90})$", "u");
var pattern9 = new RegExp("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "u");
var pattern10 = new RegExp("^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$", "u");
var pattern12 = new RegExp("^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$", "u");
var pattern14 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");
var func8 = Object.prototype.hasOwnProperty;
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.groups === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "groups" }, message: "must have required property 'groups'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "defaults" || key0 === "azureScopes" || key0 === "groups")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema12.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.defaults !== void 0) {
      let data1 = data.defaults;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "maxDuration" || key1 === "approvals" || key1 === "requireTicket" || key1 === "ticketPattern" || key1 === "mode" || key1 === "reminderBefore" || key1 === "backend")) {
            const err4 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.defaults, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.maxDuration !== void 0) {
          let data2 = data1.maxDuration;
          if (typeof data2 === "string") {
            if (!pattern3.test(data2)) {
              const err5 = { instancePath: instancePath + "/defaults/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema13, data: data2 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/defaults/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1.approvals !== void 0) {
          let data3 = data1.approvals;
          if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
            const err7 = { instancePath: instancePath + "/defaults/approvals", schemaPath: "#/definitions/approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.type, parentSchema: schema14, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (typeof data3 == "number" && isFinite(data3)) {
            if (data3 > 10 || isNaN(data3)) {
              const err8 = { instancePath: instancePath + "/defaults/approvals", schemaPath: "#/definitions/approvals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10", schema: 10, parentSchema: schema14, data: data3 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (data3 < 1 || isNaN(data3)) {
              const err9 = { instancePath: instancePath + "/defaults/approvals", schemaPath: "#/definitions/approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema14, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          }
        }
        if (data1.requireTicket !== void 0) {
          let data4 = data1.requireTicket;
          if (typeof data4 !== "boolean") {
            const err10 = { instancePath: instancePath + "/defaults/requireTicket", schemaPath: "#/definitions/requireTicket/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.type, parentSchema: schema15, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.ticketPattern !== void 0) {
          let data5 = data1.ticketPattern;
          if (typeof data5 === "string") {
            if (func2(data5) > 200) {
              const err11 = { instancePath: instancePath + "/defaults/ticketPattern", schemaPath: "#/definitions/ticketPattern/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema16, data: data5 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err12 = { instancePath: instancePath + "/defaults/ticketPattern", schemaPath: "#/definitions/ticketPattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16, data: data5 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/defaults/ticketPattern", schemaPath: "#/definitions/ticketPattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: data5 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data1.mode !== void 0) {
          let data6 = data1.mode;
          if (!(data6 === "enforce" || data6 === "audit")) {
            const err14 = { instancePath: instancePath + "/defaults/mode", schemaPath: "#/definitions/mode/enum", keyword: "enum", params: { allowedValues: schema17.enum }, message: "must be equal to one of the allowed values", schema: schema17.enum, parentSchema: schema17, data: data6 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data1.reminderBefore !== void 0) {
          let data7 = data1.reminderBefore;
          if (typeof data7 === "string") {
            if (!pattern3.test(data7)) {
              const err15 = { instancePath: instancePath + "/defaults/reminderBefore", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema13, data: data7 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/defaults/reminderBefore", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data7 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data1.backend !== void 0) {
          let data8 = data1.backend;
          if (!(data8 === "membership" || data8 === "pim" || data8 === "azure-role" || data8 === "azure-pim")) {
            const err17 = { instancePath: instancePath + "/defaults/backend", schemaPath: "#/definitions/backend/enum", keyword: "enum", params: { allowedValues: schema19.enum }, message: "must be equal to one of the allowed values", schema: schema19.enum, parentSchema: schema19, data: data8 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.defaults.type, parentSchema: schema12.properties.defaults, data: data1 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.azureScopes !== void 0) {
      let data9 = data.azureScopes;
      if (Array.isArray(data9)) {
        if (data9.length > 20) {
          const err19 = { instancePath: instancePath + "/azureScopes", schemaPath: "#/properties/azureScopes/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items", schema: 20, parentSchema: schema12.properties.azureScopes, data: data9 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        const len0 = data9.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data10 = data9[i0];
          if (typeof data10 === "string") {
            if (!pattern7.test(data10)) {
              const err20 = { instancePath: instancePath + "/azureScopes/" + i0, schemaPath: "#/properties/azureScopes/items/pattern", keyword: "pattern", params: { pattern: "^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()-]{1,90})?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90})$" }, message: 'must match pattern "^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()-]{1,90})?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90})$"', schema: "^(/subscriptions/[0-9a-fA-F-]{36}(/resourceGroups/[A-Za-z0-9._()-]{1,90})?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{1,90})$", parentSchema: schema12.properties.azureScopes.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/azureScopes/" + i0, schemaPath: "#/properties/azureScopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.azureScopes.items.type, parentSchema: schema12.properties.azureScopes.items, data: data10 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        let i1 = data9.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data9[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err22 = { instancePath: instancePath + "/azureScopes", schemaPath: "#/properties/azureScopes/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema12.properties.azureScopes, data: data9 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/azureScopes", schemaPath: "#/properties/azureScopes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.azureScopes.type, parentSchema: schema12.properties.azureScopes, data: data9 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.groups !== void 0) {
      let data11 = data.groups;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key2 in data11) {
          const _errs31 = errors;
          if (typeof key2 === "string") {
            if (!pattern1.test(key2)) {
              const err24 = { instancePath: instancePath + "/groups", schemaPath: "#/properties/groups/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,63}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,63}$"', schema: "^[a-z0-9][a-z0-9._-]{0,63}$", parentSchema: schema12.properties.groups.propertyNames, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          var valid12 = _errs31 === errors;
          if (!valid12) {
            const err25 = { instancePath: instancePath + "/groups", schemaPath: "#/properties/groups/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema12.properties.groups.propertyNames, parentSchema: schema12.properties.groups, data: data11 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        for (const key3 in data11) {
          let data12 = data11[key3];
          const _errs36 = errors;
          let valid14 = false;
          let passing0 = null;
          const _errs37 = errors;
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.id === void 0) {
              const err26 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/oneOf/0/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema12.properties.groups.additionalProperties.oneOf[0].required, parentSchema: schema12.properties.groups.additionalProperties.oneOf[0], data: data12 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
          var _valid0 = _errs37 === errors;
          if (_valid0) {
            valid14 = true;
            passing0 = 0;
          }
          const _errs38 = errors;
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.azureRole === void 0) {
              const err27 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/oneOf/1/required", keyword: "required", params: { missingProperty: "azureRole" }, message: "must have required property 'azureRole'", schema: schema12.properties.groups.additionalProperties.oneOf[1].required, parentSchema: schema12.properties.groups.additionalProperties.oneOf[1], data: data12 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
          var _valid0 = _errs38 === errors;
          if (_valid0 && valid14) {
            valid14 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid14 = true;
              passing0 = 1;
            }
          }
          if (!valid14) {
            const err28 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema12.properties.groups.additionalProperties.oneOf, parentSchema: schema12.properties.groups.additionalProperties, data: data12 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          } else {
            errors = _errs36;
            if (vErrors !== null) {
              if (_errs36) {
                vErrors.length = _errs36;
              } else {
                vErrors = null;
              }
            }
          }
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            for (const key4 in data12) {
              if (!func8.call(schema12.properties.groups.additionalProperties.properties, key4)) {
                const err29 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.groups.additionalProperties, data: data12 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data12.id !== void 0) {
              let data13 = data12.id;
              if (typeof data13 === "string") {
                if (!pattern9.test(data13)) {
                  const err30 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/id", schemaPath: "#/definitions/objectId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, message: 'must match pattern "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"', schema: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", parentSchema: schema20, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/id", schemaPath: "#/definitions/objectId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data13 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data12.azureRole !== void 0) {
              let data14 = data12.azureRole;
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.role === void 0) {
                  const err32 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/required", keyword: "required", params: { missingProperty: "role" }, message: "must have required property 'role'", schema: schema12.properties.groups.additionalProperties.properties.azureRole.required, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
                if (data14.scope === void 0) {
                  const err33 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/required", keyword: "required", params: { missingProperty: "scope" }, message: "must have required property 'scope'", schema: schema12.properties.groups.additionalProperties.properties.azureRole.required, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
                for (const key5 in data14) {
                  if (!(key5 === "role" || key5 === "scope")) {
                    const err34 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole, data: data14 };
                    if (vErrors === null) {
                      vErrors = [err34];
                    } else {
                      vErrors.push(err34);
                    }
                    errors++;
                  }
                }
                if (data14.role !== void 0) {
                  let data15 = data14.role;
                  if (typeof data15 === "string") {
                    if (func2(data15) > 128) {
                      const err35 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/role", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/properties/role/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters", schema: 128, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole.properties.role, data: data15 };
                      if (vErrors === null) {
                        vErrors = [err35];
                      } else {
                        vErrors.push(err35);
                      }
                      errors++;
                    }
                    if (func2(data15) < 1) {
                      const err36 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/role", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/properties/role/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole.properties.role, data: data15 };
                      if (vErrors === null) {
                        vErrors = [err36];
                      } else {
                        vErrors.push(err36);
                      }
                      errors++;
                    }
                  } else {
                    const err37 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/role", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/properties/role/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.azureRole.properties.role.type, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole.properties.role, data: data15 };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
                if (data14.scope !== void 0) {
                  let data16 = data14.scope;
                  if (typeof data16 === "string") {
                    if (func2(data16) > 512) {
                      const err38 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/scope", schemaPath: "#/definitions/azureScope/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters", schema: 512, parentSchema: schema21, data: data16 };
                      if (vErrors === null) {
                        vErrors = [err38];
                      } else {
                        vErrors.push(err38);
                      }
                      errors++;
                    }
                    if (!pattern10.test(data16)) {
                      const err39 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/scope", schemaPath: "#/definitions/azureScope/pattern", keyword: "pattern", params: { pattern: "^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$" }, message: 'must match pattern "^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$"', schema: "^(/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?|/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/resourceGroups/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,88}[A-Za-z0-9_()-])?(/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+(/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?/[A-Za-z0-9_()-](?:[A-Za-z0-9._()-]{0,258}[A-Za-z0-9_()-])?)+)?)?)$", parentSchema: schema21, data: data16 };
                      if (vErrors === null) {
                        vErrors = [err39];
                      } else {
                        vErrors.push(err39);
                      }
                      errors++;
                    }
                  } else {
                    const err40 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole/scope", schemaPath: "#/definitions/azureScope/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.type, parentSchema: schema21, data: data16 };
                    if (vErrors === null) {
                      vErrors = [err40];
                    } else {
                      vErrors.push(err40);
                    }
                    errors++;
                  }
                }
              } else {
                const err41 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/azureRole", schemaPath: "#/properties/groups/additionalProperties/properties/azureRole/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.groups.additionalProperties.properties.azureRole.type, parentSchema: schema12.properties.groups.additionalProperties.properties.azureRole, data: data14 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data12.description !== void 0) {
              let data17 = data12.description;
              if (typeof data17 === "string") {
                if (func2(data17) > 500) {
                  const err42 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/description", schemaPath: "#/properties/groups/additionalProperties/properties/description/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema12.properties.groups.additionalProperties.properties.description, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              } else {
                const err43 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/description", schemaPath: "#/properties/groups/additionalProperties/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.description.type, parentSchema: schema12.properties.groups.additionalProperties.properties.description, data: data17 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data12.maxDuration !== void 0) {
              let data18 = data12.maxDuration;
              if (typeof data18 === "string") {
                if (!pattern3.test(data18)) {
                  const err44 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema13, data: data18 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              } else {
                const err45 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data18 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data12.approvals !== void 0) {
              let data19 = data12.approvals;
              if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                const err46 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/approvals", schemaPath: "#/definitions/approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.type, parentSchema: schema14, data: data19 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
              if (typeof data19 == "number" && isFinite(data19)) {
                if (data19 > 10 || isNaN(data19)) {
                  const err47 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/approvals", schemaPath: "#/definitions/approvals/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10", schema: 10, parentSchema: schema14, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
                if (data19 < 1 || isNaN(data19)) {
                  const err48 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/approvals", schemaPath: "#/definitions/approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema14, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              }
            }
            if (data12.requireTicket !== void 0) {
              let data20 = data12.requireTicket;
              if (typeof data20 !== "boolean") {
                const err49 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/requireTicket", schemaPath: "#/definitions/requireTicket/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.type, parentSchema: schema15, data: data20 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data12.ticketPattern !== void 0) {
              let data21 = data12.ticketPattern;
              if (typeof data21 === "string") {
                if (func2(data21) > 200) {
                  const err50 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/ticketPattern", schemaPath: "#/definitions/ticketPattern/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema16, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
                if (func2(data21) < 1) {
                  const err51 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/ticketPattern", schemaPath: "#/definitions/ticketPattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err51];
                  } else {
                    vErrors.push(err51);
                  }
                  errors++;
                }
              } else {
                const err52 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/ticketPattern", schemaPath: "#/definitions/ticketPattern/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: data21 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data12.mode !== void 0) {
              let data22 = data12.mode;
              if (!(data22 === "enforce" || data22 === "audit")) {
                const err53 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/mode", schemaPath: "#/definitions/mode/enum", keyword: "enum", params: { allowedValues: schema17.enum }, message: "must be equal to one of the allowed values", schema: schema17.enum, parentSchema: schema17, data: data22 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data12.requesters !== void 0) {
              let data23 = data12.requesters;
              if (Array.isArray(data23)) {
                const len1 = data23.length;
                for (let i2 = 0; i2 < len1; i2++) {
                  let data24 = data23[i2];
                  if (typeof data24 === "string") {
                    if (!pattern12.test(data24)) {
                      const err54 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/requesters/" + i2, schemaPath: "#/properties/groups/additionalProperties/properties/requesters/items/pattern", keyword: "pattern", params: { pattern: "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$" }, message: 'must match pattern "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$"', schema: "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$", parentSchema: schema12.properties.groups.additionalProperties.properties.requesters.items, data: data24 };
                      if (vErrors === null) {
                        vErrors = [err54];
                      } else {
                        vErrors.push(err54);
                      }
                      errors++;
                    }
                  } else {
                    const err55 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/requesters/" + i2, schemaPath: "#/properties/groups/additionalProperties/properties/requesters/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.requesters.items.type, parentSchema: schema12.properties.groups.additionalProperties.properties.requesters.items, data: data24 };
                    if (vErrors === null) {
                      vErrors = [err55];
                    } else {
                      vErrors.push(err55);
                    }
                    errors++;
                  }
                }
                let i3 = data23.length;
                let j1;
                if (i3 > 1) {
                  const indices1 = {};
                  for (; i3--; ) {
                    let item1 = data23[i3];
                    if (typeof item1 !== "string") {
                      continue;
                    }
                    if (typeof indices1[item1] == "number") {
                      j1 = indices1[item1];
                      const err56 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/requesters", schemaPath: "#/properties/groups/additionalProperties/properties/requesters/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)", schema: true, parentSchema: schema12.properties.groups.additionalProperties.properties.requesters, data: data23 };
                      if (vErrors === null) {
                        vErrors = [err56];
                      } else {
                        vErrors.push(err56);
                      }
                      errors++;
                      break;
                    }
                    indices1[item1] = i3;
                  }
                }
              } else {
                const err57 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/requesters", schemaPath: "#/properties/groups/additionalProperties/properties/requesters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.groups.additionalProperties.properties.requesters.type, parentSchema: schema12.properties.groups.additionalProperties.properties.requesters, data: data23 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data12.standing !== void 0) {
              let data25 = data12.standing;
              if (Array.isArray(data25)) {
                const len2 = data25.length;
                for (let i4 = 0; i4 < len2; i4++) {
                  let data26 = data25[i4];
                  if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                    if (data26.id === void 0) {
                      const err58 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4, schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema12.properties.groups.additionalProperties.properties.standing.items.required, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err58];
                      } else {
                        vErrors.push(err58);
                      }
                      errors++;
                    }
                    if (data26.reason === void 0) {
                      const err59 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4, schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'", schema: schema12.properties.groups.additionalProperties.properties.standing.items.required, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err59];
                      } else {
                        vErrors.push(err59);
                      }
                      errors++;
                    }
                    if (data26.review === void 0) {
                      const err60 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4, schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/required", keyword: "required", params: { missingProperty: "review" }, message: "must have required property 'review'", schema: schema12.properties.groups.additionalProperties.properties.standing.items.required, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err60];
                      } else {
                        vErrors.push(err60);
                      }
                      errors++;
                    }
                    for (const key6 in data26) {
                      if (!(key6 === "id" || key6 === "reason" || key6 === "review")) {
                        const err61 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4, schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items, data: data26 };
                        if (vErrors === null) {
                          vErrors = [err61];
                        } else {
                          vErrors.push(err61);
                        }
                        errors++;
                      }
                    }
                    if (data26.id !== void 0) {
                      let data27 = data26.id;
                      if (typeof data27 === "string") {
                        if (!pattern9.test(data27)) {
                          const err62 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/id", schemaPath: "#/definitions/objectId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, message: 'must match pattern "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"', schema: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", parentSchema: schema20, data: data27 };
                          if (vErrors === null) {
                            vErrors = [err62];
                          } else {
                            vErrors.push(err62);
                          }
                          errors++;
                        }
                      } else {
                        const err63 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/id", schemaPath: "#/definitions/objectId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data27 };
                        if (vErrors === null) {
                          vErrors = [err63];
                        } else {
                          vErrors.push(err63);
                        }
                        errors++;
                      }
                    }
                    if (data26.reason !== void 0) {
                      let data28 = data26.reason;
                      if (typeof data28 === "string") {
                        if (func2(data28) > 300) {
                          const err64 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/reason", schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 300 }, message: "must NOT have more than 300 characters", schema: 300, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.reason, data: data28 };
                          if (vErrors === null) {
                            vErrors = [err64];
                          } else {
                            vErrors.push(err64);
                          }
                          errors++;
                        }
                        if (func2(data28) < 10) {
                          const err65 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/reason", schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/properties/reason/minLength", keyword: "minLength", params: { limit: 10 }, message: "must NOT have fewer than 10 characters", schema: 10, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.reason, data: data28 };
                          if (vErrors === null) {
                            vErrors = [err65];
                          } else {
                            vErrors.push(err65);
                          }
                          errors++;
                        }
                      } else {
                        const err66 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/reason", schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.reason.type, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.reason, data: data28 };
                        if (vErrors === null) {
                          vErrors = [err66];
                        } else {
                          vErrors.push(err66);
                        }
                        errors++;
                      }
                    }
                    if (data26.review !== void 0) {
                      let data29 = data26.review;
                      if (typeof data29 === "string") {
                        if (!pattern14.test(data29)) {
                          const err67 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/review", schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/properties/review/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"', schema: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.review, data: data29 };
                          if (vErrors === null) {
                            vErrors = [err67];
                          } else {
                            vErrors.push(err67);
                          }
                          errors++;
                        }
                      } else {
                        const err68 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4 + "/review", schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/properties/review/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.review.type, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items.properties.review, data: data29 };
                        if (vErrors === null) {
                          vErrors = [err68];
                        } else {
                          vErrors.push(err68);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err69 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing/" + i4, schemaPath: "#/properties/groups/additionalProperties/properties/standing/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.groups.additionalProperties.properties.standing.items.type, parentSchema: schema12.properties.groups.additionalProperties.properties.standing.items, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err69];
                    } else {
                      vErrors.push(err69);
                    }
                    errors++;
                  }
                }
              } else {
                const err70 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/standing", schemaPath: "#/properties/groups/additionalProperties/properties/standing/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.groups.additionalProperties.properties.standing.type, parentSchema: schema12.properties.groups.additionalProperties.properties.standing, data: data25 };
                if (vErrors === null) {
                  vErrors = [err70];
                } else {
                  vErrors.push(err70);
                }
                errors++;
              }
            }
            if (data12.backend !== void 0) {
              let data30 = data12.backend;
              if (!(data30 === "membership" || data30 === "pim" || data30 === "azure-role" || data30 === "azure-pim")) {
                const err71 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/backend", schemaPath: "#/definitions/backend/enum", keyword: "enum", params: { allowedValues: schema19.enum }, message: "must be equal to one of the allowed values", schema: schema19.enum, parentSchema: schema19, data: data30 };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
            if (data12.revokeSessions !== void 0) {
              let data31 = data12.revokeSessions;
              if (typeof data31 !== "boolean") {
                const err72 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/revokeSessions", schemaPath: "#/properties/groups/additionalProperties/properties/revokeSessions/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema12.properties.groups.additionalProperties.properties.revokeSessions.type, parentSchema: schema12.properties.groups.additionalProperties.properties.revokeSessions, data: data31 };
                if (vErrors === null) {
                  vErrors = [err72];
                } else {
                  vErrors.push(err72);
                }
                errors++;
              }
            }
            if (data12.breakGlass !== void 0) {
              let data32 = data12.breakGlass;
              if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
                if (data32.maxDuration === void 0) {
                  const err73 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/required", keyword: "required", params: { missingProperty: "maxDuration" }, message: "must have required property 'maxDuration'", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.required, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err73];
                  } else {
                    vErrors.push(err73);
                  }
                  errors++;
                }
                if (data32.requesters === void 0) {
                  const err74 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/required", keyword: "required", params: { missingProperty: "requesters" }, message: "must have required property 'requesters'", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.required, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err74];
                  } else {
                    vErrors.push(err74);
                  }
                  errors++;
                }
                for (const key7 in data32) {
                  if (!(key7 === "maxDuration" || key7 === "requesters" || key7 === "requireTicket" || key7 === "reviewWithin")) {
                    const err75 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass, data: data32 };
                    if (vErrors === null) {
                      vErrors = [err75];
                    } else {
                      vErrors.push(err75);
                    }
                    errors++;
                  }
                }
                if (data32.maxDuration !== void 0) {
                  let data33 = data32.maxDuration;
                  if (typeof data33 === "string") {
                    if (!pattern3.test(data33)) {
                      const err76 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/maxDuration", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema13, data: data33 };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                  } else {
                    const err77 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/maxDuration", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data33 };
                    if (vErrors === null) {
                      vErrors = [err77];
                    } else {
                      vErrors.push(err77);
                    }
                    errors++;
                  }
                }
                if (data32.requesters !== void 0) {
                  let data34 = data32.requesters;
                  if (Array.isArray(data34)) {
                    if (data34.length < 1) {
                      const err78 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requesters", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requesters/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters, data: data34 };
                      if (vErrors === null) {
                        vErrors = [err78];
                      } else {
                        vErrors.push(err78);
                      }
                      errors++;
                    }
                    const len3 = data34.length;
                    for (let i5 = 0; i5 < len3; i5++) {
                      let data35 = data34[i5];
                      if (typeof data35 === "string") {
                        if (!pattern12.test(data35)) {
                          const err79 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requesters/" + i5, schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requesters/items/pattern", keyword: "pattern", params: { pattern: "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$" }, message: 'must match pattern "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$"', schema: "^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(/[A-Za-z0-9._-]+)?$", parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters.items, data: data35 };
                          if (vErrors === null) {
                            vErrors = [err79];
                          } else {
                            vErrors.push(err79);
                          }
                          errors++;
                        }
                      } else {
                        const err80 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requesters/" + i5, schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requesters/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters.items.type, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters.items, data: data35 };
                        if (vErrors === null) {
                          vErrors = [err80];
                        } else {
                          vErrors.push(err80);
                        }
                        errors++;
                      }
                    }
                    let i6 = data34.length;
                    let j2;
                    if (i6 > 1) {
                      const indices2 = {};
                      for (; i6--; ) {
                        let item2 = data34[i6];
                        if (typeof item2 !== "string") {
                          continue;
                        }
                        if (typeof indices2[item2] == "number") {
                          j2 = indices2[item2];
                          const err81 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requesters", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requesters/uniqueItems", keyword: "uniqueItems", params: { i: i6, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i6 + " are identical)", schema: true, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters, data: data34 };
                          if (vErrors === null) {
                            vErrors = [err81];
                          } else {
                            vErrors.push(err81);
                          }
                          errors++;
                          break;
                        }
                        indices2[item2] = i6;
                      }
                    }
                  } else {
                    const err82 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requesters", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requesters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters.type, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requesters, data: data34 };
                    if (vErrors === null) {
                      vErrors = [err82];
                    } else {
                      vErrors.push(err82);
                    }
                    errors++;
                  }
                }
                if (data32.requireTicket !== void 0) {
                  let data36 = data32.requireTicket;
                  if (typeof data36 !== "boolean") {
                    const err83 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/requireTicket", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/properties/requireTicket/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requireTicket.type, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass.properties.requireTicket, data: data36 };
                    if (vErrors === null) {
                      vErrors = [err83];
                    } else {
                      vErrors.push(err83);
                    }
                    errors++;
                  }
                }
                if (data32.reviewWithin !== void 0) {
                  let data37 = data32.reviewWithin;
                  if (typeof data37 === "string") {
                    if (!pattern3.test(data37)) {
                      const err84 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/reviewWithin", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$" }, message: 'must match pattern "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"', schema: "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$", parentSchema: schema13, data: data37 };
                      if (vErrors === null) {
                        vErrors = [err84];
                      } else {
                        vErrors.push(err84);
                      }
                      errors++;
                    }
                  } else {
                    const err85 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass/reviewWithin", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.type, parentSchema: schema13, data: data37 };
                    if (vErrors === null) {
                      vErrors = [err85];
                    } else {
                      vErrors.push(err85);
                    }
                    errors++;
                  }
                }
              } else {
                const err86 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/breakGlass", schemaPath: "#/properties/groups/additionalProperties/properties/breakGlass/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.groups.additionalProperties.properties.breakGlass.type, parentSchema: schema12.properties.groups.additionalProperties.properties.breakGlass, data: data32 };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
          } else {
            const err87 = { instancePath: instancePath + "/groups/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/groups/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.groups.additionalProperties.type, parentSchema: schema12.properties.groups.additionalProperties, data: data12 };
            if (vErrors === null) {
              vErrors = [err87];
            } else {
              vErrors.push(err87);
            }
            errors++;
          }
        }
      } else {
        const err88 = { instancePath: instancePath + "/groups", schemaPath: "#/properties/groups/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.groups.type, parentSchema: schema12.properties.groups, data: data11 };
        if (vErrors === null) {
          vErrors = [err88];
        } else {
          vErrors.push(err88);
        }
        errors++;
      }
    }
  } else {
    const err89 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err89];
    } else {
      vErrors.push(err89);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var identities = validate12;
var schema31 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "urn:access-as-code:schema:access-identities:1", "title": "access-as-code identities", "description": "Maps GitHub logins to Entra users. Lives at .github/access-identities.yaml; the grant job reads it at the base commit, so a pull request cannot change who it grants to.", "type": "object", "additionalProperties": false, "required": ["version", "users"], "properties": { "version": { "description": "Format version of this file. Always 1.", "const": 1 }, "users": { "description": "GitHub login -> Entra user, by user principal name or by object id.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "additionalProperties": { "type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1, "properties": { "upn": { "description": "The Entra user principal name, e.g. octocat@contoso.com.", "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$", "maxLength": 256 }, "id": { "description": "The Entra user's object id (a GUID).", "type": "string", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" } } } } } };
var pattern19 = new RegExp("^[^@\\s]+@[^@\\s]+$", "u");
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.users === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "users" }, message: "must have required property 'users'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "users")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema31.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.users !== void 0) {
      let data1 = data.users;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          const _errs5 = errors;
          if (typeof key1 === "string") {
            if (!pattern0.test(key1)) {
              const err4 = { instancePath: instancePath + "/users", schemaPath: "#/properties/users/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", parentSchema: schema31.properties.users.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          }
          var valid1 = _errs5 === errors;
          if (!valid1) {
            const err5 = { instancePath: instancePath + "/users", schemaPath: "#/properties/users/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema31.properties.users.propertyNames, parentSchema: schema31.properties.users, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        for (const key2 in data1) {
          let data2 = data1[key2];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (Object.keys(data2).length > 1) {
              const err6 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/users/additionalProperties/maxProperties", keyword: "maxProperties", params: { limit: 1 }, message: "must NOT have more than 1 properties", schema: 1, parentSchema: schema31.properties.users.additionalProperties, data: data2 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (Object.keys(data2).length < 1) {
              const err7 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/users/additionalProperties/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema31.properties.users.additionalProperties, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            for (const key3 in data2) {
              if (!(key3 === "upn" || key3 === "id")) {
                const err8 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/users/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.users.additionalProperties, data: data2 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.upn !== void 0) {
              let data3 = data2.upn;
              if (typeof data3 === "string") {
                if (func2(data3) > 256) {
                  const err9 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/upn", schemaPath: "#/properties/users/additionalProperties/properties/upn/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters", schema: 256, parentSchema: schema31.properties.users.additionalProperties.properties.upn, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
                if (!pattern19.test(data3)) {
                  const err10 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/upn", schemaPath: "#/properties/users/additionalProperties/properties/upn/pattern", keyword: "pattern", params: { pattern: "^[^@\\s]+@[^@\\s]+$" }, message: 'must match pattern "^[^@\\s]+@[^@\\s]+$"', schema: "^[^@\\s]+@[^@\\s]+$", parentSchema: schema31.properties.users.additionalProperties.properties.upn, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/upn", schemaPath: "#/properties/users/additionalProperties/properties/upn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.users.additionalProperties.properties.upn.type, parentSchema: schema31.properties.users.additionalProperties.properties.upn, data: data3 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data2.id !== void 0) {
              let data4 = data2.id;
              if (typeof data4 === "string") {
                if (!pattern9.test(data4)) {
                  const err12 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/id", schemaPath: "#/properties/users/additionalProperties/properties/id/pattern", keyword: "pattern", params: { pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" }, message: 'must match pattern "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"', schema: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", parentSchema: schema31.properties.users.additionalProperties.properties.id, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              } else {
                const err13 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/id", schemaPath: "#/properties/users/additionalProperties/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.users.additionalProperties.properties.id.type, parentSchema: schema31.properties.users.additionalProperties.properties.id, data: data4 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/users/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/users/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.users.additionalProperties.type, parentSchema: schema31.properties.users.additionalProperties, data: data2 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/users", schemaPath: "#/properties/users/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.users.type, parentSchema: schema31.properties.users, data: data1 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

// src/schema/validate.ts
function validateAgainstSchema(name, yaml) {
  const validate = validators_generated_exports[name];
  if (validate(yaml.value)) return [];
  const errors = (validate.errors ?? []).filter(
    // propertyNames reports the inner pattern failure and then itself; keep only the latter. A oneOf
    // of alternatives reports each alternative's failure and then itself; keep only the latter too.
    (e) => !(e.propertyName !== void 0 && e.keyword !== "propertyNames") && !/\/oneOf\/\d+\//.test(e.schemaPath)
  ).filter(
    // Alternatives of keys say nothing about a value that is no map: its type error does.
    (e) => !(e.keyword === "oneOf" && (typeof e.data !== "object" || e.data === null || Array.isArray(e.data)))
  );
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const error of errors) {
    const d = toDiagnostic(error, yaml);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
function pathOf(instancePath) {
  if (instancePath === "") return [];
  return instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function label(path) {
  return path.length === 0 ? "the file" : `"${path.join(".")}"`;
}
function describe(value) {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value)}`;
  return `${typeof value} ${String(value)}`;
}
function schemaDescription(schema) {
  if (schema && typeof schema === "object" && "description" in schema && typeof schema.description === "string") {
    return ` ${schema.description}`;
  }
  return "";
}
var MESSAGES = {
  additionalProperties: ({ error, params }) => {
    const key = String(params.additionalProperty);
    const props = Object.keys(error.parentSchema.properties ?? {});
    const guess = nearest(key, props);
    return {
      key,
      message: `unknown key "${key}".${guess ? ` Did you mean "${guess}"?` : ""}${props.length > 0 ? ` Allowed keys here: ${props.join(", ")}.` : ""} Remove it or fix its spelling.`
    };
  },
  required: ({ error, params, where }) => {
    const key = String(params.missingProperty);
    return `${where} is missing the required key "${key}".${schemaDescription(error.parentSchema.properties?.[key])}`;
  },
  propertyNames: ({ error, params }) => {
    const key = String(params.propertyName);
    const rule = schemaDescription(error.parentSchema) || " The name does not have the allowed form.";
    return {
      key,
      message: `the name "${key}" is not allowed here:${rule} Names use lower-case letters, digits, ".", "_" and "-" (GitHub logins: letters, digits and single hyphens).`
    };
  },
  type: ({ error, params, where }) => {
    const pattern = error.parentSchema.pattern ?? "";
    if (params.type === "string" && typeof error.data === "number" && pattern.includes("([0-9]+h)?")) {
      const n = error.data;
      return `${where} is the number ${n}, which has no unit. Write it with one: ${Number.isInteger(n) && n > 0 ? `${n}m (minutes) or ${n}h (hours)` : "30m, 2h or 1h30m"} (d = 24 hours).`;
    }
    return `${where} must be ${article(String(params.type))}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`;
  },
  const: ({ error, params, where }) => `${where} must be ${JSON.stringify(params.allowedValue)}, but it is ${describe(error.data)}.`,
  enum: ({ error, params, where }) => `${where} must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}, but it is ${describe(error.data)}.`,
  pattern: ({ error, where }) => `${where} has the wrong form: ${describe(error.data)}.${schemaDescription(error.parentSchema)}`,
  minLength: (e) => lengthMessage(e, "at least"),
  maxLength: (e) => lengthMessage(e, "at most"),
  minimum: (e) => boundMessage(e),
  maximum: (e) => boundMessage(e),
  minProperties: ({ error, where }) => `${where} must have exactly one of its allowed keys.${schemaDescription(error.parentSchema)}`,
  maxProperties: ({ error, where }) => `${where} must have exactly one of its allowed keys.${schemaDescription(error.parentSchema)}`,
  oneOf: ({ error, params, where }) => {
    const keys = (error.parentSchema.oneOf ?? []).flatMap((o) => o.required ?? []);
    const props = error.parentSchema.properties ?? {};
    const example = (k) => props[k]?.examples?.[0] !== void 0 ? ` (e.g. ${k}: ${JSON.stringify(props[k].examples[0])})` : "";
    if (params.passingSchemas === null) return `${where} needs one of ${keys.map((k) => `"${k}"${example(k)}`).join(" or ")}.`;
    const present = keys.filter((k) => error.data && typeof error.data === "object" && k in error.data);
    return {
      key: present[present.length - 1] ?? keys[0] ?? "",
      // What tells the alternatives apart, in the schema's own words ($comment).
      message: `${where} has both ${keys.map((k) => `"${k}"`).join(" and ")}: keep one.${typeof error.parentSchema.$comment === "string" ? ` ${error.parentSchema.$comment}` : ""}`
    };
  },
  uniqueItems: ({ params, where }) => `${where} lists the same value twice (items ${String(params.j)} and ${String(params.i)}). Remove the duplicate.`
};
function lengthMessage({ error, params, where }, bound) {
  const len = typeof error.data === "string" ? [...error.data].length : 0;
  return `${where} is ${len} characters long; it must be ${bound} ${String(params.limit)}.${schemaDescription(error.parentSchema)}`;
}
function boundMessage({ error, params, where }) {
  return `${where} must be ${String(params.comparison)} ${String(params.limit)}, but it is ${describe(error.data)}.${schemaDescription(error.parentSchema)}`;
}
function toDiagnostic(error, yaml) {
  const path = pathOf(error.instancePath);
  const here = posOf(nodeAt(yaml.doc, path), yaml.lineCounter);
  const keyAt = (key) => posOf(keyNodeAt(yaml.doc, path, key), yaml.lineCounter) ?? here;
  const e = { error, params: error.params, where: label(path), keyAt };
  const said = MESSAGES[error.keyword]?.(e) ?? `${e.where} ${error.message ?? "is not valid"}.`;
  return typeof said === "string" ? diagnostic(yaml.file, here, said) : diagnostic(yaml.file, keyAt(said.key), said.message);
}
function article(type) {
  const names = {
    string: "text (a string; quote it)",
    integer: "a whole number",
    number: "a number",
    boolean: "true or false",
    object: "a map of keys",
    array: "a list"
  };
  return names[type] ?? `a ${type}`;
}

export {
  nearest,
  validateAgainstSchema
};
