"""The batch-level losses of Losscape (src/losses/dice.ts, anyloss.ts): one value for the whole
batch, from soft counts over it, rather than a mean of per-example values.
"""
import torch
import torch.nn.functional as F

from compat import js_round


def soft_dice(z, t, params, context):
    """Soft Dice, batch-level: mean over classes k of
    1 - (2 sum_i p_ik e_ik + gamma) / (sum_i p_ik^2 + sum_i e_ik^2 + gamma).  gamma (1).
    Source: textbook; Dice Loss for Data-imbalanced NLP Tasks."""
    gamma = params["gamma"]
    p = F.softmax(z, 1)
    overlap = 2 * (p * t).sum(0) + gamma
    size = torch.square(p).sum(0) + torch.square(t).sum(0) + gamma
    return (1 - overlap / size).mean()


ANYLOSS_METRICS = ["F1", "accuracy", "F-beta", "balanced accuracy", "G-mean"]


def anyloss(z, t, params, context):
    """AnyLoss, batch-level: A(p) = 1 / (1 + e^(-L (p - 1/2))) on the positive-class probability;
    soft TP, FN, FP, TN = sums of y A, y (1 - A), (1 - y) A, (1 - y)(1 - A); loss = 1 - metric
    (0 F1, 1 accuracy, 2 F-beta, 3 balanced accuracy, 4 G-mean).  L (73, 1-100), beta (1).
    Binary: class 1 is positive; with K > 2 the metric is averaged one-vs-rest (the app's extension).
    Source: AnyLoss: Transforming Classification Metrics into Loss Functions."""
    metric = min(4, max(0, js_round(params["metric"])))
    steepness, beta = params["L"], params["beta"]
    p = F.softmax(z, 1)
    p, y = (p[:, 1:2], t[:, 1:2]) if z.shape[1] == 2 else (p, t)
    a = torch.sigmoid(steepness * (p - 0.5))
    not_a, not_y = 1 - a, 1 - y
    tp, fn = (y * a).sum(0), (y * not_a).sum(0)
    fp, tn = (not_y * a).sum(0), (not_y * not_a).sum(0)

    def div(num, den):
        return num / torch.clamp(den, min=1e-9)

    if metric == 0:
        score = div(2 * tp, 2 * tp + fn + fp)
    elif metric == 1:
        score = div(tp + tn, tp + tn + fp + fn)
    elif metric == 2:
        b2 = beta ** 2
        score = div((1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp)
    elif metric == 3:
        score = (div(tp, tp + fn) + div(tn, tn + fp)) / 2
    else:
        score = torch.sqrt(torch.clamp(div(tp, tp + fn) * div(tn, tn + fp), min=1e-12))
    return 1 - score.mean()
