import { describe, expect, it } from 'vitest';
import { JobStatuses, statusLabel, statusSymbol, statusTone } from './status';

describe('statuses', () => {
  it('gives every job status a tone, a word and a symbol, so colour is never alone', () => {
    expect(JobStatuses.map(statusTone)).toEqual(['waiting', 'active', 'ok', 'warning', 'error', 'error']);
    expect(statusLabel('TIMED_OUT')).toBe('TIMED OUT');
    expect(statusLabel(null)).toBe('UNKNOWN');
    expect(new Set(['ok', 'warning', 'error', 'active', 'waiting'].map((t) => statusSymbol(t as never))).size).toBe(5);
  });

  it('reads run statuses and message severities too', () => {
    expect(statusTone('RUNNING')).toBe('active');
    expect(statusTone('warning')).toBe('warning');
    expect(statusTone('INFO')).toBe('neutral');
  });
});
