"""Preference optimisation and unlearning on a toy policy (src/engine/preference/*), as the app
trains them.

The problem (data.json): prompts x on the plane, K responses with centres c_y and a hidden reward
r*(x, y) = -|x - c_y|^2, one preference pair (y_w, y_l) per prompt (label noise included), each
prompt's best response, and a forget set (the prompts nearest a seeded point) and its retain set.
The policy pi(y|x) is an MLP from the prompt to K logits; pi_ref is the policy where training
starts, frozen. Preference runs start from the seeded MLP; when any run of the experiment unlearns,
every run starts from that MLP fine-tuned with Adam (lr 0.03) for PREFERENCE["warmup_steps"]
full-batch steps on every prompt's best response. Steps take minibatches as classification does
(a seeded per-epoch order; batch size 0 is every row): of the pairs for a preference loss, of the
forget set (and, in an order of its own, the retain set) for an unlearning loss.
"""
import torch

import optim
import preference_losses
from model import build_model, flat_parameters
from preference_losses import log_prob_of
from rng import Rng, permutation, seed_for

WARMUP = {"learning_rate": 0.03, "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}


def _one_hot(labels, k):
    return torch.nn.functional.one_hot(torch.tensor(labels, dtype=torch.int64), k).to(torch.float32)


class Problem:
    """The problem's constant tensors, from data.json's entries."""

    def __init__(self, raw):
        k = raw["responses"]
        self.responses = k
        self.x = torch.tensor(raw["x"], dtype=torch.float32).reshape(-1, 2)
        self.chosen, self.rejected, self.best = _one_hot(raw["chosen"], k), _one_hot(raw["rejected"], k), _one_hot(raw["best"], k)
        forget, retain = torch.tensor(raw["forget"], dtype=torch.int64), torch.tensor(raw["retain"], dtype=torch.int64)
        self.forget_x, self.forget_target = self.x[forget], self.best[forget]
        self.retain_x, self.retain_target = self.x[retain], self.best[retain]
        reward = torch.tensor(raw["reward"], dtype=torch.float32).reshape(-1, k)
        # beats[i, y, y'] = 1 if r*(x_i, y) > r*(x_i, y'), 1/2 on a tie: the win-rate's table.
        a, b = reward.unsqueeze(2), reward.unsqueeze(1)
        self.beats = (a > b).to(torch.float32) + 0.5 * (a == b).to(torch.float32)


def warm_up(model, problem, steps):
    """Fine-tunes the policy on every prompt's best response (Adam, full batch), as the app does
    before unlearning: a model must know the answers it is to forget."""
    params = list(model.parameters())
    adam = optim.make_optimizer("adam", params, WARMUP["adam"])
    for _ in range(steps):
        for p in params:
            p.grad = None
        (-log_prob_of(model(problem.x), problem.best).mean()).backward()
        with torch.no_grad():
            adam.step(WARMUP["learning_rate"])


def references(model, problem):
    """log pi_ref over all prompts, the forget set and the retain set (the starting policy, frozen)."""
    with torch.no_grad():
        return {name: torch.log_softmax(model(x), 1) for name, x in (("all", problem.x), ("forget", problem.forget_x), ("retain", problem.retain_x))}


def rows_all(problem, ref):
    """Every row each loss may read, with log pi_ref of its response."""
    return {
        "pairs": {"x": problem.x, "chosen": problem.chosen, "rejected": problem.rejected, "ref_chosen": (problem.chosen * ref["all"]).sum(1), "ref_rejected": (problem.rejected * ref["all"]).sum(1)},
        "forget": {"x": problem.forget_x, "target": problem.forget_target, "ref": (problem.forget_target * ref["forget"]).sum(1)},
        "retain": {"x": problem.retain_x, "target": problem.retain_target, "ref": (problem.retain_target * ref["retain"]).sum(1)},
    }


class Order:
    """The next minibatch's rows in a seeded per-epoch order (src/engine/minibatchOrder.ts); None:
    every row (batch size 0, or not below the set's size)."""

    def __init__(self, seed):
        self.random = Rng(seed_for(seed, "batches"))
        self.order, self.cursor = [], 0

    def next(self, size, total):
        if size <= 0 or size >= total:
            return None
        if self.cursor + size > len(self.order):
            self.order, self.cursor = permutation(self.random, total), 0
        rows = self.order[self.cursor:self.cursor + size]
        self.cursor += size
        return torch.tensor(rows, dtype=torch.int64)


class Batches:
    """A preference loss batches the pairs in the order of the seed, exactly as a classification
    run batches its points; an unlearning loss the forget set in that order and the retain set in
    an order of its own (seeded "retain"), each up to the batch size."""

    def __init__(self, seed, rows, family, size):
        self.rows, self.family, self.size = rows, family, size
        self.order, self.retain_order = Order(seed), Order(seed_for(seed, "retain"))

    def next(self, uses_retain):
        def take(part, order):
            rows = order.next(self.size, self.rows[part]["x"].shape[0])
            return self.rows[part] if rows is None else {key: value[rows] for key, value in self.rows[part].items()}

        if self.family == "preference":
            return dict(self.rows, pairs=take("pairs", self.order))
        forget = take("forget", self.order)
        retain = take("retain", self.retain_order) if uses_retain else self.rows["retain"]
        return dict(self.rows, forget=forget, retain=retain)


def objective(loss_id, params, model, rows):
    """The loss on the rows its family reads (a minibatch, or every prompt): the pairs, or the
    forget (and retain) sets."""
    fn, family, uses_retain = preference_losses.LOSSES[loss_id]
    inputs = {}
    if family == "preference":
        pairs = rows["pairs"]
        inputs["pairs"] = dict(pairs, logits=model(pairs["x"]))
    else:
        inputs["forget"] = dict(rows["forget"], logits=model(rows["forget"]["x"]))
        if uses_retain:
            inputs["retain"] = dict(rows["retain"], logits=model(rows["retain"]["x"]))
    return fn(inputs, params)


def train_run(data, run_index, steps, exp, project_dir_weights, checkpoint_every=0):
    """Trains run `run_index` for `steps` steps: the objective before each update, the policy, and
    checkpoints at the start, every `checkpoint_every` steps and at the end."""
    run = exp.RUNS[run_index]
    problem = Problem(data.preference)
    sizes = [2] + [exp.MODEL["width"]] * exp.MODEL["layers"] + [problem.responses]
    model = build_model(sizes, exp.MODEL["activation"], exp.SEED, project_dir_weights)
    warm_up(model, problem, exp.PREFERENCE["warmup_steps"])
    ref = references(model, problem)
    _, family, uses_retain = preference_losses.LOSSES[run["loss"]]
    batches = Batches(exp.SEED, rows_all(problem, ref), family, run["batch_size"])
    params = list(model.parameters())
    optimizer = optim.make_optimizer(run["optimizer"], params, run["optimizer_params"])
    own_decay = run["optimizer"] in optim.OWN_WEIGHT_DECAY
    history = []
    checkpoints = [(0, flat_parameters(model).clone())]

    def gradient():
        for p in params:
            p.grad = None
        value = objective(run["loss"], run["loss_params"], model, rows)
        value.backward()
        return value.detach(), [p.grad for p in params]

    for step in range(steps):
        lr = optim.learning_rate(run["schedule"], run["schedule_params"], run["learning_rate"], step, run["total_steps"])
        rows = batches.next(uses_retain)
        value, grads = gradient()
        history.append(float(value))
        with torch.no_grad():
            # The general weight-decay option, decoupled and before the update, as for every task.
            if run["weight_decay"] > 0 and not own_decay:
                optim.apply_weight_decay(params, lr, run["weight_decay"])
            if run["clip_norm"] > 0:
                grads = optim.clip_by_global_norm(grads, run["clip_norm"])
            for p, g in zip(params, grads):
                p.grad = g

            def gradient_at():
                with torch.enable_grad():
                    return gradient()[1]

            optimizer.step(lr, gradient_at)
        if checkpoint_every and (step + 1) % checkpoint_every == 0 and (step + 1) < steps:
            checkpoints.append((step + 1, flat_parameters(model).clone()))
    checkpoints.append((steps, flat_parameters(model).clone()))
    # The problem and pi_ref come back too: the run's objective (landscape.py) reads them.
    return {"losses": history, "model": model, "sizes": sizes, "checkpoints": checkpoints, "optimizer": optimizer, "probes": probe(model, problem, ref), "problem": problem, "ref": ref}


def probe(model, problem, ref):
    """What the app's preference views read: mean log pi(y_w) and log pi(y_l), the implicit reward
    margin per unit beta, the win-rate against pi_ref under the hidden reward (ties 1/2), and the
    mean probability of the forget and the retain sets' answers."""
    with torch.no_grad():
        log_all = torch.log_softmax(model(problem.x), 1)
        log_chosen, log_rejected = (problem.chosen * log_all).sum(1), (problem.rejected * log_all).sum(1)
        margin = ((log_chosen - (problem.chosen * ref["all"]).sum(1)) - (log_rejected - (problem.rejected * ref["all"]).sum(1))).mean()
        win_rate = (log_all.exp().unsqueeze(2) * problem.beats * ref["all"].exp().unsqueeze(1)).sum() / problem.x.shape[0]
        forget = log_prob_of(model(problem.forget_x), problem.forget_target).exp().mean()
        retain = log_prob_of(model(problem.retain_x), problem.retain_target).exp().mean()
    return {"log_chosen": float(log_chosen.mean()), "log_rejected": float(log_rejected.mean()), "margin": float(margin), "win_rate": float(win_rate), "forget_prob": float(forget), "retain_prob": float(retain)}
