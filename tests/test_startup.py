"""What `import nbapp` costs every kernel that loads the extension."""
import subprocess
import sys


def test_loading_the_extension_does_not_import_pandas():
    # pandas takes ~0.5 s to import; apps that draw a DataFrame import it themselves.
    code = ("import sys, nbapp, nbapp.jupyter.magic, nbapp.jupyter.session, nbapp.render; "
            "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
