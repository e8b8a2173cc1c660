"""Why a server refused a desk, in words a clerk can act on.

Judged by SQLSTATE, which is the same whatever language the server speaks; by its words
(English, or a Chinese server's) only when the driver gives no code: psycopg 3 gives none
when the connection itself fails, whatever the server said.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import URL

from desktop.domain.messages import QT_TRANSLATE_NOOP

DEFAULT_PORT = 5432

_BAD_PASSWORD, _NOT_LET_IN, _NO_DATABASE = "28P01", "28000", "3D000"
_NO_RIGHT, _BUSY, _NOT_NOW = "42501", "53300", "57P03"
_CONNECTION_FAILURE = "08"  # the class: 08001, 08006 and the rest

# The server's words for each refusal, in English and as a zh_CN server says them. The
# more particular first: "authentication failed …: host rejected" is no wrong password.
_SERVER_WORDS = tuple(
    (state, re.compile(words, re.IGNORECASE))
    for state, words in (
        (_NO_DATABASE, r'database "[^"]*" does not exist|数据库 ?"[^"]*" ?不存在'),
        (
            _NOT_LET_IN,
            r'role "[^"]*" does not exist|角色 ?"[^"]*" ?不存在|not permitted to log in|'
            r"不允许角色|pg_hba\.conf|host rejected|主机拒绝",
        ),
        (_BAD_PASSWORD, r"authentication failed|认证失败|认证 \w+ 失败"),
        (_NO_RIGHT, r"permission denied for database|数据库.*权限不够"),
        (_BUSY, r"too many clients|too many connections|太多的客户|连接太多"),
        (
            _NOT_NOW,
            r"database system is (starting up|shutting down|in recovery mode|not yet accepting)"
            r"|数据库系统(启动中|停止中|在恢复模式中)",
        ),
    )
)
_NO_ROLE = re.compile(r'role "[^"]*" does not exist|角色 ?"[^"]*" ?不存在', re.IGNORECASE)
# Before the server says anything: libpq's and the system's words, in the desk's language.
_UNKNOWN_HOST = re.compile(
    r"resolve host|translate host name|name or service|name resolution|"
    r"无法解释主机名|未知的名称或服务|域名解析",
    re.IGNORECASE,
)
_REFUSED = re.compile(r"refused|拒绝连接|积极拒绝", re.IGNORECASE)
_TIMED_OUT = re.compile(r"timeout|timed out|超时", re.IGNORECASE)


def _sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE the driver read from the server: psycopg's `sqlstate`, psycopg2's
    `pgcode`; None when it has none."""
    for name in ("sqlstate", "pgcode"):
        code = getattr(error, name, None)
        if isinstance(code, str) and len(code) == 5:
            return code.upper()
    return None


def _said_state(detail: str) -> str | None:
    """The SQLSTATE the server's words stand for, when the driver gave no code."""
    return next((state for state, words in _SERVER_WORDS if words.search(detail)), None)


def refusal(url: URL, error: BaseException) -> tuple[str, dict[str, Any]]:
    """The driver's error → a message the clerk can act on, with its params."""
    detail = str(error)
    state = _sqlstate(error) or _said_state(detail)
    host, port = url.host or "localhost", url.port or DEFAULT_PORT
    user, database = url.username or "", url.database or ""
    if state == _BAD_PASSWORD:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server refused the user name or the password (user {user}).",
            ),
            user=user,
        )
    if state == _NO_DATABASE:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server has no database {database}. Check the name, or ask the server's "
                "administrator to create it.",
            ),
            database=database,
        )
    if state == _NOT_LET_IN and _NO_ROLE.search(detail):
        return _said(
            QT_TRANSLATE_NOOP("Messages", "The server has no user {user}."), user=user or "?"
        )
    if state == _NOT_LET_IN:  # pg_hba.conf, or a role that may not log in
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server does not let this computer in as {user} to {database} (its "
                "pg_hba.conf). Ask the server's administrator.",
            ),
            user=user,
            database=database,
        )
    if state == _NO_RIGHT:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The user {user} may not use the database {database}. Ask the server's "
                "administrator to run: GRANT CONNECT ON DATABASE {database} TO {user}",
            ),
            user=user,
            database=database,
        )
    if state == _BUSY:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server has as many connections as it allows. Try again in a moment, or "
                "ask the server's administrator to allow more (max_connections).",
            )
        )
    if state == _NOT_NOW:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages", "The server is starting up or shutting down: try again in a minute."
            )
        )
    if state is not None and not state.startswith(_CONNECTION_FAILURE):
        return _cannot_connect(detail)
    # A connection that failed before the server spoke: the words of libpq and the system.
    if "no password supplied" in detail.lower():
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server asks for a password: type it, or put it in this user's "
                "password file (pgpass).",
            )
        )
    if _UNKNOWN_HOST.search(detail):
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages", "No computer is called {host} on this network: check the address."
            ),
            host=host,
        )
    if _TIMED_OUT.search(detail):
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The server {host} did not answer in time. Check its address and that this "
                "computer may reach it (network, firewall).",
            ),
            host=host,
        )
    if _REFUSED.search(detail) or state is not None:
        return _said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Nothing answers at {host}, port {port}: check the address and the port, and "
                "that the database server is running and accepts connections from the network.",
            ),
            host=host,
            port=port,
        )
    return _cannot_connect(detail)


def _cannot_connect(detail: str) -> tuple[str, dict[str, Any]]:
    return _said(
        QT_TRANSLATE_NOOP("Messages", "Cannot connect to the server: {detail}"),
        detail=first_line(detail.removeprefix("connection failed: ")),
    )


def _said(message: str, **params: Any) -> tuple[str, dict[str, Any]]:
    return message, params


def first_line(detail: str) -> str:
    return detail.strip().splitlines()[0] if detail.strip() else detail
