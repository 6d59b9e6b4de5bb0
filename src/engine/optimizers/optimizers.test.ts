import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, optimizerById, optimizerParamsResolve } from './registry';
import { quadraticRun } from './optimizerTesting';

// Every case starts at θ₀ = (1, −0.5) on L = ½θᵀAθ, A = [[2, 1], [1, 3]], so g = Aθ = (2θ₁ + θ₂, θ₁ + 3θ₂)
// and g₀ = (1.5, −0.5). Expected values are float64, rounded to 10 significant digits, and include
// ε = 1e-8; the arithmetic in the comments leaves ε out, which moves the last digits (by < 1e-7).
const TOLERANCE = 1e-5;

function expectTrajectory(got: number[][], want: number[][]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((theta, step) => theta.forEach((v, i) => expect(Math.abs(v - want[step]![i]!)).toBeLessThan(TOLERANCE)));
}

describe('hand-computed updates on a 2-parameter quadratic', () => {
  it('sgd (η 0.1)', () => {
    // θ₁ = (1, −0.5) − 0.1(1.5, −0.5) = (0.85, −0.45)
    // g₁ = (1.7 − 0.45, 0.85 − 1.35) = (1.25, −0.5);   θ₂ = (0.725, −0.4)
    // g₂ = (1.45 − 0.4, 0.725 − 1.2) = (1.05, −0.475); θ₃ = (0.62, −0.3525)
    const { thetas } = quadraticRun(optimizerById('sgd'), { learningRate: 0.1, steps: 3 });
    expectTrajectory(thetas, [[0.85, -0.45], [0.725, -0.4], [0.62, -0.3525]]);
  });

  it('momentum (η 0.1, μ 0.9)', () => {
    // v₁ = g₀ = (1.5, −0.5);                         θ₁ = (0.85, −0.45)
    // g₁ = (1.25, −0.5);   v₂ = 0.9v₁ + g₁ = (2.6, −0.95);      θ₂ = (0.85 − 0.26, −0.45 + 0.095) = (0.59, −0.355)
    // g₂ = (1.18 − 0.355, 0.59 − 1.065) = (0.825, −0.475); v₃ = (2.34 + 0.825, −0.855 − 0.475) = (3.165, −1.33)
    //                                                θ₃ = (0.59 − 0.3165, −0.355 + 0.133) = (0.2735, −0.222)
    const { thetas } = quadraticRun(optimizerById('momentum'), { learningRate: 0.1, steps: 3, params: { momentum: 0.9 } });
    expectTrajectory(thetas, [[0.85, -0.45], [0.59, -0.355], [0.2735, -0.222]]);
  });

  it('nesterov (η 0.1, μ 0.9)', () => {
    // v₁ = (1.5, −0.5); g + μv = (2.85, −0.95);            θ₁ = (0.715, −0.405)
    // g₁ = (1.43 − 0.405, 0.715 − 1.215) = (1.025, −0.5); v₂ = (1.35 + 1.025, −0.45 − 0.5) = (2.375, −0.95)
    //   g + μv = (1.025 + 2.1375, −0.5 − 0.855) = (3.1625, −1.355); θ₂ = (0.39875, −0.2695)
    // g₂ = (0.7975 − 0.2695, 0.39875 − 0.8085) = (0.528, −0.40975); v₃ = (2.1375 + 0.528, −0.855 − 0.40975) = (2.6655, −1.26475)
    //   g + μv = (0.528 + 2.39895, −0.40975 − 1.138275) = (2.92695, −1.548025); θ₃ = (0.106055, −0.1146975)
    const { thetas } = quadraticRun(optimizerById('nesterov'), { learningRate: 0.1, steps: 3, params: { momentum: 0.9 } });
    expectTrajectory(thetas, [[0.715, -0.405], [0.39875, -0.2695], [0.106055, -0.1146975]]);
  });

  it('adagrad (η 0.1)', () => {
    // G₁ = g₀² = (2.25, 0.25), √G₁ = (1.5, 0.5): θ₁ = θ₀ − 0.1·(1, −1) = (0.9, −0.4)
    // g₁ = (1.4, −0.3); G₂ = (4.21, 0.34), √G₂ = (2.051828452, 0.5830951895)
    //   θ₂ = (0.9 − 0.14/2.051828452, −0.4 + 0.03/0.5830951895) = (0.831768176, −0.3485504267)
    // g₂ = (1.314985925, −0.213883104); G₃ = (5.939187982, 0.3857459854), √G₃ = (2.437044928, 0.6210845235)
    //   θ₃ = (0.831768176 − 0.1314985925/2.437044928, −0.3485504267 + 0.0213883104/0.6210845235)
    const { thetas } = quadraticRun(optimizerById('adagrad'), { learningRate: 0.1, steps: 3 });
    expectTrajectory(thetas, [[0.9, -0.4], [0.831768176, -0.3485504267], [0.7778099619, -0.3141133907]]);
  });

  it('rmsprop (η 0.01, ρ 0.9)', () => {
    // s₁ = 0.1g₀² = (0.225, 0.025), √s₁ = (0.474341649, 0.158113883)
    //   θ₁ = (1 − 0.015/0.474341649, −0.5 + 0.005/0.158113883) = (0.9683772234, −0.4683772234)
    // g₁ = (1.468377223, −0.4367544468); s₂ = 0.9s₁ + 0.1g₁² = (0.4181131668, 0.04157544468)
    //   θ₂ = θ₁ − 0.01·g₁/√s₂ = (0.9456686058, −0.446957255)
    // g₂ = (1.444379957, −0.3952031594); s₃ = (0.584925196, 0.05303645435); θ₃ = θ₂ − 0.01·g₂/√s₃
    const { thetas } = quadraticRun(optimizerById('rmsprop'), { learningRate: 0.01, steps: 3, params: { rho: 0.9 } });
    expectTrajectory(thetas, [[0.9683772234, -0.4683772234], [0.9456686058, -0.446957255], [0.9267829842, -0.4297966282]]);
  });

  // Adam family at η 0.3, β 0.9/0.999. Step 1: m̂ = g₀ and √v̂ = |g₀|, so u = m̂/√v̂ = sign g₀ = (1, −1).
  it('adam (η 0.3)', () => {
    // θ₁ = θ₀ − 0.3(1, −1) = (0.7, −0.2)
    // g₁ = (1.2, 0.1): m = (0.255, −0.035), v = (0.00368775, 0.00025975); ÷(1 − 0.9²) = 0.19, ÷(1 − 0.999²) = 0.001999
    //   m̂ = (1.342105263, −0.1842105263), √v̂ = (1.358233189, 0.3604718691), u = (0.9881257967, −0.5110260895)
    //   θ₂ = (0.7 − 0.296437739, −0.2 + 0.1533078269) = (0.403562261, −0.0466921731)
    // g₂ = (0.7604323468, 0.2634857255): m̂ = (1.12746581, −0.01900896268), √v̂ = (1.192558141, 0.3312824116)
    //   u = (0.945417889, −0.05737993155); θ₃ = θ₂ − 0.3u
    const { thetas } = quadraticRun(optimizerById('adam'), { learningRate: 0.3, steps: 3 });
    expectTrajectory(thetas, [[0.7, -0.2], [0.403562263, -0.04669217915], [0.1199368963, -0.02947819968]]);
  });

  it('adamw (η 0.3, λ 0.1)', () => {
    // θ₁ = θ₀ − 0.3((1, −1) + 0.1θ₀) = (1 − 0.33, −0.5 + 0.315) = (0.67, −0.185)
    // g₁ = (1.155, 0.115): m̂ = (1.318421053, −0.1763157895), √v̂ = (1.338575134, 0.3627027361)
    //   u = (0.9849436227, −0.4861165232); u + λθ₁ = (1.051943623, −0.5046165232); θ₂ = (0.3544169131, −0.0336150430)
    // g₂ = (0.6752187814, 0.2535717685): u = (0.9318071125, −0.05354078289); u + λθ₂ = (0.9672488041, −0.05690228777)
    const { thetas } = quadraticRun(optimizerById('adamw'), { learningRate: 0.3, steps: 3, params: { weightDecay: 0.1 } });
    expectTrajectory(thetas, [[0.67, -0.185], [0.3544169151, -0.03361504887], [0.06424227391, -0.01654436254]]);
  });

  it('grams (η 0.3, λ 0.1)', () => {
    // Step 1 as adamw: θ₁ = (0.67, −0.185).
    // g₁ = (1.155, 0.115), u = (0.9849436227, −0.4861165232) as adamw, but the step takes g's sign:
    //   sign(g₁)|u| + λθ₁ = (0.9849436227 + 0.067, 0.4861165232 − 0.0185) = (1.051943623, 0.4676165232)
    //   θ₂ = (0.67 − 0.3155830869, −0.185 − 0.140284957) = (0.3544169131, −0.325284957)
    // g₂ = (0.3835488675, −0.6214379732): u = (0.8731245239, −0.7319117569);
    //   sign(g₂)|u| + λθ₂ = (0.9085662154, −0.7644402531); θ₃ = θ₂ − 0.3·that
    const { thetas } = quadraticRun(optimizerById('grams'), { learningRate: 0.3, steps: 3, params: { weightDecay: 0.1 } });
    expectTrajectory(thetas, [[0.67, -0.185], [0.3544169151, -0.3252849628], [0.0818470505, -0.09595288683]]);
  });

  it('ademamix (η 0.3, β₃ 0.9999, α 5, λ 0.1)', () => {
    // m₂ = 0.0001g₀ = (0.00015, −0.00005), not bias-corrected;
    //   (m̂₁ + 5m₂)/√v̂ + λθ₀ = ((1.5 + 0.00075)/1.5, (−0.5 − 0.00025)/0.5) + (0.1, −0.05) = (1.1005, −1.0505)
    //   θ₁ = (1 − 0.33015, −0.5 + 0.31515) = (0.66985, −0.18485)
    // g₁ = (1.15485, 0.11530): m₂ = 0.9999m₂ + 0.0001g₁ = (0.00026547, −0.0000384650)
    //   m̂₁ = (1.318342105, −0.1761578947), √v̂ = (1.33851039, 0.3627503785)
    //   step = (1.052908945, −0.5046325935); θ₂ = (0.3539773184, −0.0334602280)
    // g₂ = (0.6744944088, 0.2535966345): step = (0.9685192794, −0.05674905885); θ₃ = θ₂ − 0.3·step
    const { thetas } = quadraticRun(optimizerById('ademamix'), {
      learningRate: 0.3,
      steps: 3,
      params: { beta3: 0.9999, alpha: 5, weightDecay: 0.1 },
    });
    expectTrajectory(thetas, [[0.66985, -0.18485], [0.3539773184, -0.03346022796], [0.06342153457, -0.0164355103]]);
  });

  it('lion (η 0.1, β 0.9/0.99, λ 0.5)', () => {
    // c = 0.1g₀ = (0.15, −0.05): θ₁ = θ₀ − 0.1((1, −1) + 0.5θ₀) = (1 − 0.15, −0.5 + 0.075) = (0.85, −0.375); m = 0.01g₀ = (0.015, −0.005)
    // g₁ = (1.325, −0.275): c = (0.0135 + 0.1325, −0.0045 − 0.0275) = (0.146, −0.032)
    //   θ₂ = (0.85 − 0.1(1 + 0.5·0.85), −0.375 − 0.1(−1 + 0.5·(−0.375))) = (0.85 − 0.1425, −0.375 + 0.11875) = (0.7075, −0.25625)
    //   m = 0.99m + 0.01g₁ = (0.01485 + 0.01325, −0.00495 − 0.00275) = (0.0281, −0.0077)
    // g₂ = (1.15875, −0.06125): c = (0.02529 + 0.115875, −0.00693 − 0.006125) = (0.141165, −0.013055)
    //   θ₃ = (0.7075 − 0.1(1 + 0.35375), −0.25625 + 0.1(1 − 0.128125)) = (0.572125, −0.1434375)
    const { thetas } = quadraticRun(optimizerById('lion'), {
      learningRate: 0.1,
      steps: 3,
      params: { beta1: 0.9, beta2: 0.99, weightDecay: 0.5 },
    });
    expectTrajectory(thetas, [[0.85, -0.375], [0.7075, -0.25625], [0.572125, -0.1434375]]);
  });

  it('sam (η 0.1, ρ 0.05)', () => {
    // ‖g₀‖ = √2.5 = 1.58113883; ε̂ = 0.05g₀/‖g₀‖ = (0.0474341649, −0.0158113883)
    //   ∇L(θ₀ + ε̂) = A(1.0474341649, −0.5158113883) = (1.5790569415, −0.5); θ₁ = (0.8420943058, −0.45)
    // g₁ = (1.2341886117, −0.5079056942), ‖g₁‖ = 1.3346121996; ε̂ = (0.04623772404, −0.01902821263)
    //   ∇L(θ₁ + ε̂) = (1.307635847, −0.518752608); θ₂ = (0.7113307211, −0.3981247392)
    // g₂ = (1.024536703, −0.4830434965), ‖g₂‖ = 1.132698758; ∇L(θ₂ + ε̂) = (1.093664964, −0.5017860696)
    const { thetas } = quadraticRun(optimizerById('sam'), { learningRate: 0.1, steps: 3, params: { rho: 0.05 } });
    expectTrajectory(thetas, [[0.8420943058, -0.45], [0.7113307211, -0.3981247392], [0.6019642247, -0.3479461322]]);
  });

  it('normalized-gd (η 0.1)', () => {
    // θ₁ = θ₀ − 0.1g₀/√2.5 = (1 − 0.0948683298, −0.5 + 0.0316227766) = (0.9051316702, −0.4683772234)
    // g₁ = (1.341886117, −0.5), ‖g₁‖ = 1.432011994; θ₂ = θ₁ − 0.1g₁/‖g₁‖ = (0.811425324, −0.4334613147)
    // g₂ = (1.189389333, −0.4889586202), ‖g₂‖ = 1.285973374; θ₃ = θ₂ − 0.1g₂/‖g₂‖
    const { thetas } = quadraticRun(optimizerById('normalized-gd'), { learningRate: 0.1, steps: 3 });
    expectTrajectory(thetas, [[0.9051316702, -0.4683772234], [0.811425324, -0.4334613147], [0.7189359025, -0.3954388618]]);
  });
});

describe('lion with weight decay', () => {
  it('ends inside ‖θ‖∞ ≤ 1/λ even when the unconstrained minimum lies outside', () => {
    // Minimum at c = (5, −5), box ‖θ‖∞ ≤ 2 (λ = 0.5), start outside the box at (8, 3).
    const lambda = 0.5;
    const { thetas } = quadraticRun(optimizerById('lion'), {
      learningRate: 0.05,
      steps: 400,
      theta0: [8, 3],
      center: [5, -5],
      params: { weightDecay: lambda },
    });
    for (const theta of thetas.slice(300)) {
      expect(Math.max(...theta.map(Math.abs))).toBeLessThanOrEqual(1 / lambda + 1e-4);
    }
    // The constraint is active: the iterates sit at the corner nearest the minimum.
    expect(thetas.at(-1)![0]).toBeGreaterThan(1.9);
    expect(thetas.at(-1)![1]).toBeLessThan(-1.9);
  });

  it('without decay the same run leaves the box', () => {
    const { thetas } = quadraticRun(optimizerById('lion'), { learningRate: 0.05, steps: 400, theta0: [8, 3], center: [5, -5] });
    expect(Math.max(...thetas.at(-1)!.map(Math.abs))).toBeGreaterThan(4);
  });
});

describe.each(OPTIMIZERS.map((o) => [o.id, o] as const))('%s', (_id, optimizer) => {
  it('leaks no tensors across steps and frees its slots on dispose', () => {
    const run = quadraticRun(optimizer, { learningRate: optimizer.defaultLearningRate, steps: 6 });
    expect(new Set(run.tensorCounts).size).toBe(1);
    expect(run.after).toBe(run.before);
  });

  it('has a KaTeX formula, a default rate and defaults inside their ranges', () => {
    expect(optimizer.tex.length).toBeGreaterThan(0);
    expect(optimizer.defaultLearningRate).toBeGreaterThan(0);
    for (const p of optimizer.params) {
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
      expect(p.step).toBeGreaterThan(0);
    }
    expect(optimizerParamsResolve(optimizer)).toEqual(Object.fromEntries(optimizer.params.map((p) => [p.id, p.default])));
  });
});

describe('registry', () => {
  it('offers every optimizer of the catalog', () => {
    const ids = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'lion', 'sam', 'grams', 'ademamix', 'normalized-gd'];
    expect(OPTIMIZERS.map((o) => o.id).sort()).toEqual([...ids].sort());
  });

  it('throws on an unknown id, naming it', () => {
    expect(() => optimizerById('nope')).toThrow('unknown optimizer: nope');
  });

  it('adamw decays by 0.01 and ademamix uses β₃ 0.9999, α 5 by default', () => {
    expect(optimizerParamsResolve(optimizerById('adamw')).weightDecay).toBe(0.01);
    expect(optimizerParamsResolve(optimizerById('ademamix'))).toMatchObject({ beta3: 0.9999, alpha: 5 });
    expect(optimizerParamsResolve(optimizerById('lion'))).toMatchObject({ beta1: 0.9, beta2: 0.99, weightDecay: 0 });
    expect(optimizerParamsResolve(optimizerById('sam')).rho).toBe(0.05);
  });
});
