"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (a view: nothing is dropped).

Every finding is a result. Line-based drafts (Markdown, text, HTML) point at the sentence's
line; PDF, DOCX and PPTX have no lines, so the region is line 1 (code scanning requires a
startLine) and the page/paragraph/slide goes in the location's message and properties and
in the result message. Waived findings carry a `suppressions` entry (inSource for an inline
directive, external for a config waiver) with the waiver's reason as justification. Input
errors become toolExecutionNotifications, and the invocation is then not successful.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

from claimcheck.errors import shown
from claimcheck.fingerprint import posix_path
from claimcheck.model import ClaimResult, DocumentResult, Finding, Location, Report, Tally
from claimcheck.report.stream import StreamWriter, dumps, indented, spool

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimcheck/v1"
LINE_FORMATS = frozenset({"markdown", "text", "html"})
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, **opts: Any) -> str:
    """The report as a SARIF 2.1.0 log with one run."""
    return Writer(**opts).render(report)


def to_sarif(
    report: Report, *, category: str | None = None, information_uri: str | None = None, **_: Any
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping; `category` sets runAutomationDetails.id."""
    rules, index = _rules(_extra_rules(report.documents))
    results = [
        _result(doc, claim, finding, index)
        for doc in report.documents
        for claim, finding in _findings(doc)
    ]
    errors = [(doc.path, doc.error) for doc in report.documents if doc.error]
    log = _log(report, rules, errors, report.notices, information_uri=information_uri)
    run = log["runs"][0]
    run["results"] = results
    _finish_run(run, report, category)
    return log


def _log(
    report: Report,
    rules: list[dict[str, Any]],
    errors: list[tuple[str, str]],
    notices: Iterable[str],
    *,
    information_uri: str | None = None,
) -> dict[str, Any]:
    """The log up to the run's results: tool, invocations (which need every input error)."""
    from claimcheck import project_url

    notifications = [_notification(e) for e in errors]
    notifications += [{"level": "note", "message": {"text": n}} for n in notices]
    driver: dict[str, Any] = {
        "name": "claimcheck",
        "version": report.version,
        "semanticVersion": report.version,
    }
    uri = information_uri or project_url()
    if uri:  # optional in SARIF; unknown only when claimcheck runs uninstalled from a checkout
        driver["informationUri"] = uri
    driver["rules"] = rules
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {
            "%SRCROOT%": {"description": {"text": "The directory claimcheck ran in."}}
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _finish_run(run: dict[str, Any], report: Report, category: str | None) -> None:
    """The members after the results."""
    run["columnKind"] = "unicodeCodePoints"
    run["properties"] = {"as_of": report.as_of.isoformat()}
    if category:
        run["automationDetails"] = {"id": category.rstrip("/") + "/"}
    if report.baseline is not None:
        run["properties"]["baseline"] = dict(report.baseline)


def _notification(error: tuple[str, str]) -> dict[str, Any]:
    path, message = error
    return {
        "level": "error",
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(path)}}],
    }


# A result's ruleIndex for a rule no check documents is only known once every document is
# in (such rules follow the documented ones, sorted): the fragment holds this mark instead.
_MARK = "\x00claimcheck-rule:"


class _Marks(dict):
    """Rule indices, with a mark for a rule that has none yet."""

    def __missing__(self, code: str) -> str:
        return _MARK + code


class Writer(StreamWriter):
    """Writes the SARIF log; results are spooled until the end, which knows the tool's rules
    and the invocation's notifications that come before them."""

    documented: dict[str, int] | None = None

    def document(self, doc: DocumentResult, report: Report) -> tuple[str, Any]:
        if self.documented is None:  # once per writer: the rule docs do not change in a run
            self.documented = dict(_documented()[1])
        index = self.documented
        marks = _Marks(index)
        extra: dict[str, dict[str, Any]] = {}
        parts = []
        for claim, finding in _findings(doc):
            if finding.rule not in index:
                extra[finding.rule] = _extra_descriptor(finding)  # the last one seen wins
            parts.append(indented(dumps(_result(doc, claim, finding, marks)), 4))
        errors = [(doc.path, doc.error)] if doc.error else []
        return ",\n".join(parts), (extra, errors)

    def begin(self, out: TextIO, head: Report) -> None:
        super().begin(out, head)
        self.body, self.count = spool(), 0
        self.extra: dict[str, dict[str, Any]] = {}
        self.errors: list[tuple[str, str]] = []

    def add(self, fragment: str, meta: Any, tally: Tally) -> None:
        extra, errors = meta
        self.extra.update(extra)
        self.errors += errors
        if fragment:
            self.body.write(("" if not self.count else ",\n") + fragment)
            self.count += 1
        self.tallies.append(tally)

    def end(self, notices: Iterable[str]) -> None:
        rules, index = _rules(self.extra)
        opts = self.opts
        log = _log(
            self.head, rules, self.errors, notices, information_uri=opts.get("information_uri")
        )
        run = log["runs"][0]
        run["results"] = 0
        tail: dict[str, Any] = {}
        _finish_run(tail, self.head, opts.get("category"))
        text = dumps(log)
        cut = text.rindex("0\n    }\n  ]\n}")
        out = self.out
        out.write(text[:cut])
        if not self.count:
            out.write("[]")
        else:
            out.write("[\n")
            self.body.seek(0)
            marks = {dumps(_MARK + code): str(index[code]) for code in self.extra}
            seen = dumps(_MARK)[1:-1]
            for line in self.body:
                if seen in line:
                    for mark, number in marks.items():
                        line = line.replace(mark, number)
                out.write(line)
            out.write("\n      ]")
        out.write("," + indented(dumps(tail)[1:], 2)[4:] + "\n  ]\n}\n")
        self.body.close()


def _findings(doc: DocumentResult) -> list[tuple[ClaimResult | None, Finding]]:
    return [(c, f) for c in doc.claims for f in c.findings] + [(None, f) for f in doc.findings]


def _rule_docs() -> list[dict[str, Any]]:
    """The judge's rule documentation, when that module is present."""
    try:
        from claimcheck.checks.judge import rule_docs
    except ImportError:
        return []
    return list(rule_docs())


def _extra_rules(documents: Iterable[DocumentResult]) -> dict[str, dict[str, Any]]:
    """Descriptors of rules seen in the documents that no check documents."""
    index = dict(_documented()[1])
    extra: dict[str, dict[str, Any]] = {}
    for doc in documents:
        for _, f in _findings(doc):
            if f.rule not in index:
                extra[f.rule] = _extra_descriptor(f)  # the last one seen, as before
    return extra


def _extra_descriptor(f: Finding) -> dict[str, Any]:
    return {"name": f.name, "verdict": f.verdict, "default_severity": f.severity}


def _documented() -> tuple[tuple[dict[str, Any], ...], tuple[tuple[str, int], ...]]:
    """Descriptors of the documented rules and their indices (the same for every document)."""
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for doc in _rule_docs():
        code = str(doc.get("code", ""))
        if not code or code in index:
            continue
        index[code] = len(rules)
        rules.append(_descriptor(code, doc))
    return tuple(rules), tuple(index.items())


def _rules(extra: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """reportingDescriptors for every documented rule plus the extra rules seen in a report."""
    documented, known = _documented()
    rules = list(documented)
    index = dict(known)
    for code in sorted(extra):
        index[code] = len(rules)
        rules.append(_descriptor(code, extra[code]))
    return rules, index


def _descriptor(code: str, doc: dict[str, Any]) -> dict[str, Any]:
    name = str(doc.get("name") or code)
    summary = str(doc.get("summary") or name.replace("-", " "))
    out: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS.get(str(doc.get("default_severity")), "error")},
        "properties": {"tags": ["claims", *([doc["verdict"]] if doc.get("verdict") else [])]},
    }
    text = doc.get("doc")
    if text:
        out["fullDescription"] = {"text": _first_paragraph(str(text))}
        out["help"] = {"text": str(text), "markdown": str(text)}
    return out


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n", 1)[0].split())


# RFC 3986 path characters kept as they are; ':' is escaped so 'a:b.md' is not read as a scheme.
_URI_SAFE = "/!$&'()*+,;=@~"


def _artifact(path: str) -> dict[str, Any]:
    p = posix_path(path)
    if p.startswith("/"):  # outside the working directory: an absolute file URI
        return {"uri": "file://" + quote(p, safe=_URI_SAFE)}
    return {"uri": quote(p, safe=_URI_SAFE), "uriBaseId": "%SRCROOT%"}


def _where(doc: DocumentResult, location: Location | None) -> str | None:
    """'page 3' / 'paragraph 7' / 'slide 2' when the draft has no lines, else None."""
    if location is None or doc.format in LINE_FORMATS or location.line is not None:
        return None
    label = location.label()
    return None if label == "-" else label


def _location(doc: DocumentResult, location: Location | None, label: str | None = None) -> dict:
    """A SARIF location: the draft, the sentence's line (1 without lines), page/slide named."""
    where = _where(doc, location)
    physical: dict[str, Any] = {
        "artifactLocation": _artifact(doc.path),
        "region": {"startLine": location.line if location and location.line else 1},
    }
    loc: dict[str, Any] = {"physicalLocation": physical}
    if label or (where and location):
        loc["message"] = {"text": label or where}
    if where and location:
        loc["properties"] = {
            k: v
            for k, v in (
                ("page", location.page),
                ("paragraph", location.paragraph),
                ("slide", location.slide),
            )
            if v is not None
        }
    return loc


def _result(
    doc: DocumentResult, claim: ClaimResult | None, finding: Finding, index: dict[str, int]
) -> dict[str, Any]:
    # A document finding stands at the first claim behind it, or at the document start.
    sentence = claim.sentence if claim else finding.anchor
    location = sentence.location if sentence else None
    where = _where(doc, location)
    text = finding.message
    if where and claim:
        text = f"{text} ({where})"
    if finding.suggestion:
        text = f"{text} {'Suggested wording' if claim else 'Add'}: {finding.suggestion}"
    loc = _location(doc, location)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [loc],
        "properties": {
            "name": finding.name,
            "severity": finding.severity,
            "verdict": claim.verdict if claim else finding.verdict,
            "claim_id": finding.claim_id or (claim.claim_id if claim else None),
            "evidence": list(finding.evidence or (claim.evidence if claim else ())),
            "sentence": sentence.text if sentence else None,
        },
    }
    related = [(s, "claim") for s in finding.claims[1:]]
    related += [(s, "statement found") for s in finding.found]
    if related:
        result["relatedLocations"] = [
            {"id": n, **_location(doc, s.location, f"{what} at {s.where}: {shown(s.text)}")}
            for n, (s, what) in enumerate(related, 1)
        ]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.suggestion:
        result["properties"]["suggestion"] = finding.suggestion
    if finding.waived is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if finding.waived_by == "inline" else "external",
                "status": "accepted",
                "justification": finding.waived,
            }
        ]
    return result
