"""Codes a partitioned corpus on a Dask cluster: ``python3 -m dyad.dask INPUT... --out DIR``.

See dyad.cluster (the runner) and docs/python.md (scaling out).
"""

import sys

from dyad.cluster import CoderPlugin, CodingOptions, code_partition, main, merge_partitions, run

__all__ = ["CoderPlugin", "CodingOptions", "code_partition", "main", "merge_partitions", "run"]

if __name__ == "__main__":
    sys.exit(main())
