"use strict";
/**
 * Wire types of the Kyma Connector Service (connector-service-api.md §3–§6), field names as on the wire.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map