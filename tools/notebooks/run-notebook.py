"""Executes one notebook, as `jupyter nbconvert --to notebook --execute` does, for tools/notebooks/execute.

    python3 run-notebook.py NOTEBOOK OUTPUT TIMEOUT STARTUP_TIMEOUT

nbclient executes the cells (what nbconvert calls too) in a kernel that starts in the notebook's folder; consecutive
outputs of one stream are then merged into one, as nbconvert does. nbconvert itself is not imported: its start-up
alone costs about a second of CPU, once per notebook. A cell that fails, or a kernel that does not start, raises
nbclient's exception (the message tools/notebooks/execute looks for) and nothing is written.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient


def merge_streams(cell):
    merged = []
    for output in cell.get("outputs", []):
        previous = merged[-1] if merged else None
        if (output.output_type == "stream" and previous is not None and previous.output_type == "stream"
                and previous.name == output.name):
            previous.text += output.text
        else:
            merged.append(output)
    cell.outputs = merged


def main(notebook, output, timeout, startup_timeout):
    nb = nbformat.read(notebook, as_version=4)
    folder = os.path.dirname(os.path.abspath(notebook))
    NotebookClient(nb, kernel_name="java", timeout=int(timeout), startup_timeout=int(startup_timeout),
                   resources={"metadata": {"path": folder}}).execute()
    for cell in nb.cells:
        if cell.cell_type == "code":
            merge_streams(cell)
    nbformat.write(nb, output)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit("usage: run-notebook.py NOTEBOOK OUTPUT TIMEOUT STARTUP_TIMEOUT")
    main(*sys.argv[1:])
