"""Trains the exported experiment as Losscape's engine does (src/engine/trainingRun.ts) and prints
the loss curve: the minibatch objective before each update, one line per step.

Each step: the learning rate from the schedule; the next minibatch (the whole training split,
or a seeded per-epoch order; for a mixture of experts, one-domain micro-batches, and the
objective adds alpha * LBL and the router z-loss, moe.py); mixup when on; the gradient of the objective (loss + add-ons + the
L1/L2 penalty, whose value is reported apart: the curve is the data loss, as in the app);
clipping to a global norm; decoupled weight decay for optimizers without their own; the update.
At the end: accuracy, calibration of the test split before and after temperature scaling (T fitted
on the validation split) and lambda_max of the training-loss Hessian.

Run: python3 train.py [--steps N] [--run I] [--every K] [--threads T] [--width W] [--layers L] [--points P]

Distributed: torchrun --nproc_per_node=N train.py ... trains with DistributedDataParallel (NCCL on
GPUs, gloo on CPU). Every process draws the same batch (and mixup) from the seed and trains on its
share of the rows; each share's loss is weighted by its size, so that DDP's gradient average is the
gradient of the whole batch and the loss curve is the single-process one (for per-example losses;
a batch-level loss, soft Dice or AnyLoss, is then computed per share). --width and --layers scale
the model: initial weights are then drawn from the seed by the app's rule; --points makes that many
points with the same generator and settings (generated data only).
"""
import argparse
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

import data as data_module
import experiment as default_experiment
import losses
import mixup
import moe
import optim
import preference
import regression_targets
import regularization
from evaluate import evaluate  # noqa: F401 (train.evaluate, for scripts that import train)
from model import build_model, flat_parameters
from rng import Rng, permutation, seed_for

HERE = os.path.dirname(os.path.abspath(__file__))


class Batches:
    """The whole training split each step, or minibatches in a seeded order reshuffled each epoch."""

    def __init__(self, x, targets, size, seed):
        self.x, self.targets, self.size = x, targets, size
        self.random = Rng(seed_for(seed, "batches"))
        self.order, self.cursor = [], 0

    def next(self):
        total = self.x.shape[0]
        if self.size <= 0 or self.size >= total:
            return self.x, self.targets
        if self.cursor + self.size > len(self.order):
            self.order, self.cursor = permutation(self.random, total), 0
        rows = torch.tensor(self.order[self.cursor:self.cursor + self.size], dtype=torch.int64)
        self.cursor += self.size
        return self.x[rows], self.targets[rows]


class MixtureBatches:
    """A mixture of experts' global batches: `micro_batches` micro-batches of one domain each (moe.py)."""

    def __init__(self, split, targets, domains, settings, seed):
        self.x, self.targets, self.settings = split.x, targets, settings
        self.sampler = moe.DomainBatches(split.raw, domains, seed)

    def next(self):
        rows = self.sampler.next(self.settings["micro_batches"], self.settings["micro_batch_size"])
        return self.x[rows], self.targets[rows]


def layer_sizes(exp, data, width=None, layers=None, run=None):
    """Inputs, hidden widths and outputs: one per class, or a regression loss's outputs (one, or a
    histogram's bins)."""
    width = exp.MODEL["width"] if width is None else width
    layers = exp.MODEL["layers"] if layers is None else layers
    outputs = regression_targets.outputs(run["loss"], run["loss_params"]) if data.task == "regression" else data.classes
    return [data.inputs] + [width] * layers + [outputs]


def distributed():
    """(rank, world size, device): from torchrun's environment, else a single process on the CPU."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    cuda = torch.cuda.is_available()
    if world > 1 and not dist.is_initialized():
        dist.init_process_group("nccl" if cuda else "gloo")
    rank = dist.get_rank() if world > 1 else 0
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}") if cuda and world > 1 else torch.device("cpu")
    return rank, world, device


def train_run(data, run_index=0, steps=200, checkpoint_every=0, exp=default_experiment, project_dir=HERE, width=None, layers=None, device=None, local=False):
    """Trains run `run_index` for `steps` steps (data parallel under torchrun, unless `local`: then
    every process trains the whole run itself, as landscape.py does for a mixture). Returns the
    loss of every step, the model, its layer sizes and (every `checkpoint_every` steps, and at the
    start and end) flat checkpoints."""
    if data.task == "preference":
        return preference.train_run(data, run_index, steps, exp, os.path.join(project_dir, "weights.json"), checkpoint_every)
    run = exp.RUNS[run_index]
    rank, world, default_device = (0, 1, torch.device("cpu")) if local else distributed()
    device = torch.device(device) if device else default_device
    sizes = layer_sizes(exp, data, width, layers, run)
    targets = regression_targets.split_targets(data, run, data.train)
    mixture = exp.MODEL.get("kind") == "moe"
    if mixture:
        if world > 1:
            raise SystemExit("train.py trains a mixture of experts in one process: each micro-batch is one domain, which a split across processes would break")
        # --width and --layers size each expert.
        shape = dict(exp.MODEL, width=exp.MODEL["width"] if width is None else width, layers=exp.MODEL["layers"] if layers is None else layers)
        model = moe.build_moe(shape, data.inputs, data.classes, exp.SEED, os.path.join(project_dir, "weights.json")).to(device)
        sizes = model.expert_sizes
        batches = MixtureBatches(data.train, targets, exp.MODEL["domains"], run["moe"], exp.SEED)
    else:
        model = build_model(sizes, exp.MODEL["activation"], exp.SEED, os.path.join(project_dir, "weights.json")).to(device)
        batches = Batches(data.train.x, targets, run["batch_size"], exp.SEED)
    net = DistributedDataParallel(model) if world > 1 else model
    params = list(model.parameters())
    optimizer = optim.make_optimizer(run["optimizer"], params, run["optimizer_params"])
    own_decay = run["optimizer"] in optim.OWN_WEIGHT_DECAY
    mixup_random = Rng(seed_for(exp.SEED, "mixup"))
    history = []
    checkpoints = [(0, flat_parameters(model).cpu().clone())]
    for step in range(steps):
        context = losses.Context(data.classes, data.class_priors, step, exp.SEED)
        lr = optim.learning_rate(run["schedule"], run["schedule_params"], run["learning_rate"], step, run["total_steps"])
        x, t = batches.next()
        t_b = lambdas = None
        if run["mixup"] > 0:
            lambdas, partners = mixup.mixup_draw(mixup_random, run["mixup"], x.shape[0])
            x = mixup.mixup_batch(x, lambdas, torch.tensor(partners, dtype=torch.int64))
            t_b = t[torch.tensor(partners, dtype=torch.int64)]
        # This process's share of the batch (all of it without torchrun).
        rows = torch.tensor_split(torch.arange(x.shape[0]), world)[rank]
        share = len(rows) * world / x.shape[0]
        x, t = x[rows].to(device), t[rows].to(device)
        if t_b is not None:
            t_b, lambdas = t_b[rows].to(device), lambdas[rows].to(device)

        def gradient(with_value=False):
            for p in params:
                p.grad = None
            routed = model.route(x) if mixture else None
            z = routed["logits"] if mixture else net(x)
            value = losses.objective(run["loss"], run["loss_params"], run["addons"], z, t, context, t_b, lambdas, data.task) * share
            if mixture:
                # alpha * LBL over the step's micro-batches, and the router z-loss.
                auxiliary = moe.auxiliary_loss(routed, model.top_k, run["moe"], run["moe"]["micro_batches"])
                value = value if auxiliary is None else value + auxiliary
            # The penalty is the same on every process: DDP's average keeps its gradient whole.
            value = value + regularization.of_run(run, params)
            value.backward()  # under DDP, the gradients arrive averaged over the processes
            grads = [p.grad for p in params]
            if run["clip_norm"] > 0:
                grads = optim.clip_by_global_norm(grads, run["clip_norm"])
            return (value.detach(), grads) if with_value else grads

        value, grads = gradient(with_value=True)
        if world > 1:
            dist.all_reduce(value)
            value = value / world
        # The curve shows the data loss: the objective less the penalty at the same weights.
        history.append(float(value - regularization.of_run(run, params).detach()) if regularization.run_active(run) else float(value))
        with torch.no_grad():
            if run["weight_decay"] > 0 and not own_decay:
                optim.apply_weight_decay(params, lr, run["weight_decay"])
            for p, g in zip(params, grads):
                p.grad = g

            def gradient_at():
                with torch.enable_grad():
                    return gradient()

            optimizer.step(lr, gradient_at)
        if checkpoint_every and (step + 1) % checkpoint_every == 0 and (step + 1) < steps:
            checkpoints.append((step + 1, flat_parameters(model).cpu().clone()))
    checkpoints.append((steps, flat_parameters(model).cpu().clone()))
    return {"losses": history, "model": model, "sizes": sizes, "checkpoints": checkpoints, "optimizer": optimizer}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--run", type=int, default=None, help="train only this run of a comparison (0: the first)")
    parser.add_argument("--every", type=int, default=1, help="print every K steps")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 keeps results reproducible)")
    parser.add_argument("--width", type=int, default=None, help="units per hidden layer (default: the experiment's)")
    parser.add_argument("--layers", type=int, default=None, help="hidden layers (default: the experiment's)")
    parser.add_argument("--points", type=int, default=None, help="points to generate (default: data.json's)")
    parser.add_argument("--device", default=None, help="e.g. cuda for one process on a GPU (default: the CPU; under torchrun, each process's GPU when there are GPUs)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    data = data_module.load(points=args.points)
    rank = distributed()[0]
    runs = range(len(default_experiment.RUNS)) if args.run is None else [args.run]
    for i in runs:
        run = default_experiment.RUNS[i]
        result = train_run(data, i, args.steps, width=args.width, layers=args.layers, device=args.device)
        if rank != 0:
            continue
        if data.task == "preference":
            print(f"# run {i + 1}: loss {run['loss']}, optimizer {run['optimizer']}, lr {run['learning_rate']}, policy {result['sizes']}")
            for step, value in enumerate(result["losses"], start=1):
                if step % args.every == 0 or step == args.steps:
                    print(f"{step} {value:.9g}")
            print("# " + ", ".join(f"{name} {value:.4f}" for name, value in result["probes"].items()))
            continue
        print(f"# run {i + 1}: loss {run['loss']}, optimizer {run['optimizer']}, lr {run['learning_rate']}, layers {result['sizes']}")
        for step, value in enumerate(result["losses"], start=1):
            if step % args.every == 0 or step == args.steps:
                print(f"{step} {value:.9g}")
        report = evaluate(data, run, result["model"].cpu(), step=args.steps, optimizer=result["optimizer"])
        if data.task == "regression":
            t = report["test"]
            print(f"# test MSE {t['mse']:.6g} MAE {t['mae']:.6g} (predicting the training mean {report['baseline_mean']:.4g}: MSE {t['mean_mse']:.6g})")
        else:
            acc = report["accuracy"]
            print(f"# accuracy train {acc['train']:.4f} validation {acc['validation']:.4f} test {acc['test']:.4f}")
            b, a = report["calibration_before"], report["calibration_after"]
            print(f"# test ECE {b['ece']:.4f} -> {a['ece']:.4f} after temperature {report['temperature']['temperature']:.4f}")
        if report["preconditioned"]:
            b1 = run["optimizer_params"]["beta1"]
            line = f"(2 + 2 b1)/((1 - b1) lr) = {(2 + 2 * b1) / ((1 - b1) * run['learning_rate']):.6g}"
            print(f"# preconditioned lambda_max {report['lambda_max']:.6g} {line}")
        else:
            print(f"# lambda_max {report['lambda_max']:.6g} (2/lr = {2 / run['learning_rate']:.6g})")


if __name__ == "__main__":
    main()
