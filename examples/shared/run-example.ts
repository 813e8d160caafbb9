import { App } from 'cdktf';
import { NetworkDiagram, NetworkRules } from '../../lib';

/**
 * Builds one example into an App with the library's checks and network diagram on, and synthesizes
 * it. Every example goes through here, so each one is held to the rules it demonstrates. The App reads
 * `CDKTF_OUTDIR` (set by `cdktf synth` and by `npm run demo`), defaulting to `cdktf.out`.
 */
export function runExample(build: (app: App) => void): void {
  const app = new App();
  NetworkRules.applyTo(app);
  NetworkDiagram.applyTo(app);
  build(app);
  app.synth();
}
