"""The students' system accounts: one Unix user each, a private home folder, a password for PAM.

``python classroom/manage.py add-students class.csv`` reads ``name,password`` lines; the hub lets
in members of the class group (``CLASSROOM_GROUP``). Homes are mode 0700: no student can list,
read or write another's files. Removing a student deletes their home folder — export grades first.
"""

from __future__ import annotations

import grp
import pwd
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

__all__ = ["Student", "add", "remove", "exists", "read_class_list"]

NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


class Student(tuple):
    """``(name, password)``."""

    __slots__ = ()

    def __new__(cls, name: str, password: str):
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise ValueError(
                f"name must be a Unix account name (lower-case letter or _, then up to 31 of a-z 0-9 _ -), got {name!r}"
            )
        if not isinstance(password, str) or len(password) < 8 or ":" in password or "\n" in password:
            raise ValueError(f"password for {name} must have at least 8 characters and no ':' or newline")
        return super().__new__(cls, (name, password))

    name = property(lambda self: self[0])
    password = property(lambda self: self[1])


def read_class_list(path: Path) -> list[Student]:
    """Students from a file of ``name,password`` lines (``#`` starts a comment)."""
    students = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, password = line.partition(",")
        if not sep:
            raise ValueError(f"{path}:{number}: expected 'name,password', got {line!r}")
        try:
            students.append(Student(name.strip(), password.strip()))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
    return students


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _run(*args: str, stdin: str | None = None) -> None:
    done = subprocess.run(args, input=stdin, text=True, capture_output=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()}")


def add(students: Iterable[Student], group: str, home_base: Path = Path("/home")) -> list[str]:
    """Create each student's account in ``group`` with a private home under ``home_base``.

    An account that exists already keeps its home and files; only its password and group are set.
    Returns the names created.
    """
    students = list(students)
    try:
        grp.getgrnam(group)
    except KeyError:
        _run("groupadd", group)
    created = []
    for s in students:
        if exists(s.name):
            _run("usermod", "--append", "--groups", group, s.name)
        else:
            _run("useradd", "--create-home", "--base-dir", str(home_base), "--groups", group,
                 "--shell", "/bin/bash", s.name)  # fmt: skip
            created.append(s.name)
        Path(pwd.getpwnam(s.name).pw_dir).chmod(0o700)
    _run("chpasswd", stdin="".join(f"{s.name}:{s.password}\n" for s in students))
    return created


def remove(names: Iterable[str], group: str | None = None) -> None:
    """Delete the accounts and their home folders (and ``group``, if given and now empty)."""
    for name in names:
        if exists(name):
            _run("userdel", "--remove", name)
    if group:
        try:
            members = grp.getgrnam(group).gr_mem
        except KeyError:
            return
        if not members:
            _run("groupdel", group)
