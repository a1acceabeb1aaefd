import { describe, expect, it } from 'vitest';
import type { Trial } from '../schema/trial.ts';
import type { RegistryFacts } from './ctgov.ts';
import { applyChanges, registryChanges } from './frontmatter-edit.ts';

const FILE = `---
nct: NCT00000001
registry:
  phase: '1'
  status: recruiting # as of the last check
  enrollment: { count: 20, type: planned }
  countries:
    - China
    - "United States"
  checked: { source: "old", date: 2026-01-01 }
---

Narrative stays.
`;

const registry = {
  phase: '1',
  status: 'recruiting',
  enrollment: { count: 20, type: 'planned' },
  countries: ['China', 'United States'],
} as unknown as Trial['registry'];

const facts = (over: Partial<RegistryFacts>): RegistryFacts =>
  ({
    nct: 'NCT00000001',
    briefTitle: 't',
    status: 'recruiting',
    phase: '1',
    enrollment: { count: 20, type: 'planned' },
    conditions: [],
    ...over,
  }) as RegistryFacts;

describe('registryChanges', () => {
  it('lists only the facts the record states that differ; country order does not matter', () => {
    expect(registryChanges(registry, facts({ countries: ['United States', 'China'] }))).toEqual([]);
    expect(registryChanges(registry, facts({ status: 'completed', enrollment: { count: 18, type: 'actual' }, sponsor: 'Acme' }))).toEqual([
      { path: ['registry', 'status'], from: 'recruiting', to: 'completed' },
      { path: ['registry', 'enrollment', 'count'], from: 20, to: 18 },
      { path: ['registry', 'enrollment', 'type'], from: 'planned', to: 'actual' },
      { path: ['registry', 'sponsor'], from: undefined, to: 'Acme' },
    ]);
  });
});

describe('applyChanges', () => {
  it('replaces values in their own quoting and keeps comments, order and the narrative', () => {
    const updated = applyChanges(FILE, [
      [['registry', 'status'], 'completed'],
      [['registry', 'phase'], '1/2'],
      [['registry', 'enrollment', 'count'], 18],
      [
        ['registry', 'countries'],
        ['China', 'Germany'],
      ],
    ]);
    expect(updated).toBe(
      FILE.replace("phase: '1'", "phase: '1/2'")
        .replace('status: recruiting #', 'status: completed #')
        .replace('count: 20', 'count: 18')
        // A list's items take the quoting of its first item.
        .replace('"United States"', 'Germany'),
    );
  });

  it('inserts a missing registry key before the next key in schema order', () => {
    const updated = applyChanges(FILE, [[['registry', 'sponsor'], 'Acme Bio']]);
    expect(updated).toContain('registry:\n  sponsor: "Acme Bio"\n  phase: \'1\'');
  });

  it('keeps Windows line endings', () => {
    const updated = applyChanges(FILE.replaceAll('\n', '\r\n'), [[['registry', 'startYear'], 2024]]);
    expect(updated).toContain('  startYear: 2024\r\n  countries:');
    expect(updated.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('refuses a file without frontmatter', () => {
    expect(() => applyChanges('no frontmatter', [])).toThrow('frontmatter is missing');
  });
});
