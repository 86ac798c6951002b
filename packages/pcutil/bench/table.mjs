// Prints the rows as a Markdown table (the form a closing note quotes), then why any row FAILED.

const COLUMNS = [
  ['work', 'work'],
  ['pcutil', 'pcutil'],
  ['rclone', 'rclone'],
  ['ratio', 'pcutil ÷ rclone'],
  ['goal', 'goal'],
  ['verdict', 'met?'],
];

/** @param {import('./row-report.mjs').RowReport[]} rows */
export function formatTable(rows) {
  const widths = COLUMNS.map(([key, title]) => Math.max(title.length, ...rows.map((row) => row[key].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const lines = [
    line(COLUMNS.map(([, title]) => title)),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map((row) => line(COLUMNS.map(([key]) => row[key]))),
  ];
  const failures = rows.filter((row) => row.failure).map((row) => `FAILED ${row.work}: ${row.failure}`);
  return [...lines, ...(failures.length ? ['', ...failures] : [])].join('\n');
}
