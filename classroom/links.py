"""nbgitpuller links for the course: one click logs a student in, pulls the course and opens a chapter.

The first click clones the repository into the student's home (``~/<repository name>/``); later
clicks merge the teacher's new commits without overwriting what the student changed (nbgitpuller
keeps the student's side of every conflicting line; ``classroom/tests/test_repull.py`` checks it).

>>> chapter_link("https://hub.example.edu", "https://github.com/my-school/loss-course", "02",
...              notebooks=["02_sse_mse.ipynb"])  # doctest: +NORMALIZE_WHITESPACE
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fmy-school%2Floss-course&urlpath=lab%2Ftree%2Floss-course%2Fnotebooks%2F02_sse_mse.ipynb&branch=main'
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

__all__ = ["git_pull_link", "chapter_link", "repository_folder"]

ROOT = Path(__file__).resolve().parent.parent


def repository_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: the last part of the URL, as nbgitpuller takes it.

    ``.../loss-course.git`` clones into ``loss-course.git/``: give the URL without ``.git``
    (every git host accepts both) for a folder named like the course.
    """
    name = repo.rstrip("/").split("/")[-1]
    if not name or not urlsplit(repo).scheme:
        raise ValueError(f"repo must be a git URL ending in the repository's name, got {repo!r}")
    return name


def git_pull_link(hub: str, repo: str, urlpath: str, branch: str = "main") -> str:
    """The nbgitpuller link: ``<hub>/hub/user-redirect/git-pull?repo=…&urlpath=…&branch=…``."""
    scheme = urlsplit(hub).scheme
    if scheme not in ("http", "https") or not urlsplit(hub).netloc:
        raise ValueError(f"hub must be the hub's address such as https://hub.example.edu, got {hub!r}")
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch) or branch.startswith("-"):
        raise ValueError(f"branch must be a git branch name, got {branch!r}")
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in (("repo", repo), ("urlpath", urlpath), ("branch", branch)))
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def chapter_link(
    hub: str,
    repo: str,
    chapter: str,
    branch: str = "main",
    folder: str = "notebooks",
    app: str = "lab",
    notebooks: list[str] | None = None,
) -> str:
    """The link that pulls the course and opens chapter ``chapter`` (``"02"``) in JupyterLab.

    ``notebooks`` lists the notebook file names to choose from (default: those in this
    checkout's ``notebooks/``); the chapter's file is the one starting with ``NN_``.
    """
    if not isinstance(chapter, str) or not re.fullmatch(r"\d\d", chapter):
        raise ValueError(f"chapter must be a two-digit chapter number such as '02', got {chapter!r}")
    if app not in ("lab", "notebook"):
        raise ValueError(f"app must be 'lab' or 'notebook', got {app!r}")
    names = notebooks if notebooks is not None else sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    matches = [n for n in names if n.startswith(f"{chapter}_")]
    if len(matches) != 1:
        have = sorted({n[:2] for n in names if n[:2].isdigit()})
        raise ValueError(f"chapter {chapter!r} names no single notebook; the course has chapters {have}")
    path = f"{repository_folder(repo)}/{folder.strip('/')}/{matches[0]}"
    urlpath = f"lab/tree/{path}" if app == "lab" else f"notebooks/{path}"
    return git_pull_link(hub, repo, urlpath, branch)
