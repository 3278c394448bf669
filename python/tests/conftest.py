"""Shared fixtures of the Python module's tests: the repository, the dyad binary, texts."""

import os

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# A sentence with a known event (see data/dict): a meeting of two foreign ministers.
SEED = ("North Korea's foreign minister met with Russian Foreign Minister Sergei Lavrov in Moscow "
        "on Friday, days after Pyongyang reportedly deployed troops to Russia.")


def _find_binary():
    candidates = [os.environ.get("DYAD_BINARY"), os.path.join(REPO, "build", "dyad")]
    import dyad  # the build folder beside the module: build/python/dyad -> build/dyad
    candidates.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(dyad.__file__)))), "dyad"))
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    return None


@pytest.fixture(scope="session")
def dyad_binary():
    path = _find_binary()
    if path is None:
        pytest.fail("no dyad binary: build it, or set DYAD_BINARY")
    return path


@pytest.fixture(scope="session")
def coder():
    import dyad
    return dyad.Coder()


@pytest.fixture(scope="session")
def examples():
    """The bundled example articles (examples/): {name: text}."""
    folder = os.path.join(REPO, "examples")
    out = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out[name] = f.read()
    assert out, "examples/ has no .txt articles"
    return out
