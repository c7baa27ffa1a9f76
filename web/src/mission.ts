// Suggestions for the search form (the reference mission's instruments, levels and descriptors,
// from mission.yaml). Only suggestions: any valid name may be typed or come in a shared URL.

export const Instruments: readonly { id: string; name: string }[] = [
  { id: 'exi', name: 'EXI' },
  { id: 'emr', name: 'EMIRS' },
  { id: 'emu', name: 'EMUS' },
];

export const Levels: readonly { id: string; name: string }[] = [
  { id: 'l1', name: 'Level 1' },
  { id: 'l2', name: 'Level 2' },
  { id: 'l3', name: 'Level 3' },
  { id: 'ql', name: 'Quicklook' },
];

export const Descriptors: readonly string[] = ['sci', 'f220', 'f260', 'f320', 'f437', 'f546', 'f635', 'ifg', 'spe', 'evt', 'img'];

/** Display name of an instrument id (exi → EXI), the id itself when unknown. */
export function instrumentName(id: string | null | undefined): string {
  if (!id) {
    return '—';
  }
  return Instruments.find((i) => i.id === id)?.name ?? id.toUpperCase();
}
