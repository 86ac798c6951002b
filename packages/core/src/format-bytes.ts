/** Binary (IEC) units, as pCloud's quota, rclone and `ls -h` count. */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Three significant digits, so that a size keeps its width as it grows: `1.07`, `10.7`, `107`. */
function digits(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * A byte count for people, in powers of 1024: `0 B`, `999 B`, `4.00 KiB`, `1.50 GiB`. Whole bytes
 * below 1 KiB (a rate divides by seconds, so never `493.9018563629414 B`); a value that rounds up
 * to 1024 of a unit is shown in the next one (`1.00 MiB`, not `1024 KiB`).
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? B';
  const shown = (value: number, unit: number): string => (unit === 0 ? String(Math.round(value)) : digits(value));
  let value = bytes;
  let unit = 0;
  while (unit < UNITS.length - 1 && Number(shown(value, unit)) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  return `${shown(value, unit)} ${UNITS[unit]}`;
}
