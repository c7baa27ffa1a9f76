import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { asProblem, problemLines, type Problem } from '../problem';
import { statusLabel, statusSymbol, statusTone } from '../status';
import type { Loadable } from './hooks';
import { copyText } from './save';

export function Loading({ label = 'Loading…', testid }: { label?: string; testid?: string }) {
  return (
    <p class="loading" role="status" data-testid={testid ?? 'loading'}>
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A failed request: the problem's title and detail, and which parameter and what it accepts. */
export function ProblemView({ error, problem, testid = 'problem', children }: { error?: unknown; problem?: Problem; testid?: string; children?: ComponentChildren }) {
  const p = problem ?? asProblem(error);
  const head = problemLines(p)[0];
  return (
    <div class="problem" role="alert" data-testid={testid}>
      <p class="problem-title">{head}</p>
      {p.detail && p.detail !== p.title && <p class="problem-detail" data-testid={`${testid}-detail`}>{p.detail}</p>}
      {(p.parameter || p.expected) && (
        <dl class="problem-fields">
          {p.parameter && (<><dt>Parameter</dt><dd data-testid={`${testid}-parameter`}><code>{p.parameter}</code></dd></>)}
          {p.expected && (<><dt>Expected</dt><dd data-testid={`${testid}-expected`}>{p.expected}</dd></>)}
        </dl>
      )}
      {children}
    </div>
  );
}

/** Loading, error or the data. */
export function Show<T>({ state, label, children, testid }: { state: Loadable<T> & { reload?: () => void }; label?: string; testid?: string; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') {
    return <Loading label={label} />;
  }
  if (state.status === 'error') {
    return (
      <ProblemView error={state.error} testid={testid}>
        {state.reload && <button type="button" class="secondary" onClick={state.reload}>Try again</button>}
      </ProblemView>
    );
  }
  return <>{children(state.data)}</>;
}

export function StatusBadge({ status, testid = 'status' }: { status: string | null | undefined; testid?: string }) {
  const tone = statusTone(status);
  return (
    <span class={`badge tone-${tone}`} data-testid={testid} data-status={status ?? ''}>
      <span aria-hidden="true">{statusSymbol(tone)}</span> {statusLabel(status)}
    </span>
  );
}

export function CopyButton({ text, label = 'Copy', testid }: { text: string; label?: string; testid?: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await copyText(text);
      setSaid('Copied');
    } catch (e) {
      setSaid(e instanceof Error ? e.message : 'Copy failed');
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setSaid(null), 2500);
  };
  return (
    <span class="copy">
      <button type="button" class="secondary small" onClick={copy} data-testid={testid}>{label}</button>
      <span class="copy-said" role="status" aria-live="polite">{said}</span>
    </span>
  );
}

/** A block of code with its own copy button. */
export function CodeBlock({ code, label, testid }: { code: string; label: string; testid: string }) {
  return (
    <figure class="code">
      <figcaption>
        <span>{label}</span>
        <CopyButton text={code} label={`Copy`} testid={`${testid}-copy`} />
      </figcaption>
      <pre data-testid={testid} aria-label={label} tabIndex={0}><code>{code}</code></pre>
    </figure>
  );
}

export function Field({ label, children, hint, id }: { label: string; id: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && <small id={`${id}-hint`} class="hint">{hint}</small>}
    </div>
  );
}

export function PublicOnly({ what }: { what: string }) {
  return (
    <div class="notice" data-testid="needs-sign-in">
      <p>{what} needs you to sign in: public mode shows released products only.</p>
      <p><a class="button" href={`#/signin?next=${encodeURIComponent(location.hash)}`}>Sign in</a></p>
    </div>
  );
}

export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span class="muted">—</span>;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return <time dateTime={iso} title={iso}>{m ? `${m[1]} ${m[2]}` : iso}</time>;
}
