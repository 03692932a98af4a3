import { createRequire as __aacCreateRequire } from 'node:module'; const require = __aacCreateRequire(import.meta.url);
import {
  context,
  require_tunnel,
  require_undici
} from "./chunks/chunk-HX2GNITY.js";
import {
  planOf,
  reportHasErrors,
  validatePullRequest,
  validateTree
} from "./chunks/chunk-OUUV3IO5.js";
import {
  gitIn,
  workingTree
} from "./chunks/chunk-O2ELKO77.js";
import {
  parseWebhooks
} from "./chunks/chunk-IJRHXWO2.js";
import {
  loadConfig
} from "./chunks/chunk-3B5UPTQJ.js";
import "./chunks/chunk-ST23VSVJ.js";
import "./chunks/chunk-AWYFAWUP.js";
import "./chunks/chunk-LRULQWW5.js";
import "./chunks/chunk-XXDK4IFQ.js";
import "./chunks/chunk-W4PVMAAF.js";
import "./chunks/chunk-KAUG6AWK.js";
import {
  ConfigError,
  formatDiagnostic,
  sortDiagnostics
} from "./chunks/chunk-7XIZWMDY.js";
import "./chunks/chunk-TS7CM3PC.js";
import {
  __toESM
} from "./chunks/chunk-OZ6IWOJH.js";

// src/action/runner.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
import * as http from "http";
import * as https from "https";

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];
var RetryableHttpVerbs = ["OPTIONS", "GET", "DELETE", "HEAD"];
var ExponentialBackoffCeiling = 10;
var ExponentialBackoffTimeSlice = 5;
var HttpClientError = class _HttpClientError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.name = "HttpClientError";
    this.statusCode = statusCode;
    Object.setPrototypeOf(this, _HttpClientError.prototype);
  }
};
var HttpClientResponse = class {
  constructor(message) {
    this.message = message;
  }
  readBody() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        let output = Buffer.alloc(0);
        this.message.on("data", (chunk) => {
          output = Buffer.concat([output, chunk]);
        });
        this.message.on("end", () => {
          resolve(output.toString());
        });
      }));
    });
  }
  readBodyBuffer() {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
        const chunks = [];
        this.message.on("data", (chunk) => {
          chunks.push(chunk);
        });
        this.message.on("end", () => {
          resolve(Buffer.concat(chunks));
        });
      }));
    });
  }
};
var HttpClient = class {
  constructor(userAgent, handlers, requestOptions) {
    this._ignoreSslError = false;
    this._allowRedirects = true;
    this._allowRedirectDowngrade = false;
    this._maxRedirects = 50;
    this._allowRetries = false;
    this._maxRetries = 1;
    this._keepAlive = false;
    this._disposed = false;
    this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
    this.handlers = handlers || [];
    this.requestOptions = requestOptions;
    if (requestOptions) {
      if (requestOptions.ignoreSslError != null) {
        this._ignoreSslError = requestOptions.ignoreSslError;
      }
      this._socketTimeout = requestOptions.socketTimeout;
      if (requestOptions.allowRedirects != null) {
        this._allowRedirects = requestOptions.allowRedirects;
      }
      if (requestOptions.allowRedirectDowngrade != null) {
        this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
      }
      if (requestOptions.maxRedirects != null) {
        this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
      }
      if (requestOptions.keepAlive != null) {
        this._keepAlive = requestOptions.keepAlive;
      }
      if (requestOptions.allowRetries != null) {
        this._allowRetries = requestOptions.allowRetries;
      }
      if (requestOptions.maxRetries != null) {
        this._maxRetries = requestOptions.maxRetries;
      }
    }
  }
  options(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("OPTIONS", requestUrl, null, additionalHeaders || {});
    });
  }
  get(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("GET", requestUrl, null, additionalHeaders || {});
    });
  }
  del(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("DELETE", requestUrl, null, additionalHeaders || {});
    });
  }
  post(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("POST", requestUrl, data, additionalHeaders || {});
    });
  }
  patch(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PATCH", requestUrl, data, additionalHeaders || {});
    });
  }
  put(requestUrl, data, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("PUT", requestUrl, data, additionalHeaders || {});
    });
  }
  head(requestUrl, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request("HEAD", requestUrl, null, additionalHeaders || {});
    });
  }
  sendStream(verb, requestUrl, stream, additionalHeaders) {
    return __awaiter(this, void 0, void 0, function* () {
      return this.request(verb, requestUrl, stream, additionalHeaders);
    });
  }
  /**
   * Gets a typed object from an endpoint
   * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
   */
  getJson(requestUrl_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      const res = yield this.get(requestUrl, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  postJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.post(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  putJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.put(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  patchJson(requestUrl_1, obj_1) {
    return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
      const data = JSON.stringify(obj, null, 2);
      additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
      additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
      const res = yield this.patch(requestUrl, data, additionalHeaders);
      return this._processResponse(res, this.requestOptions);
    });
  }
  /**
   * Makes a raw http request.
   * All other methods such as get, post, patch, and request ultimately call this.
   * Prefer get, del, post and patch
   */
  request(verb, requestUrl, data, headers) {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._disposed) {
        throw new Error("Client has already been disposed.");
      }
      const parsedUrl = new URL(requestUrl);
      let info3 = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb) ? this._maxRetries + 1 : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info3, data);
        if (response && response.message && response.message.statusCode === HttpCodes.Unauthorized) {
          let authenticationHandler;
          for (const handler of this.handlers) {
            if (handler.canHandleAuthentication(response)) {
              authenticationHandler = handler;
              break;
            }
          }
          if (authenticationHandler) {
            return authenticationHandler.handleAuthentication(this, info3, data);
          } else {
            return response;
          }
        }
        let redirectsRemaining = this._maxRedirects;
        while (response.message.statusCode && HttpRedirectCodes.includes(response.message.statusCode) && this._allowRedirects && redirectsRemaining > 0) {
          const redirectUrl = response.message.headers["location"];
          if (!redirectUrl) {
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === "https:" && parsedUrl.protocol !== parsedRedirectUrl.protocol && !this._allowRedirectDowngrade) {
            throw new Error("Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.");
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === "authorization") {
                delete headers[header];
              }
            }
          }
          info3 = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info3, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode || !HttpResponseRetryCodes.includes(response.message.statusCode)) {
          return response;
        }
        numTries += 1;
        if (numTries < maxTries) {
          yield response.readBody();
          yield this._performExponentialBackoff(numTries);
        }
      } while (numTries < maxTries);
      return response;
    });
  }
  /**
   * Needs to be called if keepAlive is set to true in request options.
   */
  dispose() {
    if (this._agent) {
      this._agent.destroy();
    }
    this._disposed = true;
  }
  /**
   * Raw request.
   * @param info
   * @param data
   */
  requestRaw(info3, data) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          } else if (!res) {
            reject(new Error("Unknown error"));
          } else {
            resolve(res);
          }
        }
        this.requestRawWithCallback(info3, data, callbackForResult);
      });
    });
  }
  /**
   * Raw request with callback.
   * @param info
   * @param data
   * @param onResult
   */
  requestRawWithCallback(info3, data, onResult) {
    if (typeof data === "string") {
      if (!info3.options.headers) {
        info3.options.headers = {};
      }
      info3.options.headers["Content-Length"] = Buffer.byteLength(data, "utf8");
    }
    let callbackCalled = false;
    function handleResult(err, res) {
      if (!callbackCalled) {
        callbackCalled = true;
        onResult(err, res);
      }
    }
    const req = info3.httpModule.request(info3.options, (msg) => {
      const res = new HttpClientResponse(msg);
      handleResult(void 0, res);
    });
    let socket;
    req.on("socket", (sock) => {
      socket = sock;
    });
    req.setTimeout(this._socketTimeout || 3 * 6e4, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info3.options.path}`));
    });
    req.on("error", function(err) {
      handleResult(err);
    });
    if (data && typeof data === "string") {
      req.write(data, "utf8");
    }
    if (data && typeof data !== "string") {
      data.on("close", function() {
        req.end();
      });
      data.pipe(req);
    } else {
      req.end();
    }
  }
  /**
   * Gets an http agent. This function is useful when you need an http agent that handles
   * routing through a proxy server - depending upon the url and proxy environment variables.
   * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
   */
  getAgent(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    return this._getAgent(parsedUrl);
  }
  getAgentDispatcher(serverUrl) {
    const parsedUrl = new URL(serverUrl);
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (!useProxy) {
      return;
    }
    return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
  }
  _prepareRequest(method, requestUrl, headers) {
    const info3 = {};
    info3.parsedUrl = requestUrl;
    const usingSsl = info3.parsedUrl.protocol === "https:";
    info3.httpModule = usingSsl ? https : http;
    const defaultPort = usingSsl ? 443 : 80;
    info3.options = {};
    info3.options.host = info3.parsedUrl.hostname;
    info3.options.port = info3.parsedUrl.port ? parseInt(info3.parsedUrl.port) : defaultPort;
    info3.options.path = (info3.parsedUrl.pathname || "") + (info3.parsedUrl.search || "");
    info3.options.method = method;
    info3.options.headers = this._mergeHeaders(headers);
    if (this.userAgent != null) {
      info3.options.headers["user-agent"] = this.userAgent;
    }
    info3.options.agent = this._getAgent(info3.parsedUrl);
    if (this.handlers) {
      for (const handler of this.handlers) {
        handler.prepareRequest(info3.options);
      }
    }
    return info3;
  }
  _mergeHeaders(headers) {
    if (this.requestOptions && this.requestOptions.headers) {
      return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
    }
    return lowercaseKeys(headers || {});
  }
  /**
   * Gets an existing header value or returns a default.
   * Handles converting number header values to strings since HTTP headers must be strings.
   * Note: This returns string | string[] since some headers can have multiple values.
   * For headers that must always be a single string (like Content-Type), use the
   * specialized _getExistingOrDefaultContentTypeHeader method instead.
   */
  _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
      if (headerValue) {
        clientHeader = typeof headerValue === "number" ? headerValue.toString() : headerValue;
      }
    }
    const additionalValue = additionalHeaders[header];
    if (additionalValue !== void 0) {
      return typeof additionalValue === "number" ? additionalValue.toString() : additionalValue;
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  /**
   * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
   * Always returns a single string (not an array) since Content-Type should be a single value.
   * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
   * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
   * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
   */
  _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
    let clientHeader;
    if (this.requestOptions && this.requestOptions.headers) {
      const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
      if (headerValue) {
        if (typeof headerValue === "number") {
          clientHeader = String(headerValue);
        } else if (Array.isArray(headerValue)) {
          clientHeader = headerValue.join(", ");
        } else {
          clientHeader = headerValue;
        }
      }
    }
    const additionalValue = additionalHeaders[Headers.ContentType];
    if (additionalValue !== void 0) {
      if (typeof additionalValue === "number") {
        return String(additionalValue);
      } else if (Array.isArray(additionalValue)) {
        return additionalValue.join(", ");
      } else {
        return additionalValue;
      }
    }
    if (clientHeader !== void 0) {
      return clientHeader;
    }
    return _default;
  }
  _getAgent(parsedUrl) {
    let agent;
    const proxyUrl = getProxyUrl(parsedUrl);
    const useProxy = proxyUrl && proxyUrl.hostname;
    if (this._keepAlive && useProxy) {
      agent = this._proxyAgent;
    }
    if (!useProxy) {
      agent = this._agent;
    }
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
    }
    if (proxyUrl && proxyUrl.hostname) {
      const agentOptions = {
        maxSockets,
        keepAlive: this._keepAlive,
        proxy: Object.assign(Object.assign({}, (proxyUrl.username || proxyUrl.password) && {
          proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
        }), { host: proxyUrl.hostname, port: proxyUrl.port })
      };
      let tunnelAgent;
      const overHttps = proxyUrl.protocol === "https:";
      if (usingSsl) {
        tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
      } else {
        tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
      }
      agent = tunnelAgent(agentOptions);
      this._proxyAgent = agent;
    }
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
      agent.options = Object.assign(agent.options || {}, {
        rejectUnauthorized: false
      });
    }
    return agent;
  }
  _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
    let proxyAgent;
    if (this._keepAlive) {
      proxyAgent = this._proxyAgentDispatcher;
    }
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === "https:";
    proxyAgent = new import_undici.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, (proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}`
    }));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
      proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
        rejectUnauthorized: false
      });
    }
    return proxyAgent;
  }
  _getUserAgentWithOrchestrationId(userAgent) {
    const baseUserAgent = userAgent || "actions/http-client";
    const orchId = process.env["ACTIONS_ORCHESTRATION_ID"];
    if (orchId) {
      const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, "_");
      return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
    }
    return baseUserAgent;
  }
  _performExponentialBackoff(retryNumber) {
    return __awaiter(this, void 0, void 0, function* () {
      retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
      const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
      return new Promise((resolve) => setTimeout(() => resolve(), ms));
    });
  }
  _processResponse(res, options) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
        const statusCode = res.message.statusCode || 0;
        const response = {
          statusCode,
          result: null,
          headers: {}
        };
        if (statusCode === HttpCodes.NotFound) {
          resolve(response);
        }
        function dateTimeDeserializer(key, value) {
          if (typeof value === "string") {
            const a = new Date(value);
            if (!isNaN(a.valueOf())) {
              return a;
            }
          }
          return value;
        }
        let obj;
        let contents;
        try {
          contents = yield res.readBody();
          if (contents && contents.length > 0) {
            if (options && options.deserializeDates) {
              obj = JSON.parse(contents, dateTimeDeserializer);
            } else {
              obj = JSON.parse(contents);
            }
            response.result = obj;
          }
          response.headers = res.message.headers;
        } catch (err) {
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          } else if (contents && contents.length > 0) {
            msg = contents;
          } else {
            msg = `Failed request: (${statusCode})`;
          }
          const err = new HttpClientError(msg, statusCode);
          err.result = response.result;
          reject(err);
        } else {
          resolve(response);
        }
      }));
    });
  }
};
var lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => (c[k.toLowerCase()] = obj[k], c), {});

// node_modules/@actions/http-client/lib/auth.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var BearerCredentialHandler = class {
  constructor(token) {
    this.token = token;
  }
  // currently implements pre-authorization
  // TODO: support preAuth = false where it hooks on 401
  prepareRequest(options) {
    if (!options.headers) {
      throw Error("The request has no headers");
    }
    options.headers["Authorization"] = `Bearer ${this.token}`;
  }
  // This handler cannot handle 401
  canHandleAuthentication() {
    return false;
  }
  handleAuthentication() {
    return __awaiter2(this, void 0, void 0, function* () {
      throw new Error("not implemented");
    });
  }
};

// node_modules/@actions/core/lib/oidc-utils.js
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var OidcClient = class _OidcClient {
  static createHttpClient(allowRetry = true, maxRetry = 10) {
    const requestOptions = {
      allowRetries: allowRetry,
      maxRetries: maxRetry
    };
    return new HttpClient("actions/oidc-client", [new BearerCredentialHandler(_OidcClient.getRequestToken())], requestOptions);
  }
  static getRequestToken() {
    const token = process.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
    if (!token) {
      throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable");
    }
    return token;
  }
  static getIDTokenUrl() {
    const runtimeUrl = process.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
    if (!runtimeUrl) {
      throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
    }
    return runtimeUrl;
  }
  static getCall(id_token_url) {
    return __awaiter3(this, void 0, void 0, function* () {
      var _a;
      const httpclient = _OidcClient.createHttpClient();
      const res = yield httpclient.getJson(id_token_url).catch((error3) => {
        throw new Error(`Failed to get ID Token. 
 
        Error Code : ${error3.statusCode}
 
        Error Message: ${error3.message}`);
      });
      const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
      if (!id_token) {
        throw new Error("Response json body do not have ID Token field");
      }
      return id_token;
    });
  }
  static getIDToken(audience) {
    return __awaiter3(this, void 0, void 0, function* () {
      try {
        let id_token_url = _OidcClient.getIDTokenUrl();
        if (audience) {
          const encodedAudience = encodeURIComponent(audience);
          id_token_url = `${id_token_url}&audience=${encodedAudience}`;
        }
        debug(`ID token url is ${id_token_url}`);
        const id_token = yield _OidcClient.getCall(id_token_url);
        setSecret(id_token);
        return id_token;
      } catch (error3) {
        throw new Error(`Error message: ${error3.message}`);
      }
    });
  }
};

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter4(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter4(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter4(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter5 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function getIDToken(aud) {
  return __awaiter5(this, void 0, void 0, function* () {
    return yield OidcClient.getIDToken(aud);
  });
}

// src/action/runner.ts
function info2(message) {
  if (!message.split(/\r\n|\r|\n/).some((line) => /^\s*(?:::|##\[)/.test(line))) {
    info(message);
    return;
  }
  const token = `aac-${randomUUID2()}`;
  info(`::stop-commands::${token}
${message}
::${token}::`);
}
var error2 = (message, props) => error(message, props);
var warning2 = (message, props) => warning(message, props);
var summary2 = {
  addHeading: (text, level = 1) => (summary.addHeading(text, level), summary2),
  addTable: (rows) => (summary.addTable(rows), summary2),
  addList: (items) => (summary.addList(items), summary2),
  addRaw: (text, addEol = false) => (summary.addRaw(text, addEol), summary2),
  async write() {
    if (process.env.GITHUB_STEP_SUMMARY) await summary.write();
    else summary.emptyBuffer();
  }
};

// src/action/event.ts
var SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
function payloadOf(name) {
  if (!process.env.GITHUB_EVENT_PATH || Object.keys(context.payload).length === 0) {
    throw new ConfigError(`the ${name} event has no payload (GITHUB_EVENT_PATH${process.env.GITHUB_EVENT_PATH ? ` is ${process.env.GITHUB_EVENT_PATH}, which could not be read` : " is not set"}); the action must run inside a GitHub Actions job.`);
  }
  return context.payload;
}
function readEvent(name = context.eventName) {
  if (name === "push") return readPush(payloadOf(name));
  if (name !== "pull_request" && name !== "pull_request_target") return { kind: "other", name };
  const payload = payloadOf(name);
  const pr = payload?.pull_request;
  const number = pr?.number;
  const author = pr?.user?.login;
  const base = pr?.base?.sha;
  const head = pr?.head?.sha;
  if (typeof number !== "number" || typeof author !== "string" || typeof base !== "string" || typeof head !== "string") {
    throw new ConfigError(`the ${name} event payload has no pull_request with number, user.login, base.sha and head.sha.`);
  }
  if (!SHA.test(base) || !SHA.test(head)) throw new ConfigError("the event payload has a malformed base or head commit id.");
  if (!LOGIN.test(author)) throw new ConfigError(`the event payload names a malformed author login ${JSON.stringify(author)}.`);
  return { kind: "pull_request", number, author, base, head };
}
function readPush(payload) {
  const p = payload ?? {};
  const owner = p.repository?.owner?.login ?? p.repository?.owner?.name;
  const { before, after, ref } = p;
  const defaultBranch = p.repository?.default_branch;
  const repo = p.repository?.name;
  if (typeof before !== "string" || typeof after !== "string" || typeof ref !== "string" || typeof defaultBranch !== "string" || typeof owner !== "string" || typeof repo !== "string") {
    throw new ConfigError("the push event payload lacks before, after, ref or repository (name, owner, default_branch).");
  }
  if (!SHA.test(before) || !SHA.test(after)) throw new ConfigError("the push event payload has a malformed before or after commit id.");
  return { kind: "push", before, after, ref, defaultBranch, owner, repo };
}

// src/action/grant.ts
import { createHash } from "node:crypto";

// src/action/report.ts
function annotate(diagnostics) {
  for (const d of diagnostics) {
    const props = { title: "access-as-code", file: d.file, startLine: d.line, startColumn: d.column };
    if (d.severity === "error") error2(d.message, props);
    else warning2(d.message, props);
  }
}
function verdictRows(report) {
  const rows = report.verdicts.map((v) => {
    const errors = v.diagnostics.filter((d) => d.severity === "error").length;
    return {
      file: v.file,
      change: v.change ?? "",
      requester: v.request?.requester ?? "",
      group: v.request?.group ?? "",
      expires: v.request?.expires ?? "",
      verdict: v.valid ? "valid" : `invalid (${errors} error${errors === 1 ? "" : "s"})`
    };
  });
  for (const d of report.deletions) {
    rows.push({ file: d.file, change: "deleted", requester: d.requester ?? "", group: d.file.split("/")[1] ?? "", expires: "", verdict: "early revoke" });
  }
  return rows;
}
async function writeValidationSummary(report, heading) {
  const rows = verdictRows(report);
  const failed = reportHasErrors(report);
  const summary3 = summary2.addHeading(heading, 2);
  if (rows.length === 0) summary3.addRaw("No request files were added, changed or deleted.", true);
  else {
    summary3.addTable([
      [
        { data: "Request", header: true },
        { data: "Change", header: true },
        { data: "Requester", header: true },
        { data: "Group", header: true },
        { data: "Expires", header: true },
        { data: "Verdict", header: true }
      ],
      ...rows.map((r) => [escapeHtml(r.file), r.change, escapeHtml(r.requester), escapeHtml(r.group), escapeHtml(r.expires), r.verdict].map(filled))
    ]);
  }
  const problems = [...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)].filter((d) => d.severity === "error");
  if (problems.length > 0) {
    summary3.addHeading("Problems", 3);
    summary3.addList(problems.map((d) => `${escapeHtml(d.file)}:${d.line}:${d.column}: ${escapeHtml(d.message)}`));
  }
  const changed = { ...report, verdicts: report.verdicts.filter((v) => v.change !== void 0) };
  if (report.config && (changed.verdicts.length > 0 || report.deletions.length > 0)) {
    summary3.addHeading("What merging would change in Entra", 3);
    summary3.addList(planOf(changed, report.config).map((l) => escapeHtml(l.text)));
  }
  summary3.addRaw(failed ? "Fix the problems above and push again." : "Every request is valid. A code owner of each folder can now approve.", true);
  await summary3.write();
}
function filled(text) {
  return text === "" ? "\u2014" : text;
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// src/action/grant.ts
var ICON = {
  granted: "\u2705 granted",
  "already-member": "\u2705 already a member",
  refused: "\u26D4 not granted",
  removed: "\u{1F512} removed",
  "not-a-member": "\u{1F512} nothing to remove",
  kept: "\u2139\uFE0F kept",
  failed: "\u274C failed"
};
function requireDefaultBranchPush(event, eventName) {
  if (event.kind !== "push") {
    throw new ConfigError(`grant runs only on a push to the default branch, not on "${eventName}": access is granted after merge, never from a pull request (docs/threat-model.md, case 12).`);
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    throw new ConfigError(`grant runs only on a push to the default branch (refs/heads/${event.defaultBranch}), not on ${event.ref}.`);
  }
}
function commentMarker(pull, items) {
  const versions = items.map((i) => `${i.file}
${i.change}
${i.expires ?? ""}`).sort().join("\n\n");
  return `<!-- access-as-code:grant:${pull}:${createHash("sha256").update(versions).digest("hex").slice(0, 32)} -->`;
}
var COMMENT_LIMIT = 65536;
function commentBody(items, after, pull) {
  const head = [commentMarker(pull, items), `**access-as-code** after merging this pull request (main at ${after.slice(0, 7)}):`, ""];
  const tail = [];
  if (items.some((i) => i.outcome === "refused")) tail.push("", "To ask again, fix what is listed above in a new pull request and have it approved by the folder's code owners.");
  if (items.some((i) => i.outcome === "granted")) tail.push("", "To extend, open a pull request that changes `expires`; to end it early, one that deletes the file.");
  const lines = items.map((item) => `- ${ICON[item.outcome]}: \`${item.file.replace(/[`\r\n]/g, "?")}\` \u2014 ${item.detail.replace(/[\r\n]+/g, " ")}`);
  let shown = lines.length;
  const body = (n) => [...head, ...lines.slice(0, n), ...n < lines.length ? ["", `\u2026 and ${lines.length - n} more: the run's job summary lists every request with its outcome.`] : [], ...tail].join("\n");
  while (shown > 0 && body(shown).length > COMMENT_LIMIT) shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)));
  return body(shown);
}
async function commentOnPulls(after, items, api) {
  const byPull = /* @__PURE__ */ new Map();
  for (const item of items) if (item.pull !== void 0) byPull.set(item.pull, [...byPull.get(item.pull) ?? [], item]);
  for (const [pull, list] of byPull) {
    const marker = commentMarker(pull, list);
    const existing = await api.list(pull);
    if (existing.some((c) => c.body.includes(marker))) continue;
    await api.post(pull, commentBody(list, after, pull));
  }
}
async function writeGrantSummary(report, after) {
  const summary3 = summary2.addHeading(`Access changes for ${after.slice(0, 7)}`, 2);
  if (report.items.length === 0) summary3.addRaw("This push changed no request files.", true);
  else {
    summary3.addTable([
      [
        { data: "Request", header: true },
        { data: "Pull request", header: true },
        { data: "Requester", header: true },
        { data: "Group", header: true },
        { data: "Expires", header: true },
        { data: "Outcome", header: true },
        { data: "Detail", header: true }
      ],
      ...report.items.map((i) => [escapeHtml(i.file), i.pull !== void 0 ? `#${i.pull}` : "none", escapeHtml(i.requester ?? ""), escapeHtml(i.group ?? ""), escapeHtml(i.expires ?? ""), ICON[i.outcome], escapeHtml(i.detail)].map(filled))
    ]);
  }
  if (report.failed) summary3.addRaw("Some approved changes could not be applied. Re-run this workflow: finished changes are not repeated.", true);
  await summary3.write();
}

// src/action/revoke.ts
var REASON = { active: "active request", standing: "standing exemption", ended: "request ended", drift: "no request (added outside access-as-code)", unverified: "request not verified yet" };
async function writeSweepSummary(report) {
  const summary3 = summary2.addHeading(report.dryRun ? "Access sweep (dry run: nothing changed)" : "Access sweep", 2);
  if (report.degraded) summary3.addRaw(`<p><strong>GitHub could not be read:</strong> ${escapeHtml(report.degraded)}</p>`, true);
  const rows = report.groups.map((g) => {
    const count = (pred) => g.dispositions.filter(pred).length;
    return [
      escapeHtml(g.group),
      g.mode,
      String(count((d) => d.outcome === "added" || report.dryRun && d.action === "add")),
      String(count((d) => d.outcome === "removed" || report.dryRun && d.action === "remove")),
      String(count((d) => d.action === "keep")),
      String(count((d) => d.reason === "drift")),
      String(count((d) => d.outcome === "failed") + (g.error ? 1 : 0))
    ];
  });
  summary3.addTable([
    [
      { data: "Group", header: true },
      { data: "Mode", header: true },
      { data: report.dryRun ? "Would add" : "Added", header: true },
      { data: report.dryRun ? "Would remove" : "Removed", header: true },
      { data: "Kept", header: true },
      { data: "Drift found", header: true },
      { data: "Failures", header: true }
    ],
    ...rows
  ]);
  const details = [];
  for (const g of report.groups) {
    if (g.error) details.push(`${escapeHtml(g.group)}: ${escapeHtml(g.error)}`);
    for (const d of g.dispositions) {
      if (d.action === "keep") continue;
      const what = d.action === "report" ? "reported (audit mode)" : d.outcome === "failed" ? `NOT ${d.action === "add" ? "added" : "removed"}: ${escapeHtml(d.detail ?? "")}` : d.action === "update" ? `${report.dryRun ? "would have" : "has"} its PIM assignment end at ${escapeHtml(d.end ?? "")}` : d.action === "add" ? `${report.dryRun ? "would be added" : d.outcome === "already-member" ? "already a member" : "added"}${d.end ? ` (PIM: Entra ends it at ${escapeHtml(d.end)})` : ""}` : report.dryRun ? "would be removed" : d.outcome === "already-gone" ? "already gone" : "removed";
      details.push(`${escapeHtml(g.group)}: ${d.type} ${d.id} ${what} (${REASON[d.reason]}${d.files.length ? `: ${d.files.map(escapeHtml).join(", ")}` : ""})`);
    }
  }
  if (details.length > 0) summary3.addList(details);
  if (report.reminders.length > 0) summary3.addRaw(`Reminders due: ${report.reminders.map((r) => `${escapeHtml(r.requester)} (${escapeHtml(r.group)}, ends ${escapeHtml(r.expires)})`).join(", ")}.`, true);
  await summary3.write();
}

// src/action/settings.ts
var COMMANDS = ["validate", "grant", "revoke", "report", "doctor", "issue"];
var NEEDS_ENTRA = ["grant", "revoke", "report", "doctor"];
var NEEDS_GITHUB = ["grant", "revoke", "report", "issue"];
var MAY_USE_GITHUB = ["doctor"];
function readSettings(env = process.env) {
  const command = getInput("command").trim();
  if (!COMMANDS.includes(command)) {
    throw new ConfigError(`the input "command" is "${command}"; this version of the action supports: ${COMMANDS.join(", ")}.`);
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) throw new ConfigError("GITHUB_WORKSPACE is not set; run the action after actions/checkout in a GitHub Actions job.");
  const settings = { command, workspace, eventName: env.GITHUB_EVENT_NAME ?? "", eventPath: env.GITHUB_EVENT_PATH, dryRun: booleanInput("dry-run"), dashboard: booleanInput("dashboard"), webhooks: [] };
  const hooks = getInput("webhooks");
  if (hooks.trim() !== "") {
    settings.webhooks = parseWebhooks(hooks);
    for (const h of settings.webhooks) setSecret(h.url);
  }
  if (NEEDS_ENTRA.includes(settings.command)) {
    const tenantId = getInput("tenant-id").trim();
    const clientId = getInput("client-id").trim();
    if (!tenantId || !clientId) {
      throw new ConfigError(`command "${command}" signs in to Entra: set the inputs tenant-id and client-id (the app registration's directory and application ids). They are not secrets.`);
    }
    const optional = (name) => getInput(name).trim() || void 0;
    const cloud = optional("cloud");
    const authorityHost = optional("authority-host");
    const graphEndpoint = optional("graph-endpoint");
    const audience = optional("audience");
    settings.entra = { tenantId, clientId, ...cloud ? { cloud } : {}, ...authorityHost ? { authorityHost } : {}, ...graphEndpoint ? { graphEndpoint } : {}, ...audience ? { audience } : {} };
  }
  if (MAY_USE_GITHUB.includes(settings.command) && getInput("github-token").trim() !== "" && /^[^/\s]+\/[^/\s]+$/.test(env.GITHUB_REPOSITORY ?? "")) {
    settings.github = { token: getInput("github-token").trim(), apiUrl: env.GITHUB_API_URL || "https://api.github.com", repository: env.GITHUB_REPOSITORY, ref: env.GITHUB_REF ?? "" };
  }
  if (NEEDS_GITHUB.includes(settings.command)) {
    const token = getInput("github-token").trim();
    if (!token) throw new ConfigError(`command "${command}" reads pull requests and reviews: set the input github-token (the default, \${{ github.token }}, works when the job has "pull-requests: write").`);
    const repository = env.GITHUB_REPOSITORY ?? "";
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new ConfigError("GITHUB_REPOSITORY is not set to owner/name; run the action inside a GitHub Actions job.");
    settings.github = { token, apiUrl: env.GITHUB_API_URL || "https://api.github.com", repository, ref: env.GITHUB_REF ?? "" };
  }
  return settings;
}
function booleanInput(name) {
  const value = getInput(name).trim();
  if (value === "" || /^(false|False|FALSE)$/.test(value)) return false;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  throw new ConfigError(`the input "${name}" is "${value}"; use true or false.`);
}

// src/action/main.ts
async function run() {
  try {
    const settings = readSettings();
    switch (settings.command) {
      case "validate":
        await runValidate(settings);
        break;
      case "grant":
        await runGrant(settings);
        break;
      case "revoke":
        await runRevoke(settings);
        break;
      case "report":
        await runReport(settings);
        break;
      case "doctor":
        await runDoctor(settings);
        break;
      case "issue":
        await runIssue(settings);
        break;
    }
  } catch (error3) {
    if (error3 instanceof ConfigError) {
      annotate(error3.diagnostics);
      for (const d of error3.diagnostics) info2(formatDiagnostic(d));
      setFailed(`access-as-code: ${error3.message}`);
    } else if (error3 instanceof Error && (error3.name === "SignInError" || error3.name === "DirectoryError")) {
      setFailed(`access-as-code: ${error3.message}`);
    } else {
      setFailed(`access-as-code: unexpected failure: ${error3 instanceof Error ? error3.stack ?? error3.message : String(error3)}`);
    }
  }
}
async function runValidate(settings) {
  const isPull = settings.eventName === "pull_request" || settings.eventName === "pull_request_target";
  const event = isPull ? readEvent(settings.eventName) : void 0;
  const now = Date.now();
  const report = event?.kind === "pull_request" ? await validatePullRequest(gitIn(settings.workspace), event, now) : await validateTree(workingTree(settings.workspace), now);
  const all = sortDiagnostics([...report.diagnostics, ...report.verdicts.flatMap((v) => v.diagnostics)]);
  annotate(all);
  const rows = verdictRows(report);
  for (const row of rows) info2(`${row.file}: ${row.verdict}`);
  setOutput("valid", String(!reportHasErrors(report)));
  setOutput("requests", JSON.stringify(rows));
  await writeValidationSummary(report, event?.kind === "pull_request" ? `Access requests in #${event.number}` : "Access requests");
  if (reportHasErrors(report)) {
    const count = all.filter((d) => d.severity === "error").length;
    setFailed(`access-as-code: ${count} problem${count === 1 ? "" : "s"} found; see the annotations on the files.`);
  }
}
async function runIssue(settings) {
  const issue2 = context.payload.issue;
  if (settings.eventName !== "issues" || !issue2 || typeof issue2.number !== "number" || issue2.pull_request) {
    throw new ConfigError(`command "issue" answers issues events (types: opened, edited), not "${settings.eventName}".`);
  }
  const { FORM_LABEL } = await import("./chunks/form-JVVJNW7G.js");
  if (!(issue2.labels ?? []).some((l) => l.name === FORM_LABEL)) {
    info2(`Issue #${issue2.number} has no "${FORM_LABEL}" label: not an access request, nothing to do.`);
    return;
  }
  const author = issue2.user?.login;
  if (typeof author !== "string" || !/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(author)) throw new ConfigError("the issue event names no valid author login.");
  const { answerIssue, answerBody, ANSWER_MARKER } = await import("./chunks/issue-request-HDDAFXLI.js");
  const { requestSchemaRef } = await import("./chunks/io-PYC4ZX3K.js");
  const { VERSION } = await import("./chunks/version-44KKQKNU.js");
  const { existsSync: existsSync2 } = await import("node:fs");
  const { join } = await import("node:path");
  const config = await loadConfig(workingTree(settings.workspace));
  const [owner, repo] = settings.github.repository.split("/");
  const defaultBranch = context.payload.repository?.default_branch;
  const where = { serverUrl: (process.env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""), owner, repo, defaultBranch: typeof defaultBranch === "string" ? defaultBranch : "main" };
  const answer = answerIssue({ number: issue2.number, author, body: typeof issue2.body === "string" ? issue2.body : "" }, config, Date.now(), (p) => existsSync2(join(settings.workspace, p)), where, requestSchemaRef(settings.workspace, VERSION));
  const body = answerBody(answer);
  const { gh } = await githubOnly(settings);
  const github = await import("./chunks/client-KQ5BLCH2.js");
  const { editComment } = await import("./chunks/issues-2R3MRLR4.js");
  const mine = (await github.pullComments(gh, { owner, repo }, issue2.number)).find((c) => c.author === "github-actions[bot]" && c.body.startsWith(ANSWER_MARKER));
  if (!mine) await github.commentOnPull(gh, { owner, repo }, issue2.number, body);
  else if (mine.body !== body) await editComment(gh, { owner, repo }, mine.id, body);
  info2(answer.ok ? `#${issue2.number}: valid; answered with ${answer.path} and its link.` : `#${issue2.number}: ${answer.problems.length} problem(s); answered on the issue.`);
  setOutput("answer", JSON.stringify(answer.ok ? { valid: true, file: answer.path, link: answer.link } : { valid: false, problems: answer.problems }));
}
async function runDoctor(settings) {
  const { directoryFromActions } = await import("./chunks/connect-YHG37OH5.js");
  const { doctor } = await import("./chunks/doctor-DROQJ4SB.js");
  const config = await loadConfig(workingTree(settings.workspace));
  const github = settings.github ? await services(settings) : void 0;
  const directory = github?.directory ?? directoryFromActions(settings.entra, (audience) => getIDToken(audience));
  const rules = github ? { branch: "main", rules: async () => github.github.branchRules(github.gh, github.repo, "main") } : void 0;
  const report = await doctor(config, directory, rules);
  annotate(report.diagnostics);
  const summary3 = summary2.addHeading("access-as-code set-up check", 2).addTable([
    [
      { data: "Group", header: true },
      { data: "Entra group", header: true },
      { data: "Members now", header: true },
      { data: "Status", header: true }
    ],
    ...report.groups.map((g) => [escapeHtml(g.name), escapeHtml(g.displayName ?? g.id), g.members === void 0 ? "" : String(g.members), g.problem ? escapeHtml(g.problem) : "ok"])
  ]);
  const unresolved = report.identities.filter((i) => !i.resolved).map((i) => i.login);
  summary3.addRaw(`Signed in to Entra. ${report.identities.length - unresolved.length} of ${report.identities.length} identities resolve to users${unresolved.length > 0 ? `; not found: ${unresolved.map(escapeHtml).join(", ")}` : ""}.`, true);
  if (report.identity) summary3.addHeading("Automation identity", 3).addList(report.identity.lines.map(escapeHtml));
  await summary3.write();
  for (const line of report.identity?.lines ?? []) info2(line);
  for (const g of report.groups) info2(`${g.name}: ${g.problem ?? `ok, ${g.members} members`}`);
  setOutput("groups", JSON.stringify(report.groups));
  if (report.identity) setOutput("reach", report.identity.scope);
  if (report.diagnostics.some((d) => d.severity === "error")) setFailed("access-as-code: the set-up check found problems; see the annotations.");
}
async function runGrant(settings) {
  const event = readEvent(settings.eventName);
  requireDefaultBranchPush(event, settings.eventName);
  const push = event;
  const { grant } = await import("./chunks/grant-OGDGQWO6.js");
  const { github, gh, repo, directory } = await services(settings, { owner: push.owner, repo: push.repo });
  const { commentOnPull, pullComments } = github;
  const report = await grant({ git: gitIn(settings.workspace), gh, repo, directory, before: push.before, now: Date.now() });
  for (const item of report.items) info2(`${item.file}: ${item.outcome}: ${item.detail}`);
  setOutput("changes", JSON.stringify(report.items));
  await writeGrantSummary(report, report.head);
  await commentOnPulls(report.head, report.items, { list: (n) => pullComments(gh, repo, n), post: (n, body) => commentOnPull(gh, repo, n, body) });
  await sendNotifications(settings, report.items.flatMap((i) => {
    if (!i.group || !i.requester) return [];
    const base = { group: i.group, who: i.requester, file: i.file, ...i.pull !== void 0 ? { pull: i.pull } : {} };
    if (i.outcome === "granted") return [{ kind: "granted", ...base, until: i.expires ?? "" }];
    if (i.outcome === "refused") return [{ kind: "refused", ...base, reason: i.detail }];
    if (i.outcome === "removed") return [{ kind: "removed", group: i.group, who: i.requester, why: "ended", file: i.file }];
    return [];
  }));
  const unmerged = report.items.filter((i) => i.pull === void 0 && i.outcome === "refused");
  for (const item of unmerged) error2(`${item.file} changed without a merged pull request: ${item.detail}`, { title: "access-as-code", file: item.file });
  if (report.degraded) setFailed(`access-as-code: ${report.degraded}`);
  else if (report.failed) setFailed("access-as-code: some approved changes were not applied in Entra; re-run this workflow to retry them.");
  else if (unmerged.length > 0) setFailed(`access-as-code: ${unmerged.length} request${unmerged.length === 1 ? " was" : "s were"} pushed to main without a reviewed pull request; nothing was granted for ${unmerged.length === 1 ? "it" : "them"}.`);
}
async function runRevoke(settings) {
  const defaultBranch = context.payload.repository?.default_branch;
  if (typeof defaultBranch === "string" && settings.github.ref !== `refs/heads/${defaultBranch}`) {
    throw new ConfigError(`revoke sweeps the default branch's requests; run it on refs/heads/${defaultBranch}, not ${settings.github.ref}.`);
  }
  const { revoke, reminderBody, reminderMarker } = await import("./chunks/revoke-6MCRA43M.js");
  const { github, gh, repo, directory } = await services(settings);
  const { commentOnPull, pullComments } = github;
  const git = gitIn(settings.workspace);
  const now = Date.now();
  const report = await revoke({ git, gh, repo, directory, now, dryRun: settings.dryRun });
  const sentReminders = /* @__PURE__ */ new Set();
  if (!report.dryRun) {
    for (const reminder of report.reminders) {
      const existing = await pullComments(gh, repo, reminder.pull);
      if (!existing.some((c) => c.body.includes(reminderMarker(reminder)))) {
        await commentOnPull(gh, repo, reminder.pull, reminderBody(reminder, now));
        sentReminders.add(reminder);
      }
    }
  }
  await writeSweepSummary(report);
  setOutput("sweep", JSON.stringify(report.groups));
  if (!report.dryRun) {
    const names = new Map(report.status.groups.flatMap((g) => g.members.map((m) => [`${g.group}:${m.id}`, m.who])));
    await sendNotifications(settings, [
      ...report.reminders.filter((r) => sentReminders.has(r)).map((r) => ({ kind: "reminder", group: r.group, who: r.requester, until: r.expires, pull: r.pull })),
      ...report.groups.flatMap(
        (g) => g.dispositions.filter((d) => d.action === "remove" && d.outcome === "removed").map((d) => ({ kind: "removed", group: g.group, who: names.get(`${g.group}:${d.id}`) ?? d.id, why: d.reason === "drift" ? "drift" : "ended", ...d.files[0] ? { file: d.files[0] } : {} }))
      )
    ]);
  }
  for (const g of report.groups) {
    for (const d of g.dispositions) if (d.action !== "keep") info2(`${g.group}: ${d.id} ${d.action} (${d.reason})${d.outcome ? `: ${d.outcome}` : ""}${d.outcome === "failed" && d.detail ? `: ${d.detail}` : ""}`);
    if (g.error) error2(`${g.group}: ${g.error}`, { title: "access-as-code" });
  }
  if (settings.dashboard && !report.dryRun && !report.degraded) {
    const { updateDashboard } = await import("./chunks/dashboard-YHT5HMA7.js");
    const { slotLateness } = await import("./chunks/dashboard-6SMWCMUE.js");
    try {
      const outcome = await updateDashboard(gh, repo, report, now, settings.eventName === "schedule" ? slotLateness(Math.round(performance.timeOrigin)) : void 0);
      info2(`Access dashboard #${outcome.issue}: ${outcome.action}.${outcome.pin ? ` Not pinned: ${outcome.pin}` : ""}`);
      setOutput("dashboard", JSON.stringify(outcome));
    } catch (error3) {
      warning2(`the access dashboard was not updated (${error3.message}); the sweep itself is done. The workflow needs "issues: write" for it.`, { title: "access-as-code" });
    }
  }
  if (report.degraded) setFailed(`access-as-code: ${report.degraded}`);
  else if (report.failed) setFailed("access-as-code: the sweep could not finish every removal and addition; see the summary. Every other change was made; the next run retries.");
}
async function runReport(settings) {
  const { collectReport } = await import("./chunks/collect-ZLTDK33H.js");
  const { renderReport } = await import("./chunks/render-GDA6FKC4.js");
  const { gh, repo, directory } = await services(settings);
  const git = gitIn(settings.workspace);
  const markdown = renderReport(await collectReport({ git, gh, repo, directory, now: Date.now() }));
  await summary2.addRaw(markdown, true).write();
  setOutput("report", markdown);
}
async function sendNotifications(settings, events) {
  if (settings.webhooks.length === 0 || events.length === 0) return;
  const { notify } = await import("./chunks/notify-6JOKL34U.js");
  const deliveries = await notify(settings.webhooks, events);
  const failed = deliveries.filter((d) => !d.ok);
  info2(`Notifications: ${deliveries.length - failed.length} of ${deliveries.length} delivered.`);
  for (const f of failed) warning2(`a ${f.service} notification for ${f.target} was not delivered (${f.detail}); the run's changes are made regardless.`, { title: "access-as-code" });
}
async function githubOnly(settings) {
  return { gh: (await import("./chunks/octokit-4NVWJNFV.js")).actionOctokit(settings.github.token, settings.github.apiUrl) };
}
async function services(settings, repo) {
  const { directoryFromActions } = await import("./chunks/connect-YHG37OH5.js");
  const github = await import("./chunks/client-KQ5BLCH2.js");
  const [owner, name] = settings.github.repository.split("/");
  return {
    github,
    gh: (await import("./chunks/octokit-4NVWJNFV.js")).actionOctokit(settings.github.token, settings.github.apiUrl),
    repo: repo ?? { owner, repo: name },
    directory: directoryFromActions(settings.entra, (audience) => getIDToken(audience))
  };
}

// src/index.ts
await run();
