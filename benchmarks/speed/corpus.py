"""Seeded generators for the speed benchmark: a claim registry and Markdown drafts.

The two are independent: the registry comes from its own seed, each draft from the drafts'
seed and its own index, and a draft never reads the registry. A draft that restates an
approved claim rebuilds it with `approved(i)`, a pure function of the registry seed and the
claim's index, so the drafts are the same whether or not a registry file exists, and the
first 1,000 claims of a 10,000-claim registry are the 1,000-claim registry.

Copy is shaped like real marketing and technical prose: one sentence in five to eight makes
a claim (a draft draws its own density in that range), and the other sentences come from a
grammar of templates and slot lists large enough that few sentences repeat across drafts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

REGISTRY_SEED = 1
DRAFTS_SEED = 2

PRODUCTS = (
    "ArcGuide",
    "FlexiSeal",
    "NovaStent",
    "CardioPulse",
    "OrthoLink",
    "VisiScan",
    "GlucoTrack",
    "DermaHeal",
    "NeuroCalm",
    "PulmoClear",
    "SpineAlign",
    "HemoStop",
    "OptiLens",
    "RenalFlow",
    "SonoGuide",
    "AirLift",
    "BoneBridge",
    "ClearPath",
    "VenaCure",
    "TendoFix",
    "SkinGraft",
    "CoreTemp",
    "FlowSense",
    "MediPatch",
)
ENDPOINTS = (
    "operative time",
    "blood loss",
    "length of stay",
    "readmission rate",
    "infection rate",
    "pain score",
    "alignment accuracy",
    "revision rate",
    "procedure cost",
    "fluoroscopy time",
    "wound healing time",
    "time to mobilisation",
    "transfusion rate",
    "implant survival",
    "patient satisfaction",
    "setup time",
    "scar width",
    "opioid use",
    "return to work time",
    "reintervention rate",
    "hospital cost",
    "recovery time",
    "contrast dose",
    "radiation exposure",
    "seroma formation",
    "anaesthesia time",
    "leak rate",
    "restenosis rate",
    "glucose variability",
    "itch score",
    "sleep latency",
    "exacerbation rate",
)
PAST_VERBS = ("reduced", "lowered", "decreased", "shortened", "improved", "increased")
PRESENT_VERBS = {
    "reduced": "reduces",
    "lowered": "lowers",
    "decreased": "decreases",
    "shortened": "shortens",
    "improved": "improves",
    "increased": "increases",
}
COMPARATORS = (
    "standard care",
    "conventional instrumentation",
    "manual technique",
    "the previous generation",
    "usual care",
    "open surgery",
)
SETTINGS = (
    "a randomized controlled trial",
    "a multicentre registry study",
    "a prospective cohort study",
    "a single-centre trial",
    "a retrospective analysis",
)
INTENSIFIERS = ("dramatically", "significantly", "remarkably", "substantially")
ABSOLUTES = ("for every patient", "in all patients", "every time", "without exception")


@dataclass(frozen=True)
class Approved:
    """One registry claim, rebuilt from the registry seed and its index."""

    id: str
    product: str
    endpoint: str
    verb: str
    pct: int
    comparator: str
    setting: str
    minutes: tuple[int, int] | None  # a variant's absolute figures, when it has one

    @property
    def text(self) -> str:
        """The approved wording."""
        return (
            f"{self.product} {self.verb} {self.endpoint} by {self.pct}% compared with "
            f"{self.comparator} in {self.setting}."
        )

    @property
    def variant(self) -> str | None:
        """A second approved wording stating absolute figures."""
        if self.minutes is None:
            return None
        a, b = self.minutes
        return (
            f"Mean {self.endpoint} was {a} minutes with {self.product} versus {b} minutes "
            f"with {self.comparator}."
        )


def approved(i: int, seed: int = REGISTRY_SEED) -> Approved:
    """Claim number i of the registry made from `seed` (independent of the registry's size)."""
    rng = random.Random(f"claim:{seed}:{i}")
    product = PRODUCTS[i % len(PRODUCTS)]
    endpoint = ENDPOINTS[(i // len(PRODUCTS)) % len(ENDPOINTS)]
    round_ = i // (len(PRODUCTS) * len(ENDPOINTS))
    setting = rng.choice(SETTINGS)
    if round_:
        setting = f"{setting} of {rng.randint(40, 900)} patients"
    a = rng.randint(20, 120)
    return Approved(
        id=f"C-{i:05d}",
        product=product,
        endpoint=endpoint,
        verb=rng.choice(PAST_VERBS),
        pct=rng.randint(5, 45),
        comparator=rng.choice(COMPARATORS),
        setting=setting,
        minutes=(a, a + rng.randint(3, 30))
        if endpoint.endswith("time") and rng.random() < 0.6
        else None,
    )


def registry_yaml(claims: int, seed: int = REGISTRY_SEED) -> str:
    """A registry of `claims` approved claims with one evidence record each."""
    lines = ["version: 1", "claims:"]
    evidence = ["evidence:"]
    for i in range(claims):
        c = approved(i, seed)
        lines += [f"  - id: {c.id}", f"    text: {c.text}"]
        if c.variant:
            lines += ["    variants:", f"      - {c.variant}"]
        lines += [f"    evidence: [EV-{i:05d}]", f"    scope: {{products: [{c.product.lower()}]}}"]
        evidence += [
            f"  - id: EV-{i:05d}",
            f'    citation: "Author {i}, et al. J Synthetic Med. 2024;{i % 50}:{i}-{i + 9}."',
            "    type: rct",
            "    date: 2024-01-01",
            f"    findings: [{{endpoint: {c.endpoint}, result: '-{c.pct}%'}}]",
        ]
    return "\n".join(lines) + "\n" + "\n".join(evidence) + "\n"


# ------------------------------------------------------------------ ordinary copy

SLOTS: dict[str, tuple[str, ...]] = {
    "component": (
        "camera",
        "tracking array",
        "tablet",
        "handpiece",
        "docking station",
        "foot pedal",
        "sensor cuff",
        "applicator",
        "console",
        "charging cradle",
        "battery pack",
        "cart",
        "probe",
        "display arm",
        "reader",
        "cartridge",
    ),
    "system": (
        "hospital network",
        "imaging archive",
        "electronic health record",
        "operating room display",
        "scheduling system",
        "inventory system",
        "nurse call system",
        "anaesthesia workstation",
    ),
    "interface": ("USB", "Ethernet", "HDMI", "Bluetooth", "serial", "wireless"),
    "roles": (
        "Surgeons",
        "Scrub nurses",
        "Biomedical engineers",
        "Theatre managers",
        "Procurement teams",
        "Anaesthetists",
        "Ward pharmacists",
        "Sterile services staff",
        "Physiotherapists",
        "Clinical educators",
    ),
    "site": (
        "Harbor General",
        "St. Mary's",
        "Lakeside Clinic",
        "the Northgate campus",
        "Riverside Hospital",
        "the county medical centre",
        "Pine Valley Surgical",
        "the university hospital",
        "Westfield Day Surgery",
        "Mercy Regional",
    ),
    "item": (
        "replacement drapes",
        "sterile covers",
        "spare batteries",
        "single-use tips",
        "calibration tools",
        "marker spheres",
        "cleaning wipes",
        "printed manuals",
        "training kits",
        "cable sets",
    ),
    "channel": (
        "customer portal",
        "regional distributor",
        "service desk",
        "online catalogue",
        "account manager",
        "purchasing office",
    ),
    "schedule": (
        "on Tuesdays",
        "on alternate Fridays",
        "once a quarter",
        "at the end of the month",
        "in spring",
        "after a software release",
        "on request",
        "at the start of a rotation",
    ),
    "place": (
        "training centre",
        "skills lab",
        "simulation suite",
        "conference room",
        "regional office",
        "hospital library",
    ),
    "document": (
        "user guide",
        "quick reference card",
        "installation guide",
        "service manual",
        "cleaning protocol",
        "training handbook",
        "release notes",
        "ordering guide",
    ),
    "task": (
        "register the device",
        "pair the tablet",
        "check the battery level",
        "calibrate the camera",
        "assign user accounts",
        "update the software",
        "record the lot number",
        "prepare the sterile field",
        "schedule maintenance",
        "export case logs",
    ),
    "team": (
        "clinical support team",
        "field service team",
        "education team",
        "customer success team",
        "installation crew",
        "technical support desk",
    ),
    "feature": (
        "case planning templates",
        "remote log export",
        "multi-language menus",
        "user profiles",
        "barcode scanning",
        "audit trails",
        "dark mode",
        "offline case review",
    ),
    "contact": (
        "your account manager",
        "the service desk",
        "our medical information line",
        "the regional office",
        "your clinical specialist",
    ),
    "topic": (
        "delivery dates",
        "invoices",
        "training slots",
        "software licences",
        "service contracts",
        "loan equipment",
        "returns",
    ),
    "container": ("instrument tray", "storage drawer", "transport case", "shelf bay"),
    "month": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "surface": ("instrument table", "side rail", "mayo stand", "mobile cart", "wall mount"),
    "language": ("English", "Spanish", "French", "German", "Italian", "Dutch", "Polish"),
    "dept": ("finance office", "purchasing team", "accounts desk", "supply chain office"),
    "period": ("month", "quarter", "billing cycle", "half year"),
}
TEMPLATES = (
    "The {component} connects to the {system} through its {interface} port.",
    "{roles} at {site} can order {item} through the {channel}.",
    "Training for {roles_lower} takes place {schedule} at the {place}.",
    "The kit contains {n} {item} and a printed quick reference card.",
    "The {document} describes how to {task} before the first case.",
    "Our {team} visits {site} {schedule} to {task}.",
    "Software version {n}.{m} adds support for {feature}.",
    "Please contact {contact} with questions about {topic}.",
    "The {component} weighs {grams} grams and fits in a standard {container}.",
    "{site_cap} started using the {component} in {month} {year}.",
    "During setup, the nurse places the {component} on the {surface}.",
    "The {document} is available in {language} and {language2}.",
    "Invoices for {item} are sent to the {dept} at the end of the {period}.",
    "{roles} from {site} joined the user meeting in {month}.",
    "The {component} and the {component2} share one power supply.",
    "An updated {document} for the {component} was published in {month} {year}.",
    "The {team} answers calls from {site} {schedule}.",
    "Orders placed before noon ship the same day from the {channel}.",
)
HEADINGS = (
    "Ordering and delivery",
    "Training and support",
    "What is in the box",
    "Getting started",
    "Service and maintenance",
    "Frequently asked questions",
    "About the study",
    "Clinical results",
    "Contact us",
)


def ordinary(rng: random.Random) -> str:
    """One sentence of ordinary copy (no claim) from the template grammar."""
    template = rng.choice(TEMPLATES)
    values = {k: rng.choice(v) for k, v in SLOTS.items()}
    values["roles_lower"] = values["roles"].lower()
    values["site_cap"] = values["site"][:1].upper() + values["site"][1:]
    values["component2"] = rng.choice(SLOTS["component"])
    values["language2"] = rng.choice([x for x in SLOTS["language"] if x != values["language"]])
    values.update(
        n=rng.randint(2, 12),
        m=rng.randint(0, 9),
        grams=rng.randint(80, 2400),
        year=rng.randint(2019, 2025),
    )
    return template.format(**values)


def claim_sentence(rng: random.Random, product: int, claims: int, seed: int) -> str:
    """A sentence making a claim about `product`: approved, reworded, overstated or invented."""
    k = rng.randrange(max(1, (claims - product + len(PRODUCTS) - 1) // len(PRODUCTS)))
    c = approved(product + k * len(PRODUCTS), seed) if claims > product else None
    r = rng.random()
    if c is not None and r < 0.35:
        return c.variant if c.variant and rng.random() < 0.3 else c.text
    name = PRODUCTS[product]
    if c is not None and r < 0.55:
        return (
            f"In {c.setting}, {c.endpoint} was {c.verb} by {c.pct}% with {name} compared "
            f"with {c.comparator}."
        )
    if c is not None and r < 0.8:
        extra = rng.choice(INTENSIFIERS)
        tail = rng.choice(ABSOLUTES) if rng.random() < 0.5 else f"compared with {c.comparator}"
        return f"{name} {extra} {PRESENT_VERBS[c.verb]} {c.endpoint} by {c.pct}% {tail}."
    endpoint = rng.choice(ENDPOINTS)
    verb = rng.choice(PAST_VERBS)
    return f"{name} {verb} {endpoint} by {rng.randint(5, 60)}% in everyday practice."


def draft_markdown(
    index: int,
    words: int,
    claims: int,
    seed: int = DRAFTS_SEED,
    registry_seed: int = REGISTRY_SEED,
) -> tuple[str, int, int]:
    """Draft number `index`: (Markdown text, sentences, claim sentences)."""
    rng = random.Random(f"draft:{seed}:{index}")
    product = rng.randrange(len(PRODUCTS))
    density = rng.uniform(1 / 8, 1 / 5)
    audience, channel = rng.choice(["hcp", "patient", "payer"]), rng.choice(["web", "email"])
    parts = [
        "---",
        f"title: {PRODUCTS[product]} {rng.choice(HEADINGS).lower()} ({index})",
        f"claimcheck: {{audience: {audience}, channel: {channel}}}",
        "---",
        "",
        f"# {PRODUCTS[product]} for your practice",
        "",
    ]
    count = sentences = made = 0
    while count < words:
        if rng.random() < 0.15:
            parts += [f"## {rng.choice(HEADINGS)}", ""]
        bullets = rng.random() < 0.2
        para = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < density:
                s = claim_sentence(rng, product, claims, registry_seed)
                made += 1
            else:
                s = ordinary(rng)
            para.append(s)
            sentences += 1
            count += len(s.split())
        parts += [*(f"- {s}" for s in para)] if bullets else [" ".join(para)]
        parts.append("")
    return "\n".join(parts), sentences, made


@dataclass(frozen=True)
class Corpus:
    """A generated corpus on disk."""

    folder: Path  # the drafts
    registry: Path
    config: Path
    files: tuple[Path, ...]
    words: int
    sentences: int
    claim_sentences: int


def write_corpus(root: Path, drafts: int, claims: int, words: int) -> Corpus:
    """Write (or reuse) drafts, registry and a config under `root`; return what is there."""
    folder = root / f"drafts-{drafts}x{words}-c{claims}"
    registry = root / f"registry-{claims}.yaml"
    root.mkdir(parents=True, exist_ok=True)
    if not registry.exists():
        registry.write_text(registry_yaml(claims), encoding="utf-8")
    config = root / f"claimcheck-{claims}.yaml"
    config.write_text(f"registry: {registry.name}\n", encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    files, total, sentences, made = [], 0, 0, 0
    for i in range(drafts):
        text, n, m = draft_markdown(i, words, claims)
        path = folder / f"draft-{i:05d}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        files.append(path)
        total += len(text.split())
        sentences += n
        made += m
    return Corpus(folder, registry, config, tuple(files), total, sentences, made)
