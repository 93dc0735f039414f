"""`claimcheck init`: start a content repository with a config, a registry and evidence."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck import schema_url
from claimcheck.atomic import write_text
from claimcheck.cli.options import epilog, guarded
from claimcheck.errors import UsageError

# The published JSON Schema (schemas/ in the repository) of each file init writes.
SCHEMAS = {
    "claimcheck.yaml": "claimcheck.schema.json",
    "claims.yaml": "claims.schema.json",
    "evidence.yaml": "evidence.schema.json",
}

CONFIG = """\
# claimcheck configuration (see the README: "Registry, evidence and config").
registry: claims.yaml
evidence: evidence.yaml
# Context of the drafts: who they are for, where they run. Overrides per glob below.
audience: hcp
channel: web
market: US
fail_on: error
include: ["**/*.md", "**/*.docx", "**/*.pdf", "**/*.pptx", "**/*.html", "**/*.txt"]
exclude: ["**/node_modules/**", "**/.venv/**"]
# overrides:
#   - files: "patient/**"
#     audience: patient
"""

REGISTRY = """\
# The approved-claims library: one entry per approved claim, with its evidence and scope.
version: 1
claims:
  - id: {product_id}-EXAMPLE
    text: {product} reduced mean procedure time by 10% compared with standard care in a randomized controlled trial.
    variants:
      - Mean procedure time was 45 minutes with {product} versus 50 minutes with standard care.
    evidence: [EV-{product_id}-RCT]
    expires: {expires}
    scope:
      products: [{product_key}]
      audiences: [hcp]
    requires: ["compared with standard care"]
    notes: Replace this example with your approved claims.
prohibited:
  - id: NO-{product_id}-CURE
    phrases: [cures, cure]
    reason: No evidence supports a cure claim.
"""

EVIDENCE = """\
# The evidence library: what each approved claim rests on.
evidence:
  - id: EV-{product_id}-RCT
    citation: "Author A, et al. Journal. Year;Volume:Pages."
    type: rct
    date: 2025-01-01
    population: 200 patients (replace with the study population)
    findings:
      - endpoint: mean procedure time
        result: 45 vs 50 minutes (-10%)
"""


@click.command(
    "init",
    epilog=epilog(
        ["claimcheck init", "claimcheck init --dir content --product ArcGuide"],
        [
            (0, "the three files were written"),
            (2, "one of them exists already (never overwritten)"),
        ],
    ),
)
@click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Where to write the starter files.",
)
@click.option(
    "--product", default="Acme", show_default=True, help="Product name used in the example claim."
)
@guarded
def init_command(directory: Path, product: str) -> None:
    """Write a starter claimcheck.yaml, claims.yaml and evidence.yaml (never overwrites)."""
    from datetime import date

    key = "".join(ch for ch in product.lower() if ch.isalnum() or ch in "-_") or "product"
    product_id = key.upper().replace("_", "-")
    values = {
        "product": product,
        "product_key": key,
        "product_id": product_id,
        "expires": date(date.today().year + 1, 12, 31).isoformat(),
    }
    files = {
        "claimcheck.yaml": CONFIG,
        "claims.yaml": REGISTRY.format(**values),
        "evidence.yaml": EVIDENCE.format(**values),
    }
    for name, schema in SCHEMAS.items():
        url = schema_url(schema)
        if url is not None:  # editors that read the modeline (yaml-language-server) validate
            files[name] = f"# yaml-language-server: $schema={url}\n" + files[name]
    existing = [name for name in files if (directory / name).exists()]
    if existing:
        raise UsageError(f"{directory / existing[0]} already exists; init never overwrites files")
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write_text(directory / name, text, overwrite=False)
        click.echo(f"wrote {directory / name}")
    click.echo("next: add your approved claims to claims.yaml, then run `claimcheck check .`")
