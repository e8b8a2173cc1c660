"""The command line's help and its usage errors speak Chinese, argparse's own words included."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import cli, cli_help

# What may stay in Latin letters in a Chinese help page: what is typed (option names,
# choices, the program's name, formats, URLs) and proper names.
TYPED = re.compile(
    r"--?[\w-]+|\{[^}]*\}|\b[\w+]+://\S+|\bpolicedesk(\.sqlite3)?\b|\bYYYY-\w+\b|\.xlsx"
    r"|`[^`]*`|%\(\w+\)s|^ {4}[a-z][\w-]*",
    re.MULTILINE,
)
NAMES = {"SQLite", "SQLAlchemy", "PostgreSQL", "URL", "Excel", "GeoJSON", "CSV", "A4", "A3"}


def pages(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The argument lists that ask for each help page of the command line."""
    yield (*path, "--help")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from pages(sub, (*path, name))


def english_left(text: str, command: tuple[str, ...] = ()) -> list[str]:
    """Latin words of the page that are neither typed (the command's own words included)
    nor proper names."""
    words = re.findall(r"[A-Za-z][A-Za-z']+", TYPED.sub(" ", text))
    # A ledger's or import's key stands beside its Chinese name ("visits 走访"): typed.
    keys = set(re.findall(r"([a-z]+)\s+[\u4e00-\u9fff]", text))
    return [w for w in words if w not in NAMES and w not in keys and w not in command]


def help_page(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main(list(args))
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_help_page_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    every = list(pages(cli.build_parser()))
    assert len(every) > 20  # the commands and their sub-commands
    for args in every:
        text = help_page(args, capsys)
        assert text.startswith("用法：policedesk"), args
        assert "选项:" in text and "显示本帮助并退出" in text, args
        assert english_left(text, args[:-1]) == [], (args, text)


def test_a_command_page_starts_with_what_the_command_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_page(("export", "--help"), capsys)
    assert "将台账导出为 Excel 文件" in text
    assert "--out 文件" in text and "--from 日期" in text


def test_usage_errors_are_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["export", "visits"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "policedesk export：错误：缺少以下必填参数：--out" in err
    with pytest.raises(SystemExit):
        cli.main(["demo", "--scale", "town"])
    assert "无效的选择：'town'" in capsys.readouterr().err


def test_the_parser_leaves_argparse_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    before = argparse._  # type: ignore[attr-defined]
    help_page(("--help",), capsys)
    assert argparse._ is before  # type: ignore[attr-defined]


def test_chinese_lines_fit_the_terminal() -> None:
    text = "将数据库备份到文件（使用中也可安全备份）then some words"
    lines = cli_help.wrap(text, 16)
    assert all(cli_help.width(line) <= 16 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_the_installed_command_answers_in_chinese(tmp_path: Path) -> None:
    env = {**os.environ, "POLICEDESK_HOME": str(tmp_path), "POLICEDESK_LANG": "zh_CN"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "roster", "generate", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：")
    assert "排满本月，保留手工安排的勤务" in result.stdout
    english = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        capture_output=True,
        text=True,
        env={**env, "POLICEDESK_LANG": "en"},
        timeout=120,
    )
    assert english.stdout.startswith("usage: policedesk")
