# nbgrader's settings for every account on the hub (installed into <env>/etc/jupyter/ by
# `python classroom/manage.py install`). The hub passes both values to each student's server;
# the teacher's course folder has its own nbgrader_config.py (`manage.py course`).
import os

c = get_config()  # noqa: F821 (provided by nbgrader)
c.CourseDirectory.course_id = os.environ.get("CLASSROOM_COURSE_ID", "loss-course")
c.Exchange.root = os.environ.get("CLASSROOM_EXCHANGE", "/srv/nbgrader/exchange")
