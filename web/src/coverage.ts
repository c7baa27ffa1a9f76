// The coverage timeline's layout: one row per instrument, one column per UTC day from the first
// to the last day with data (gaps included, so missing days show), coloured by highest level.

export interface CoverageDay {
  instrument: string;
  day: string;
  files: number;
  highestLevel: string;
}

export interface CoverageGrid {
  instruments: string[];
  days: string[];
  cell(instrument: string, day: string): CoverageDay | undefined;
  levels: string[];
}

/** Levels from least to most processed; the colour ramp follows this order. */
export const LevelOrder = ['l0', 'l1', 'l2', 'l3', 'ql'];

const LevelColours: Record<string, string> = {
  l0: '#9aa5b1',
  l1: '#5b8def',
  l2: '#1e9e6a',
  l3: '#8a4fd8',
  ql: '#d9822b',
};

export function levelColour(level: string): string {
  return LevelColours[level] ?? '#c0587a';
}

const DayMs = 86_400_000;

/** Every UTC day from first to last inclusive (YYYY-MM-DD), at most maxDays of them. */
export function dayRange(first: string, last: string, maxDays = 3660): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    return [];
  }
  const days: string[] = [];
  for (let t = start; t <= end && days.length < maxDays; t += DayMs) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function levelRank(level: string): number {
  const i = LevelOrder.indexOf(level);
  return i < 0 ? LevelOrder.length : i;
}

export function buildGrid(entries: readonly CoverageDay[], preferredInstruments: readonly string[] = []): CoverageGrid {
  const byKey = new Map<string, CoverageDay>();
  const instruments = new Set<string>();
  const levels = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const entry of entries) {
    byKey.set(`${entry.instrument}|${entry.day}`, entry);
    instruments.add(entry.instrument);
    levels.add(entry.highestLevel);
    if (first === null || entry.day < first) first = entry.day;
    if (last === null || entry.day > last) last = entry.day;
  }
  const ordered = [
    ...preferredInstruments.filter((i) => instruments.has(i)),
    ...[...instruments].filter((i) => !preferredInstruments.includes(i)).sort(),
  ];
  return {
    instruments: ordered,
    days: first && last ? dayRange(first, last) : [],
    cell: (instrument, day) => byKey.get(`${instrument}|${day}`),
    levels: [...levels].sort((a, b) => levelRank(a) - levelRank(b) || a.localeCompare(b)),
  };
}
