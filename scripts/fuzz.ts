/**
 * `npm run fuzz`: the property of issue 10 over many generated cases. Every case (a construct of
 * the library with generated props) must either throw a `NetworkConstraintError` or synthesize
 * to Terraform that `terraform validate` accepts; the accepted cases of each batch are validated
 * together, as child modules of one offline configuration.
 *
 * FUZZ_RUNS (default 5000) cases from FUZZ_SEED (default: random, printed); FUZZ_BATCH cases per
 * terraform configuration (default 1000); FUZZ_KEEP=1 keeps the generated configurations under
 * `.tmp/fuzz-*`. Without terraform and the provider mirror only the synth side runs (V stays 0).
 * Prints each distinct finding with the first case that hit it, then, as its last line,
 * `fuzz: N cases, T typed errors, U untyped throws, V accepted-but-invalid`; exits 1 when U or V
 * is not 0.
 */
import { dedupeFindings, formatFinding, runFuzz, summaryLine } from '../test/fuzz/fuzz-run';
import { terraformAvailability } from '../test/terraform/offline-terraform';

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got '${text}'`);
  return value;
}

async function main(): Promise<number> {
  const runs = wholeNumber('FUZZ_RUNS', 5000);
  const seed = wholeNumber('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
  const batchSize = Math.max(1, wholeNumber('FUZZ_BATCH', 1000));
  const availability = terraformAvailability();
  if (!availability.available) console.warn(`terraform validate skipped: missing ${availability.missing.join(' and ')}`);
  console.log(`fuzz: ${runs} cases from seed ${seed} (FUZZ_SEED=${seed} repeats them)`);

  const started = performance.now();
  const summary = await runFuzz({
    seed,
    runs,
    batchSize,
    validate: availability.available,
    keep: process.env.FUZZ_KEEP === '1',
    onProgress: (message) => console.log(`  ${message} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });

  const findings = dedupeFindings(summary.findings);
  for (const finding of findings) console.log(`\n${formatFinding(finding)}`);
  for (const error of summary.unattributed) console.log(`\nterraform error naming no case: ${error}`);
  const codes = Object.entries(summary.typedCodes).sort(([, a], [, b]) => b - a).map(([code, n]) => `${code} ${n}`);
  console.log(`\ntyped errors by code: ${codes.join(', ') || 'none'}`);
  console.log(`${summary.accepted} accepted, ${findings.length} distinct findings, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(summaryLine(summary));
  return summary.untyped + summary.invalid + summary.unattributed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
