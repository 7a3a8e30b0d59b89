"""Deduplication: which records are one person or unit, what staff said, merges and undo.

Split in the steps records staff think in (after Splink), each with an explanation a
person can read, and the store apart from the scoring (after nomenklatura):

- `pairs`       `Pair` (two record ids, order-free, with its key) and `Verdict` (same,
                different, unsure: one enum in the graph, the API and the command line)
- `records`     `PersonRecord` / `UnitRecord`, built by one function from the columns
                graph/cypher/people.py reads, or from a source's own facts
- `features`    the feature table — each feature's function and weight — scoring a pair
                and explaining the score; the thresholds and `decide`
- `blocking`    which pairs are worth scoring (near-linear), and the scan over records
- `candidates`  the graph side: scan, the incremental check after a load, review items,
                explain, automatic merges
- `judgements`  staff verdicts, append-only; clusters, and what blocks a merge
- `merge`       `plan_merge` (pure: what a merge writes) apart from `apply_merge` (writes
                it); `unmerge`
- `audit`       the log of merges, undos and judgements

Import from the module that holds a name (`from graph.dedupe.merge import merge`).
"""
