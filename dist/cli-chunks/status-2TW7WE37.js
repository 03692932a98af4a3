import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  renderStatus,
  status,
  statusOf
} from "./chunk-3DG6Y5Y2.js";
import "./chunk-FRPVJPDC.js";
import "./chunk-5B74HOTC.js";
import "./chunk-YVXVSPYW.js";
import "./chunk-WY42KRYZ.js";
import "./chunk-6243XALH.js";
import "./chunk-LDXIIFYA.js";
import "./chunk-UWIRUTJ6.js";
import "./chunk-N5YH5U4J.js";
import "./chunk-VBXVWMN2.js";
import "./chunk-KKT3OYJW.js";
import "./chunk-3VIL4RUE.js";
import "./chunk-DKSCVU2J.js";
import "./chunk-WD4VLBT2.js";
import "./chunk-XP3LFAPK.js";
import "./chunk-TRPAB6JR.js";
import "./chunk-E4JGT2Z2.js";
import "./chunk-UV4BBHG6.js";
import "./chunk-BBEUIQHO.js";
import "./chunk-COOZ5Q7T.js";
import "./chunk-LJOL2TRB.js";
import "./chunk-HZLMQCJG.js";
import "./chunk-425VGJGT.js";
import "./chunk-IQ3S3PKL.js";
import "./chunk-ZFCBOOOX.js";
import "./chunk-JV5PSVP2.js";
export {
  renderStatus,
  status,
  statusOf
};
