import { escapeControl, formatBytes } from '@pcloud/core/internal';
import { formatDuration, formatRate } from './format-units.js';

/** Where progress goes: standard error, redrawn in place only when it is a terminal. */
export interface ProgressTarget {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

/** Live progress of a copy: overall bytes, rate, ETA and the files in flight. */
export interface Progress {
  /** A transfer began. */
  start(name: string): void;
  /** Bytes of a transfer moved (from the last call). */
  advance(bytes: number): void;
  /** A transfer ended, successfully or not. */
  end(name: string): void;
  /** Prints a line without tearing the progress line apart. */
  line(text: string): void;
  /** Shows `text()` in place of the rate, ETA and names (a wait for the server), redrawn every second; undefined ends it. */
  status(text: (() => string) | undefined): void;
  /** Removes the progress line for good. */
  stop(): void;
}

const REDRAW_MS = 200;
const STATUS_REDRAW_MS = 1000;

/**
 * Creates the progress display. On a terminal it redraws one line at most every 200 ms; elsewhere
 * it stays silent (only `line` prints), so logs and pipes are not flooded with carriage returns.
 * Everything it prints has its control characters escaped: the names in flight and the lines
 * may come from a server.
 */
export function createProgress(target: ProgressTarget, totalBytes: number, now: () => number = Date.now): Progress {
  const started = now();
  const active: string[] = [];
  let done = 0;
  let shown = false;
  let lastDraw = 0;
  let status: (() => string) | undefined;
  let ticker: NodeJS.Timeout | undefined;

  const clear = (): void => {
    if (shown) target.write('\r\u001b[2K');
    shown = false;
  };
  const draw = (force: boolean): void => {
    if (!target.isTTY) return;
    const at = now();
    if (!force && at - lastDraw < REDRAW_MS) return;
    lastDraw = at;
    const seconds = (at - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const percent = totalBytes > 0 ? Math.min(100, Math.floor((done / totalBytes) * 100)) : 100;
    const eta = rate > 0 ? formatDuration(Math.max(0, totalBytes - done) / rate) : '?';
    const detail = status ? status() : `${formatRate(done, seconds)}  ETA ${eta}  ${escapeControl(active.join(', '))}`;
    const text = `${percent}% ${formatBytes(done)} / ${formatBytes(totalBytes)}  ${detail}`;
    const width = Math.max(20, (target.columns ?? 80) - 1);
    target.write(`\r\u001b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };

  return {
    start(name) {
      active.push(name);
      draw(false);
    },
    advance(bytes) {
      done += bytes;
      draw(false);
    },
    end(name) {
      const index = active.indexOf(name);
      if (index >= 0) active.splice(index, 1);
      draw(false);
    },
    line(text) {
      clear();
      target.write(`${escapeControl(text)}\n`);
      draw(true);
    },
    status(text) {
      status = text;
      clearInterval(ticker);
      ticker = text && target.isTTY ? setInterval(() => draw(true), STATUS_REDRAW_MS).unref() : undefined;
      draw(true);
    },
    stop() {
      clearInterval(ticker);
      status = undefined;
      clear();
    },
  };
}
