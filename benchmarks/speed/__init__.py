"""The speed benchmark's parts over one harness (run them with benchmarks/throughput.py).

corpus      seeded generators: a registry and drafts, each from its own seed
harness     whole-process timing (wall, CPU, peak memory), interleaved runs, medians, tables
tools       the command lines: claimcheck's CLI, proselint, write-good, a pypdf floor
throughput  1,000 drafts: first run and result-cache re-run against write-good and proselint
cold        one small file in a fresh process: CPU with no cache and with the index cache warm
memory      peak memory of the 1,000-draft run with --format json
pdf         a PDF corpus against the pypdf extract_text floor
stages      one process on 100 drafts, each stage of the pipeline timed
"""
