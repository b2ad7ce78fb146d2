// `npm test`: typecheck, unit tests, both builds, end-to-end tests in Chromium; ends with the
// plain line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

// Results of an earlier run must not be counted again.
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

function run(title, command, args) {
  console.log(`\n> ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numPendingTests };
}

const vitest = (config, out) => [
  'vitest',
  'run',
  '--config',
  config,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
];

const steps = {
  typecheck: run('typecheck', 'npx', ['tsc', '--noEmit']),
  unit: run('unit tests', 'npx', vitest('vitest.config.ts', 'test-results/unit.json')),
  build:
    run('build (production)', 'npx', ['wxt', 'build']) &&
    run('build (e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']),
};
steps.e2e =
  steps.build &&
  run('end-to-end tests', 'npx', vitest('vitest.e2e.config.ts', 'test-results/e2e.json'));

const unit = counts('test-results/unit.json');
const e2e = steps.build ? counts('test-results/e2e.json') : { passed: 0, failed: 0 };
const stepFailures = Object.values(steps).filter((ok) => !ok).length;
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (unit.failed + e2e.failed === 0 ? stepFailures : 0);
console.log(
  `\nunit ${unit.passed}/${unit.passed + unit.failed}, e2e ${e2e.passed}/${e2e.passed + e2e.failed}` +
    (stepFailures
      ? `, failed steps: ${Object.keys(steps)
          .filter((k) => !steps[k])
          .join(', ')}`
      : ''),
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && stepFailures === 0 ? 0 : 1);
