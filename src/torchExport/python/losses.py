"""Every loss and add-on of Losscape (src/losses/*.ts) in PyTorch.

Notation: logits z (n x K), one-hot targets t (n x K), p = softmax(z), p_y the true class's
probability. A loss returns one value per example (level "example"; the training loss is their
mean) or one value for the batch (level "batch"). Each function follows the app's tfjs code
operation by operation, so float32 results agree with the app's engine.
"""
import math

import torch
import torch.nn.functional as F

import regression_losses
from batch_losses import anyloss, soft_dice
from compat import js_round
from ensloss import ensloss


class Context:
    """What a loss may need beyond the batch: the class count, the training class priors, the
    training step and the seed (for losses that draw something new each minibatch)."""

    def __init__(self, classes, class_priors, step=0, seed=1):
        self.classes = classes
        self.class_priors = list(class_priors)
        self.step = step
        self.seed = seed


# --- shared pieces ---------------------------------------------------------------------------

def pick_target(values, t):
    """The true class's entry of each row."""
    return (t * values).sum(1)


def log_py(z, t):
    """log p_y for each row."""
    return pick_target(F.log_softmax(z, 1), t)


def one_minus_py(z, t):
    """1 - p_y as the sum of the other classes' probabilities: no cancellation near p_y = 1."""
    return ((1 - t) * F.softmax(z, 1)).sum(1)


# --- the losses ------------------------------------------------------------------------------

def ce(z, t, params, context):
    """Cross-entropy: logsumexp(z) - z_y = -log p_y.
    Source: Cross-Entropy Loss Functions: Theoretical Analysis and Applications."""
    return -(t * F.log_softmax(z, 1)).sum(1)


def ce_temp(z, t, params, context):
    """Temperature-scaled CE: -log softmax(z / T)_y.  T (1, 0.05-20).
    Source: Label Distributionally Robust Losses for Multi-class Classification."""
    return -log_py(z / params["T"], t)


def label_smoothing(z, t, params, context):
    """Label smoothing: -sum_k q_k log p_k with q = (1 - eps) e_y + eps / K.  eps (0.1, 0-0.5).
    Source: textbook (Szegedy et al. 2016)."""
    eps = params["epsilon"]
    q = (1 - eps) * t + eps / z.shape[1]
    return -(q * F.log_softmax(z, 1)).sum(1)


NEAR_ONE = 0.5


def stable_log_py(z, t, omp):
    """log p_y accurate at both ends in float32: log1p(-(1 - p_y)) while 1 - p_y < 1/2 (log_softmax
    rounds 1 + sum e^(z_k - z_y) there), log_softmax otherwise; blended by a 0/1 mask without gradient."""
    near_one = torch.log1p(-torch.clamp(omp, max=NEAR_ONE))
    use_near_one = (NEAR_ONE - omp > 0).to(z.dtype)
    return use_near_one * near_one + (1 - use_near_one) * log_py(z, t)


def focal(z, t, params, context):
    """Focal: -(1 - p_y)^gamma log p_y.  gamma (2, 0-5).
    Source: textbook (Lin et al. 2017); named in Is Heuristic Sampling Necessary in Training Deep
    Object Detectors?  1 - p_y is the sum of the other classes' probabilities (no cancellation near
    p_y = 1) and is kept off 0 (1e-12): pow(0, gamma < 1) has an infinite slope."""
    omp = one_minus_py(z, t)
    lp = stable_log_py(z, t, omp)
    base = torch.clamp(omp, min=1e-12)
    return -(torch.pow(base, params["gamma"]) * lp)


def comp_sum(z, t, params, context):
    """Comp-sum family: u = sum_{k != y} e^(z_k - z_y); tau = 1: log(1 + u), else
    ((1 + u)^(1 - tau) - 1) / (1 - tau), written as expm1((tau - 1) log p_y) / (1 - tau).  tau (1, 0-2).
    For tau < 1, log p_y is floored at -80 (float32 would overflow).
    Source: Cross-Entropy Loss Functions: Theoretical Analysis and Applications."""
    tau = params["tau"]
    lp = log_py(z, t)
    if abs(1 - tau) < 1e-9:
        return -lp
    bounded = torch.clamp(lp, min=-80) if tau < 1 else lp
    return torch.expm1((tau - 1) * bounded) / (1 - tau)


def gce(z, t, params, context):
    """Generalized CE: (1 - p_y^q) / q.  q (0.7, 0.05-1).
    Source: textbook (Zhang & Sabuncu 2018); a comp-sum member."""
    q = params["q"]
    return -torch.expm1(q * log_py(z, t)) / q


def mae(z, t, params, context):
    """Mean absolute error: ||e_y - p||_1 = 2 (1 - p_y).  Source: comp-sum member."""
    return 2 * one_minus_py(z, t)


def brier(z, t, params, context):
    """Brier / MSE on probabilities: ||p - e_y||^2.  Source: textbook."""
    return torch.square(F.softmax(z, 1) - t).sum(1)


def mse(z, t, params, context):
    """MSE on raw outputs: 1/2 ||z - e_y||^2 (TensorFlow Playground's loss).  Source: textbook."""
    return 0.5 * torch.square(z - t).sum(1)


def sce(z, t, params, context):
    """Symmetric CE: alpha CE + beta (-sum_k p_k log q_k), q = e_y with log 0 := A, so the
    reverse term is -A (1 - p_y).  alpha (0.1), beta (1), A (-4).
    Source: textbook (Wang et al. 2019); used in Robust Mean Teacher for Continual and Gradual
    Test-Time Adaptation."""
    ce_part = -log_py(z, t)
    reverse = -params["A"] * one_minus_py(z, t)
    return params["alpha"] * ce_part + params["beta"] * reverse


def _hinge(z, t, c):
    # max(0, c + max_{k != y} z_k - z_y) = max_k (c 1[k != y] + z_k) - z_y. One maximum is read
    # through a constant one-hot mask (the first in class order), so that a tie sends the gradient
    # to one rival: a valid subgradient.
    augmented = z + c * (1 - t)
    chosen = F.one_hot(torch.argmax(augmented, 1), z.shape[1]).to(z.dtype)
    return (augmented * chosen).sum(1) - pick_target(z, t)


def hinge(z, t, params, context):
    """Multi-class hinge (Crammer-Singer): max(0, c + max_{k != y} z_k - z_y).  c (1, 0-5).
    Source: textbook; the lambda -> 0 end of LDR."""
    return _hinge(z, t, params["c"])


def sq_hinge(z, t, params, context):
    """Squared hinge (L2-SVM): max(0, c + max_{k != y} z_k - z_y)^2.  c (1).
    Source: A Neural Network Architecture Combining GRU and SVM..."""
    return torch.square(_hinge(z, t, params["c"]))


def ldr_kl(z, t, params, context):
    """LDR-KL: lambda log((1/K) sum_k exp((c 1[k != y] + z_k - z_y) / lambda)).  lambda (1, 0.01-10), c (1, 0-5).
    Source: Label Distributionally Robust Losses for Multi-class Classification."""
    lam, c = params["lambda"], params["c"]
    margins = z + c * (1 - t) - pick_target(z, t).unsqueeze(1)
    return lam * (torch.logsumexp(margins / lam, 1) - math.log(z.shape[1]))


def z_spherical(z, t, params, context):
    """Z-loss (spherical family): z~ = (z - mean z) / std z; (1/a) softplus(a (b - z~_y)).
    a (1, 0.1-10), b (1, 0-5); needs K >= 3.
    Source: The Z-loss: a shift and scale invariant classification loss..."""
    a, b = params["a"], params["b"]
    centred = z - z.mean(1, keepdim=True)
    std = torch.sqrt(torch.square(centred).mean(1, keepdim=True) + 1e-12)
    z_tilde_y = pick_target(centred / std, t)
    return F.softplus(a * (b - z_tilde_y)) / a


def dice(z, t, params, context):
    """Self-adjusting Dice: 1 - (2 (1 - p_y)^alpha p_y + gamma) / ((1 - p_y)^alpha p_y + 1 + gamma),
    computed as (1 - w) / (1 + gamma + w) with w = (1 - p_y)^alpha p_y.  alpha (1, 0-3), gamma (1, 0.01-2).
    Source: Dice Loss for Data-imbalanced NLP Tasks."""
    alpha, gamma = params["alpha"], params["gamma"]
    py = pick_target(F.softmax(z, 1), t)
    weighted = torch.pow(torch.clamp(one_minus_py(z, t), min=1e-12), alpha) * py
    return (1 - weighted) / ((1 + gamma) + weighted)


def dco(z, t, params, context):
    """Limiting confidence: -log(1 - (1 - p_y)^N), computed as -log p_y - log sum_{j<N} q^j with
    q = 1 - p_y (no cancellation; N = 1 is cross-entropy).  N (4, 1-64, a whole number).
    Source: Rethinking Fine-Tuning when Scaling Test-Time Compute: Limiting Confidence Improves
    Mathematical Reasoning."""
    n = max(1, js_round(params["N"]))
    ce_part = -log_py(z, t)
    if n == 1:
        return ce_part
    q = one_minus_py(z, t).unsqueeze(1)
    powers = torch.pow(q, torch.arange(1, n, dtype=torch.float32, device=z.device).reshape(1, n - 1))
    return ce_part - torch.log(1 + powers.sum(1))


def ldam_margins(class_priors):
    """Delta_j = C / n_j^(1/4) with max Delta = 0.5; a class absent from training gets 0.5."""
    present = [p for p in class_priors if p > 0]
    if not present:
        return [0.5 for _ in class_priors]
    rarest = min(present)
    return [0.5 * (rarest / p) ** 0.25 if p > 0 else 0.5 for p in class_priors]


def ldam(z, t, params, context):
    """LDAM: CE on s (z - Delta_y e_y), Delta_j = C / n_j^(1/4), C so that max Delta = 0.5
    (class sizes from the training class priors).  s (1, 0.1-30).
    Source: textbook (Cao et al. 2019); named in TransICD."""
    margins = torch.tensor(ldam_margins(context.class_priors), dtype=torch.float32, device=z.device)
    shifted = z - t * margins
    return -log_py(params["s"] * shifted, t)


def logit_adjusted(z, t, params, context):
    """Logit-adjusted CE: CE on z + tau log pi (pi: training class priors, floored at 1e-8).  tau (1, 0-3).
    Source: textbook (Menon et al. 2021); prior correction as in A systematic study of the class
    imbalance problem in CNNs."""
    tau = params["tau"]
    shift = torch.tensor([tau * math.log(max(p, 1e-8)) for p in context.class_priors], dtype=torch.float32, device=z.device)
    return -log_py(z + shift, t)


# id -> (function, level)
LOSSES = {
    "ce": (ce, "example"),
    "ce-temp": (ce_temp, "example"),
    "label-smoothing": (label_smoothing, "example"),
    "focal": (focal, "example"),
    "comp-sum": (comp_sum, "example"),
    "gce": (gce, "example"),
    "mae": (mae, "example"),
    "brier": (brier, "example"),
    "mse": (mse, "example"),
    "sce": (sce, "example"),
    "hinge": (hinge, "example"),
    "sq-hinge": (sq_hinge, "example"),
    "ldr-kl": (ldr_kl, "example"),
    "z-spherical": (z_spherical, "example"),
    "dice": (dice, "example"),
    "soft-dice": (soft_dice, "batch"),
    "anyloss": (anyloss, "batch"),
    "dco": (dco, "example"),
    "ldam": (ldam, "example"),
    "logit-adjusted": (logit_adjusted, "example"),
    "ensloss": (ensloss, "example"),
}


# --- add-ons: per-example terms added to any loss ---------------------------------------------

def z_reg(z, params):
    """Logit-drift penalty: lambda (logsumexp z)^2.  lambda (1e-4).
    Source: Small-scale proxies for large-scale Transformer training instabilities."""
    return params["lambda"] * torch.square(torch.logsumexp(z, 1))


def confidence_penalty(z, params):
    """Confidence penalty: -beta H(p) = beta sum_k p_k log p_k.  beta (0.1).
    Source: textbook (Pereyra et al. 2017)."""
    log_p = F.log_softmax(z, 1)
    return params["beta"] * (torch.exp(log_p) * log_p).sum(1)


ADDONS = {"z-reg": z_reg, "confidence-penalty": confidence_penalty}


# --- the objective ---------------------------------------------------------------------------

def loss_function(loss_id, task="classification"):
    """(function, level) of a loss id: ids are scoped by the task (`mse` of a regression is
    regression_losses.mse, of a classification the Brier-like MSE above)."""
    return regression_losses.LOSSES[loss_id] if task == "regression" else LOSSES[loss_id]


def mixup_loss(loss_id, z, t_a, t_b, lambdas, params, context, task="classification"):
    """lambda L(y_A) + (1 - lambda) L(y_B): per example, or for a batch-level loss the two batch
    losses weighted by the mean lambda."""
    fn, level = loss_function(loss_id, task)
    loss_a = fn(z, t_a, params, context)
    loss_b = fn(z, t_b, params, context)
    weight = lambdas if level == "example" else lambdas.mean()
    return weight * loss_a + (1 - weight) * loss_b


def objective(loss_id, loss_params, addons, z, t, context, t_b=None, lambdas=None, task="classification"):
    """The training objective: the loss (mixed over two targets under mixup), averaged over the
    batch when it is per-example, plus the mean of each enabled add-on. A regression's `t` are
    its encoded targets (regression_targets.encode)."""
    fn, level = loss_function(loss_id, task)
    if t_b is not None:
        values = mixup_loss(loss_id, z, t, t_b, lambdas, loss_params, context, task)
    else:
        values = fn(z, t, loss_params, context)
    total = values.mean() if level == "example" else values
    for addon_id, addon_params in addons.items():
        total = total + ADDONS[addon_id](z, addon_params).mean()
    return total
