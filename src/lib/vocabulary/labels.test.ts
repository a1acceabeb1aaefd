import { describe, expect, it } from 'vitest';
import { STATUS_NOT_STATED, statusLabel } from './labels.ts';

describe('statusLabel', () => {
  it.each([
    ['active-not-recruiting', 'Active, not recruiting'],
    ['not-yet-recruiting', 'Not yet recruiting'],
    ['unknown', 'Unknown'],
  ])('%s reads as %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  // Trial files leave the field out and the reporting-gap export writes null; both mean no record read states it.
  it.each([undefined, null, STATUS_NOT_STATED])('%s reads as not stated', (status) => {
    expect(statusLabel(status)).toBe('Not stated in the records read');
  });
});
