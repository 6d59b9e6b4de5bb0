"""JavaScript's number conventions where the app relies on them."""
import math


def js_round(x):
    """Math.round: halves round up (towards +infinity), unlike Python's round()."""
    return math.floor(x + 0.5)
