// The world the browser tests run in: the built portal, served by a real local SDC (`./sdc local up`)
// on a simulated day of EMM data, with one failed pipeline job and one signed-up user.
//
//   1. `npm run build` (web/dist, which the local host serves at /);
//   2. `./sdc demo --no-serve` (a day of EXI/EMIRS/EMUS products, release 1 = the first two orbits);
//   3. `./sdc users add ada --group team`;
//   4. one more orbit of EMIRS whose Level 0 file holds housekeeping packets (well-formed: ingest
//      archives it, but the EMIRS processor finds no interferograms, so its job ends in ERROR),
//      delivered with `./sdc ingest` while `./sdc local up --port 0` runs, then waited for.
//
// Environment: SDC_E2E_CHROMIUM (default /usr/bin/chromium); SDC_E2E_KEEP=1 keeps the data folder
// (its path is printed); SDC_E2E_DATA=<folder> reuses one kept before (steps 2–4 are skipped);
// SDC_E2E_NO_BUILD=1 serves web/dist as it is.

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const web = path.join(repo, 'web');
/** Where screenshots, logs and downloads go. */
export const artifacts = path.join(repo, '.artifacts', 'e2e');

const sdc = path.join(repo, 'sdc');
const marker = 'e2e-world.json';

/** The delivery the failed job comes from: one EMIRS orbit on the day after the demo's. */
export const FailedDelivery = 'emm_moc_20210225T060000_0001';

export function log(line) {
  process.stderr.write(`e2e: ${line}\n`);
}

/**
 * Runs a command to completion, its output into `<artifacts>/<name>.log`; rejects with the log's
 * tail when it fails.
 */
export async function run(name, command, args, options = {}) {
  await mkdir(artifacts, { recursive: true });
  const logFile = path.join(artifacts, `${name}.log`);
  const out = createWriteStream(logFile);
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repo, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise((resolve) => out.end(resolve));
  if (code !== 0) {
    const text = await readFile(logFile, 'utf8');
    throw new Error(`${command} ${args.join(' ')} exited with ${code}; the end of ${logFile}:\n${text.split('\n').slice(-30).join('\n')}`);
  }
  log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return logFile;
}

const md5 = (bytes) => createHash('md5').update(bytes).digest('hex');
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Copies the housekeeping file's bytes over the EMIRS Level 0 file of a simulated delivery and
 * puts the new size and MD5 in its delivery record, so the file passes ingest and its job fails.
 */
async function damageEmirs(folder) {
  const recordName = `${FailedDelivery}.pdr.json`;
  const recordPath = path.join(folder, recordName);
  const record = JSON.parse(await readFile(recordPath, 'utf8'));
  const emirs = record.files.find((f) => /^emm_emr_l0_.*_sci_/.test(f.name));
  const housekeeping = record.files.find((f) => /^emm_sc_l0_.*_hsk_/.test(f.name));
  if (!emirs || !housekeeping) {
    throw new Error(`${recordName} names no EMIRS Level 0 or no housekeeping file`);
  }
  await copyFile(path.join(folder, housekeeping.name), path.join(folder, emirs.name));
  const bytes = await readFile(path.join(folder, emirs.name));
  emirs.size = bytes.length;
  emirs.md5 = md5(bytes);
  await writeFile(recordPath, JSON.stringify(record, null, 2));
  return emirs.name;
}

/** Starts `sdc local up --port 0` and resolves with its base URL once it serves. */
async function localUp(data) {
  const logFile = path.join(artifacts, 'local-up.log');
  const out = createWriteStream(logFile);
  // ./sdc execs dotnet: the child is the host itself, and a signal to it stops it as Ctrl+C does.
  const child = spawn(sdc, ['local', 'up', '--data', data, '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(out, { end: false });
  let seen = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sdc local up did not say where it serves within 5 minutes (see ${logFile})`)), 300_000);
    child.stdout.on('data', (chunk) => {
      out.write(chunk);
      seen += chunk.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sdc local up exited with ${code} before serving (see ${logFile})`));
    });
  });
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.on('exit', kill);
  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    await new Promise((resolve) => out.end(resolve));
  };
  return { url, stop, child };
}

/** InitiateAuth at the local host's /auth; the ID token. */
export async function signIn(baseUrl, username, password) {
  const config = await (await fetch(`${baseUrl}/public/v1/config`)).json();
  const answer = await fetch(config.auth.endpoint, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.auth.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  if (!answer.ok) throw new Error(`sign-in as ${username} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()).AuthenticationResult.IdToken;
}

/** GET of the API as JSON (with a token: /v1; without: /public/v1 routes only). */
export async function api(baseUrl, route, token) {
  const answer = await fetch(`${baseUrl}${route}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!answer.ok) throw new Error(`GET ${route} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

async function waitForFailedRun(baseUrl, token) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { runs } = await api(baseUrl, '/v1/runs?limit=25', token);
    const run = runs.find((r) => r.executionName === FailedDelivery);
    if (run?.finishedAt) return run;
    if (Date.now() > deadline) throw new Error(`the run of ${FailedDelivery} did not finish within 3 minutes: ${JSON.stringify(run ?? null)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Makes the world and starts the local SDC. Resolves with
 * `{ baseUrl, data, user: {name, password}, token, failedRun, stop }`.
 */
export async function startWorld() {
  // Fresh screenshots and downloads each run (the folder itself may hold the test reports).
  for (const folder of ['screenshots', 'downloads']) {
    await rm(path.join(artifacts, folder), { recursive: true, force: true });
    await mkdir(path.join(artifacts, folder), { recursive: true });
  }
  if (process.env.SDC_E2E_NO_BUILD !== '1' || !existsSync(path.join(web, 'dist', 'index.html'))) {
    await run('build', 'npm', ['run', 'build', '--silent'], { cwd: web });
  }

  const reuse = process.env.SDC_E2E_DATA;
  const root = reuse ?? await mkdtemp(path.join(os.tmpdir(), 'sdc-e2e-'));
  const data = path.join(root, 'demo');
  let user;
  if (reuse && existsSync(path.join(root, marker))) {
    ({ user } = JSON.parse(await readFile(path.join(root, marker), 'utf8')));
    log(`reusing the world in ${root}`);
  } else {
    await run('demo', sdc, ['demo', '--no-serve', '--data', root]);
    user = { name: 'ada', password: `e2e-${randomBytes(9).toString('hex')}` };
    await run('users-add', sdc, ['users', 'add', user.name, '--password', user.password, '--group', 'team', '--data', data]);
    const sim = path.join(root, 'failing-delivery');
    await run('simulate', sdc, ['simulate', '--instrument', 'emr', '--start', '2021-02-25', '--orbits', '1', '--out', sim]);
    const damaged = await damageEmirs(sim);
    log(`${damaged}: housekeeping bytes, delivery record fixed`);
    user.delivery = sim;
  }

  const host = await localUp(data);
  log(`local SDC on ${host.url} (data ${data})`);
  try {
    const token = await signIn(host.url, user.name, user.password);
    if (user.delivery) {
      await run('ingest', sdc, ['ingest', user.delivery, '--data', data]);
      delete user.delivery;
      await writeFile(path.join(root, marker), JSON.stringify({ user }));
    }
    const failedRun = await waitForFailedRun(host.url, token);
    log(`run ${failedRun.id} (${FailedDelivery}) finished: ${failedRun.status}, ${failedRun.summary}`);
    const stop = async () => {
      await host.stop();
      if (process.env.SDC_E2E_KEEP === '1' || reuse) {
        log(`kept the world: SDC_E2E_DATA=${root}`);
      } else {
        await rm(root, { recursive: true, force: true });
      }
    };
    return { baseUrl: host.url, data, user, token, failedRun, stop };
  } catch (e) {
    await host.stop();
    throw e;
  }
}
