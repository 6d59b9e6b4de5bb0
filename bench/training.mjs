// Training benchmarks, driven through the app's own test hook (window.__losscape).

/** Calibration, gradient telemetry and sharpness all off: the frames carry loss, metrics and boundary. */
const PROBES_OFF = { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 };
/** The "all telemetry on": calibration every 50 steps, sharpness every 100, gradients every 10. */
const PROBES_ON = { calibrationEvery: 50, sharpnessEvery: 100, telemetryEvery: 10 };

/**
 * 2-16-16-2 MLP, full batch, Adam; 854 points split 60/20/20 leave exactly 512 to train on.
 * Play stops at `training.totalSteps` the first time (2 000 by default): a fast machine (500–720
 * steps/s on WASM) would reach it inside a timed window, so the longest length keeps every window training.
 */
export const BENCH_CONFIG = {
  data: { kind: 'circle', points: 854, noise: 0.1, classes: 2, seed: 1 },
  model: { layers: 2, width: 16, activation: 'relu' },
  loss: { id: 'ce', params: {} },
  optimizer: { id: 'adam', learningRate: 0.01, batchSize: 0, params: {} },
  training: { totalSteps: 100_000 },
  metrics: PROBES_OFF,
  seed: 1,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the app on `backend`, loads `config` through the test hook and waits for its data.
 * `surveyor`: also wait for the landscape worker's backend. Returns the trainer's backend.
 */
export async function openWith(page, base, backend, config = BENCH_CONFIG, { surveyor = false } = {}) {
  await page.goto(`${base}/?backend=${backend}`);
  await page.waitForFunction(
    // The hook may be installed after the page loads (the app's code can arrive in a later chunk).
    (withSurveyor) => window.__losscape !== undefined && window.__losscape.snapshot().backend !== null && (!withSurveyor || window.__losscape.landscape().backend !== null),
    surveyor,
    { timeout: 60_000 },
  );
  const revision = await page.evaluate((c) => {
    window.__losscape.setConfig(c);
    return window.__losscape.snapshot().revision;
  }, config);
  await page.waitForFunction((r) => {
    const s = window.__losscape.snapshot();
    return s.revision === r && s.points > 0;
  }, revision);
  return page.evaluate(() => window.__losscape.snapshot().backend);
}

const snapshot = (page) => page.evaluate(() => ({ ...window.__losscape.snapshot(), now: performance.now() }));

/** Plays the loaded config and returns the steps per second over `seconds` after a warm-up. */
async function playRate(page, seconds, warmupMs = 1500) {
  await page.evaluate(() => window.__losscape.client.play());
  await sleep(warmupMs); // warm-up: shader compilation, chunk-size adaptation
  const a = await snapshot(page);
  await sleep(seconds * 1000);
  const b = await snapshot(page);
  await page.evaluate(() => window.__losscape.client.pause());
  await page.waitForFunction(() => !window.__losscape.snapshot().playing);
  return ((b.step - a.step) * 1000) / (b.now - a.now);
}

/** Steps per second the way the app trains (in the worker, frames on), against a bare tfjs loop. */
export async function measureTraining(page, base, backend, seconds = 5) {
  const actual = await openWith(page, base, backend);
  const app = await playRate(page, seconds);
  const bareSteps = Math.max(20, Math.round(app * 3));
  const bare = await page.evaluate((n) => window.__losscape.client.benchBareLoop(n, 'tfjs'), bareSteps);
  const engine = await page.evaluate((n) => window.__losscape.client.benchBareLoop(n, 'engine'), bareSteps);
  return { app, bare, engine, actual };
}

/** tfjs tensors alive after 1001 steps minus after 1, through the app's own loop. */
export async function measureLeak(page, base, backend) {
  // Every probe on, so their code paths are checked for leaks too.
  await openWith(page, base, backend, { ...BENCH_CONFIG, metrics: PROBES_ON });
  const stepTo = async (n, target) => {
    await page.evaluate((k) => window.__losscape.client.step(k), n);
    await page.waitForFunction((t) => {
      const s = window.__losscape.snapshot();
      return s.step === t && !s.playing;
    }, target, { timeout: 120_000 });
    await sleep(300); // let the closing frame land
    return (await snapshot(page)).tensors;
  };
  const after1 = await stepTo(1, 1);
  const after1001 = await stepTo(1000, 1001);
  return after1001 - after1;
}

/**
 * The longest main-thread task while the app trains for 10 s with its automatic backend.
 * The Long Tasks API reports tasks over 50 ms; an event-loop probe every 5 ms catches shorter ones.
 */
export async function measureLongestTask(context, base, seconds = 10) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const backend = await openWith(page, base, '');
  await page.evaluate((s) => {
    window.__lag = 0;
    let last = performance.now();
    const until = last + s * 1000;
    const tick = () => {
      const now = performance.now();
      window.__lag = Math.max(window.__lag, now - last - 5);
      last = now;
      if (now < until) setTimeout(tick, 5);
    };
    window.__longTasks.length = 0;
    setTimeout(tick, 5);
    window.__losscape.client.play();
  }, seconds);
  await sleep(seconds * 1000 + 200);
  const { longTasks, lag } = await page.evaluate(() => {
    window.__losscape.client.pause();
    return { longTasks: window.__longTasks, lag: window.__lag };
  });
  await page.close();
  // Both figures apart too: the Long Tasks API sees tasks of 50 ms and more; the timer's lag also
  // counts a run of shorter tasks and frames, and time the machine gives the page's thread nothing.
  return { longestTaskMs: Math.max(lag, ...longTasks), longTaskApiMs: Math.max(0, ...longTasks), timerLagMs: lag, count: longTasks.length, backend };
}

/**
 * Steps per second of every loss on one backend, with the skeleton's model and data (a loss that
 * needs three classes gets three blobs instead). Timed the way the app trains.
 */
export async function measureLosses(page, base, backend, seconds = 2) {
  await openWith(page, base, backend);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-testid="loss"] option')].map((o) => o.value));
  const results = {};
  for (const id of ids) {
    const binary = { ...BENCH_CONFIG, loss: { id, params: {}, addons: {} } };
    const threeClass = { ...binary, data: { ...BENCH_CONFIG.data, kind: 'blobs', classes: 3 } };
    const needsThree = await page.evaluate(
      (lossId) => document.querySelector(`[data-testid="loss"] option[value="${lossId}"]`)?.disabled ?? false,
      id,
    );
    await openWith(page, base, backend, needsThree ? threeClass : binary);
    results[id] = await playRate(page, seconds, 500);
  }
  return results;
}

/**
 * Steps per second with every probe on over steps per second with them off, alternating
 * off/on twice on the same page so drift in machine load hits both alike.
 */
export async function measureTelemetryOverhead(page, base, backend, seconds = 3) {
  const rates = { on: [], off: [] };
  for (const mode of ['off', 'on', 'off', 'on']) {
    await openWith(page, base, backend, { ...BENCH_CONFIG, metrics: mode === 'on' ? PROBES_ON : PROBES_OFF });
    rates[mode].push(await playRate(page, seconds));
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { on: mean(rates.on), off: mean(rates.off), ratio: mean(rates.on) / mean(rates.off) };
}

/**
 * Total steps per second of four runs in lockstep (four losses, shared data) over the steps per
 * second of one run alone, on the same page. 1.0 means sharing the work costs nothing.
 */
export async function measureCompareThroughput(page, base, backend, seconds = 4) {
  const four = {
    ...BENCH_CONFIG,
    compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }, { loss: { id: 'focal' } }] },
  };
  await openWith(page, base, backend, BENCH_CONFIG);
  const single = await playRate(page, seconds);
  await openWith(page, base, backend, four);
  const lockstep = await playRate(page, seconds);
  return { single, total: 4 * lockstep, ratio: (4 * lockstep) / single };
}
