/**
 * The text of the read-only "Certificate Details" document, as a pure function (no `vscode` import).
 * Markdown, so the editor highlights it and the Markdown preview can render it.
 */
import {
  CertificateView,
  FactsView,
  KeyView,
  Translate,
  displayName,
  expiryPhrase,
  formatPublicKey,
  formatSubjectAltNames,
  formatUtc,
  keyPhrase,
} from './presentation';

export interface DetailsInput {
  /** Path shown as the title. */
  file: string;
  format: 'pem' | 'der';
  /** Every certificate in the file, in file order; the first is the one the file is about. */
  certificates: readonly CertificateView[];
  key?: KeyView;
  /** The issuing CA file paired with the certificate, if any. */
  caFile?: string;
  /** The remembered connection (never holds secrets). */
  connection?: { infoUrl?: string; keyFile?: string; caFile?: string };
}

/** Markdown text describing the file's certificates. */
export function detailsMarkdown(input: DetailsInput, t: Translate): string {
  const out: string[] = [`# ${displayNameOrFile(input)}`, '', `${t('File')}: ${input.file} (${input.format.toUpperCase()})`, ''];
  if (input.certificates.length === 0) {
    out.push(t('No certificate found in this file.'));
    return out.join('\n') + '\n';
  }
  input.certificates.forEach((view, index) => {
    if (input.certificates.length > 1) out.push(`## ${t('Certificate {0} of {1}', index + 1, input.certificates.length)}`, '');
    out.push(...certificateLines(view.facts, view, t), '');
  });
  const pairing: string[] = [];
  if (input.key) pairing.push(`- ${t('Private key')}: ${keyPhrase(input.key, t)}`);
  if (input.caFile) pairing.push(`- ${t('CA file')}: ${input.caFile}`);
  if (input.connection?.infoUrl) pairing.push(`- ${t('Management info URL')}: ${input.connection.infoUrl}`);
  if (input.connection?.caFile) pairing.push(`- ${t('Server CA file')}: ${input.connection.caFile}`);
  if (pairing.length > 0) out.push(`## ${t('Pairing')}`, '', ...pairing, '');
  return out.join('\n');
}

function displayNameOrFile(input: DetailsInput): string {
  const first = input.certificates[0];
  return first ? displayName(first.facts) : input.file;
}

function certificateLines(facts: FactsView, view: CertificateView, t: Translate): string[] {
  const lines = [
    `- ${t('Status')}: ${expiryPhrase(view, t)}`,
    `- ${t('Subject')}: ${facts.subjectText}`,
    `- ${t('Issuer')}: ${facts.issuerText}${facts.selfSigned ? ` (${t('self-signed')})` : ''}`,
    `- ${t('Valid from')}: ${formatUtc(facts.notBefore)}`,
    `- ${t('Valid to')}: ${formatUtc(facts.notAfter)}`,
    `- ${t('Serial')}: ${facts.serialNumber}`,
    `- ${t('SHA-256')}: ${facts.fingerprint256}`,
    `- ${t('Public key')}: ${formatPublicKey(facts.publicKey)}`,
    `- ${t('CA')}: ${facts.isCA ? t('yes') : t('no')}`,
  ];
  if (facts.subjectAltNames.length > 0) lines.push(`- ${t('SANs')}: ${formatSubjectAltNames(facts.subjectAltNames)}`);
  return lines;
}
