"""``python -m hankeverkko`` is the ``hankeverkko`` command."""
from hankeverkko.graph.cli import main

if __name__ == "__main__":
    main(prog_name="hankeverkko")
