"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const fileNames_1 = require("../../../src/views/fileNames");
(0, node_test_1.test)('the suggested file name is the application name, file-safe and not taken', () => {
    assert.equal((0, fileNames_1.suggestedFileName)('orders-service', () => false), 'orders-service');
    assert.equal((0, fileNames_1.suggestedFileName)('orders-service', (n) => n === 'orders-service'), 'orders-service-2');
    assert.equal((0, fileNames_1.suggestedFileName)('../etc/passwd', () => false), 'etc-passwd');
    assert.equal((0, fileNames_1.suggestedFileName)('a b/c', () => false), 'a-b-c');
    assert.equal((0, fileNames_1.suggestedFileName)('', () => false), 'client');
});
//# sourceMappingURL=fileNames.test.js.map