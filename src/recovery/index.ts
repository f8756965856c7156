/** What other domains, the CLI and the composition layer use of treatment and recovery. */

export { seedDemoRecovery } from './demo/seed-demo-recovery.ts';
export { isReferredToFacility } from './recovery-resolvers.ts';
export { recoverySignals } from './signals/index.ts';
export { type RaisedAlert, runSignals, type SignalRunResult } from './signals/run-signals.ts';
export { formatSignals, type SignalFormat, signalFormats } from './signals/signal-format.ts';
