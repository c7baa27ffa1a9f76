// Runs the states benchmark's definitions (written by `Sdc.Bench states --definitions <folder>`) with
// aws-local-stepfunctions, the npm ASL interpreter, and prints the same numbers as the C# side.
//   node run-asl.mjs <folder> [--runs 10] [--warmup 3]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { StateMachine } from 'aws-local-stepfunctions';

const [folder, ...rest] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node run-asl.mjs <definitions folder> [--runs 10] [--warmup 3]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number.parseInt(rest[i + 1], 10) : fallback;
};
const runs = option('runs', 10);
const warmup = option('warmup', 3);
const here = new URL('.', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(here, 'node_modules', 'aws-local-stepfunctions', 'package.json'), 'utf8')).version;
const cores = availableParallelism();

const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
console.log(`aws-local-stepfunctions ${version} on Node ${process.version}: ${runs} timed runs per scenario after ${warmup} warm-up(s)`);
console.log(`machine: ${cores} core(s) visible to the process`);

for (const scenario of manifest.scenarios) {
  const definition = JSON.parse(readFileSync(join(folder, scenario.definition), 'utf8'));
  const inputText = readFileSync(join(folder, scenario.input), 'utf8');
  // Validation (asl-validator) happens here, outside the timed runs, as parsing does on the C# side.
  const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
  const times = [];
  for (let run = 0; run < warmup + runs; run++) {
    const input = JSON.parse(inputText);
    globalThis.gc?.();
    const start = performance.now();
    const execution = machine.run(input);
    const output = await execution.result;
    const seconds = (performance.now() - start) / 1000;
    check(scenario, output);
    if (run >= warmup) times.push(seconds);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const perSecond = scenario.transitions / median;
  console.log(
    `${scenario.name.padEnd(18)} ${scenario.transitions.toLocaleString('en-US').padStart(8)} transitions  ` +
      `median ${(median * 1000).toFixed(1).padStart(8)} ms  best ${(times[0] * 1000).toFixed(1).padStart(8)} ms  ` +
      `${Math.round(perSecond).toLocaleString('en-US').padStart(12)} transitions/s  (${scenario.description})`,
  );
  console.log(
    `RESULT impl=aws-local-stepfunctions scenario=${scenario.name} transitions=${scenario.transitions} runs=${runs} ` +
      `median_s=${median.toFixed(6)} best_s=${times[0].toFixed(6)} transitions_per_s=${Math.round(perSecond)} cores=${cores}`,
  );
}

// The same output checks as the C# side, so that a fast wrong answer does not count.
function check(scenario, output) {
  const ok = {
    'pass-chain': () => output?.id === 'bench',
    'pass-chain-result': () => output?.last?.step === scenario.transitions - 1,
    map: () => Array.isArray(output) && output.length === scenario.transitions - 1 && output.at(-1)?.i === scenario.transitions - 2,
  }[scenario.name];
  if (ok && !ok()) {
    throw new Error(`${scenario.name}: unexpected output ${JSON.stringify(output).slice(0, 200)}`);
  }
}
