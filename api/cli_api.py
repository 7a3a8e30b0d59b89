"""`kg` subcommands of this area, registered by api/cli.py."""
from __future__ import annotations

import argparse


def add_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds this area's subcommands to the `kg` parser."""
