"""Every preference and unlearning loss of Losscape (src/losses/preference/*.ts) in PyTorch.

A softmax policy pi(y|x) over K responses per prompt x; pi_ref is the policy at its starting
weights, frozen. Preference losses see pairs (x, y_w chosen, y_l rejected), with the implicit
reward margin h = log pi(y_w)/pi_ref(y_w) - log pi(y_l)/pi_ref(y_l); unlearning losses see a
forget set (and NPO + retain a retain set) of prompts with their answers. Each loss returns the
batch objective (a mean) and follows the app's tfjs code operation by operation.
"""
import torch.nn.functional as F


def log_prob_of(logits, target):
    """log pi(y|x) of each row's one-hot response."""
    return (target * F.log_softmax(logits, 1)).sum(1)


def _margin(pairs):
    log_chosen = log_prob_of(pairs["logits"], pairs["chosen"])
    log_rejected = log_prob_of(pairs["logits"], pairs["rejected"])
    margin = (log_chosen - pairs["ref_chosen"]) - (log_rejected - pairs["ref_rejected"])
    return log_chosen, log_rejected, margin


def _dpo(pairs, beta):
    return F.softplus(-beta * _margin(pairs)[2]).mean()


def dpo(inputs, params):
    """-log sigmoid(beta h), as softplus(-beta h).  beta (0.5, 0.01-5).
    Source: Direct Preference Optimization: Your Language Model is Secretly a Reward Model."""
    return _dpo(inputs["pairs"], params["beta"])


def ipo(inputs, params):
    """(h - 1/(2 tau))^2.  tau (0.25, 0.01-5).
    Source: A General Theoretical Paradigm to Understand Learning from Human Preferences."""
    return (_margin(inputs["pairs"])[2] - 1 / (2 * params["tau"])).square().mean()


def simpo(inputs, params):
    """-log sigmoid(beta (log pi(y_w) - log pi(y_l)) - gamma): reference-free, |y| = 1.  beta (2), gamma (1).
    Source: SimPO: Simple Preference Optimization with a Reference-Free Reward."""
    log_chosen, log_rejected, _ = _margin(inputs["pairs"])
    u = params["beta"] * (log_chosen - log_rejected) - params["gamma"]
    return F.softplus(-u).mean()


def rpo(inputs, params):
    """DPO - eta log pi(y_w): DPO plus SFT on the chosen response.  beta (0.5), eta (1).
    Source: Provably Mitigating Overoptimization in RLHF: Your SFT Loss is Implicitly an Adversarial Regularizer."""
    pairs = inputs["pairs"]
    sft = -log_prob_of(pairs["logits"], pairs["chosen"]).mean()
    return _dpo(pairs, params["beta"]) + params["eta"] * sft


def gradient_ascent(inputs, params):
    """log pi(y_f|x_f): ascent on the forget set's NLL.
    Source: Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning (the baseline)."""
    forget = inputs["forget"]
    return log_prob_of(forget["logits"], forget["target"]).mean()


def _npo(forget, beta):
    ratio = log_prob_of(forget["logits"], forget["target"]) - forget["ref"]
    return 2 / beta * F.softplus(beta * ratio).mean()


def npo(inputs, params):
    """(2/beta) log(1 + (pi/pi_ref)^beta) on the forget set.  beta (1, 0.01-10).
    Source: Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning."""
    return _npo(inputs["forget"], params["beta"])


def npo_retain(inputs, params):
    """NPO - lambda log pi(y_r|x_r): NPO plus the retain set's likelihood.  beta (1), lambda (1).
    Source: Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning."""
    retain = inputs["retain"]
    nll = -log_prob_of(retain["logits"], retain["target"]).mean()
    return _npo(inputs["forget"], params["beta"]) + params["lambda"] * nll


# id -> (function, family, whether it reads the retain set)
LOSSES = {
    "dpo": (dpo, "preference", False),
    "ipo": (ipo, "preference", False),
    "simpo": (simpo, "preference", False),
    "rpo": (rpo, "preference", False),
    "ga": (gradient_ascent, "unlearning", False),
    "npo": (npo, "unlearning", False),
    "npo-rt": (npo_retain, "unlearning", True),
}
