#!/usr/bin/python3
"""Runs the Python module's tests (the CTest entry `python_module`): pytest over this folder.

pytest's exit status 5 ("no tests collected") is turned into a failure, so a renamed file or
a broken collection can never pass as green. PYTHONPATH must hold the built module
(build/python), as CTest sets it.
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))

if __name__ == "__main__":
    args = ["-q", "-p", "no:cacheprovider", "--rootdir", HERE, HERE] + sys.argv[1:]
    status = pytest.main(args)
    if status == pytest.ExitCode.NO_TESTS_COLLECTED:
        print("python/tests: pytest collected no tests: failing", file=sys.stderr)
        sys.exit(1)
    sys.exit(int(status))
