import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
} from "./chunk-NYHY56E5.js";
import "./chunk-XXSHCWVR.js";
import "./chunk-WJ3ZLWCM.js";
import "./chunk-24XPZQ64.js";
import "./chunk-JV5PSVP2.js";
export {
  assignmentsAt,
  azureTarget,
  azureTargetParts,
  heldAt,
  listAtScope,
  readyAzure,
  usersOnly
};
