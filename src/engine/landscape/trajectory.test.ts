import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { rng } from '../rng';
import { landscapeRandomPlane } from './directions';
import { landscapeEvaluator, landscapeLossOf } from './evaluate';
import { landscapeGrid, landscapeGridPoints, landscapeGridSquare } from './grid';
import { landscapeFlatten, landscapePlanePoint, landscapeUnflatten, vectorAxpy, vectorDot } from './params';
import {
  landscapeCheckpointLosses,
  landscapeExtentCovering,
  landscapeFlatPlane,
  landscapeGridSample,
  landscapeProject,
  landscapeTrajectoryDiagnostics,
} from './trajectory';
import { landscapeTestProblem } from './landscapeTesting';

function gaussian(seed: number, size: number): Float64Array {
  const random = rng(seed);
  return Float64Array.from({ length: size }, () => random.normal());
}

describe('projecting checkpoints onto the plane', () => {
  const size = 50;
  const center = Float32Array.from(gaussian(1, size));
  const d1 = Float32Array.from(gaussian(2, size));
  // Deliberately not orthogonal to d1, and of another length.
  const d2 = Float32Array.from(gaussian(3, size), (x, i) => 0.3 * x + 0.5 * d1[i]!);
  const plane = { center, d1, d2 };
  const known = [
    [0, 0],
    [1, 0],
    [0.3, -0.7],
    [-2.5, 1.25],
  ] as const;

  it('recovers known coordinates with zero distance for points in the plane', () => {
    const points = known.map(([a, b]) => {
      const theta = Float64Array.from(center);
      vectorAxpy(theta, a, d1);
      vectorAxpy(theta, b, d2);
      return Float32Array.from(theta);
    });
    landscapeProject(plane, points).forEach((p, k) => {
      expect(p.alpha).toBeCloseTo(known[k]![0], 5);
      expect(p.beta).toBeCloseTo(known[k]![1], 5);
      expect(p.distance).toBeLessThan(1e-5);
    });
  });

  it('reports the distance of a point off the plane', () => {
    // An offset orthogonal to both directions, of norm 2.
    const e1 = Float64Array.from(d1);
    const e2 = Float64Array.from(d2);
    vectorAxpy(e2, -vectorDot(e2, e1) / vectorDot(e1, e1), e1);
    const off = gaussian(4, size);
    for (const e of [e1, e2]) vectorAxpy(off, -vectorDot(off, e) / vectorDot(e, e), e);
    const scale = 2 / Math.sqrt(vectorDot(off, off));
    const theta = Float64Array.from(center);
    vectorAxpy(theta, 0.4, d1);
    vectorAxpy(theta, -1.1, d2);
    vectorAxpy(theta, scale, off);
    const [p] = landscapeProject(plane, [Float32Array.from(theta)]);
    expect(p!.alpha).toBeCloseTo(0.4, 5);
    expect(p!.beta).toBeCloseTo(-1.1, 5);
    expect(p!.distance).toBeCloseTo(2, 5);
  });

  it('projects onto a line when d2 is null, and refuses parallel directions', () => {
    const theta = Float64Array.from(center);
    vectorAxpy(theta, 0.75, d1);
    const [p] = landscapeProject({ center, d1, d2: null }, [Float32Array.from(theta)]);
    expect(p!.alpha).toBeCloseTo(0.75, 5);
    expect(p!.beta).toBe(0);
    expect(() => landscapeProject({ center, d1, d2: Float32Array.from(d1, (x) => 2 * x) }, [center])).toThrow(/parallel/);
  });
});

describe('sampling the surface under a point', () => {
  const spec = { resolution: 5, alpha: [-1, 1], beta: [0, 2] } as const;
  const f = (a: number, b: number): number => 1 + 2 * a - 3 * b + 0.5 * a * b;
  const { alphas, betas } = landscapeGridPoints(spec);
  const grid = Float32Array.from(alphas, (a, k) => f(a, betas[k]!));

  it('interpolates a bilinear function exactly, at and between nodes', () => {
    for (const [a, b] of [
      [-1, 0],
      [1, 2],
      [0.5, 1],
      [0.3, 0.7],
      [-0.77, 1.99],
    ] as const) {
      expect(landscapeGridSample(spec, grid, a, b)).toBeCloseTo(f(a, b), 5);
    }
  });

  it('is NaN outside the grid', () => {
    expect(landscapeGridSample(spec, grid, 1.2, 1)).toBeNaN();
    expect(landscapeGridSample(spec, grid, 0, -0.1)).toBeNaN();
  });
});

describe('trajectory diagnostics', () => {
  it('compares the true loss at checkpoints with the surface under them', async () => {
    const problem = landscapeTestProblem({ n: 40, classes: 3, hidden: [6], activation: 'tanh' });
    const plane = landscapeRandomPlane(problem.layers, 2);
    const spec = landscapeGridSquare(1, 9);
    const before = tf.memory().numTensors;
    const evaluator = landscapeEvaluator(problem.objective, plane);
    const grid = await landscapeGrid(evaluator, spec);
    evaluator.dispose();

    // One checkpoint on a grid node, one in the plane between nodes, one off the plane.
    const flatPlane = landscapeFlatPlane(plane);
    const onNode = landscapePlanePoint(plane, 0.25, -0.5);
    const between = landscapePlanePoint(plane, 0.1, 0.3);
    const offFlat = landscapeFlatten(landscapePlanePoint(plane, -0.5, 0.5)).map((x, i) => x + 0.3 * Math.sin(i));
    const off = landscapeUnflatten(offFlat, problem.layers);
    const checkpoints = [onNode, between, off];
    const losses = await landscapeCheckpointLosses(problem.objective, checkpoints);
    expect(tf.memory().numTensors).toBe(before);
    expect(losses[0]).toBeCloseTo(await landscapeLossOf(problem.objective, onNode), 6);

    const projections = landscapeProject(flatPlane, checkpoints.map(landscapeFlatten));
    const diagnostics = landscapeTrajectoryDiagnostics(projections, losses, spec, grid);
    expect(diagnostics[0]!.distance).toBeLessThan(1e-4);
    expect(Math.abs(diagnostics[0]!.gap)).toBeLessThan(1e-4);
    expect(diagnostics[1]!.distance).toBeLessThan(1e-4);
    expect(Number.isFinite(diagnostics[1]!.surfaceLoss)).toBe(true);
    expect(diagnostics[2]!.distance).toBeGreaterThan(0.1);
    expect(diagnostics[2]!.gap).toBeCloseTo(diagnostics[2]!.loss - diagnostics[2]!.surfaceLoss, 9);
    problem.dispose();
  });

  it('chooses grid ranges that cover the projected path', () => {
    const spec = landscapeExtentCovering(
      [
        { alpha: -3, beta: 0.5 },
        { alpha: 1, beta: 0.01 },
      ],
      21,
    );
    expect(spec.resolution).toBe(21);
    expect(spec.alpha[0]).toBeLessThan(-3);
    expect(spec.alpha[1]).toBeGreaterThan(1);
    expect(spec.beta[0]).toBeLessThanOrEqual(-0.1);
    expect(spec.beta[1]).toBeGreaterThan(0.5);
  });
});
