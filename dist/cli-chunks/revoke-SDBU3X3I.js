import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  reminderBody,
  reminderMarker,
  revoke
} from "./chunk-3GCRPLVB.js";
import "./chunk-WHOOFZFP.js";
import "./chunk-ZUYDFJ4L.js";
import "./chunk-R56EGUMS.js";
import "./chunk-UIUFJBUJ.js";
import "./chunk-OBR4XQY4.js";
import "./chunk-6243XALH.js";
import "./chunk-UKF6A6DF.js";
import "./chunk-B6R5MONC.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-FRSZYKE2.js";
import "./chunk-WB7IPXIR.js";
import "./chunk-7K7DDW7P.js";
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
  reminderBody,
  reminderMarker,
  revoke
};
