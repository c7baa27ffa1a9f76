import { useState } from 'preact/hooks';
import { buildGrid, levelColour, type CoverageGrid } from '../coverage';
import { Instruments, instrumentName, Levels } from '../mission';
import { dayQuery, normalizeTime, queryToParams } from '../query';
import { href, navigate } from '../router';
import type { CoverageAnswer } from '../types';
import { PublicOnly, Show } from './common';
import { useApp } from './context';
import { useRequest, useTitle } from './hooks';

const LabelWidth = 70;
const HeadHeight = 34;
const RowHeight = 26;

function levelName(level: string): string {
  return Levels.find((l) => l.id === level)?.name ?? (level === 'l0' ? 'Level 0' : level);
}

function dayHref(day: string, instrument?: string): string {
  return href('/search', queryToParams(dayQuery(day, instrument)));
}

export function CoveragePage({ params }: { params: URLSearchParams }) {
  useTitle('Coverage');
  const { tokens } = useApp();
  return (
    <section class="coverage">
      <h1 tabIndex={-1}>Coverage</h1>
      {tokens ? <Coverage params={params} /> : <PublicOnly what="The coverage timeline" />}
    </section>
  );
}

function Coverage({ params }: { params: URLSearchParams }) {
  const { api } = useApp();
  const from = normalizeTime(params.get('from') ?? '') ?? '';
  const to = normalizeTime(params.get('to') ?? '') ?? '';
  const instrument = params.get('instrument') ?? '';
  const state = useRequest(
    (signal) => api.json<CoverageAnswer>('/v1/coverage', { params: { from, to, instrument }, signal }),
    [from, to, instrument],
  );
  const [fields, setFields] = useState({ from, to, instrument });
  const submit = (e: Event) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (fields.from) p.from = fields.from.trim();
    if (fields.to) p.to = fields.to.trim();
    if (fields.instrument) p.instrument = fields.instrument;
    navigate(href('/coverage', p));
  };
  return (
    <>
      <p class="lead">Each cell is one instrument on one UTC day, coloured by the highest processing level reached. Choose a cell to search that day.</p>
      <form class="inline-form" onSubmit={submit} data-testid="coverage-form" aria-label="Coverage range">
        <div class="field">
          <label for="coverage-from">From</label>
          <input id="coverage-from" type="date" value={fields.from.slice(0, 10)} onChange={(e) => setFields({ ...fields, from: e.currentTarget.value })} data-testid="coverage-from" />
        </div>
        <div class="field">
          <label for="coverage-to">To (exclusive)</label>
          <input id="coverage-to" type="date" value={fields.to.slice(0, 10)} onChange={(e) => setFields({ ...fields, to: e.currentTarget.value })} data-testid="coverage-to" />
        </div>
        <div class="field">
          <label for="coverage-instrument">Instrument</label>
          <select id="coverage-instrument" value={fields.instrument} onChange={(e) => setFields({ ...fields, instrument: e.currentTarget.value })} data-testid="coverage-instrument">
            <option value="">All</option>
            {Instruments.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </div>
        <div class="actions"><button type="submit" data-testid="coverage-submit">Show</button></div>
      </form>
      <Show state={state} label="Loading coverage…" testid="coverage-problem">
        {(data) => {
          const grid = buildGrid(data.days, Instruments.map((i) => i.id));
          return grid.days.length === 0
            ? <p class="empty" data-testid="coverage-empty">No data in this range.</p>
            : <Plot grid={grid} />;
        }}
      </Show>
    </>
  );
}

/** Wide cells for a few days, narrow ones for a long mission (the plot scrolls sideways). */
export function cellWidth(days: number): number {
  return days <= 14 ? 40 : days <= 60 ? 24 : days <= 180 ? 16 : 12;
}

function Plot({ grid }: { grid: CoverageGrid }) {
  const cellW = cellWidth(grid.days.length);
  const width = LabelWidth + grid.days.length * cellW + 40;
  const height = HeadHeight + grid.instruments.length * RowHeight + 4;
  // A label every few days so they do not overlap; every day is still a link.
  const step = Math.max(1, Math.ceil(44 / cellW));
  return (
    <>
      <div class="plot-scroll">
        <svg class="plot" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group"
          aria-label={`Coverage of ${grid.instruments.length} instruments over ${grid.days.length} days, ${grid.days[0]} to ${grid.days[grid.days.length - 1]}`}
          data-testid="coverage-plot">
          {grid.days.map((day, i) => (
            <a key={day} href={dayHref(day)} aria-label={`Search ${day}, all instruments`} data-testid="coverage-day" data-day={day}>
              <rect class="day-head" x={LabelWidth + i * cellW} y={HeadHeight - 10} width={cellW - 2} height={8} />
              {(i % step === 0 || i === grid.days.length - 1) && (
                <text x={LabelWidth + i * cellW} y={HeadHeight - 16} class="day-label">{day.slice(5)}</text>
              )}
              <title>{day}</title>
            </a>
          ))}
          {grid.instruments.map((instrument, row) => (
            <g key={instrument}>
              <text x={LabelWidth - 8} y={HeadHeight + row * RowHeight + RowHeight / 2 + 4} text-anchor="end" class="row-label">{instrumentName(instrument)}</text>
              {grid.days.map((day, i) => {
                const cell = grid.cell(instrument, day);
                const x = LabelWidth + i * cellW;
                const y = HeadHeight + row * RowHeight;
                if (!cell) {
                  return <rect key={day} class="cell none" x={x} y={y} width={cellW - 2} height={RowHeight - 4}><title>{`${instrumentName(instrument)} ${day}: no data`}</title></rect>;
                }
                const label = `${instrumentName(instrument)} ${day}: ${cell.files} files, highest level ${levelName(cell.highestLevel)}`;
                return (
                  <a key={day} href={dayHref(day, instrument)} aria-label={label} data-testid="coverage-cell"
                    data-instrument={instrument} data-day={day} data-level={cell.highestLevel}>
                    <rect class="cell" x={x} y={y} width={cellW - 2} height={RowHeight - 4} fill={levelColour(cell.highestLevel)} />
                    <title>{label}</title>
                  </a>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <ul class="legend" data-testid="coverage-legend" aria-label="Levels">
        {grid.levels.map((level) => (
          <li key={level}><span class="swatch" style={{ background: levelColour(level) }} aria-hidden="true" /> {levelName(level)} ({level})</li>
        ))}
        <li><span class="swatch swatch-none" aria-hidden="true" /> no data</li>
      </ul>
      <details class="coverage-table">
        <summary>Coverage as a table</summary>
        <div class="table-scroll">
          <table class="data" data-testid="coverage-table">
            <thead><tr><th scope="col">Day</th>{grid.instruments.map((i) => <th scope="col" key={i}>{instrumentName(i)}</th>)}</tr></thead>
            <tbody>
              {grid.days.map((day) => (
                <tr key={day}>
                  <th scope="row"><a href={dayHref(day)}>{day}</a></th>
                  {grid.instruments.map((i) => {
                    const cell = grid.cell(i, day);
                    return <td key={i}>{cell ? <a href={dayHref(day, i)}>{cell.highestLevel} ({cell.files})</a> : <span class="muted">—</span>}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
