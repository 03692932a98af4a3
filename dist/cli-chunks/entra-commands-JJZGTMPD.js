import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  doctorCommand,
  evidenceCommand,
  grantCommand,
  localGitHub,
  reportCommand,
  statusCommand,
  sweepCommand
} from "./chunk-DZ7Y6HW4.js";
import "./chunk-AAVIHCY6.js";
import "./chunk-O7HOYA65.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
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
