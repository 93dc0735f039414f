"""`python -m claimcheck`."""

from claimcheck.cli import main

if __name__ == "__main__":  # a spawned worker imports this module too: it must not run
    main()
