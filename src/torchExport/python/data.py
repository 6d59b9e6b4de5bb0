"""The data: the exact points the app trained on, from data.json.

data.json holds the train, validation and test splits as the app made them (the seeded
generator or table, the class imbalance, the 60/20/20 split, label noise on the training labels
only, and any points added by clicking), the training class priors that LDAM and logit
adjustment use, and how the data was made. Features are float32 values; labels are class indices.
`input_features` names what the model sees (features.py): `x` of a split is that, `raw` the points.
A regression's data.json says "task": "regression" and holds real targets as `y`.
`load(points=N)` makes N points with the same generator and settings instead (generate.py).
"""
import json
import os

import torch

import generate
import regression_targets
from features import feature_matrix

HERE = os.path.dirname(os.path.abspath(__file__))


class Split:
    def __init__(self, x, y, classes, features=None):
        self.raw = torch.tensor(x, dtype=torch.float32).reshape(len(y), -1)
        # The model's inputs: the input features of the raw points.
        self.x = feature_matrix(self.raw, features)
        self.labels = torch.tensor(y, dtype=torch.int64)
        # One-hot targets, as the app's losses take them.
        self.targets = torch.nn.functional.one_hot(self.labels, classes).to(torch.float32)


class RegressionSplit:
    """A regression's split: real targets instead of labels. What a run trains on is their
    encoding for its loss (regression_targets.encode); `targets` are the raw targets, n x 1."""

    def __init__(self, x, y, features=None):
        self.raw = torch.tensor(x, dtype=torch.float32).reshape(len(y), -1)
        self.x = feature_matrix(self.raw, features)
        self.values = [float(v) for v in y]
        self.targets = torch.tensor(self.values, dtype=torch.float32).reshape(-1, 1)
        self.labels = None


class Data:
    def __init__(self, path=None, points=None):
        with open(path or os.path.join(HERE, "data.json")) as f:
            raw = json.load(f)
        # The input features (features.py) the model sees; None: the raw columns.
        self.input_features = raw.get("input_features")
        if points is not None:
            raw = generate.make(raw["source"], points)
        self.features = raw["features"]
        self.inputs = len(self.input_features) if self.input_features is not None else self.features
        self.classes = raw["classes"]
        self.source = raw["source"]
        self.task = raw.get("task", "classification")
        if self.task == "preference":
            # The prompts, pairs and forget/retain sets (preference.py); the policy sees the raw plane.
            self.preference, self.inputs, self.classes = raw, 2, raw["responses"]
            return
        if self.task == "regression":
            self.train, self.validation, self.test = (RegressionSplit(raw[s]["x"], raw[s]["y"], self.input_features) for s in ("train", "validation", "test"))
            # The histogram losses' bins span this; a regression has no classes.
            self.support = regression_targets.support(self.train.values)
            self.class_priors = [1.0]
            return
        self.train = Split(raw["train"]["x"], raw["train"]["y"], self.classes, self.input_features)
        self.validation = Split(raw["validation"]["x"], raw["validation"]["y"], self.classes, self.input_features)
        self.test = Split(raw["test"]["x"], raw["test"]["y"], self.classes, self.input_features)
        # Training class frequencies, kept as the app keeps them (float32).
        self.class_priors = [float(p) for p in raw["class_priors"]]


def load(path=None, points=None):
    return Data(path, points)
