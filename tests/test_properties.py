"""Property-based: whatever the input, only claimcheck's own errors escape its readers and loaders.

Hypothesis generates drafts (any text, any bytes, damaged DOCX/PPTX packages), YAML for the
registry, evidence and config, front matter and strength-model JSON. Each either loads or
raises a ClaimcheckError (one line naming the file); a KeyError, IndexError, RecursionError
or UnicodeError escaping is a bug. Examples are bounded so the suite stays fast; the
hostile cases found this way are kept as named tests in test_hostile_*.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.config.validate import build
from claimcheck.errors import ClaimcheckError
from claimcheck.load import read
from claimcheck.load._common import normalize
from claimcheck.registry.load import load_registry
from claimcheck.strength import load_model
from claimcheck.yamlutil import Source, parse

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIXES = (".md", ".txt", ".html", ".docx", ".pdf", ".pptx")

# Text with the characters that broke things: controls, format characters, surrogates
# excluded (a str cannot hold them in a file), markup and YAML punctuation.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("<>&;:-*#`|[]{}!\n\t\r\x00\x1b\u00ad\u200b\u202e\ufeff")),
    ),
    max_size=300,
)


def _only_our_errors(path: Path) -> None:
    try:
        doc = read(path, path.name)
    except ClaimcheckError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(path.name)
        return
    for block in doc.blocks:
        offsets = block.source_offsets
        if offsets is not None:
            assert len(offsets) == len(block.text) + 1
            assert list(offsets) == sorted(offsets)


@FAST
@given(text=TEXT, suffix=st.sampled_from((".md", ".txt", ".html")))
def test_text_drafts(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_text(text, encoding="utf-8")
    _only_our_errors(path)


@FAST
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(data)
    _only_our_errors(path)


def _package() -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph("ArcGuide cures arthritis.")
    document.sections[0].header.paragraphs[0].text = "Header text."
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


PACKAGE = _package()


@settings(FAST, max_examples=40)
@given(
    part=st.sampled_from(sorted(PACKAGE)),
    cut=st.integers(min_value=0, max_value=2000),
    junk=st.binary(max_size=40),
    drop=st.booleans(),
)
def test_damaged_docx_packages(
    tmp_path: Path, part: str, cut: int, junk: bytes, drop: bool
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in PACKAGE.items():
            if name == part:
                if drop:
                    continue
                data = data[:cut] + junk + data[cut + len(junk) :]
            package.writestr(name, data)
    path = tmp_path / "draft.docx"
    path.write_bytes(out.getvalue())
    _only_our_errors(path)


@FAST
@given(text=TEXT)
def test_normalize_maps_every_character_back(text: str) -> None:
    normal, offsets = normalize(text)
    if offsets is None:
        assert normal == text
        return
    assert len(offsets) == len(normal) + 1 and offsets[-1] == len(text)
    assert list(offsets) == sorted(offsets)
    for ch in normal:
        assert unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\t\n"


# --------------------------------------------------------------------------- YAML and JSON

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT, st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "text",
                    "claims",
                    "evidence",
                    "scope",
                    "registry",
                    "overrides",
                    "files",
                    "waivers",
                    "limits",
                    "version",
                    "status",
                    "citation",
                    "required",
                    "phrases",
                ]
            )
            | TEXT,
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)
TOP = st.dictionaries(
    st.sampled_from(["version", "claims", "prohibited", "evidence", "required"]), VALUES, max_size=4
)


@FAST
@given(text=TEXT)
def test_yaml_text(text: str) -> None:
    with contextlib.suppress(ClaimcheckError):
        parse(text, "x.yaml")


@FAST
@given(data=TOP)
def test_registry_files(tmp_path: Path, data: dict) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_registry([path], [path])
    except ClaimcheckError as exc:
        assert str(exc).startswith(str(path))


@FAST
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "registry",
                "include",
                "exclude",
                "audience",
                "as_of",
                "fail_on",
                "disable",
                "severity",
                "overrides",
                "waivers",
                "limits",
                "version",
            ]
        ),
        VALUES,
        max_size=5,
    )
)
def test_config_data(tmp_path: Path, data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        parsed = parse(text, "claimcheck.yaml")
        build(parsed, Source("claimcheck.yaml"), tmp_path / "claimcheck.yaml", tmp_path)
    except ClaimcheckError:
        pass


@FAST
@given(meta=VALUES, weights=VALUES)
def test_strength_model_files(tmp_path: Path, meta: object, weights: object) -> None:
    path = tmp_path / "model.json"
    data = {"format": "claimcheck-strength-model", "version": 1, "meta": meta, "weights": weights}
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    with contextlib.suppress(ClaimcheckError):
        load_model(path)


@pytest.mark.parametrize("depth", [10, 10_000])
def test_deep_yaml_nesting(depth: int) -> None:
    with contextlib.suppress(ClaimcheckError):
        parse("[" * depth + "]" * depth, "x.yaml")
