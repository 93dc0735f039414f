"""claimcheck's built-in rule packs and cue lexicons: YAML data, no code.

The folder sits at the top of the repository and installs as ``claimcheck.rules`` (see
``[tool.setuptools.package-dir]`` in pyproject.toml); this file makes it a regular package, which
setuptools' default editable install can import (a namespace package mapped outside
``claimcheck/`` is not found). Read the files with ``importlib.resources.files("claimcheck.rules")``.
"""
