import { dedupeFindings, formatFinding, FuzzSummary, runFuzz, summaryLine } from './fuzz-run';
import { describeTerraform } from '../terraform/jest-helpers';
import { terraformAvailability } from '../terraform/offline-terraform';

// A fixed seed and a count that keeps `npm test` within its budget (about a minute on
// two cores, one terraform init and validate included); `npm run fuzz` runs thousands.
const SEED = 10;
const RUNS = 300;
const FUZZ_TIMEOUT_MS = 300_000;

let run: Promise<FuzzSummary> | undefined;
/** One run for both tests: the synth-side property needs no terraform, the validate side does. */
function fuzz(): Promise<FuzzSummary> {
  return run ??= runFuzz({ seed: SEED, runs: RUNS, validate: terraformAvailability().available }).then((summary) => {
    // eslint-disable-next-line no-console
    console.log(`${summaryLine(summary)} (seed ${SEED}, ${summary.accepted} accepted)`);
    return summary;
  });
}

function findingsOf(summary: FuzzSummary, kind: 'untyped' | 'invalid'): string[] {
  return dedupeFindings(summary.findings.filter((finding) => finding.kind === kind)).map(formatFinding);
}

describe('fuzz over the public constructs', () => {
  test('every case either throws a NetworkConstraintError or synthesizes', async () => {
    // GIVEN generated props for every construct: valid, boundary, malformed, tokens, wrong types
    // WHEN each case is built and synthesized in its own stack
    const summary = await fuzz();
    // THEN nothing but the typed error is thrown
    expect(findingsOf(summary, 'untyped')).toEqual([]);
    expect(summary.untyped).toBe(0);
  }, FUZZ_TIMEOUT_MS);
});

describeTerraform('fuzz: terraform validate', () => {
  test('every accepted case passes terraform validate', async () => {
    // GIVEN the same cases, the accepted ones as child modules of one configuration
    // WHEN terraform validate runs on it
    const summary = await fuzz();
    // THEN it refuses none of them
    expect(summary.unattributed).toEqual([]);
    expect(findingsOf(summary, 'invalid')).toEqual([]);
    expect(summary.invalid).toBe(0);
  }, FUZZ_TIMEOUT_MS);
});
