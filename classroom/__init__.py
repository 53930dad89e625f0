"""The classroom deployment: JupyterHub for one server, its limits, links, grading and test harness.

Modules
-------
limits     per-student memory and CPU limits through Linux control groups (v1 or v2)
spawner    the hub's spawner: a real system user per student, inside its own control group
accounts   create and remove the students' system accounts
links      nbgitpuller links for the course
grading    nbgrader assignments made from the chapters, and the per-exercise score table
harness    a throwaway hub on 127.0.0.1 for the tests and the load test
manage     the command line: ``python classroom/manage.py --help``
"""
