// Run and job statuses (PROBA2-style): each gets a tone for colour, and the status word is
// always shown too, so colour is never the only signal.

export type Tone = 'ok' | 'warning' | 'error' | 'active' | 'waiting' | 'neutral';

export const JobStatuses = ['SCHEDULED', 'PROCESSING', 'OK', 'WARNING', 'ERROR', 'TIMED_OUT'] as const;

export function statusTone(status: string | null | undefined): Tone {
  switch ((status ?? '').toUpperCase()) {
    case 'OK':
    case 'SUCCEEDED':
    case 'COMPLETED':
      return 'ok';
    case 'WARNING':
    case 'WARNINGS':
      return 'warning';
    case 'ERROR':
    case 'FAILED':
    case 'TIMED_OUT':
    case 'ABORTED':
      return 'error';
    case 'PROCESSING':
    case 'RUNNING':
      return 'active';
    case 'SCHEDULED':
    case 'PENDING':
    case 'QUEUED':
      return 'waiting';
    default:
      return 'neutral';
  }
}

/** A status for reading: TIMED_OUT → "TIMED OUT". */
export function statusLabel(status: string | null | undefined): string {
  return (status ?? 'UNKNOWN').replace(/_/g, ' ');
}

const Symbols: Record<Tone, string> = { ok: '✓', warning: '!', error: '✕', active: '…', waiting: '◷', neutral: '•' };

export function statusSymbol(tone: Tone): string {
  return Symbols[tone];
}
