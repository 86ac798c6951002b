import { expect, test } from 'vitest';
import { Faults } from '../src/faults.js';

test('the tally counts injected failures by result, resets by kind and delayed calls, across set()', () => {
  const faults = new Faults({
    rules: [
      { methods: ['uploadfile'], failEvery: 2, failResult: 4000, latencyMs: 1 },
      { methods: ['stat'], failEvery: 3 },
      { methods: ['download'], resetResponseEvery: 2, resetRequestEvery: 3 },
    ],
  });
  for (let i = 0; i < 4; i++) faults.decide('uploadfile');
  for (let i = 0; i < 6; i++) faults.decide('stat');
  for (let i = 0; i < 6; i++) faults.decide('download');
  faults.decide('listfolder');
  // download calls 2, 3, 4, 6: call 6 hits both, and a request reset wins.
  expect(faults.tally).toEqual({ failures: { 4000: 2, 5000: 2 }, requestResets: 2, responseResets: 2, delayed: 4, throttled: 0 });
  expect(faults.injected).toBe(8);
  faults.set({});
  faults.decide('stat');
  expect(faults.tally.failures).toEqual({ 4000: 2, 5000: 2 });
});

test('calls counts every call by method, faulted or not, across set()', () => {
  const faults = new Faults({ rules: [{ methods: ['stat'], failEvery: 2 }] });
  for (let i = 0; i < 3; i++) faults.decide('stat');
  faults.decide('download');
  faults.set({});
  faults.decide('listfolder');
  expect(faults.calls).toEqual({ stat: 3, download: 1, listfolder: 1 });
});
