"""The loss landscape (src/engine/landscape): L(theta + alpha d1 + beta d2) on a grid.

Directions, as in the app:
- "random": filter-normalised Gaussian directions (Li, Xu, Taylor, Studer & Goldstein 2018,
  Visualizing the Loss Landscape of Neural Nets, section 4), drawn from the seed's
  "landscape-d1" and "landscape-d2" streams in the app's storage order; each output unit's
  incoming weights are rescaled to the norm of the same unit's weights in theta; bias directions
  are zero unless keep_bias (then the unit's bias joins its filter);
- "pca": the top two principal directions of the trajectory (Li et al. section 7), from the
  Gram matrix of the centred checkpoints by power iteration with deflation, in float64, with the
  same seeded start; the grid covers the projected path with a 20% margin.
The surface is the run's total objective over the whole training set (landscape_objective.py):
the loss with its add-ons and the L1/L2 penalty; for a mixture of experts also alpha * LBL (each
domain one micro-batch, or the global batch) and the router z-loss; for a preference run the loss
with pi_ref's log-probabilities. `--points` remakes the data (generate.py) for every generated
kind, preference prompts included.

Run: python3 landscape.py [--steps N] [--resolution R] [--directions random|pca] [--out surface.json]
Distributed: torchrun --nproc_per_node=N landscape.py --resolution 201 trains as train.py does
(a mixture of experts and a preference run train whole in every process, as their batches cannot
be split), then each process computes every N-th row of the grid and the rows are gathered on
process 0, which writes the surface.
"""
import argparse
import json
import math

import torch
import torch.distributed as dist

import data as data_module
import experiment
import landscape_objective
import losses
import regression_targets
import train
from landscape_objective import unflatten  # noqa: F401 (landscape.unflatten, for scripts that import it)
from model import layer_shapes as _shapes
from rng import Rng, seed_for


def param_count(sizes):
    return sum(i * o + o for i, o in _shapes(sizes))


def filter_normalised_direction(center, sizes, random, keep_bias=False):
    """One filter-normalised Gaussian direction for the flat float32 vector `center`."""
    theta = [t.tolist() for t in unflatten(center.to(torch.float64), sizes)]
    parts = []
    for l, (inputs, outputs) in enumerate(_shapes(sizes)):
        w = [x for row in theta[2 * l] for x in row]
        b = theta[2 * l + 1]
        drawn_w = [random.normal() for _ in range(inputs * outputs)]
        drawn_b = [random.normal() for _ in range(outputs)] if keep_bias else [0.0] * outputs
        dw, db = [0.0] * (inputs * outputs), [0.0] * outputs
        for j in range(outputs):
            theta_sq = sum(w[i * outputs + j] ** 2 for i in range(inputs))
            dir_sq = sum(drawn_w[i * outputs + j] ** 2 for i in range(inputs))
            if keep_bias:
                theta_sq += b[j] ** 2
                dir_sq += drawn_b[j] ** 2
            scale = math.sqrt(theta_sq / dir_sq) if dir_sq > 0 else 0.0
            for i in range(inputs):
                dw[i * outputs + j] = drawn_w[i * outputs + j] * scale
            if keep_bias:
                db[j] = drawn_b[j] * scale
        parts += [torch.tensor(dw, dtype=torch.float32), torch.tensor(db, dtype=torch.float32)]
    return torch.cat(parts)


def random_plane(center, sizes, seed, keep_bias=False):
    d1 = filter_normalised_direction(center, sizes, Rng(seed_for(seed, "landscape-d1")), keep_bias)
    d2 = filter_normalised_direction(center, sizes, Rng(seed_for(seed, "landscape-d2")), keep_bias)
    return d1, d2


def _power_iteration(g, start, max_iterations=2000, tolerance=1e-12):
    n = g.shape[0]
    v = start / torch.linalg.norm(start)
    for _ in range(max_iterations):
        nxt = g @ v
        norm = torch.linalg.norm(nxt)
        if not norm > 0:
            return 0.0, v
        change = torch.max(torch.abs(nxt / norm - v)).item() if n else 0.0
        v = nxt / norm
        if change < tolerance:
            break
    return max(0.0, float(v @ g @ v)), v


def pca_plane(trajectory):
    """Top-2 PCA directions (unit, float32) of the checkpoints (flat float32 vectors, oldest
    first), and the explained variance of each."""
    rows = torch.stack([t.to(torch.float64) for t in trajectory])
    rows = rows - rows.mean(0)
    gram = rows @ rows.t()
    trace = float(torch.trace(gram))
    if not trace > 0:
        raise ValueError("the trajectory does not move")
    random = Rng(0x5EED)
    count = len(trajectory)

    def start():
        return torch.tensor([random.normal() for _ in range(count)], dtype=torch.float64)

    first_value, first = _power_iteration(gram, start())
    deflated = gram - first_value * torch.outer(first, first)
    second_value, second = _power_iteration(deflated, start())
    d1 = rows.t() @ first
    d1 = d1 / torch.linalg.norm(d1)
    d2 = rows.t() @ second
    d2 = d2 - (d2 @ d1) * d1
    if not second_value > 1e-12 * first_value or not torch.linalg.norm(d2) > 1e-9 * math.sqrt(first_value):
        axis = int(torch.argmin(torch.abs(d1)))
        d2 = torch.zeros_like(d1)
        d2[axis] = 1
        d2 = d2 - d1[axis] * d1
        second_value = 0.0
    d2 = d2 / torch.linalg.norm(d2)
    return d1.to(torch.float32), d2.to(torch.float32), (first_value / trace, second_value / trace)


def project(center, d1, d2, points):
    """Least-squares (alpha, beta) of each point on the plane, in float64."""
    c, a, b = (v.to(torch.float64) for v in (center, d1, d2))
    g11, g12, g22 = float(a @ a), float(a @ b), float(b @ b)
    det = g11 * g22 - g12 * g12
    out = []
    for theta in points:
        r = theta.to(torch.float64) - c
        r1, r2 = float(a @ r), float(b @ r)
        out.append(((g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det))
    return out


def extent_covering(projections, margin=0.2, min_radius=0.1):
    """Ranges that hold every projected point with a margin, never narrower than +-min_radius."""
    def span(values):
        lo, hi = min([0.0] + values), max([0.0] + values)
        pad = max((hi - lo) * margin, 1e-12)
        return (min(lo - pad, -min_radius), max(hi + pad, min_radius))

    return span([p[0] for p in projections]), span([p[1] for p in projections])


def grid_axis(lo, hi, resolution):
    """R evenly spaced coordinates from lo to hi, as float32 (as the app's grid)."""
    if resolution == 1:
        return torch.tensor([(lo + hi) / 2], dtype=torch.float32)
    return torch.tensor([lo + (hi - lo) * k / (resolution - 1) for k in range(resolution)], dtype=torch.float32)


def surface_grid(objective_at, center, d1, d2, alpha_range, beta_range, resolution, rows=None):
    """objective_at(weights) on the grid, row-major with beta along the rows:
    out[i][j] = L(center + alpha_j d1 + beta_i d2), the weights taken in float64 (the objective
    rounds them once to float32). `rows` limits the work to some rows (to split a grid across
    processes)."""
    alphas = grid_axis(*alpha_range, resolution).tolist()
    betas = grid_axis(*beta_range, resolution).tolist()
    c, a, b = (v.to(torch.float64) for v in (center, d1, d2))
    with torch.no_grad():
        return [[objective_at(c + alpha * a + betas[i] * b) for alpha in alphas] for i in (rows if rows is not None else range(resolution))]


def surface(center, d1, d2, sizes, activation, split, loss_id, loss_params, context, alpha_range, beta_range, resolution, rows=None, penalty=("none", 0), targets=None, task="classification", addons=None):
    """An MLP's losses on the grid (see surface_grid): the loss with `addons` over `split` (against
    `targets`, default the split's one-hot rows; a regression's encoded targets), plus `penalty`,
    the run's (kind, rate) of L1/L2, added at each point's float64 weights."""
    run = {"loss": loss_id, "loss_params": loss_params, "addons": addons or {}, "regularization": penalty[0], "regularization_rate": penalty[1]}
    at = landscape_objective.mlp_objective(sizes, activation, split.x, run, split.targets if targets is None else targets, context, task)
    return surface_grid(at, center, d1, d2, alpha_range, beta_range, resolution, rows)


def objective_of(result, data, run):
    """The run's objective at a point (landscape_objective.py) and its layers' layout."""
    if data.task == "preference":
        return landscape_objective.preference_objective(result["sizes"], experiment.MODEL["activation"], run, result["problem"], result["ref"]), result["sizes"]
    context = losses.Context(data.classes, data.class_priors, 0, experiment.SEED)
    targets = regression_targets.split_targets(data, run, data.train)
    if experiment.MODEL.get("kind") == "moe":
        return landscape_objective.moe_objective(result["model"], run, data.train, experiment.MODEL["domains"], targets, context, data.task)
    return landscape_objective.mlp_objective(result["sizes"], experiment.MODEL["activation"], data.train.x, run, targets, context, data.task), result["sizes"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", type=int, default=0, help="which run of a comparison (0: the first)")
    parser.add_argument("--steps", type=int, default=200, help="train this many steps first")
    parser.add_argument("--resolution", type=int, default=11)
    parser.add_argument("--directions", choices=["random", "pca"], default=experiment.LANDSCAPE["directions"] if experiment.LANDSCAPE["directions"] != "solutions" else "random")
    parser.add_argument("--every", type=int, default=10, help="checkpoint cadence for PCA directions")
    parser.add_argument("--out", default="surface.json")
    parser.add_argument("--width", type=int, default=None, help="units per hidden layer (default: the experiment's)")
    parser.add_argument("--layers", type=int, default=None, help="hidden layers (default: the experiment's)")
    parser.add_argument("--points", type=int, default=None, help="points to generate (default: data.json's)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    data = data_module.load(points=args.points)
    rank, world, _ = train.distributed()
    # A mixture's micro-batches are one domain each: every process trains it whole.
    result = train.train_run(data, args.run, args.steps, checkpoint_every=args.every, width=args.width, layers=args.layers, local=experiment.MODEL.get("kind") == "moe")
    run = experiment.RUNS[args.run]
    sizes = result["sizes"]
    objective_at, layout = objective_of(result, data, run)
    center = result["checkpoints"][-1][1]
    if args.directions == "random":
        d1, d2 = random_plane(center, layout, experiment.SEED, experiment.LANDSCAPE["keep_bias"])
        r = experiment.LANDSCAPE["range"]
        alpha_range = beta_range = (-r, r)
    else:
        d1, d2, explained = pca_plane([w for _, w in result["checkpoints"]])
        if rank == 0:
            print(f"explained variance: {explained[0]:.4f}, {explained[1]:.4f}")
        alpha_range, beta_range = extent_covering(project(center, d1, d2, [w for _, w in result["checkpoints"]]))
        zoom = experiment.LANDSCAPE["range"]
        alpha_range = (alpha_range[0] * zoom, alpha_range[1] * zoom)
        beta_range = (beta_range[0] * zoom, beta_range[1] * zoom)
    rows = list(range(rank, args.resolution, world))
    part = surface_grid(objective_at, center.cpu(), d1, d2, alpha_range, beta_range, args.resolution, rows)
    if world > 1:
        parts = [None] * world
        dist.all_gather_object(parts, (rows, part))
    else:
        parts = [(rows, part)]
    if rank != 0:
        return
    # The trajectory's checkpoints on the plane, so a viewer can draw the path on the surface.
    checkpoints = result["checkpoints"]
    projected = project(center, d1, d2, [w for _, w in checkpoints])
    grid = [None] * args.resolution
    for indices, values in parts:
        for i, row in zip(indices, values):
            grid[i] = row
    with open(args.out, "w") as f:
        # Self-describing, for viewing elsewhere (Losscape's "Import surface"): losses[i][j] is at
        # (alpha_j, beta_i), both axes `resolution` points from the first to the second value of
        # their range, ends included; the surface is centred on the last checkpoint (0, 0), and
        # `path` is every checkpoint projected onto the plane (least squares), oldest first.
        json.dump({
            "format": "losscape-surface",
            "version": 1,
            "run": args.run,
            "loss": run["loss"],
            "sizes": sizes,
            **({"experts": len(result["model"].experts)} if experiment.MODEL.get("kind") == "moe" else {}),
            # The weights at the centre, flat in the app's order (a mixture: router, then experts).
            "center": center.tolist(),
            "directions": args.directions,
            "step": args.steps,
            "alpha": alpha_range,
            "beta": beta_range,
            "resolution": args.resolution,
            "losses": grid,
            "training_losses": result["losses"],
            "keep_bias": bool(experiment.LANDSCAPE["keep_bias"]),
            "processes": world,
            "path": {
                "steps": [step for step, _ in checkpoints],
                "alpha": [a for a, _ in projected],
                "beta": [b for _, b in projected],
            },
        }, f)
    for row in grid:
        print(" ".join(f"{v:.5f}" for v in row))


if __name__ == "__main__":
    main()
