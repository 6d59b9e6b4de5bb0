"""Losscape's optimizers and learning-rate schedules (src/engine/optimizers, src/engine/schedules).

The app's conventions, kept here:
- weight decay is decoupled (theta <- theta - lr * lambda * theta) and multiplied by the learning
  rate, as PyTorch's AdamW does. Optimizers with their own lambda (AdamW, Lion, Grams, AdEMAMix)
  apply it in their update; for the others the general option is applied just before the update,
  at the weights the gradient was taken at;
- momentum accumulates raw gradients (v <- mu v + g, PyTorch's SGD with dampening 0);
- RMSProp's rho is the decay of the mean square, with no momentum and no centring;
- Adam folds its bias corrections into the step size (Kingma & Ba 2015, end of section 2);
- gradients are clipped to a global norm before weight decay and the update;
- the schedule multiplies the base rate; step t counts from 0, T is the planned length.

Each optimizer updates the parameters in place from their .grad; `gradient_at()` recomputes
the (clipped) gradient at the current weights, for SAM.
"""
import math

import torch

from compat import js_round


def _ema(average, x, beta):
    return beta * average + (1 - beta) * x


def _global_norm(tensors):
    total = None
    for t in tensors:
        s = torch.square(t).sum()
        total = s if total is None else total + s
    return torch.sqrt(total)


class Optimizer:
    """Holds one state slot list per name, shaped like the parameters."""

    def __init__(self, params, hyper):
        self.params = list(params)
        self.hyper = dict(hyper)
        self.t = 0

    def slots(self):
        return [torch.zeros_like(p) for p in self.params]


class SGD(Optimizer):
    """theta <- theta - lr g.  Source: textbook."""

    def step(self, lr, gradient_at=None):
        for p in self.params:
            p.copy_(p - lr * p.grad)


class Momentum(Optimizer):
    """Heavy ball: v <- mu v + g; theta <- theta - lr v.  Nesterov: theta <- theta - lr (g + mu v).
    mu (0.9).  Source: textbook."""

    def __init__(self, params, hyper, nesterov=False):
        super().__init__(params, hyper)
        self.velocity = self.slots()
        self.nesterov = nesterov

    def step(self, lr, gradient_at=None):
        mu = self.hyper["momentum"]
        for p, v in zip(self.params, self.velocity):
            g = p.grad
            v.copy_(mu * v + g)
            direction = g + mu * v if self.nesterov else v
            p.copy_(p - lr * direction)


class Adagrad(Optimizer):
    """G <- G + g^2; theta <- theta - lr g / (sqrt(G) + eps).  Source: textbook (Duchi et al. 2011)."""

    def __init__(self, params, hyper):
        super().__init__(params, hyper)
        self.accumulator = self.slots()

    def step(self, lr, gradient_at=None):
        eps = self.hyper["epsilon"]
        for p, acc in zip(self.params, self.accumulator):
            g = p.grad
            acc.copy_(acc + torch.square(g))
            p.copy_(p - (lr * g) / (torch.sqrt(acc) + eps))


class RMSProp(Optimizer):
    """s <- rho s + (1 - rho) g^2; theta <- theta - lr g / (sqrt(s) + eps).  rho (0.9).
    Source: textbook (Tieleman & Hinton 2012)."""

    def __init__(self, params, hyper):
        super().__init__(params, hyper)
        self.mean_square = self.slots()

    def step(self, lr, gradient_at=None):
        rho, eps = self.hyper["rho"], self.hyper["epsilon"]
        for p, s in zip(self.params, self.mean_square):
            g = p.grad
            s.copy_(_ema(s, torch.square(g), rho))
            p.copy_(p - (lr * g) / (torch.sqrt(s) + eps))


class AdamBase(Optimizer):
    """Adam's moments: m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2, bias corrections 1 - b^t
    (Kingma & Ba 2015, Algorithm 1)."""

    def __init__(self, params, hyper):
        super().__init__(params, hyper)
        self.m = self.slots()
        self.v = self.slots()

    def advance(self):
        self.t += 1
        return 1 - self.hyper["beta1"] ** self.t, 1 - self.hyper["beta2"] ** self.t

    def moments(self, i, g):
        self.m[i].copy_(_ema(self.m[i], g, self.hyper["beta1"]))
        self.v[i].copy_(_ema(self.v[i], torch.square(g), self.hyper["beta2"]))
        return self.m[i], self.v[i]

    def direction(self, m, v, first, second):
        """u = m^ / (sqrt(v^) + eps)."""
        return (m / first) / (torch.sqrt(v / second) + self.hyper["epsilon"])


class Adam(AdamBase):
    """theta <- theta - lr m^ / (sqrt(v^) + eps), computed as lr_t m / (sqrt(v) + eps^) with
    lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), eps^ = eps sqrt(1 - b2^t).  Source: Kingma & Ba 2015."""

    def step(self, lr, gradient_at=None):
        first, second = self.advance()
        step_size = lr * math.sqrt(second) / first
        eps_hat = self.hyper["epsilon"] * math.sqrt(second)
        for i, p in enumerate(self.params):
            m, v = self.moments(i, p.grad)
            p.copy_(p - (step_size * m) / (torch.sqrt(v) + eps_hat))

    def preconditioner(self):
        """P = (1 - b1^t)(sqrt(v^) + eps) per parameter, so that Adam's step is lr P^-1 m: the P of
        Cohen et al. 2022, Adaptive Gradient Methods at the Edge of Stability, whose preconditioned
        sharpness lambda_max(P^-1 H) settles near (2 + 2 b1) / ((1 - b1) lr). None before the first step."""
        if self.t == 0:
            return None
        first, second = 1 - self.hyper["beta1"] ** self.t, 1 - self.hyper["beta2"] ** self.t
        return [first * (torch.sqrt(v / second) + self.hyper["epsilon"]) for v in self.v]


class AdamW(AdamBase):
    """theta <- theta - lr (m^ / (sqrt(v^) + eps) + lambda theta).  lambda (0.01).
    Source: Loshchilov & Hutter 2019, Decoupled Weight Decay Regularization."""

    def step(self, lr, gradient_at=None):
        first, second = self.advance()
        decay = self.hyper["weightDecay"]
        for i, p in enumerate(self.params):
            m, v = self.moments(i, p.grad)
            p.copy_(p - lr * (self.direction(m, v, first, second) + decay * p))


class Grams(AdamBase):
    """theta <- theta - lr (sign(g) |u| + lambda theta), u Adam's update.
    Source: Grams: Gradient Descent with Adaptive Momentum Scaling."""

    def step(self, lr, gradient_at=None):
        first, second = self.advance()
        decay = self.hyper["weightDecay"]
        for i, p in enumerate(self.params):
            g = p.grad
            m, v = self.moments(i, g)
            u = self.direction(m, v, first, second)
            p.copy_(p - lr * (torch.sign(g) * torch.abs(u) + decay * p))


class AdEMAMix(AdamBase):
    """m1 (b1), slow m2 (b3, not bias-corrected), nu (b2);
    theta <- theta - lr ((m1^ + alpha m2) / (sqrt(nu^) + eps) + lambda theta).  b3 0.9999, alpha 5.
    Source: The AdEMAMix Optimizer: Better, Faster, Older (Algorithm 1 without warm-up schedulers)."""

    def __init__(self, params, hyper):
        super().__init__(params, hyper)
        self.slow = self.slots()

    def step(self, lr, gradient_at=None):
        first, second = self.advance()
        h = self.hyper
        for i, p in enumerate(self.params):
            g = p.grad
            m1, nu = self.moments(i, g)
            self.slow[i].copy_(_ema(self.slow[i], g, h["beta3"]))
            numerator = m1 / first + h["alpha"] * self.slow[i]
            denominator = torch.sqrt(nu / second) + h["epsilon"]
            p.copy_(p - lr * (numerator / denominator + h["weightDecay"] * p))


class Lion(Optimizer):
    """c = b1 m + (1 - b1) g; theta <- theta - lr (sign c + lambda theta); m <- b2 m + (1 - b2) g.
    b (0.9, 0.99).  Source: Lion Secretly Solves Constrained Optimization: As Lyapunov Predicts
    (Chen et al. 2023, Symbolic Discovery of Optimization Algorithms)."""

    def __init__(self, params, hyper):
        super().__init__(params, hyper)
        self.m = self.slots()

    def step(self, lr, gradient_at=None):
        h = self.hyper
        for p, m in zip(self.params, self.m):
            g = p.grad
            c = _ema(m, g, h["beta1"])
            p.copy_(p - lr * (torch.sign(c) + h["weightDecay"] * p))
            m.copy_(_ema(m, g, h["beta2"]))


class SAM(Optimizer):
    """eps^ = rho g / ||g||; theta <- theta - lr grad L(theta + eps^) (over plain SGD).  rho 0.05.
    Source: textbook (Foret et al. 2021)."""

    def step(self, lr, gradient_at=None):
        grads = [p.grad.clone() for p in self.params]
        scale = self.hyper["rho"] / torch.clamp(_global_norm(grads), min=1e-12)
        origin = [p.clone() for p in self.params]
        for p, g in zip(self.params, grads):
            p.copy_(p + scale * g)
        sharp = gradient_at()
        for p, o, g in zip(self.params, origin, sharp):
            p.copy_(o - lr * g)


class NormalizedGD(Optimizer):
    """theta <- theta - lr g / ||g|| (norm over all parameters).  Source: From Logistic Regression
    to the Perceptron Algorithm: Exploring Gradient Descent with Large Step Sizes."""

    def step(self, lr, gradient_at=None):
        scale = lr / torch.clamp(_global_norm([p.grad for p in self.params]), min=1e-12)
        for p in self.params:
            p.copy_(p - scale * p.grad)


OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": lambda params, hyper: Momentum(params, hyper, nesterov=True),
    "adagrad": Adagrad,
    "rmsprop": RMSProp,
    "adam": Adam,
    "adamw": AdamW,
    "lion": Lion,
    "sam": SAM,
    "grams": Grams,
    "ademamix": AdEMAMix,
    "normalized-gd": NormalizedGD,
}
# These apply their own decoupled weight decay; the general option stays off for them.
OWN_WEIGHT_DECAY = {"adamw", "lion", "grams", "ademamix"}


def make_optimizer(optimizer_id, params, hyper):
    return OPTIMIZERS[optimizer_id](params, hyper)


def clip_by_global_norm(grads, max_norm):
    """If ||g|| > c, scale every gradient by c / ||g|| (Pascanu et al. 2013)."""
    factor = torch.clamp(max_norm / _global_norm(grads), max=1)
    return [g * factor for g in grads]


def apply_weight_decay(params, lr, decay):
    """theta <- (1 - lr lambda) theta, decoupled (Loshchilov & Hutter 2019)."""
    if decay == 0:
        return
    factor = 1 - lr * decay
    for p in params:
        p.copy_(p * factor)


# --- schedules: a multiplier f(t) of the base rate ---------------------------------------------

def _cosine(progress, final):
    p = min(1, max(0, progress))
    return final + (1 - final) * 0.5 * (1 + math.cos(math.pi * p))


def _warmup_steps(T, fraction):
    return min(T, js_round(fraction * T))


def schedule_factor(schedule_id, t, T, p):
    """constant; step gamma^floor(t/N); cosine (Loshchilov & Hutter 2017, one cycle); linear 1 - t/T
    (Defazio et al. 2023); warmup then cosine; warmup-stable-decay (Hu et al. 2024, Haegele et al. 2024).
    Warmup: (t + 1) / W over the first W = round(warmup T) steps."""
    if schedule_id == "constant":
        return 1
    if schedule_id == "step":
        return p["gamma"] ** math.floor(t / max(1, js_round(p["every"])))
    if schedule_id == "cosine":
        return _cosine(t / T, p["final"])
    if schedule_id == "linear":
        return max(0, 1 - t / T)
    if schedule_id == "warmup-cosine":
        W = _warmup_steps(T, p["warmup"])
        if t < W:
            return (t + 1) / W
        return _cosine((t - W) / (T - W), p["final"]) if T > W else 1
    if schedule_id == "warmup-stable-decay":
        W = _warmup_steps(T, p["warmup"])
        D = min(T - W, js_round(p["decay"] * T))
        if t < W:
            return (t + 1) / W
        start = T - D
        if t < start or D == 0:
            return 1
        return 1 - (1 - p["final"]) * min(1, (t - start) / D)
    raise ValueError(f"unknown schedule: {schedule_id}")


def learning_rate(schedule_id, schedule_params, base_lr, step, total_steps):
    """The learning rate of step `step` (0 = the first update) of `total_steps`."""
    T = max(1, js_round(total_steps))
    return base_lr * schedule_factor(schedule_id, max(0, step), T, schedule_params)
