"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVOKED_MESSAGE = exports.HINT_CLIENT_CERT_REJECTED = exports.HINT_UNTRUSTED_SERVER = exports.HINT_NEW_TOKEN = exports.DEFAULT_TIMEOUT_MS = exports.ConnectorClient = void 0;
/** The Connector Service client: see docs/ARCHITECTURE.md. */
var client_1 = require("./client");
Object.defineProperty(exports, "ConnectorClient", { enumerable: true, get: function () { return client_1.ConnectorClient; } });
Object.defineProperty(exports, "DEFAULT_TIMEOUT_MS", { enumerable: true, get: function () { return client_1.DEFAULT_TIMEOUT_MS; } });
var errors_1 = require("./errors");
Object.defineProperty(exports, "HINT_NEW_TOKEN", { enumerable: true, get: function () { return errors_1.HINT_NEW_TOKEN; } });
Object.defineProperty(exports, "HINT_UNTRUSTED_SERVER", { enumerable: true, get: function () { return errors_1.HINT_UNTRUSTED_SERVER; } });
Object.defineProperty(exports, "HINT_CLIENT_CERT_REJECTED", { enumerable: true, get: function () { return errors_1.HINT_CLIENT_CERT_REJECTED; } });
Object.defineProperty(exports, "REVOKED_MESSAGE", { enumerable: true, get: function () { return errors_1.REVOKED_MESSAGE; } });
//# sourceMappingURL=index.js.map