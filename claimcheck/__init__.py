"""claimcheck: a claims-compliance linter for healthcare marketing copy."""

__version__ = "0.1.0"
