"""The command line's help in the user's language: the program's own words (help strings,
descriptions, placeholders) are English in the source, marked for the .ts and translated as
the help is written; argparse's words (usage:, options, its error messages) come from its
gettext calls, answered from the same translation while the command line is parsed."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
WORDS = "Argparse"

# argparse's own words (Python 3.11's msgids) that a user of the command line meets.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "subcommands"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
)

# The placeholders of values (metavar=, or argparse's upper-cased option name).
PLACEHOLDERS = (
    QT_TRANSLATE_NOOP("Cli", "COMMAND"),
    QT_TRANSLATE_NOOP("Cli", "PATH_OR_URL"),
    QT_TRANSLATE_NOOP("Cli", "OWNER_URL"),
    QT_TRANSLATE_NOOP("Cli", "NAME"),
    QT_TRANSLATE_NOOP("Cli", "FILE"),
    QT_TRANSLATE_NOOP("Cli", "COLUMNS"),
    QT_TRANSLATE_NOOP("Cli", "UNIT"),
    QT_TRANSLATE_NOOP("Cli", "DATE"),
    QT_TRANSLATE_NOOP("Cli", "DIGITS"),
    QT_TRANSLATE_NOOP("Cli", "DESK"),
    QT_TRANSLATE_NOOP("Cli", "ID"),
    QT_TRANSLATE_NOOP("Cli", "SEED"),
    QT_TRANSLATE_NOOP("Cli", "SECONDS"),
)


def _translate() -> Callable[[str, str], str]:
    from desktop.i18n import language, translate

    return translate if language() != "en" else (lambda _context, text: text)


def _gettext(text: str | None) -> str | None:
    if not text:  # argparse asks for a missing description too
        return text
    end = "\n" if text.endswith("\n") else ""
    return _translate()(WORDS, text.removesuffix("\n")) + end


def _ngettext(singular: str, plural: str, n: int) -> str:
    return str(_gettext(singular if n == 1 else plural))


@contextmanager
def argparse_words() -> Iterator[None]:
    """argparse's words in the user's language while a parser is built and used (its
    module looks its gettext functions up at each call)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Chinese line breaking: these never start a line, those never end one.
NO_START = set("，。、；：？！）》」』”’%")
NO_END = set("（《「『“‘")


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` terminal columns: breaks at spaces, and between Chinese
    characters where a line has none (textwrap counts characters and breaks only at spaces),
    never before a closing mark nor after an opening one."""
    lines: list[str] = []
    line = ""
    for word in _pieces(" ".join(text.split())):
        if line and width(line + word) > columns and word[0] not in NO_START:
            carried = ""
            while line and line[-1] in NO_END:
                line, carried = line[:-1], line[-1] + carried
            if line.strip():
                lines.append(line.rstrip())
                line = carried
                word = word.lstrip() if not line else word
            else:
                line += carried
        line += word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _pieces(text: str) -> Iterator[str]:
    """Words with their leading space, and each wide character on its own."""
    word = ""
    for c in text:
        if c == " " or width(c) == 2:
            if word:
                yield word
            word = c if c == " " else ""
            if c != " ":
                yield c
        else:
            word += c
    if word:
        yield word


class Formatter(argparse.HelpFormatter):
    """Help, descriptions and placeholders translated as they are written, and wrapped by
    the columns they take."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if not action.help:
            return action.help
        # argparse's --version help is a default argument, not one of its gettext calls.
        said = _translate()(CONTEXT, action.help)
        return said if said != action.help else _translate()(WORDS, action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(_translate()(CONTEXT, text))

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        shown = super()._metavar_formatter(action, default_metavar)
        tr = _translate()
        return lambda n: tuple(tr(CONTEXT, m) for m in shown(n))

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # widen the column by what a line shows
            shown = [self._format_action_invocation(action)]
            shown += [
                self._format_action_invocation(a) for a in self._iter_indented_subactions(action)
            ]
            indent = self._current_indent
            longest = max(width(s) for s in shown) + indent
            self._action_max_length = max(self._action_max_length, longest)

    def _format_action(self, action: argparse.Action) -> str:
        """argparse's own, with the invocation padded by the columns it takes."""
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent_first = 0
        if not action.help:
            header = " " * self._current_indent + header + "\n"
        elif width(header) <= action_width:
            pad = " " * (action_width - width(header))
            header = " " * self._current_indent + header + pad + "  "
        else:
            header = " " * self._current_indent + header + "\n"
            indent_first = help_position
        parts = [header]
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        if help_text:
            lines = self._split_lines(help_text, help_width)
            parts.append(" " * indent_first + lines[0] + "\n")
            parts += [" " * help_position + line + "\n" for line in lines[1:]]
        elif not header.endswith("\n"):
            parts.append("\n")
        parts += [self._format_action(sub) for sub in self._iter_indented_subactions(action)]
        return self._join_parts(parts)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        """argparse's own, its lines after the first lined up under the prefix's columns."""
        said = str(_gettext("usage: ")) if prefix is None else prefix
        first, *rest = super()._format_usage(usage, actions, groups, "").split("\n")
        pad = " " * width(said)
        return "\n".join([said + first, *(pad + line if line else line for line in rest)])

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


def localise(parser: argparse.ArgumentParser) -> None:
    """Every parser of the tree writes its help with the Formatter, and a command's page
    starts with the line that lists it in its parent's help."""
    parser.formatter_class = Formatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps: dict[str, Any] = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                if sub.description is None:
                    sub.description = helps.get(name)
                localise(sub)
