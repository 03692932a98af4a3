import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  discoverCommand,
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  statusCommand,
  sweepCommand
} from "./chunk-QIMI6JWT.js";
import "./chunk-CUMFMMAT.js";
import "./chunk-GUARQLFL.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-WB7IPXIR.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-YMH7ZJTW.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-7K7DDW7P.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  discoverCommand,
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  statusCommand,
  sweepCommand
};
