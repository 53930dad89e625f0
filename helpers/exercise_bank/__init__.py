"""Exercise definitions, one module per chapter (``chNN.py`` with an ``EXERCISES`` dict)."""
