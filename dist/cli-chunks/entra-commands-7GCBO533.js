import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  statusCommand,
  sweepCommand
} from "./chunk-HIQXK2B6.js";
import "./chunk-LRW4V6O6.js";
import "./chunk-VINHGDDL.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-OTUSUFRU.js";
import "./chunk-SWCGANHE.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  statusCommand,
  sweepCommand
};
