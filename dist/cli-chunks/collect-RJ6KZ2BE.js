import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  collectReport,
  requestVersions
} from "./chunk-72SOIOHL.js";
import "./chunk-3EI6WE2U.js";
import "./chunk-L75U4QPU.js";
import "./chunk-6QVQCA6P.js";
import "./chunk-HZWZQV7E.js";
import "./chunk-PGYIGUDK.js";
import "./chunk-NGGUZN2T.js";
import "./chunk-AAVIHCY6.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-O7HOYA65.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-42C42AXZ.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-IGZ5WUGF.js";
import "./chunk-JV5PSVP2.js";
export {
  collectReport,
  requestVersions
};
