"""Detection's data cached on disk with the registry index: the cue lexicons, compiled, and
the part-of-speech table. Building them costs ~0.4 s in a fresh process (YAML, tokenizing
every phrase, reading WordNet's index); loading them from the cache ~0.02 s.

The key is the code stamp (claimcheck.cache): claimcheck's version, its own source and rule
files, and the installed spaCy and spacy-lookups-data, so other rules or data mean a rebuild.
"""

from __future__ import annotations

from claimcheck.cache import Store, code_stamp

KIND = "detect"


def warm(store: Store | None) -> None:
    """Load the lexicons and the part-of-speech table from the cache, or build them (and
    cache them); either way they are ready for detection in this process and its workers."""
    from claimcheck.spacyimport import defer_spacy_cli

    defer_spacy_cli()  # building the lexicons tokenizes their phrases with spaCy
    from claimcheck.detect.decide import _pos, install_pos, pos_loaded
    from claimcheck.detect.lexicon import _LOADED, RULES, Lexicon, compiled, install, lexicon

    if RULES in _LOADED and pos_loaded():
        return
    key = code_stamp() if store is not None else None
    found = store.get(KIND, key) if store is not None and key is not None else None
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], Lexicon)
        and isinstance(found[1], dict)
    ):
        install(found[0])
        install_pos(found[1])
        return
    built = (compiled(lexicon()), _pos())
    if store is not None and key is not None:
        store.put(KIND, key, built)
