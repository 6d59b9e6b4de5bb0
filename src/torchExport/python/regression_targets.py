"""What a regression loss trains against (src/engine/regressionTargets.ts,
src/losses/regression/bins.ts, hlGauss.ts, twoHot.ts).

Point losses (MSE, MAE, Huber, log-cosh, pinball) have one output, the prediction, and train on
the target itself. Histogram losses (HL-Gauss, two-hot; Farebrother et al. 2024, "Stop Regressing:
Training Value Functions via Classification for Scalable Deep RL") have m outputs, logits over m
equal bins spanning the support, train with cross-entropy against a target histogram, and predict
the histogram's mean over the bin centres. The support is the training targets' range widened by
10% on each side. Histograms are made once per loss in float64 and rounded once to float32, as in
the app.
"""
import math

import torch

from compat import js_round

HISTOGRAM_LOSSES = ("hl-gauss", "two-hot")
SUPPORT_MARGIN = 0.1


def support(train_targets, margin=SUPPORT_MARGIN):
    """(v_min, v_max): the training targets' range and `margin` of its width on each side
    (half a unit on each side when all targets are equal)."""
    lo, hi = min(train_targets), max(train_targets)
    pad = margin * (hi - lo) if hi > lo else 0.5
    return lo - pad, hi + pad


def bin_count(params):
    return js_round(params["bins"])


def bin_width(span, bins):
    return (span[1] - span[0]) / bins


def bin_edges(span, bins):
    """The m + 1 edges; the last is v_max itself, not v_min + m w, which may round past it."""
    width = bin_width(span, bins)
    return [span[1] if i == bins else span[0] + i * width for i in range(bins + 1)]


def bin_centres(span, bins):
    width = bin_width(span, bins)
    return [span[0] + (i + 0.5) * width for i in range(bins)]


def normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def hl_gauss_histogram(target, params, span):
    """N(y, sigma^2), y clipped to the support, integrated over each bin with the normal CDF and
    renormalised over the support; sigma = (sigma / w) * w, in bin widths (0.75 recommended)."""
    bins = bin_count(params)
    sigma = params["sigma"] * bin_width(span, bins)
    y = min(span[1], max(span[0], target))
    cdf = [normal_cdf((edge - y) / sigma) for edge in bin_edges(span, bins)]
    total = cdf[bins] - cdf[0]
    return [max(0.0, cdf[i + 1] - cdf[i]) / total for i in range(bins)]


def two_hot_histogram(target, params, span):
    """y clipped to [c_1, c_m], its mass split linearly between the two centres around it, so that
    sum_i p_i c_i is the clipped target exactly."""
    bins = bin_count(params)
    width = bin_width(span, bins)
    centres = bin_centres(span, bins)
    y = min(centres[-1], max(centres[0], target))
    lower = min(bins - 2, math.floor((y - centres[0]) / width))
    upper_share = (y - centres[lower]) / (centres[lower + 1] - centres[lower])
    histogram = [0.0] * bins
    histogram[lower] = 1 - upper_share
    histogram[lower + 1] = upper_share
    return histogram


HISTOGRAMS = {"hl-gauss": hl_gauss_histogram, "two-hot": two_hot_histogram}


def outputs(loss_id, params):
    """The model's output units under this loss."""
    return bin_count(params) if loss_id in HISTOGRAM_LOSSES else 1


def encode(loss_id, params, targets, span):
    """The targets (a list of floats) as the loss trains on them, `n x outputs` float32."""
    if loss_id not in HISTOGRAM_LOSSES:
        return torch.tensor(targets, dtype=torch.float32).reshape(-1, 1)
    rows = [HISTOGRAMS[loss_id](t, params, span) for t in targets]
    return torch.tensor(rows, dtype=torch.float64).to(torch.float32)


def predict(loss_id, params, z, span):
    """Predictions `[n]` from the outputs `n x outputs`: the output itself, or the mean of
    softmax(z) over the bin centres."""
    if loss_id not in HISTOGRAM_LOSSES:
        return z.reshape(-1)
    centres = torch.tensor(bin_centres(span, bin_count(params)), dtype=torch.float32)
    return (torch.softmax(z, 1) * centres).sum(1)


def split_targets(data, run, split):
    """What a run's loss is computed against on a split: one-hot rows for a classification, or a
    regression's targets encoded for the run's loss."""
    if data.task != "regression":
        return split.targets
    return encode(run["loss"], run["loss_params"], split.values, data.support)
