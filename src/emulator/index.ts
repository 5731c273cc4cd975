/** The local Connector Service emulator: see docs/ARCHITECTURE.md. */
export { startEmulator } from './server';
export type { Emulator, IssueClientCertificateOptions, IssuedClientCertificate } from './server';
export { DEFAULT_SUBJECT, parseDuration } from './options';
export type { EmulatorOptions, SubjectDefaults } from './options';
export type { Fault, FaultEndpoint, RequestFault, CertificateFault } from './faults';
export { runEmulatorCli, parseEmulatorArgs } from './cli';
export { startCompassEmulator } from './compass/server';
export type { CompassEmulator } from './compass/server';
