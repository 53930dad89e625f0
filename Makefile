# The course's commands live in run.py (Python alone: Windows, macOS, Linux); these targets are
# aliases for `python run.py TARGET`, kept for those who type make. `python run.py help` lists them.
#   make lab      set up (once) and open your own copies of the course in JupyterLab
#   make lab-ja   the same for the Japanese edition (my-work/ja/, menus in Japanese)
#   make test     set up (once), then lint, unit tests, nbval on every notebook, browser tests
#   make record   re-execute notebooks from chapters/*.py in a clean kernel (NB=02 for one)
#   make reset CH=02   restore a chapter in my-work/, keeping your version beside it
#   make status   which copies you edited, which chapters have a newer version
#   make student  write student/: the course without solutions
#   make classroom-test   the hub's isolation, persistence, grading tests (root; CI runs them)
#   make bench-classroom  the load test: N students on one hub (root; N=10 by default)
# Once .venv/ exists its Python runs run.py; before that python3 does (PYTHON=python3.12 to choose).
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)
RUN := $(PYTHON) run.py

.PHONY: classroom-test bench-classroom setup lab lab-ja test test-every-python lint unit nbval browser record student reset status japanese english bench clean-venv

setup lab lab-ja test lint unit nbval browser status japanese english bench clean-venv:
	$(RUN) $@

test-every-python:
	$(RUN) test --every-python

record:
	$(RUN) record $(NB)

student:
	$(RUN) student

reset:
	$(RUN) reset $(CH)

classroom-test:
	$(RUN) classroom-test

N ?= 10
bench-classroom:
	$(RUN) bench-classroom --students $(N)
