"""L1 and L2 penalties on the weights (src/engine/regularization.ts), as in TensorFlow Playground:
added to the objective as rate * sum|w| (L1) or rate * sum w^2 / 2 (L2) over the kernels only
(biases are not penalised). With the 1/2, L2's gradient is rate * w: plain SGD with L2 at rate
lambda is weight decay at lambda. The loss curve shows the data loss; the penalty is reported
beside it, and the landscape and lambda_max are of the whole objective.
"""
import torch

from model import layer_shapes

KINDS = ("none", "l1", "l2")


def active(kind, rate):
    return kind != "none" and rate > 0


def penalty(kind, rate, kernels):
    """The penalty over weight matrices (a scalar tensor, differentiable in them), summed per
    matrix and then over matrices, as the engine adds them."""
    if not active(kind, rate) or not kernels:
        return torch.zeros(())
    per_matrix = [w.abs().sum() if kind == "l1" else 0.5 * (w * w).sum() for w in kernels]
    return rate * torch.stack(per_matrix).sum()


def kernels_of(params):
    """The kernels of an MLP's parameters in the app's order [W0, b0, W1, b1, ...]."""
    return params[0::2]


def penalty_at(kind, rate, flat, layout):
    """The penalty of flat weights (the app's order) in float64, as the landscape adds it at each
    grid point before the weights are rounded to float32. `layout`: the layer sizes of an MLP
    [inputs, hidden..., outputs], or each dense layer's (inputs, outputs) (a mixture's router and
    experts)."""
    if not active(kind, rate):
        return 0.0
    total, offset = 0.0, 0
    for inputs, outputs in layer_shapes(layout):
        w = flat[offset:offset + inputs * outputs].to(torch.float64)
        total += float(w.abs().sum() if kind == "l1" else 0.5 * (w * w).sum())
        offset += inputs * outputs + outputs
    return rate * total


def run_active(run):
    """Whether a run (experiment.RUNS entry) has a penalty."""
    return active(run["regularization"], run["regularization_rate"])


def of_run(run, params):
    """The run's penalty on the kernels of `params` (the app's order [W0, b0, W1, ...], or
    nn.Linear's: each layer's weight comes before its bias either way); 0 when off."""
    if not run_active(run):
        return torch.zeros(())
    return penalty(run["regularization"], run["regularization_rate"], kernels_of(params))
