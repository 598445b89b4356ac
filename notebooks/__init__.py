"""Not code: this file makes pytest import notebooks/conftest.py as ``notebooks.conftest``.

Without it both conftest.py files are the module ``conftest``, the one loaded last
wins, and ``from conftest import ROOT`` in tests/ imports the wrong one.
"""
