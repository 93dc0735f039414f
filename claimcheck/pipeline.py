"""The only place that chains the stages: load -> segment -> detect -> match -> judge.

`stream()` hands on one Outcome per document in path order: from the result cache when the
file and everything it is judged against are unchanged (claimcheck.results), else checked
in worker processes (claimcheck.workers: fork where the platform has it, so the spaCy
pipeline and the registry index built in the parent are shared copy-on-write). With a
report writer the workers also render each document's output, so the parent holds rendered
text and a Tally per document, never the whole report. `run()` collects the records into a
Report for everything that needs them all (baselines, audit reports, annotate, the API).
"""

from __future__ import annotations

import errno
import gc
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck import __version__
from claimcheck.cache import Store, open_store
from claimcheck.errors import (
    ClaimcheckError,
    ConfigError,
    InputError,
    UsageError,
    about,
    internal_message,
)
from claimcheck.model import (
    Candidate,
    ClaimResult,
    Context,
    Document,
    DocumentResult,
    Explanation,
    Registry,
    Report,
)
from claimcheck.results import Outcome, Results, outcome_of

if TYPE_CHECKING:
    from claimcheck.report.stream import StreamWriter

# Below this many files the fork and result pickling cost more than a second core gains.
PARALLEL_MIN_FILES = 8


@dataclass(frozen=True)
class Options:
    """What the command line asks for, before config and registry are resolved."""

    paths: tuple[str, ...]
    cwd: Path = field(default_factory=Path.cwd)
    config: Path | None = None
    registry: tuple[Path, ...] = ()
    evidence: tuple[Path, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)  # audience, channel, ... as_of
    jobs: int = 0  # 0 = automatic
    changed_since: str | None = None
    # The paths are the files a commit changes (what pre-commit passes): check the drafts
    # among them, skip the rest, and check every draft when one of them is an input.
    changed_files: bool = False
    shard: tuple[int, int] | None = None
    strength_model: Path | None = None  # overrides the config's `strength_model:`
    cache: bool = True  # read and write the on-disk caches (`--no-cache` turns them off)
    # `-` among the paths: the draft's bytes, read from stdin, and the name it goes by (its
    # format, config overrides, waivers and fingerprints are that file's; default <stdin>,
    # Markdown).
    stdin: bytes | None = None
    stdin_filename: str | None = None


@dataclass
class Session:
    """Config, registry and rule packs resolved once for a run."""

    config: Any  # claimcheck.config.Config
    registry: Registry
    as_of: date
    notices: list[str] = field(default_factory=list)
    strength_model: Any = None  # claimcheck.strength.StrengthModel, when one is configured
    # What every verdict depends on besides the draft: registry and evidence files or
    # directories, rule packs, the config file and the strength model (absolute paths).
    inputs: tuple[Path, ...] = ()
    store: Store | None = None  # the on-disk cache, unless turned off
    index_key: str | None = None  # set while the registry index still has to be cached
    # The nearest config above each draft's directory, and the session of each such config
    # other than this one's (see `scope`).
    nearest: dict[Path, Path | None] = field(default_factory=dict)
    scopes: dict[Path, Session] = field(default_factory=dict)


def prepare(options: Options, problems: list[Any] | None = None) -> Session:
    """Find and load config, registry and evidence; raise ClaimcheckError on bad input.

    With a `problems` list, every registry and evidence problem is recorded there instead
    of the first one raising (`registry validate`), and the session holds what loaded.
    """
    from claimcheck.config import load_config
    from claimcheck.globs import forget_folders
    from claimcheck.registry.index import cached_registry, index_key
    from claimcheck.registry.load import check_registry, load_registry

    forget_folders()  # a run (or an editor's check) sees the folders as they are now
    config = load_config(options.config, options.cwd)
    registry_paths = options.registry or config.registry
    evidence_paths = options.evidence or config.evidence
    if options.registry and not options.evidence:
        evidence_paths = ()  # an explicit registry is not mixed with the config's evidence
    notices: list[str] = []
    for key, paths, given in (
        ("registry", registry_paths, options.registry),
        ("evidence", evidence_paths, options.evidence),
    ):
        for p in paths:
            if Path(p).exists():
                continue
            shown = display_path(Path(p), options.cwd)
            if not given and config.path is not None:  # named by the config: point there
                raise ConfigError(
                    f"'{key}' names {shown}, which does not exist",
                    path=display_path(config.path, options.cwd),
                )
            raise UsageError(f"no such {key} path: {shown}")
    store = open_store(options.cache)
    key = None

    def display(p: Path) -> str:
        return display_path(p, options.cwd)

    if registry_paths and problems is not None:
        registry, found = check_registry(list(registry_paths), list(evidence_paths), display)
        problems.extend(found)
    elif registry_paths:
        if store is not None:
            key = index_key(list(registry_paths), list(evidence_paths), display)
        cached = cached_registry(store, key)
        if cached is None:
            registry = load_registry(list(registry_paths), list(evidence_paths), display=display)
        else:
            registry, key = cached, None  # nothing left to cache
    else:
        registry = Registry()
        notices.append(
            "no claim registry found (use --registry or `registry:` in claimcheck.yaml): "
            "every claim is reported as unsupported"
        )
    base = config.context_for(options.cwd / "-", {}, options.context)
    model = options.strength_model or config.strength_model
    inputs = [*registry_paths, *evidence_paths, *config.rules, config.path, model]
    return Session(
        config=config,
        registry=registry,
        as_of=base.as_of,
        notices=notices,
        strength_model=_strength_model(options, config),
        inputs=tuple(Path(os.path.abspath(options.cwd / p)) for p in inputs if p is not None),
        store=store,
        index_key=key,
    )


_YAML = (".yaml", ".yml")


def touched_inputs(session: Session, changed: Iterable[Path]) -> list[Path]:
    """The changed paths that are inputs of the run, so every draft's verdict may change.

    A path counts when it is an input file, a YAML file inside a registry or evidence
    directory (added, edited or deleted), or a directory holding an input (a submodule).
    """
    inputs = [Path(os.path.realpath(p)) for p in session.inputs]
    out: list[Path] = []
    for path in changed:
        real = Path(os.path.realpath(path))
        for given in inputs:
            inside = real.suffix.lower() in _YAML and given in real.parents
            if real == given or inside or real in given.parents:
                out.append(path)
                break
    return sorted(set(out))


def _every_draft_notice(touched: list[Path], why: str, cwd: Path) -> str:
    shown = ", ".join(display_path(p, cwd) for p in touched[:3])
    more = f" and {len(touched) - 3} more" if len(touched) > 3 else ""
    return f"{shown}{more} {why}: checking every draft, not only the changed ones"


def _strength_model(options: Options, config: Any) -> Any:
    """The trained strength model the CLI or the config names, loaded once; None when none."""
    path = options.strength_model or config.strength_model
    if path is None:
        return None
    from claimcheck.strength import load_model

    path = path if path.is_absolute() else options.cwd / path
    if not path.exists() and options.strength_model is None and config.path is not None:
        raise ConfigError(
            f"'strength_model' names {display_path(path, options.cwd)}, which does not exist",
            path=display_path(config.path, options.cwd),
        )
    return load_model(path)


def display_path(path: Path, cwd: Path) -> str:
    """The path as the user should see it: relative to cwd when below it, posix style."""
    try:
        # As named first (a link in the drafts directory keeps its own name), then resolved
        # (only then: resolving costs an lstat per folder of the path).
        for resolve in (os.path.abspath, _resolved):
            rel = Path(os.path.relpath(resolve(path), resolve(cwd)))
            if rel.parts[:1] != ("..",):
                return rel.as_posix()
    except ValueError:  # another drive on Windows
        pass
    return path.as_posix()


def _resolved(path: Path) -> Path:
    """The path with links resolved, or only made absolute when a link loops."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return Path(os.path.abspath(path))


def _loop(path: Path) -> bool:
    """True when `path` is a symbolic link that loops (a -> b -> a)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def same_file(a: Path, b: Path) -> bool:
    """True when both paths exist and name one file (through links, `./` and `..` too)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def scope(options: Options, session: Session, path: Path) -> Session:
    """The session a draft is checked in: that of the nearest config above the draft, as ruff
    and ESLint do (its context, rules, include/exclude, waivers, limits and registry); the
    run's own when --config names one, or no config lies above the draft but the run's.
    """
    if options.config is not None:
        return session
    from claimcheck.config import find_config

    directory = path.parent
    if directory not in session.nearest:
        session.nearest[directory] = find_config(directory)
    found = session.nearest[directory]
    own = session.config.path
    if found is None or (own is not None and Path(own).resolve() == found):
        return session
    if found not in session.scopes:
        other = prepare(replace(options, config=found))
        session.scopes[found] = other
        where = display_path(found.parent, options.cwd)
        session.notices.append(
            f"drafts under {where}/ are checked with {display_path(found, options.cwd)}"
        )
        session.notices.extend(n for n in other.notices if n not in session.notices)
    return session.scopes[found]


def collect(
    options: Options, session: Session
) -> tuple[list[tuple[Path, str]], list[DocumentResult]]:
    """Expand files and directories into (path, display) pairs; bad paths become error results.

    A directory named on the command line that yields no draft is an error result, not a
    silent pass. Each draft found in a directory is kept or skipped by the include/exclude
    of the config that governs it (`scope`).
    """
    from claimcheck.load import format_of

    config = session.config
    found: dict[str, Path] = {}
    errors: list[DocumentResult] = []
    paths = options.paths
    hook = options.changed_files
    if hook:
        touched = touched_inputs(session, [options.cwd / p for p in paths])
        if touched:
            session.notices.append(_every_draft_notice(touched, "changed", options.cwd))
            paths, hook = (str(config.root),), False  # every draft the config selects
    for raw in paths:
        if raw == STDIN:
            continue  # read from stdin: stream() checks it
        path = Path(raw)
        if not path.is_absolute():
            path = options.cwd / path
        shown = display_path(path, options.cwd)
        if path.is_dir():
            drafts = 0
            for child in sorted(_walk(path)):
                if format_of(child) is None:
                    continue
                drafts += 1
                if _loop(child):
                    errors.append(
                        _error_result(display_path(child, options.cwd), "symbolic link loop")
                    )
                    continue
                if not scope(options, session, child).config.is_included(child):
                    drafts -= 1
                    continue
                found.setdefault(display_path(child, options.cwd), child)
            if not drafts and not hook:
                errors.append(_error_result(shown, _no_drafts()))
        elif path.is_file():
            if hook and (format_of(path) is None or not config.is_included(path)):
                continue  # a changed file that is not a draft (or one the config excludes)
            # A file named explicitly is checked even if include/exclude would skip it.
            found.setdefault(shown, path)
        elif _loop(path):
            errors.append(_error_result(shown, "symbolic link loop"))
        elif path.exists() and not hook:
            found.setdefault(shown, path)  # a FIFO, a device...: the reader says what it is
        elif not hook:  # a hook's missing file was deleted by the commit: nothing to check
            errors.append(_error_result(shown, "no such file or directory"))
    items = sorted(found.items())
    if options.changed_since:
        from claimcheck.vcs import changed_paths

        # The repository is the one holding the drafts, which need not be the cwd's.
        changed: set[Path] = set()
        for where in _repo_dirs(options):
            changed |= set(changed_paths(options.changed_since, where))
        touched = touched_inputs(session, changed)
        if touched:
            why = f"changed since {options.changed_since}"
            session.notices.append(_every_draft_notice(touched, why, options.cwd))
        else:
            real = {Path(os.path.realpath(p)) for p in changed}
            items = [(d, p) for d, p in items if Path(os.path.realpath(p)) in real]
    if options.shard:
        from claimcheck.shard import select

        keep = set(select([d for d, _ in items], *options.shard))
        items = [(d, p) for d, p in items if d in keep]
    return [(p, d) for d, p in items], errors


def _no_drafts() -> str:
    from claimcheck.load import SUFFIXES

    kinds = sorted(SUFFIXES)
    return (
        f"no drafts in this directory (no {', '.join(kinds[:-1])} or {kinds[-1]} file that "
        "the config's include/exclude selects)"
    )


def _repo_dirs(options: Options) -> list[Path]:
    """One directory per distinct git work tree the named drafts live in (cwd when none)."""
    from claimcheck.vcs import toplevel

    dirs: dict[Path, None] = {}
    for raw in options.paths:
        path = Path(raw) if Path(raw).is_absolute() else options.cwd / raw
        dirs[path if path.is_dir() else path.parent] = None
    tops: dict[str, Path] = {}
    for d in dirs or {options.cwd: None}:
        if d.is_dir():
            tops.setdefault(str(toplevel(d) or options.cwd), d)
    return list(tops.values()) or [options.cwd]


def _walk(root: Path) -> Iterator[Path]:
    """Files below root, skipping hidden directories such as .git."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "node_modules"]
        for name in filenames:
            if not name.startswith(".") and not name.startswith("~$"):
                yield Path(dirpath) / name


def _error_result(display: str, message: str) -> DocumentResult:
    return DocumentResult(
        path=display, format=None, sha256=None, context=None, error=f"{display}: {message}"
    )


# Container allocations between two runs of the cyclic garbage collector during a check.
GC_THRESHOLD = 50_000
# Sentences a Checker remembers reading and judging (a few MB; the oldest are forgotten first).
MEMO_SIZE = 50_000


class Checker:
    """Everything needed to check one document, built once per process."""

    def __init__(self, session: Session, cli_context: dict[str, Any]) -> None:
        from claimcheck.registry.index import save_index
        from claimcheck.registry.match import matcher_for
        from claimcheck.spacyimport import defer_spacy_cli

        defer_spacy_cli()
        from claimcheck.detect.warm import warm
        from claimcheck.segment import nlp as get_nlp

        warm(session.store)  # the lexicons and tables detection and the matcher read

        get_nlp()  # warm up before any fork so workers share it
        self.session = session
        self.cli_context = cli_context
        self.matcher = matcher_for(session.registry)  # the one already built, if any
        # (text, block kind, product names) -> the claim read, None for no claim; and
        # (text, block kind, context, rule settings) -> the claim's verdict
        self._readings: dict[tuple, Any] = {}
        self._verdicts: dict[tuple, ClaimResult] = {}
        # Readings made since the last `lessons()`, once this checker is one of several
        # workers that share them (None: recording nothing).
        self._taught: list[tuple[tuple, Any]] | None = None
        if session.index_key is not None:  # built now: keep it for the next run
            save_index(session.store, session.index_key, session.registry)
            session.index_key = None

    def check(self, path: Path, display: str) -> tuple[DocumentResult, list[str]]:
        """Check one file; input errors become an error result, never an exception."""
        try:
            return self._check(path, display)
        except ClaimcheckError as exc:
            message = str(exc) if exc.path else f"{display}: {exc.message}"
            return DocumentResult(
                path=display, format=None, sha256=None, context=None, error=message
            ), []
        except Exception as exc:  # a bug must not stop the other files
            return _error_result(display, internal_message(exc)), []

    def _check(self, path: Path, display: str) -> tuple[DocumentResult, list[str]]:
        from claimcheck.load import read

        return self.check_document(read(path, display, self.session.config.limits), path)

    def check_document(self, doc: Document, path: Path) -> tuple[DocumentResult, list[str]]:
        """Judge a document already read (a file, or text in memory as if it lived at `path`).

        Bad input (front matter, context) raises ClaimcheckError; `check` turns it into an
        error result.
        """
        from claimcheck.checks.judge import judge, judge_document
        from claimcheck.detect import screen
        from claimcheck.fingerprint import assign_fingerprints
        from claimcheck.load._common import limit_error, source_locations
        from claimcheck.registry.products import product_names
        from claimcheck.segment import segment
        from claimcheck.waivers import apply_waivers

        config = self.session.config
        display = doc.path
        ctx: Context = config.context_for(path, doc.context, self.cli_context)
        settings = config.settings_for(path)
        model = self.session.strength_model
        if model is not None:
            settings = replace(settings, strength_model=model)
        registry = self.session.registry
        names = product_names(registry, ctx.product)
        results = []
        sentences = segment(doc)
        limits = config.limits
        if len(sentences) > limits.max_sentences:
            raise limit_error(
                display,
                f"more than {limits.max_sentences:,} sentences",
                limits.max_sentences,
                "max_sentences",
            )
        # Drafts repeat sentences (boilerplate, approved claims): each is read once per
        # product-name set, and judged once per context and rule settings. Whether a sentence
        # is a claim depends on its text, block kind and the product names only; its verdict
        # also on the context and the rules.
        readings, verdicts = self._readings, self._verdicts
        rules = (settings.disabled, tuple(sorted(settings.severity.items())), settings.packs)
        for sentence in sentences:
            text, kind = sentence.text, sentence.kind
            key = (text, kind, names)
            if key in readings:
                claim = readings[key]
            else:
                claim = None
                # Most sentences are provably not claims: they are not analysed at all.
                if screen(sentence, names) or may_prohibit(sentence, registry):
                    read, decision = read_sentence(sentence, names, registry)
                    if decision.claim:
                        claim = read if model is None else model.rescore(read)
                _bounded_put(readings, key, claim)
                if self._taught is not None:
                    self._taught.append((key, claim))
            if claim is None:
                continue
            vkey = (text, kind, ctx, rules)
            known = verdicts.get(vkey)
            if known is not None:
                results.append(_fresh(known, sentence))
                continue
            result = judge(claim, self.matcher.match(claim, ctx), registry, ctx, settings)
            if result.sentence is not sentence:  # read in an earlier draft
                result = replace(result, sentence=sentence)
            _bounded_put(verdicts, vkey, result)
            results.append(result)
        # The document as a whole, once its claims are judged: required statements, fair balance.
        findings, statements = judge_document(doc, sentences, results, registry, ctx, settings)
        result = DocumentResult(
            path=display,
            format=doc.format,
            sha256=doc.sha256,
            context=ctx,
            claims=tuple(results),
            findings=findings,
            statements=statements,
        )
        result = assign_fingerprints(result, fresh=True)  # built just now: stamped in place
        result, notices = apply_waivers(
            result, doc.blocks, config.waivers, ctx.as_of, root=config.root
        )
        # Locations point at the text as read, not as normalised for analysis.
        skipped = [f"{display}: {note}" for note in doc.skipped]
        return source_locations(result, doc.blocks), [*skipped, *notices]

    def lessons(self) -> bytes | None:
        """The sentences this checker read, and the facts document checks found about
        sentences, since the last call, pickled for the other workers of the run (None when
        there is nothing new)."""
        import pickle

        from claimcheck.detect import new_facts

        taught, self._taught = self._taught, []
        facts = new_facts()
        if not taught and not facts:
            return None
        return pickle.dumps((taught or [], facts), protocol=pickle.HIGHEST_PROTOCOL)

    def learn(self, lessons: list[bytes]) -> None:
        """Take what other workers read and found into this checker's memos (reading a
        sentence depends on its text, block kind and the product names only, which the key
        holds; a fact on its text), and from now on record its own for them."""
        import pickle

        from claimcheck.detect import learn_facts, share_facts

        if self._taught is None:
            self._taught = []
            share_facts()
        readings = self._readings
        for lesson in lessons:
            taught, facts = pickle.loads(lesson)
            for key, claim in taught:
                if key not in readings:
                    _bounded_put(readings, key, claim)
            learn_facts(facts)

    def explain(self, doc: Document, path: Path, where: int | None = None) -> list[Explanation]:
        """How each sentence of a document (at a location: line, paragraph, page or slide,
        as check reports it) was read and judged."""
        from claimcheck.checks.judge import judge
        from claimcheck.detect import scopes
        from claimcheck.registry.products import product_names
        from claimcheck.segment import segment

        ctx: Context = self.session.config.context_for(path, doc.context, self.cli_context)
        settings = self.session.config.settings_for(path)
        model = self.session.strength_model
        if model is not None:
            settings = replace(settings, strength_model=model)
        names = product_names(self.session.registry, ctx.product)
        out = []
        for sentence in segment(doc):
            if where is not None and _location_number(sentence) != where:
                continue
            claim, decision = read_sentence(sentence, names, self.session.registry)
            if model is not None and decision.claim:
                claim = model.rescore(claim)
            candidates: tuple[Candidate, ...] = ()
            result = None
            if decision.claim:
                candidates = tuple(self.matcher.explain(claim, ctx))
                match = self.matcher.match(claim, ctx)
                result = judge(claim, match, self.session.registry, ctx, settings)
            out.append(
                Explanation(
                    sentence=sentence,
                    context=ctx,
                    decision=decision,
                    claim=claim,
                    scopes=scopes(sentence),
                    candidates=candidates,
                    result=result,
                    path=doc.path,
                )
            )
        return out


def _bounded_put(memo: dict, key: Any, value: Any) -> None:
    """Remember a value, forgetting the oldest entry when the memo is full."""
    if len(memo) >= MEMO_SIZE:
        del memo[next(iter(memo))]
    memo[key] = value


def _fresh(result: ClaimResult, sentence: Any) -> ClaimResult:
    """A remembered verdict for this sentence, with findings of its own: fingerprints are
    stamped on findings in place, per document (the first document keeps the originals)."""
    return replace(result, sentence=sentence, findings=tuple(replace(f) for f in result.findings))


def read_sentence(sentence: Any, names: frozenset, registry: Registry) -> tuple[Any, Any]:
    """The sentence analysed and whether it is a claim: the detector's decision, except that
    a sentence it reads as a definition or as asserting nothing is a claim when it makes a
    prohibited claim ("Precise alignment means faster recovery": prohibited wording anywhere
    in copy is prohibited)."""
    from claimcheck.checks.prohibited import mentions
    from claimcheck.detect import reading
    from claimcheck.detect.decide import PHRASE_CHECKED
    from claimcheck.model import Decision

    claim, decision = reading(sentence, names)
    if decision.claim or decision.reason not in PHRASE_CHECKED or not registry.prohibited:
        return claim, decision
    found = mentions(claim, registry)
    if found is None:
        return claim, decision
    entry, span = found
    why = f"'{sentence.text[span[0] : span[1]]}' is prohibited by {entry}"
    return claim, Decision(True, "prohibited-phrase", why, span)


def may_prohibit(sentence: Any, registry: Registry) -> bool:
    """False when no prohibited phrase of the registry can be found in the sentence (one
    needs all its terms): a sentence `screen` rules out is then not a claim either."""
    if not registry.prohibited:
        return False
    from claimcheck.checks.base import pattern_keys
    from claimcheck.registry.normalize import terms

    keys = {t.key for t in terms(sentence)}
    return any(
        need and need <= keys
        for entry in registry.prohibited
        for need in map(pattern_keys, entry.phrases)
    )


def _location_number(sentence: Any) -> int | None:
    """The number check reports a sentence at: its line, else page, slide or paragraph."""
    loc = sentence.location
    for value in (loc.line, loc.page, loc.slide, loc.paragraph):
        if value is not None:
            return value
    return None


def head(options: Options, session: Session) -> Report:
    """The run's report before any document: what a writer's header is made of."""
    return build_report(session, (), (), options.cwd)


def build_report(
    session: Session, results: Sequence[DocumentResult], notices: Sequence[str], cwd: Path
) -> Report:
    """The report of a run: documents in path order, each notice once."""
    return Report(
        version=__version__,
        as_of=session.as_of,
        registry=_registries(session),
        documents=tuple(sorted(results, key=lambda r: r.path)),
        notices=tuple(dict.fromkeys(notices)),
        strength_model=_model_summary(session.strength_model, cwd),
    )


def _registries(session: Session) -> Registry:
    """The run's registry, merged with those of the other configs that governed drafts (so
    every report can cite each claim's evidence)."""
    others = [s.registry for s in session.scopes.values() if s.registry is not session.registry]
    if not others:
        return session.registry
    import hashlib

    every = [session.registry, *others]
    return replace(
        session.registry,
        claims=tuple(c for r in every for c in r.claims),
        prohibited=tuple(p for r in every for p in r.prohibited),
        required=tuple(q for r in every for q in r.required),
        evidence={k: v for r in reversed(every) for k, v in r.evidence.items()},
        sources=tuple(dict.fromkeys(s for r in every for s in r.sources)),
        evidence_sources=tuple(dict.fromkeys(s for r in every for s in r.evidence_sources)),
        sha256=hashlib.sha256("".join(r.sha256 for r in every).encode()).hexdigest(),
        evidence_sha256=hashlib.sha256(
            "".join(r.evidence_sha256 for r in every).encode()
        ).hexdigest(),
    )


def _model_summary(model: Any, cwd: Path) -> dict[str, Any] | None:
    """What the report says about the strength model used: its file, hash and training size."""
    if model is None:
        return None
    return {
        "path": display_path(Path(model.path), cwd) if model.path else None,
        "sha256": model.sha256,
        "examples": model.meta.get("examples"),
    }


def run(options: Options, session: Session | None = None) -> Report:
    """Check every draft the options name and return the report."""
    session = session or prepare(options)
    results: list[DocumentResult] = []
    notices = list(session.notices)
    for outcome in stream(options, session):
        assert outcome.result is not None
        results.append(outcome.result)
        notices.extend(outcome.notices)
    return build_report(session, results, notices, options.cwd)


def stream(
    options: Options,
    session: Session,
    writer: StreamWriter | None = None,
    *,
    plan: tuple[list[tuple[Path, str]], list[DocumentResult]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Outcome]:
    """One Outcome per document, in path order, as soon as it and those before it are done.

    With a `writer`, each document is rendered where it was checked (or taken rendered from
    the cache) and the Outcome holds the fragment, not the record. `plan` is what `collect`
    returned, when the caller needed it first; `progress(done, total)` follows the run.
    """
    items, errors = plan if plan is not None else collect(options, session)
    # Errors first where a path is both (as a stable sort after them always gave).
    known: list[tuple[DocumentResult, list[str]]] = [(d, []) for d in errors]
    if options.stdin is not None:  # never cached: it has no file to key it by
        where = options.cwd / (options.stdin_filename or STDIN_NAME)
        own = scope(options, session, where)  # --stdin-filename: that file's nearest config
        known.append(_check_stdin(Checker(own, options.context), options))
    entries: list[tuple[str, int, Any]] = [(d.path, 0, (d, n)) for d, n in known]
    entries += [(display, 1, (path, display)) for path, display in items]
    entries.sort(key=lambda e: (e[0], e[1]))
    total = len(entries)
    report_head = head(options, session) if writer is not None else None
    # Per session (the run's, and one per other config governing some drafts): its result
    # cache, the report head its documents are rendered with, and its drafts to check.
    scopes: dict[int, tuple[Session, Results, Report | None, list[Any]]] = {}
    ready: dict[int, Outcome] = {}
    for index, (_, is_item, value) in enumerate(entries):
        if not is_item:
            ready[index] = outcome_of(*value, writer, report_head)
            continue
        path, display = value
        own = scope(options, session, path)
        if id(own) not in scopes:
            own_head = report_head if own is session or writer is None else head(options, own)
            scopes[id(own)] = (own, Results(own, options, writer), own_head, [])
        _, cache, own_head, todo = scopes[id(own)]
        key = cache.key(path, display)
        found = cache.lookup(key, own_head)
        if found is not None:
            ready[index] = found
        else:
            todo.append((index, path, display, key))
    done = len(ready)
    if progress is not None:
        progress(done, total)
    finished = _chained(
        _check_all(options, own, writer, own_head, cache, todo)
        for own, cache, own_head, todo in scopes.values()
    )
    try:
        for index in range(total):
            while index not in ready:  # outcomes finish in any order; they go on in order
                at, outcome = next(finished)
                ready[at] = outcome
                done += 1
                if progress is not None:
                    progress(done, total)
            yield ready.pop(index)
    finally:
        finished.close()
        for _, cache, _, _ in scopes.values():
            cache.flush()  # the entries kept: fresh results, renderings added to cached ones
    if session.store is not None:
        session.store.prune()  # at most once a day: entries nobody used for a month go


STDIN = "-"  # the path that names the draft on stdin
STDIN_NAME = "<stdin>"  # what it is called without --stdin-filename


def stdin_display(options: Options) -> str:
    """The path the report gives the draft read from stdin."""
    name = options.stdin_filename
    return display_path(options.cwd / name, options.cwd) if name else STDIN_NAME


def _check_stdin(checker: Checker, options: Options) -> tuple[DocumentResult, list[str]]:
    """Check the draft read from stdin, as the file `--stdin-filename` names would be."""
    from claimcheck.load import SUFFIXES, format_of, read_data

    name = options.stdin_filename
    where = options.cwd / (name or STDIN_NAME)
    display = stdin_display(options)
    fmt = format_of(name) if name else "markdown"
    try:
        if fmt is None:
            raise InputError(
                f"--stdin-filename needs a draft's suffix ({', '.join(sorted(SUFFIXES))})",
                path=display,
            )
        with about(display):
            return checker.check_document(read_data(options.stdin or b"", fmt, display), where)
    except ClaimcheckError as exc:
        message = str(exc) if exc.path else f"{display}: {exc.message}"
        return DocumentResult(
            path=display, format=fmt, sha256=None, context=None, error=message
        ), []


def _chained(
    parts: Iterable[Generator[tuple[int, Outcome], None, None]],
) -> Generator[tuple[int, Outcome], None, None]:
    """The outcomes of each session's checks in turn; closing it closes the running one."""
    for part in parts:
        try:
            yield from part
        finally:
            part.close()


def _check_all(
    options: Options,
    session: Session,
    writer: StreamWriter | None,
    report_head: Report | None,
    cache: Results,
    todo: list[tuple[int, Path, str, Any]],
) -> Generator[tuple[int, Outcome], None, None]:
    """Check the files the cache did not have, in worker processes when there are enough."""
    from claimcheck import workers

    if not todo:
        return
    checker = Checker(session, options.context)
    jobs = options.jobs or (os.cpu_count() or 1)
    if len(todo) < PARALLEL_MIN_FILES:
        jobs = 1
    from claimcheck.registry.products import product_names

    state = _Work(checker, writer, report_head, cache, product_names(session.registry))

    def died(item: tuple[int, Path, str, Any], reason: str) -> tuple[int, Outcome, None]:
        index, _, display, _ = item
        return index, outcome_of(_error_result(display, reason), [], writer, report_head), None

    # The spaCy vocabulary, lexicons and registry index live for the whole run: keep the
    # cyclic GC from scanning them again and again (and, in forked workers, from touching
    # their pages). They go back to the collector when the run ends. What a check allocates
    # is freed by reference counting (records hold no cycles), so the collector runs after
    # GC_THRESHOLD allocations instead of Python's 700: with the memos and caches of a long
    # run, its full scans otherwise take a sixth of the run's time.
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *thresholds[1:])
    try:
        sharing = workers.Sharing(_teach, _learn)
        for index, outcome, entry in workers.run(_work, state, todo, jobs, died, sharing):
            cache.keep(entry)  # written by stream() when its checks end
            yield index, outcome
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@dataclass
class _Work:
    """What a worker needs: pickled to spawned workers, inherited by forked ones."""

    checker: Checker
    writer: StreamWriter | None
    head: Report | None
    cache: Results
    names: frozenset[tuple[str, ...]]  # the registry's product names (registry.products)


_WORKER_READY = False


def _work(
    state: _Work, item: tuple[int, Path, str, Any]
) -> tuple[int, Outcome, tuple[str, bytes] | None]:
    """Check one file (in a worker or in this process), render it, and encode its cache
    entry (the parent writes it, with others, in one transaction)."""
    global _WORKER_READY
    if not _WORKER_READY:  # a spawned worker: the matcher it was sent is the registry's
        from claimcheck.registry.index import remember

        remember(state.checker.session.registry, state.checker.matcher, state.names)
        _WORKER_READY = True
    index, path, display, key = item
    result, notices = state.checker.check(path, display)
    outcome = outcome_of(result, notices, state.writer, state.head)
    return index, outcome, state.cache.entry(key, result, notices, outcome)


def _teach(state: _Work) -> bytes | None:
    """A worker's lesson for the others: the sentences it read for its last file."""
    return state.checker.lessons()


def _learn(state: _Work, lessons: list[bytes]) -> None:
    """A worker takes in the sentences the others read."""
    state.checker.learn(lessons)


def count_failures(report: Report, fail_on: str) -> int:
    """Findings (not waived) at or above the fail-on level."""
    from claimcheck.model import SEVERITY_RANK

    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return sum(
        1
        for finding in iter_findings(report)
        if finding.waived is None and SEVERITY_RANK.get(finding.severity, 0) >= floor
    )


def iter_findings(report: Report) -> Iterator[Any]:
    """Every finding of the report, claim-level and document-level."""
    for doc in report.documents:
        for claim in doc.claims:
            yield from claim.findings
        yield from doc.findings


def with_documents(report: Report, documents: Sequence[DocumentResult]) -> Report:
    """A copy of the report with other documents (used by baselines)."""
    return replace(report, documents=tuple(documents))
