"""The bundle's entry point: the same `main` as the `policedesk` command of a pip install."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # A large demo spawns a second process; in a bundle that process is this executable again,
    # and freeze_support hands it to multiprocessing before the command line is parsed.
    multiprocessing.freeze_support()
    sys.exit(main())
