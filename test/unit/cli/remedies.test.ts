/** The command line words every remedy with its own flags; the editor's wording never appears here. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliRemedyText } from '../../../src/cli/remedies';
import { ONE_OF_EACH_REMEDY } from '../helpers/remedies';

test('every remedy has a CLI wording; the ones that need a flag name it', () => {
  for (const remedy of Object.values(ONE_OF_EACH_REMEDY)) assert.ok(cliRemedyText(remedy).length > 20, remedy.kind);
  assert.match(cliRemedyText(ONE_OF_EACH_REMEDY['allow-issuer-change']), /--allow-issuer-change/);
  assert.match(cliRemedyText(ONE_OF_EACH_REMEDY['set-management-url']), /--info-url URL or --domain DOMAIN.*\/w\/app\.kyma\.json/);
  assert.match(cliRemedyText(ONE_OF_EACH_REMEDY['pass-ca-file']), /--ca-file FILE.*--insecure/);
  assert.match(cliRemedyText(ONE_OF_EACH_REMEDY['new-certificate-with-token']), /kyma-cert issue --token-url/);
  assert.doesNotMatch(cliRemedyText(ONE_OF_EACH_REMEDY['set-management-url']), /setting|Open Settings/);
});
