"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startCompassEmulator = exports.parseEmulatorArgs = exports.runEmulatorCli = exports.parseDuration = exports.DEFAULT_SUBJECT = exports.startEmulator = void 0;
/** The local Connector Service emulator: see docs/ARCHITECTURE.md. */
var server_1 = require("./server");
Object.defineProperty(exports, "startEmulator", { enumerable: true, get: function () { return server_1.startEmulator; } });
var options_1 = require("./options");
Object.defineProperty(exports, "DEFAULT_SUBJECT", { enumerable: true, get: function () { return options_1.DEFAULT_SUBJECT; } });
Object.defineProperty(exports, "parseDuration", { enumerable: true, get: function () { return options_1.parseDuration; } });
var cli_1 = require("./cli");
Object.defineProperty(exports, "runEmulatorCli", { enumerable: true, get: function () { return cli_1.runEmulatorCli; } });
Object.defineProperty(exports, "parseEmulatorArgs", { enumerable: true, get: function () { return cli_1.parseEmulatorArgs; } });
var server_2 = require("./compass/server");
Object.defineProperty(exports, "startCompassEmulator", { enumerable: true, get: function () { return server_2.startCompassEmulator; } });
//# sourceMappingURL=index.js.map