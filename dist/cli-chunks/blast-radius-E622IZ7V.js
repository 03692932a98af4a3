import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  blastRadius,
  renderBlastRadius
} from "./chunk-N7WW45FH.js";
import "./chunk-JV5PSVP2.js";
export {
  blastRadius,
  renderBlastRadius
};
