// Prints the test run as one plain closing line, `N passed, N failed`, which CI reads, and exits
// non-zero when that line counts a failure or no test ran. Arguments: vitest's JSON report, the
// unhandled-errors file (scripts/unhandled-errors-reporter.mjs) and vitest's own exit status. The
// line always agrees with that status: unhandled errors (left out of the JSON report) count as
// failures, and a non-zero status with nothing counted is still one failure.
import { existsSync, readFileSync } from 'node:fs';

const [file, unhandledFile, statusText = '0'] = process.argv.slice(2);
const vitestStatus = Number(statusText);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`summarize-report: cannot read the vitest report ${file}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A file that failed to load has no failed test of its own: count it as one failure.
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
).length;
let unhandled = 0;
if (unhandledFile && existsSync(unhandledFile)) {
  const found = JSON.parse(readFileSync(unhandledFile, 'utf8'));
  unhandled = found.unhandledErrors ?? 0;
  for (const message of found.messages ?? []) console.error(`summarize-report: unhandled error: ${message}`);
}
let failed = (report.numFailedTests ?? 0) + brokenFiles + unhandled;
if (vitestStatus !== 0 && failed === 0) {
  console.error(`summarize-report: vitest exited with status ${vitestStatus} though its report counts no failure; counted as one`);
  failed = 1;
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
