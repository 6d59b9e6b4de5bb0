"""What train.py reports after training (src/engine/trainingRunEvaluation.ts, metrics/*): for a
classification the accuracy and the test split's calibration before and after temperature
scaling, for a regression the MSE and MAE beside predicting the training mean, and for both
lambda_max of the training objective's Hessian, as the app's sharpness probe computes it.
"""
import torch

import experiment as default_experiment
import losses
import metrics
import moe
import regression_targets
import regularization
from model import app_parameters, forward_with


def evaluate(data, run, model, exp=default_experiment, sharpness_iterations=20, step=0, optimizer=None):
    """Accuracy, calibration before and after temperature scaling (a regression: MSE and MAE
    against predicting the training mean), and lambda_max from a cold start (`step` is the
    training step, for losses that draw per step). As in the app, with Adam it is the
    preconditioned lambda_max(P^-1 H), the one that meets Adam's stability line."""
    sharp = sharpness(data, run, model, exp, sharpness_iterations, step, optimizer)
    if data.task == "regression":
        return {**regression_report(data, run, model), **sharp}
    with torch.no_grad():
        accuracy = {name: float((model(s.x).argmax(1) == s.labels).float().mean()) for name, s in (("train", data.train), ("validation", data.validation), ("test", data.test))}
        fit = metrics.temperature_fit(model(data.validation.x), data.validation.labels)
        test_logits = model(data.test.x).to(torch.float64)
    bins, binning = exp.METRICS["bins"], exp.METRICS["binning"]
    before = metrics.calibration(torch.softmax(test_logits, 1), data.test.labels, bins, binning)
    after = metrics.calibration(torch.softmax(test_logits / fit["temperature"], 1), data.test.labels, bins, binning)
    return {"accuracy": accuracy, "temperature": fit, "calibration_before": before, "calibration_after": after, **sharp}


def regression_report(data, run, model):
    """Test, validation and train MSE and MAE of the predictions, and of predicting the training
    targets' mean, as the app's regression readout."""
    mean = sum(data.train.values) / max(1, len(data.train.values))
    out = {"baseline_mean": mean}
    with torch.no_grad():
        for name, split in (("train", data.train), ("validation", data.validation), ("test", data.test)):
            y = split.targets.reshape(-1).to(torch.float64)
            predicted = regression_targets.predict(run["loss"], run["loss_params"], model(split.x), data.support).to(torch.float64)
            out[name] = {"mse": float((predicted - y).square().mean()), "mae": float((predicted - y).abs().mean()), "mean_mse": float((mean - y).square().mean())}
    return out


def sharpness(data, run, model, exp, sharpness_iterations, step, optimizer):
    """lambda_max of the full-batch training objective's Hessian (loss, add-ons and penalty)."""
    context = losses.Context(data.classes, data.class_priors, step, exp.SEED)
    targets = regression_targets.split_targets(data, run, data.train)
    domains = moe.domains_of(data.train.raw, exp.MODEL["domains"]) if isinstance(model, moe.MoE) else None

    def gradient_at(ps):
        ps = [p.detach().requires_grad_(True) for p in ps]
        if isinstance(model, moe.MoE):
            # The objective the app's landscape draws and its sharpness probe takes: each domain of
            # the training set one micro-batch (micro-batch LBL), or all of it one (global).
            routed = moe.route_with(ps, data.train.x, model.top_k, len(model.experts), model.activation)
            z, auxiliary = routed["logits"], moe.full_batch_auxiliary_loss(routed, model.top_k, run["moe"], domains)
        else:
            z, auxiliary = forward_with(ps, data.train.x, exp.MODEL["activation"]), None
        value = losses.objective(run["loss"], run["loss_params"], run["addons"], z, targets, context, task=data.task)
        value = (value if auxiliary is None else value + auxiliary) + regularization.of_run(run, ps)
        return list(torch.autograd.grad(value, ps))

    at = app_parameters(model)
    diagonal = optimizer.preconditioner() if hasattr(optimizer, "preconditioner") else None
    if diagonal is not None:
        # The optimizer's slots follow nn.Linear's layout; the app's weights are transposed.
        scale = [torch.rsqrt(p.detach().cpu()).t().contiguous() if p.dim() == 2 else torch.rsqrt(p.detach().cpu()) for p in diagonal]
        gradient_at = metrics.preconditioned(gradient_at, at, scale)
    lam, _ = metrics.sharpness(gradient_at, at, iterations=sharpness_iterations, seed=exp.SEED)
    return {"lambda_max": lam, "preconditioned": diagonal is not None}
