"""Test harness (not part of an exported project): every case of a JSON file through
preference_losses.py. Usage: preferenceLossHarness.py PROJECT_DIR CASES_JSON. Prints one JSON list:
per case, the objective and its gradient with respect to the pairs', forget set's and retain set's logits."""
import json
import sys

import torch

torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
import preference_losses  # noqa: E402

with open(sys.argv[2]) as f:
    cases = json.load(f)
out = []
for case in cases:
    k = case["responses"]

    def hot(labels):
        return torch.nn.functional.one_hot(torch.tensor(labels), k).to(torch.float32)

    logits = [torch.tensor(case[name]["logits"], dtype=torch.float32, requires_grad=True) for name in ("pairs", "forget", "retain")]
    p, f, r = case["pairs"], case["forget"], case["retain"]
    inputs = {
        "pairs": {"logits": logits[0], "chosen": hot(p["chosen"]), "rejected": hot(p["rejected"]), "ref_chosen": torch.tensor(p["refChosen"]), "ref_rejected": torch.tensor(p["refRejected"])},
        "forget": {"logits": logits[1], "target": hot(f["target"]), "ref": torch.tensor(f["ref"])},
        "retain": {"logits": logits[2], "target": hot(r["target"]), "ref": torch.tensor(r["ref"])},
    }
    value = preference_losses.LOSSES[case["loss"]][0](inputs, case["params"])
    grads = torch.autograd.grad(value, logits, allow_unused=True)
    out.append({"value": float(value), "grad": [(g if g is not None else torch.zeros_like(z)).reshape(-1).tolist() for g, z in zip(grads, logits)]})
print(json.dumps(out))
