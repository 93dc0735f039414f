"""One small registry the API and language-server tests share: ARC-OPTIME and its evidence."""

REGISTRY = """\
claims:
  - id: ARC-OPTIME
    text: >-
      ArcGuide reduced mean operative time by 12% compared with conventional
      instrumentation in a randomized controlled trial.
    evidence: [EV-ARC-RCT-2024]
    scope:
      audiences: [hcp]
    requires: ["compared with conventional instrumentation"]
evidence:
  - id: EV-ARC-RCT-2024
    citation: "Lee M, et al. Imageless navigation in knee arthroplasty. J Arthroplasty. 2024."
    type: rct
    date: 2024-02-01
    findings:
      - endpoint: mean operative time
        result: 78 vs 89 minutes (-12%), p=0.003
"""
# The approved wording itself (supported), and copy that overstates it (CC201, CC202, CC206).
SUPPORTED = (
    "ArcGuide reduced mean operative time by 12% compared with conventional instrumentation "
    "in a randomized controlled trial."
)
OVERSTATED = "ArcGuide dramatically cuts operative time by 25%."
