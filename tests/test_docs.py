"""The README tells the truth: every command is documented and the quickstart works."""

import re

import click
import pytest

from communique.cli import cli
from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names += all_commands(command, f"{prefix}{name} ")
    return names


@pytest.mark.parametrize("name", all_commands(cli))
def test_every_command_is_in_the_readme(name):
    assert f"communique {name}" in README


@pytest.mark.parametrize("name", all_commands(cli))
def test_every_command_help_has_an_example(name):
    command = cli
    for part in name.split():
        command = command.commands[part]
    if isinstance(command, click.Group):
        return
    assert "Example" in (command.help or ""), f"`communique {name} --help` has no example"


def test_quickstart_has_exactly_the_two_setup_commands():
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    first_block = re.search(r"```sh\n(.*?)```", quickstart, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_samples_readme_says_they_are_not_news():
    text = (ROOT / "samples" / "README.md").read_text(encoding="utf-8").lower()
    assert "not news" in text or "not real news" in text
