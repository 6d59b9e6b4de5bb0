"""Every regression loss of Losscape (src/losses/regression/*.ts) in PyTorch.

Notation: outputs z (n x outputs), encoded targets t (regression_targets.encode: the target
itself for a point loss, a histogram for a histogram loss), residual r = y_hat - y. Each loss
returns one value per example (the training loss is their mean) and follows the app's tfjs code
operation by operation, so float32 results agree with the app's engine.
"""
import math

import torch
import torch.nn.functional as F

SMALL = 1  # log-cosh's switch between its two forms


def _residual(z, t):
    return z - t


def mse(z, t, params, context):
    """(y_hat - y)^2. Source: textbook."""
    return _residual(z, t).square().reshape(-1)


def mae(z, t, params, context):
    """|y_hat - y|. Source: textbook."""
    return _residual(z, t).abs().reshape(-1)


def huber(z, t, params, context):
    """r^2 / 2 for |r| <= delta, delta (|r| - delta / 2) beyond.  delta (1, 0.01-10).
    |r| is split into a part inside delta and the rest, as the app computes it.
    Source: textbook (Huber 1964, Robust Estimation of a Location Parameter)."""
    delta = params["delta"]
    size = _residual(z, t).abs()
    inside = torch.clamp(size, max=delta)
    return (0.5 * inside.square() + delta * (size - inside)).reshape(-1)


def log_cosh(z, t, params, context):
    """log cosh r: log1p(2 sinh^2(r/2)) for |r| < 1 (accurate near 0 in float32), and
    |r| + log1p(e^(-2|r|)) - log 2 beyond (no overflow); blended by a 0/1 mask without gradient.
    Source: textbook."""
    size = _residual(z, t).abs()
    large = size + torch.log1p(torch.exp(-2 * size)) - math.log(2)
    small = torch.log1p(2 * torch.sinh(0.5 * torch.clamp(size, max=SMALL)).square())
    use_small = (SMALL - size > 0).to(z.dtype)
    return (use_small * small + (1 - use_small) * large).reshape(-1)


def pinball(z, t, params, context):
    """max(tau (y - y_hat), (1 - tau)(y_hat - y)): its minimiser is the tau-quantile.  tau (0.5, 0.01-0.99).
    Source: textbook (Koenker & Bassett 1978, Regression Quantiles)."""
    tau = params["tau"]
    r = _residual(z, t)
    return torch.maximum(-tau * r, (1 - tau) * r).reshape(-1)


def histogram_ce(z, t, params, context):
    """HL-Gauss and two-hot: -sum_i p_i(y) log softmax(z)_i against the target histogram.
    Source: Stop Regressing: Training Value Functions via Classification for Scalable Deep RL
    (Farebrother et al. 2024)."""
    return -(t * F.log_softmax(z, 1)).sum(1)


# id -> (function, level); every regression loss is per example.
LOSSES = {
    "mse": (mse, "example"),
    "mae": (mae, "example"),
    "huber": (huber, "example"),
    "log-cosh": (log_cosh, "example"),
    "pinball": (pinball, "example"),
    "hl-gauss": (histogram_ce, "example"),
    "two-hot": (histogram_ce, "example"),
}
