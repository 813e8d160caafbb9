import { App } from 'cdktf';

/**
 * Builds one example into an App and synthesizes it. Every example goes through here so that the
 * checks every example must pass are applied in one place. The App reads `CDKTF_OUTDIR` (set by
 * `cdktf synth` and by `npm run demo`), defaulting to `cdktf.out`.
 */
export function runExample(build: (app: App) => void): void {
  const app = new App();
  build(app);
  app.synth();
}
