"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** The command line words every remedy with its own flags; the editor's wording never appears here. */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const remedies_1 = require("../../../src/cli/remedies");
const remedies_2 = require("../helpers/remedies");
(0, node_test_1.test)('every remedy has a CLI wording; the ones that need a flag name it', () => {
    for (const remedy of Object.values(remedies_2.ONE_OF_EACH_REMEDY))
        strict_1.default.ok((0, remedies_1.cliRemedyText)(remedy).length > 20, remedy.kind);
    strict_1.default.match((0, remedies_1.cliRemedyText)(remedies_2.ONE_OF_EACH_REMEDY['allow-issuer-change']), /--allow-issuer-change/);
    strict_1.default.match((0, remedies_1.cliRemedyText)(remedies_2.ONE_OF_EACH_REMEDY['set-management-url']), /--info-url URL or --domain DOMAIN.*\/w\/app\.kyma\.json/);
    strict_1.default.match((0, remedies_1.cliRemedyText)(remedies_2.ONE_OF_EACH_REMEDY['pass-ca-file']), /--ca-file FILE.*--insecure/);
    strict_1.default.match((0, remedies_1.cliRemedyText)(remedies_2.ONE_OF_EACH_REMEDY['new-certificate-with-token']), /kyma-cert issue --token-url/);
    strict_1.default.doesNotMatch((0, remedies_1.cliRemedyText)(remedies_2.ONE_OF_EACH_REMEDY['set-management-url']), /setting|Open Settings/);
});
//# sourceMappingURL=remedies.test.js.map