"""Test harness (not part of an exported project): trains every exported case in one Python
process and prints one JSON object per line. Usage: reproduceHarness.py STEPS SURFACE_DIR NUDGED DIR [DIR ...]
(SURFACE_DIR: the folder whose first run also gets its 11x11 random and PCA surfaces and metrics;
NUDGED: comma-separated folders whose runs are also trained from nudged weights, or -)

The fixed modules are imported once from the first folder (they are the same text in every
export); each folder's experiment.py, data.json and weights.json are loaded from that folder.
"""
import importlib.util
import json
import os
import sys

import torch

torch.set_num_threads(1)
steps = int(sys.argv[1])
surface_folder = sys.argv[2]
nudged_folders = set(sys.argv[3].split(","))
folders = sys.argv[4:]
sys.path.insert(0, folders[0])
import data as data_module  # noqa: E402
import generate  # noqa: E402
import landscape  # noqa: E402
import losses  # noqa: E402
import train  # noqa: E402


def nudge_weights(build):
    """The same model with every weight moved by one float32 ulp: how much the problem itself
    amplifies a last-bit difference (its sensitivity), measured without the engine."""

    def nudged(*args, **kwargs):
        model = build(*args, **kwargs)
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(torch.nextafter(p, torch.full_like(p, float("inf"))))
        return model

    return nudged


build_model = train.build_model


def load_experiment(folder, index):
    spec = importlib.util.spec_from_file_location(f"experiment_{index}", os.path.join(folder, "experiment.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


for index, folder in enumerate(folders):
    exp = load_experiment(folder, index)
    data = data_module.load(os.path.join(folder, "data.json"))
    with open(os.path.join(folder, "data.json")) as f:
        exported = json.load(f)
    # generate.py, at the exported settings, must make the very points of data.json.
    regenerated = None
    if exported.get("task") == "preference":
        made = generate.make(exported["source"])
        regenerated = all(made[key] == exported[key] for key in ("x", "centres", "reward", "best", "chosen", "rejected", "flipped", "forget", "retain"))
    elif generate.makes(exported["source"]["kind"]):
        made = generate.make(exported["source"])
        regenerated = all(
            torch.equal(torch.tensor(made[s]["x"], dtype=torch.float32), torch.tensor(exported[s]["x"], dtype=torch.float32)) and made[s]["y"] == exported[s]["y"]
            for s in ("train", "validation", "test")
        ) and ("class_priors" not in made or torch.equal(torch.tensor(made["class_priors"], dtype=torch.float32), torch.tensor(exported["class_priors"], dtype=torch.float32)))
    for run in range(len(exp.RUNS)):
        result = train.train_run(data, run, steps, checkpoint_every=10, exp=exp, project_dir=folder)
        out = {"folder": os.path.basename(folder), "run": run, "losses": result["losses"], "nudged": None, "regenerated": regenerated}
        if folder in nudged_folders:
            train.build_model = nudge_weights(build_model)
            out["nudged"] = train.train_run(data, run, steps, exp=exp, project_dir=folder)["losses"]
            train.build_model = build_model
        if run == 0 and folder == surface_folder:
            sizes, center = result["sizes"], result["checkpoints"][-1][1]
            context = losses.Context(data.classes, data.class_priors, 0, exp.SEED)
            spec = exp.RUNS[run]
            d1, d2 = landscape.random_plane(center, sizes, exp.SEED, exp.LANDSCAPE["keep_bias"])
            out["random"] = landscape.surface(center, d1, d2, sizes, exp.MODEL["activation"], data.train, spec["loss"], spec["loss_params"], context, (-1, 1), (-1, 1), 11)
            trajectory = [w for _, w in result["checkpoints"]]
            p1, p2, _ = landscape.pca_plane(trajectory)
            alpha, beta = landscape.extent_covering(landscape.project(center, p1, p2, trajectory))
            out["pca"] = landscape.surface(center, p1, p2, sizes, exp.MODEL["activation"], data.train, spec["loss"], spec["loss_params"], context, alpha, beta, 11)
            out["metrics"] = train.evaluate(data, spec, result["model"], exp=exp, step=steps, optimizer=result["optimizer"])
        print(json.dumps(out), flush=True)
