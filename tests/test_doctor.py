"""`python -m normlab doctor`: a readiness report whose every line names a status."""

import io
import subprocess
import sys

from normlab.__main__ import doctor


def test_doctor_reports_ok_on_this_machine():
    out = io.StringIO()
    failures = doctor(kernel=False, out=out)
    text = out.getvalue()
    assert failures == 0 and "Result: ready for the course." in text
    for name in ("Python", "numpy", "scipy", "scikit-learn", "matplotlib"):
        assert any(line.startswith("[OK  ]") and name in line for line in text.splitlines())


def test_doctor_command_line_exit_status():
    proc = subprocess.run([sys.executable, "-m", "normlab", "doctor", "--no-kernel"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "ready for the course" in proc.stdout
