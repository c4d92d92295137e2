"""``python -m govreport …`` runs the govreport command line."""
import json
import os
import sys

from . import _native


def main():
    # Workers of `extract` are started as this same command.
    os.environ.setdefault("GOVREPORT_WORKER_COMMAND", json.dumps([sys.executable, "-m", "govreport"]))
    return _native.main(["govreport"] + sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
