"""Run the notebooks under pytest (nbmake: ``--nbmake`` in pyproject's addopts) like the tests.

nbmake runs each notebook in a Jupyter kernel, a separate Python process, where
pytest-socket's blocking does not reach (pytest-socket also skips items that are
not test functions). So, for each notebook, the kernel gets:

- the same network rule as the tests (``--disable-socket``, ``--allow-hosts``),
  installed by an IPython startup file in a temporary ``IPYTHONDIR`` (which also
  keeps the user's own IPython profile out of the run);
- mapper's cache in this session's temporary folder (the one tests/conftest.py
  made, when the tests ran first) and a temporary ``MAPPER_OUTPUTS_DIR``, so a
  run never reads or writes the user's cache or ``outputs/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

STARTUP = """\
import pytest_socket as _pytest_socket

_pytest_socket.socket_allow_hosts({hosts!r}, allow_unix_socket={unix!r})
del _pytest_socket
"""

_CACHE = pytest.StashKey[str]()


def _network_rule(config: pytest.Config) -> str:
    """pytest-socket's rule for a test without socket markers, as Python for the kernel.

    ``--disable-socket`` without ``--allow-hosts`` becomes "connect to no host":
    refusing to create any socket, as pytest-socket then does in a test, would
    stop the kernel itself (its asyncio loop makes a socket pair).
    """
    hosts = None
    if not config.getoption("--force-enable-socket"):
        allowed = config.getoption("--allow-hosts")
        if allowed:
            hosts = allowed.split(",")
        elif config.getoption("--disable-socket"):
            hosts = []
    return STARTUP.format(hosts=hosts, unix=config.getoption("--allow-unix-socket"))


def _cache_dir(config: pytest.Config) -> str:
    """The session's mapper cache: tests/conftest.py's when the tests ran first, else a new one."""
    factory: pytest.TempPathFactory = config._tmp_path_factory
    if _CACHE not in config.stash:
        cache = os.environ.get("MAPPER_CACHE_DIR", "")
        if not cache or not Path(cache).is_relative_to(factory.getbasetemp()):
            cache = str(factory.mktemp("cache"))
        config.stash[_CACHE] = cache
    return config.stash[_CACHE]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    if item.path.suffix != ".ipynb":
        return (yield)
    factory: pytest.TempPathFactory = item.config._tmp_path_factory
    ipython_dir = factory.mktemp("ipython")
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-network.py").write_text(_network_rule(item.config), encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("IPYTHONDIR", str(ipython_dir))
        env.setenv("MAPPER_CACHE_DIR", _cache_dir(item.config))
        env.setenv("MAPPER_OUTPUTS_DIR", str(factory.mktemp("outputs")))
        return (yield)
