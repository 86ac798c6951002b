// A vitest reporter that writes how many unhandled errors a run had to the file named by
// PCLOUD_UNHANDLED_REPORT: vitest's JSON report leaves them out, though they fail the run (exit 1),
// so scripts/summarize-report.mjs reads them from here.
import { writeFileSync } from 'node:fs';

export default class UnhandledErrorsReporter {
  onTestRunEnd(_testModules, unhandledErrors) {
    const file = process.env.PCLOUD_UNHANDLED_REPORT;
    if (!file) return;
    const messages = unhandledErrors.map((error) =>
      String(error?.message ?? error)
        .split('\n')[0]
        .slice(0, 200),
    );
    writeFileSync(file, `${JSON.stringify({ unhandledErrors: unhandledErrors.length, messages })}\n`);
  }
}
