import { describe, expect, it } from 'vitest';
import { escapeControl } from '../src/escape-control.js';

describe('escapeControl', () => {
  it('shows control characters as escapes, so a name cannot drive the terminal', () => {
    expect(escapeControl('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(escapeControl('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControl('nul\u0000bell\u0007del\u007f')).toBe('nul\\x00bell\\x07del\\x7f');
    // C1 controls: U+009B is a one-character CSI on some terminals.
    expect(escapeControl('\u009b2J\u0085')).toBe('\\x9b2J\\x85');
  });

  it('leaves printable text alone, non-ASCII letters and backslashes included', () => {
    const text = 'ünï 東京 ½ back\\slash \u00a0nbsp 🎵';
    expect(escapeControl(text)).toBe(text);
  });

  it('changes nothing more when applied twice', () => {
    const once = escapeControl('x\u001by\nz');
    expect(escapeControl(once)).toBe(once);
  });
});
