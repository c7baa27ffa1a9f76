import { useState } from 'preact/hooks';
import { formatDuration } from '../format';
import { instrumentName } from '../mission';
import { href, navigate } from '../router';
import { JobStatuses, statusTone } from '../status';
import type { Job, JobMessage, Run } from '../types';
import { PublicOnly, Show, StatusBadge, Time } from './common';
import { useApp } from './context';
import { useRequest, useTitle } from './hooks';

const RunStatuses = ['RUNNING', 'OK', 'WARNING', 'ERROR'];
const RunLimits = ['25', '100', '500'];

export function StatusPage({ params }: { params: URLSearchParams }) {
  useTitle('Pipeline status');
  const { tokens } = useApp();
  return (
    <section class="status">
      <h1 tabIndex={-1}>Pipeline status</h1>
      {tokens ? <Runs params={params} /> : <PublicOnly what="Pipeline status" />}
    </section>
  );
}

function Runs({ params }: { params: URLSearchParams }) {
  const { api } = useApp();
  const status = RunStatuses.includes(params.get('status') ?? '') ? params.get('status')! : '';
  const limit = RunLimits.includes(params.get('limit') ?? '') ? params.get('limit')! : '100';
  const state = useRequest((signal) => api.json<{ runs: Run[] }>('/v1/runs', { params: { status, limit }, signal }), [status, limit]);
  const go = (next: Record<string, string>) => {
    const p: Record<string, string> = {};
    const s = next.status ?? status;
    const l = next.limit ?? limit;
    if (s) p.status = s;
    if (l !== '100') p.limit = l;
    navigate(href('/status', p));
  };
  return (
    <>
      <form class="inline-form" onSubmit={(e) => e.preventDefault()} aria-label="Filter runs">
        <div class="field">
          <label for="runs-status">Status</label>
          <select id="runs-status" value={status} onChange={(e) => go({ status: e.currentTarget.value })} data-testid="runs-filter">
            <option value="">All</option>
            {RunStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="runs-limit">Show</label>
          <select id="runs-limit" value={limit} onChange={(e) => go({ limit: e.currentTarget.value })} data-testid="runs-limit">
            {RunLimits.map((l) => <option key={l} value={l}>{l} runs</option>)}
          </select>
        </div>
        <div class="actions"><button type="button" class="secondary" onClick={state.reload} data-testid="runs-refresh">Refresh</button></div>
      </form>
      <Show state={state} label="Loading runs…" testid="runs-problem">
        {(data) => data.runs.length === 0 ? <p class="empty" data-testid="runs-empty">No runs{status ? ` with status ${status}` : ''}.</p> : (
          <div class="table-scroll">
            <table class="data" data-testid="runs-table">
              <caption class="visually-hidden">Pipeline runs, newest first</caption>
              <thead>
                <tr><th scope="col">Run</th><th scope="col">Status</th><th scope="col">Kind</th><th scope="col" class="wide-only">Execution</th><th scope="col">Started (UTC)</th><th scope="col" class="wide-only">Took</th><th scope="col">Summary</th></tr>
              </thead>
              <tbody>
                {data.runs.map((r) => (
                  <tr key={r.id} data-testid="run-row" data-id={r.id} data-status={r.status} class={`tone-row-${statusTone(r.status)}`}>
                    <td><a href={`#/runs/${r.id}`} data-testid="run-link">Run {r.id}</a></td>
                    <td><StatusBadge status={r.status} testid="run-status" /></td>
                    <td>{r.kind}</td>
                    <td class="wide-only"><code>{r.executionName}</code></td>
                    <td><Time iso={r.startedAt} /></td>
                    <td class="wide-only">{r.finishedAt ? formatDuration(r.startedAt, r.finishedAt) : 'running'}</td>
                    <td>{r.summary ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </>
  );
}

export function RunPage({ id }: { id: string }) {
  useTitle(`Run ${id}`);
  const { api, tokens } = useApp();
  const state = useRequest((signal) => (tokens ? api.json<{ run: Run; jobs: Job[] }>(`/v1/runs/${encodeURIComponent(id)}`, { signal }) : Promise.resolve(null)), [id]);
  const [filter, setFilter] = useState('');
  return (
    <section class="run">
      <p class="crumbs"><a href="#/status">← Pipeline status</a></p>
      <h1 tabIndex={-1}>Run {id}</h1>
      {!tokens ? <PublicOnly what="Pipeline status" /> : (
        <Show state={state} label="Loading the run…" testid="run-problem">
          {(data) => {
            if (!data) return null;
            const { run, jobs } = data;
            const counts = JobStatuses.map((s) => [s, jobs.filter((j) => j.status === s).length] as const).filter(([, n]) => n > 0);
            const shown = filter ? jobs.filter((j) => j.status === filter) : jobs;
            return (
              <>
                <dl class="meta" data-testid="run-summary">
                  <dt>Status</dt><dd><StatusBadge status={run.status} testid="run-status" /></dd>
                  <dt>Kind</dt><dd>{run.kind}</dd>
                  <dt>Execution</dt><dd><code>{run.executionName}</code></dd>
                  <dt>Started</dt><dd><Time iso={run.startedAt} /></dd>
                  <dt>Finished</dt><dd>{run.finishedAt ? <><Time iso={run.finishedAt} /> ({formatDuration(run.startedAt, run.finishedAt)})</> : 'still running'}</dd>
                  <dt>Summary</dt><dd>{run.summary ?? '—'}</dd>
                </dl>
                <h2>Jobs</h2>
                <p class="counts" data-testid="job-counts">{counts.map(([s, n]) => <span key={s}><StatusBadge status={s} testid="job-count-status" /> {n}</span>)}</p>
                <div class="field inline">
                  <label for="jobs-filter">Show jobs</label>
                  <select id="jobs-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data-testid="jobs-filter">
                    <option value="">All ({jobs.length})</option>
                    {counts.map(([s, n]) => <option key={s} value={s}>{s} ({n})</option>)}
                  </select>
                </div>
                <div class="table-scroll">
                  <table class="data" data-testid="jobs-table">
                    <caption class="visually-hidden">Jobs of run {run.id}</caption>
                    <thead>
                      <tr><th scope="col">Job</th><th scope="col">Status</th><th scope="col">Instrument</th><th scope="col">Level</th><th scope="col" class="wide-only">Stage</th><th scope="col" class="wide-only">Queue</th><th scope="col" class="wide-only">Attempts</th><th scope="col" class="wide-only">Took</th><th scope="col">Reason</th></tr>
                    </thead>
                    <tbody>
                      {shown.map((j) => (
                        <tr key={j.id} data-testid="job-row" data-id={j.id} data-status={j.status} class={`tone-row-${statusTone(j.status)}`}>
                          <td><a href={`#/jobs/${j.id}`} data-testid="job-link">Job {j.id}</a></td>
                          <td><StatusBadge status={j.status} testid="job-status" /></td>
                          <td>{instrumentName(j.instrument)}</td>
                          <td>{j.level ?? '—'}</td>
                          <td class="wide-only">{j.stage}</td>
                          <td class="wide-only">{j.queue}</td>
                          <td class="wide-only">{j.attempts}</td>
                          <td class="wide-only">{formatDuration(j.startedAt, j.finishedAt)}</td>
                          <td>{j.statusReason ?? (j.exitCode !== null && j.exitCode !== 0 ? `exit code ${j.exitCode}` : '')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            );
          }}
        </Show>
      )}
    </section>
  );
}

export function JobPage({ id }: { id: string }) {
  useTitle(`Job ${id}`);
  const { api, tokens } = useApp();
  const state = useRequest((signal) => (tokens ? api.json<{ job: Job; messages: JobMessage[] }>(`/v1/jobs/${encodeURIComponent(id)}`, { signal }) : Promise.resolve(null)), [id]);
  return (
    <section class="job">
      <h1 tabIndex={-1}>Job {id}</h1>
      {!tokens ? <PublicOnly what="Pipeline status" /> : (
        <Show state={state} label="Loading the job…" testid="job-problem">
          {(data) => {
            if (!data) return null;
            const { job, messages } = data;
            return (
              <>
                <p class="crumbs"><a href={`#/runs/${job.runId}`}>← Run {job.runId}</a></p>
                <dl class="meta" data-testid="job-summary">
                  <dt>Status</dt><dd><StatusBadge status={job.status} testid="job-status" />{job.statusReason && <span> {job.statusReason}</span>}</dd>
                  <dt>Instrument</dt><dd>{instrumentName(job.instrument)}</dd>
                  <dt>Level</dt><dd>{job.level ?? '—'}</dd>
                  <dt>Stage</dt><dd>{job.stage}</dd>
                  <dt>Queue</dt><dd>{job.queue}</dd>
                  <dt>Attempts</dt><dd>{job.attempts}</dd>
                  <dt>Exit code</dt><dd>{job.exitCode ?? '—'}</dd>
                  <dt>Created</dt><dd><Time iso={job.createdAt} /></dd>
                  <dt>Started</dt><dd><Time iso={job.startedAt} /></dd>
                  <dt>Finished</dt><dd><Time iso={job.finishedAt} /> {job.finishedAt && `(${formatDuration(job.startedAt, job.finishedAt)})`}</dd>
                </dl>
                <h2>Messages</h2>
                {messages.length === 0 ? <p class="muted" data-testid="job-messages-empty">No messages.</p> : (
                  <div class="table-scroll">
                    <table class="data compact" data-testid="job-messages">
                      <thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Message</th><th scope="col" class="wide-only">At (UTC)</th></tr></thead>
                      <tbody>
                        {messages.map((m, i) => (
                          <tr key={i} data-testid="message-row" data-severity={m.severity}>
                            <td><StatusBadge status={m.severity} testid="message-severity" /></td>
                            <td><code>{m.code}</code></td>
                            <td class="message-text">{m.text}</td>
                            <td class="wide-only"><Time iso={m.at} /></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                <h2>Log</h2>
                {job.hasLog ? <JobLog id={job.id} /> : <p class="muted" data-testid="job-log-none">This job has no log.</p>}
              </>
            );
          }}
        </Show>
      )}
    </section>
  );
}

function JobLog({ id }: { id: number }) {
  const { api } = useApp();
  const state = useRequest((signal) => api.text(`/v1/jobs/${id}/log`, { signal }), [id]);
  return (
    <Show state={state} label="Loading the log…" testid="job-log-problem">
      {(text) => <pre class="log" data-testid="job-log" tabIndex={0} aria-label={`Log of job ${id}`}>{text === '' ? '(empty log)' : text}</pre>}
    </Show>
  );
}
