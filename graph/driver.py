"""The Neo4j driver, imported without its optional numpy, pandas and pyarrow support.

The graph's Cypher only ever gets Python values (graph/analyze.py converts its arrays first),
and the driver importing numpy for it cost every command a third of its start-up: `kg query`
answers in well under a second without it. Import this module before anything imports
`neo4j`; numpy stays importable for the code that uses it.
"""
from __future__ import annotations

import sys


def _import_driver() -> None:
    if "neo4j" in sys.modules:
        return
    hidden = {name: sys.modules.get(name) for name in ("numpy", "pandas", "pyarrow")}
    try:
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
        import neo4j  # noqa: F401
    finally:
        for name, module in hidden.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module


_import_driver()
