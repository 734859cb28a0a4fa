"""``hankeverkko`` command line: a thin click shell over the library.

Each command parses options, calls one library function and formats the
result. Data goes to stdout, messages to stderr. Exit codes:

* 0 — success (``validate``: the graph conforms)
* 1 — the input could not be used (``validate``: the graph does not conform),
  or the system refused a file operation (a read-only or missing folder, a
  full disk, no permission): one line naming the path and what to do
* 2 — usage error (unknown option, missing file argument)

Commands live in sibling modules, one per concept; this module only
assembles the group and turns domain errors and ``OSError`` into
readable one-line messages.
"""
from __future__ import annotations

import click

from hankeverkko.graph.cli.oserrors import describe_os_error
from hankeverkko.graph.errors import HankeverkkoError
from hankeverkko.loaders.errors import LoaderError

__all__ = ["main"]


class _Group(click.Group):
    """A group whose commands report domain and OS errors in one line, without a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (HankeverkkoError, LoaderError) as e:
            raise click.ClickException(str(e)) from e
        except OSError as e:
            raise click.ClickException(describe_os_error(e)) from e


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hankeverkko")
def main():
    """hankeverkko: Finnish ESR/ESR+ programme documents -> a knowledge graph of
    programmes, themes, projects and organisations.

    \b
    Start with:
      hankeverkko build --out out/          # the bundled corpus -> out/graph.ttl
      hankeverkko validate out/graph.ttl
    """


def _register():
    from hankeverkko.graph.cli import build_cmd, query_cmd
    for mod in (build_cmd, query_cmd):
        for cmd in mod.COMMANDS:
            main.add_command(cmd)
    for optional in ("orgs_cmd", "network_cmd", "store_cmd", "report_cmd"):
        try:
            mod = __import__(f"hankeverkko.graph.cli.{optional}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as e:
            if e.name != f"hankeverkko.graph.cli.{optional}":
                raise
            continue
        for cmd in mod.COMMANDS:
            main.add_command(cmd)


_register()
