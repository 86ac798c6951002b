import { describe, expect, it } from 'vitest';
import { reportFailure } from '../../src/cli/exit-policy.js';
import { PCloudError } from '../../src/errors.js';

function capture(): { write(text: string): void; text: string } {
  const sink = { text: '', write: (text: string) => void (sink.text += text) };
  return sink;
}

describe('reportFailure', () => {
  it('escapes control characters a message quotes from a server, keeping it one line', () => {
    const stderr = capture();
    const code = reportFailure(
      stderr,
      'pctest',
      '1.0.0',
      new PCloudError('NOT_FOUND', 'p:/\u001b]0;owned\u0007x\ny: no such file', { hint: 'try \u001b[2J' }),
    );
    expect(code).toBe(1);
    expect(stderr.text).toBe('pctest: p:/\\x1b]0;owned\\x07x\\ny: no such file\nhint: try \\x1b[2J\n');
  });
});
