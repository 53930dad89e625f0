"""Ready-made explorers, one module per chapter (``chNN.py``), built on :mod:`helpers.live`."""
